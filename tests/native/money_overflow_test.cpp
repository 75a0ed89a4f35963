// Money overflow: a year of a large tenant's calls sums exactly; a sum beyond int64 millionths is
// InputError{"overflow"}, never a wrapped or silently clamped amount. Expectations computed by hand below.
#include <catch2/catch.hpp>
#include <string>

#include "ccredits/calculator.hpp"
#include "ccredits/error.hpp"
#include "source_files.hpp"

using namespace ccredits;

namespace {

// A card with round rates so the expected totals can be checked by hand.
const char* const kCard = R"({"schema":"ccredits.rates/1","currency":"USD","effective":"2026-11-01",
  "source":"test","illustrative":true,"billing_increment_seconds":6,"sheets":{"dial_out_calls":[
  {"origin":"*","destination":"France","country":"FR","prefixes":["33"],"number_type":"all",
   "per_minute":"0.0240","connection":"0.0100"},
  {"origin":"*","destination":"Premium","country":"GB","prefixes":["449"],"number_type":"all",
   "per_minute":"2","connection":"0"}]}})";

// No licences are entered, so every minute is billed as Pay-As-You-Go at the card's rate (calling_plan_pools.cpp).
json estimate(const std::string& usage) {
  Calculator calc;
  calc.load_plans(read_source_file("rates/plans.json"), "plans.json");
  calc.load_rates(kCard, "card.json");
  return json::parse(calc.estimate_text(R"({"schema":"ccredits.scenario/1","usage":[)" + usage + "]}", "scenario.json"));
}

std::string error_code(const std::string& usage) {
  try {
    estimate(usage);
  } catch (const InputError& e) {
    return e.code();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a month and a year of 50,000 users x 2,000 calls a month sum exactly", "[money][overflow]") {
  // A month: 50,000 users x 2,000 calls = 100,000,000 calls of 3.5 minutes = 350,000,000 minutes.
  // 350,000,000 x 0.0240 = 8,400,000.00; 100,000,000 connections x 0.0100 = 1,000,000.00.
  const json month = estimate(
      R"({"kind":"user_out","from":"US","to":"FR","minutes":350000000,"calls":100000000})");
  CHECK(month["lines"][0]["amount"] == "9400000.00");
  CHECK(month["monthly_total"] == "9400000.00");
  // The year as one aggregate (12 x 350,000,000 = 4,200,000,000 minutes): 4,200,000,000 x 0.0240 = 100,800,000.00.
  const json year = estimate(R"({"kind":"user_out","from":"US","to":"FR","minutes":4200000000})");
  CHECK(year["monthly_total"] == "100800000.00");
}

TEST_CASE("an odd rate over billions of minutes keeps every millionth", "[money][overflow]") {
  // 4,200,000,001.5 minutes x 0.0240 = 100,800,000.036 -> 100,800,000.04 (half-up, once).
  const json e =
      estimate(R"({"kind":"user_out","from":"US","to":"FR","minutes":4200000001.5,"calls":0})");
  CHECK(e["monthly_total"] == "100800000.04");
}

TEST_CASE("a line beyond int64 millionths is an overflow error", "[money][overflow]") {
  // 9,000,000,000,000 minutes x 2 = 18,000,000,000,000 USD = 1.8e19 millionths > 9.22e18.
  CHECK(error_code(R"({"kind":"user_out","from":"US","to":"GB","minutes":9000000000000})") == "overflow");
}

TEST_CASE("a total beyond int64 millionths is an overflow error, each line fitting", "[money][overflow]") {
  // Each line: 300,000,000,000 x 2 = 6e11 USD = 6e17 millionths, which fits even as the planner's 12 months of
  // spend (7.2e18); 16 lines sum to 9.6e18 > 9.22e18 millionths.
  const std::string line = R"({"kind":"user_out","from":"US","to":"GB","minutes":300000000000})";
  CHECK(estimate(line)["monthly_total"] == "600000000000.00");
  std::string sixteen = line;
  for (int i = 1; i < 16; ++i) sixteen += "," + line;
  CHECK(error_code(sixteen) == "overflow");
}

TEST_CASE("a call count that cannot be real is refused, not wrapped", "[money][overflow]") {
  // 0.0100 x 9,000,000,000,000,000,000 calls would not fit; json_input refuses counts above 10^9 a month first.
  CHECK(error_code(R"({"kind":"user_out","from":"US","to":"FR","minutes":1,"calls":9000000000000000000})") ==
        "bad_value");
  CHECK(error_code(R"({"kind":"user_out","from":"US","to":"FR","minutes":1,"calls":18446744073709551616})") !=
        "no error");
}

TEST_CASE("minutes too large to hold are rejected when read", "[money][overflow]") {
  // 99,999,999,999,999 minutes = 1e20 millionths: cannot be held, must not wrap.
  const std::string code = error_code(R"({"kind":"user_out","from":"US","to":"FR","minutes":99999999999999})");
  CHECK(code != "no error");
}
