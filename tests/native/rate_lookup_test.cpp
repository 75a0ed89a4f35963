#include <catch2/catch.hpp>

#include "reference/rate_lookup.hpp"

using namespace ccredits;

namespace {

RateRow make_row(const char* origin, const char* country, std::vector<std::string> prefixes, NumberType type,
                 const char* rate) {
  RateRow r;
  r.origin = origin;
  r.country = country;
  r.destination = country;
  r.prefixes = std::move(prefixes);
  r.number_type = type;
  r.per_minute = Money::parse(rate);
  return r;
}

RateCard lookup_card() {
  RateCard card;
  card.currency = "USD";
  auto& rows = card.rows(Sheet::dial_out_calls);
  rows.push_back(make_row("*", "DE", {"49"}, NumberType::wireline, "0.0260"));          // 0
  rows.push_back(make_row("*", "DE", {"4930"}, NumberType::wireline, "0.0200"));        // 1 Berlin
  rows.push_back(make_row("*", "DE", {"4915", "4917"}, NumberType::wireless, "0.0800"));  // 2
  rows.push_back(make_row("*", "FR", {"33"}, NumberType::wireline, "0.0240"));          // 3
  rows.push_back(make_row("US", "FR", {"33"}, NumberType::wireline, "0.0200"));         // 4 origin-specific
  rows.push_back(make_row("*", "FR", {"336"}, NumberType::wireless, "0.0890"));         // 5
  rows.push_back(make_row("*", "GB", {"44"}, NumberType::all, "0.0220"));               // 6
  return card;
}

}  // namespace

TEST_CASE("Lookup by number takes the longest prefix", "[lookup]") {
  const RateCard card = lookup_card();
  const RateIndex index(card);
  const auto& rows = card.rows(Sheet::dial_out_calls);
  CHECK(index.by_number(Sheet::dial_out_calls, "493012345678") == &rows[1]);
  CHECK(index.by_number(Sheet::dial_out_calls, "498912345678") == &rows[0]);
  CHECK(index.by_number(Sheet::dial_out_calls, "4917612345678") == &rows[2]);
  CHECK(index.by_number(Sheet::dial_out_calls, "4915") == &rows[2]);  // the number is exactly the prefix
  CHECK(index.by_number(Sheet::dial_out_calls, "4") == nullptr);      // shorter than every prefix
}

TEST_CASE("Masked tails are ignored: the visible digits match", "[lookup]") {
  const RateCard card = lookup_card();
  const RateIndex index(card);
  const auto& rows = card.rows(Sheet::dial_out_calls);
  CHECK(index.by_number(Sheet::dial_out_calls, "4930123****") == &rows[1]);
  CHECK(index.by_number(Sheet::dial_out_calls, "4989****") == &rows[0]);
  CHECK(index.by_number(Sheet::dial_out_calls, "33612xxxx") == &rows[5]);
}

TEST_CASE("An origin-specific row beats '*' at the same length, not a longer prefix", "[lookup]") {
  const RateCard card = lookup_card();
  const RateIndex index(card);
  const auto& rows = card.rows(Sheet::dial_out_calls);
  CHECK(index.by_number(Sheet::dial_out_calls, "33112345678", "US") == &rows[4]);
  CHECK(index.by_number(Sheet::dial_out_calls, "33112345678", "GB") == &rows[3]);
  CHECK(index.by_number(Sheet::dial_out_calls, "33112345678") == &rows[3]);
  CHECK(index.by_number(Sheet::dial_out_calls, "33612345678", "US") == &rows[5]);  // 336 is longer than 33
}

TEST_CASE("Lookup by country falls back to the country's all row", "[lookup]") {
  const RateCard card = lookup_card();
  const RateIndex index(card);
  const auto& rows = card.rows(Sheet::dial_out_calls);
  CHECK(index.by_country(Sheet::dial_out_calls, "DE", NumberType::wireless) == &rows[2]);
  CHECK(index.by_country(Sheet::dial_out_calls, "DE", NumberType::wireline) == &rows[0]);  // first in file order
  CHECK(index.by_country(Sheet::dial_out_calls, "GB", NumberType::wireless) == &rows[6]);  // all row
  CHECK(index.by_country(Sheet::dial_out_calls, "DE", NumberType::premium) == nullptr);   // no all row
  CHECK(index.by_country(Sheet::dial_out_calls, "FR", NumberType::wireline, "US") == &rows[4]);
  CHECK(index.by_country(Sheet::dial_out_calls, "FR", NumberType::wireline, "GB") == &rows[3]);
}

TEST_CASE("No match is nullptr, never a row of another sheet", "[lookup]") {
  const RateCard card = lookup_card();
  const RateIndex index(card);
  CHECK(index.by_number(Sheet::dial_out_calls, "99912345") == nullptr);
  CHECK(index.by_number(Sheet::dial_out_calls, "") == nullptr);
  CHECK(index.by_number(Sheet::dial_out_calls, "****") == nullptr);
  CHECK(index.by_number(Sheet::toll_in, "493012345678") == nullptr);
  CHECK(index.by_country(Sheet::dial_out_calls, "ZW", NumberType::all) == nullptr);
}
