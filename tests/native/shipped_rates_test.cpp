#include <catch2/catch.hpp>

#include "reference/countries.hpp"
#include "ccredits/error.hpp"
#include "reference/rate_card.hpp"
#include "reference/rate_lookup.hpp"
#include "source_files.hpp"

using namespace ccredits;

namespace {

// core/DOMAIN.md §4, Zone A (audio-conferencing-zones.md).
const std::vector<std::string> kZoneA = {"AU", "AT", "BE", "BR", "BG", "CA", "CN", "HR", "CZ", "DK", "EE",
                                         "FI", "FR", "DE", "GR", "HK", "HU", "IN", "IE", "IT", "JP", "LU",
                                         "MY", "MX", "NL", "NZ", "NO", "PL", "PT", "PR", "RO", "RU", "SG",
                                         "SK", "SI", "ZA", "KR", "ES", "SE", "CH", "TW", "TH", "GB", "US"};

}  // namespace

TEST_CASE("countries.json: names and the country of a number", "[countries]") {
  const CountryTable table = CountryTable::parse(read_source_file("rates/countries.json"), "countries.json");
  CHECK(table.all().size() >= 240);
  REQUIRE(table.find("fr"));
  CHECK(table.find("FR")->name == "France");
  CHECK(table.find_by_name("germany")->code == "DE");
  CHECK(table.from_number("12125550100")->code == "US");
  CHECK(table.from_number("14165550100")->code == "CA");
  CHECK(table.from_number("17875550100")->code == "PR");
  CHECK(table.from_number("441534123456")->code == "JE");
  CHECK(table.from_number("442071234567")->code == "GB");
  CHECK(table.from_number("77011234567")->code == "KZ");
  CHECK(table.from_number("74951234567")->code == "RU");
  CHECK(table.from_number("590590123456")->code == "GP");  // shared +590: the "primary"
  CHECK(table.from_number("263771234567")->code == "ZW");
  CHECK(table.from_number("999") == nullptr);
  CHECK(shipped_countries().all().size() == table.all().size());  // the compiled-in copy is this file
  CHECK(e164_digits("+33 (0)6-12.34", "n") == "3361234");
  CHECK(e164_digits(" +1 (212) 555-0100 ", "n") == "12125550100");
  CHECK(e164_digits("+4930123****", "n") == "4930123****");
  CHECK_THROWS_AS(e164_digits("+49 30 12*34", "n"), InputError);
  CHECK_THROWS_AS(e164_digits("call me", "n"), InputError);
}

TEST_CASE("Every shipped card loads and names only countries of countries.json", "[rates][shipped]") {
  const CountryTable& countries = shipped_countries();
  for (const char* file : {"rates/illustrative-usd.json", "rates/illustrative-eur.json", "rates/illustrative-gbp.json"}) {
    INFO(file);
    const RateCard card = load_rate_card_json(read_source_file(file), file);
    CHECK(card.illustrative);
    CHECK(card.source.find("invented") != std::string::npos);
    for (std::size_t s = 0; s < kSheetCount; ++s) {
      CHECK_FALSE(card.sheets[s].empty());
      for (const RateRow& row : card.sheets[s]) {
        INFO(row.destination);
        CHECK(countries.find(row.country) != nullptr);
        for (const std::string& p : row.prefixes) {
          const Country* c = countries.from_number(p);
          // A prefix belongs to its row's country (US "1" and the NANP area codes included).
          REQUIRE(c != nullptr);
          CHECK(c->code == row.country);
        }
      }
    }
    const RateIndex index(card);
    for (const std::string& code : kZoneA) {
      INFO(code);
      CHECK(index.by_country(Sheet::dial_out_audio, code, NumberType::wireline) != nullptr);
      CHECK(index.by_country(Sheet::toll_free_in, code, NumberType::all) != nullptr);
    }
  }
}

TEST_CASE("The shipped cards keep the documented example rates; EUR/GBP are converted USD", "[rates][shipped]") {
  const RateCard usd = load_rate_card_json(read_source_file("rates/illustrative-usd.json"), "usd");
  const RateCard eur = load_rate_card_json(read_source_file("rates/illustrative-eur.json"), "eur");
  const RateCard gbp = load_rate_card_json(read_source_file("rates/illustrative-gbp.json"), "gbp");
  const RateIndex u(usd), e(eur), g(gbp);
  CHECK(u.by_number(Sheet::dial_out_calls, "33612345678")->per_minute == Money::parse("0.0890"));
  CHECK(u.by_number(Sheet::dial_out_calls, "33712345678")->per_minute == Money::parse("0.0890"));
  CHECK(u.by_country(Sheet::dial_out_calls, "DE", NumberType::wireline)->per_minute == Money::parse("0.0260"));
  CHECK(u.by_country(Sheet::dial_out_calls, "GB", NumberType::wireline)->per_minute == Money::parse("0.0220"));
  CHECK(u.by_country(Sheet::dial_out_calls, "US", NumberType::wireline)->per_minute == Money::parse("0.0190"));
  // 0.0890 x 0.92 = 0.08188 -> 0.0819; 0.0890 x 0.79 = 0.07031 -> 0.0703
  CHECK(e.by_number(Sheet::dial_out_calls, "33612345678")->per_minute == Money::parse("0.0819"));
  CHECK(g.by_number(Sheet::dial_out_calls, "33612345678")->per_minute == Money::parse("0.0703"));
  CHECK(eur.currency == "EUR");
  CHECK(gbp.currency == "GBP");
  // A wireless route with a connection charge: 0.0100 USD -> 0.0092 EUR
  CHECK(u.by_number(Sheet::dial_out_calls, "263771234567")->connection == Money::parse("0.0100"));
  CHECK(e.by_number(Sheet::dial_out_calls, "263771234567")->connection == Money::parse("0.0092"));
}
