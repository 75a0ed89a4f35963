#include <catch2/catch.hpp>

#include "ccredits/error.hpp"
#include "reference/rate_card.hpp"
#include "source_files.hpp"

using namespace ccredits;

namespace {

InputError load_error(const std::string& text) {
  try {
    load_rate_card_json(text, "card.json");
  } catch (const InputError& e) {
    return e;
  }
  FAIL("the card loaded");
  throw;
}

}  // namespace

TEST_CASE("The shipped USD card loads", "[rates]") {
  const RateCard card = load_rate_card_json(read_source_file("rates/illustrative-usd.json"), "illustrative-usd.json");
  CHECK(card.currency == "USD");
  CHECK(card.illustrative);
  CHECK(card.billing_increment_seconds == 6);
  CHECK_FALSE(card.rows(Sheet::dial_out_calls).empty());
}

TEST_CASE("A rate card row reads every field of core/CONTRACT.md", "[rates]") {
  const RateCard card = load_rate_card_json(R"({
    "schema": "ccredits.rates/1", "currency": "eur", "effective": "2026-11-01", "source": "test",
    "sheets": {"dial_out_calls": [{"origin": "de", "destination": "France-Mobile", "country": "FR",
      "prefixes": ["336", "337"], "number_type": "wireless", "per_minute": "0.0890", "connection": 0.01}]}})",
                                            "card.json");
  CHECK(card.currency == "EUR");
  CHECK_FALSE(card.illustrative);
  REQUIRE(card.rows(Sheet::dial_out_calls).size() == 1);
  const RateRow& r = card.rows(Sheet::dial_out_calls)[0];
  CHECK(r.origin == "DE");
  CHECK(r.destination == "France-Mobile");
  CHECK(r.prefixes == std::vector<std::string>{"336", "337"});
  CHECK(r.number_type == NumberType::wireless);
  CHECK(r.per_minute == Money::parse("0.089"));
  CHECK(r.connection == Money::parse("0.01"));
  CHECK(card.rows(Sheet::toll_in).empty());
}

TEST_CASE("Broken rate cards give located, readable errors", "[rates][errors]") {
  const InputError syntax = load_error("{\n  \"schema\": \"ccredits.rates/1\",\n  \"currency\": USD\n}");
  CHECK(syntax.code() == "bad_json");
  CHECK(syntax.file() == "card.json");
  CHECK(syntax.line() == 3);
  CHECK(syntax.column() == 15);

  const InputError schema = load_error(R"({"schema": "other", "currency": "USD", "sheets": {}})");
  CHECK(schema.code() == "bad_schema");

  const InputError rate = load_error(R"({"schema": "ccredits.rates/1", "currency": "USD", "sheets": {
    "toll_in": [{"country": "US", "per_minute": "0,05"}]}})");
  CHECK(rate.code() == "bad_number");
  CHECK(rate.path() == "sheets.toll_in[0].per_minute");
  CHECK(std::string(rate.what()).find("per-minute rate of row 1 of the Dial-in to toll sheet") != std::string::npos);

  const InputError sheet = load_error(R"({"schema": "ccredits.rates/1", "currency": "USD", "sheets": {"x": []}})");
  CHECK(std::string(sheet.what()).find("Unknown sheet \"x\"") != std::string::npos);

  const InputError negative = load_error(R"({"schema": "ccredits.rates/1", "currency": "USD", "sheets": {
    "toll_in": [{"country": "US", "per_minute": "-0.05"}]}})");
  CHECK(negative.code() == "bad_value");

  const InputError deep = load_error(std::string(100000, '[') + std::string(100000, ']'));
  CHECK(deep.code() == "json_too_deep");

  const InputError float_rate = load_error(R"({"schema": "ccredits.rates/1", "currency": "USD", "sheets": {
    "toll_in": [{"country": "US", "per_minute": 1e309}]}})");
  CHECK(float_rate.code() == "bad_number");
  CHECK(float_rate.file() == "card.json");
  CHECK(float_rate.line() == 2);
}
