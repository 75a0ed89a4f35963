#include <catch2/catch.hpp>

#include "ccredits/calculator.hpp"
#include "source_files.hpp"

using namespace ccredits;

namespace {

Calculator& calculator() {
  static Calculator calc;
  static bool loaded = false;
  if (!loaded) {
    calc.load_rates(R"({"schema": "ccredits.rates/1", "currency": "USD", "illustrative": true, "sheets": {
      "dial_out_calls": [
        {"country": "FR", "destination": "France-Mobile", "prefixes": ["336", "337"], "number_type": "wireless",
         "per_minute": "0.0890"},
        {"country": "ZW", "destination": "Zimbabwe-Mobile", "prefixes": ["26377"], "number_type": "wireless",
         "per_minute": "0.0075", "connection": "0.0100"},
        {"country": "US", "prefixes": ["1"], "per_minute": "0.0190"},
        {"country": "CA", "prefixes": ["1416"], "per_minute": "0.0190"}],
      "dial_out_audio": [
        {"country": "FR", "prefixes": ["33"], "per_minute": "0.0276"},
        {"country": "FR", "destination": "France-Premium", "prefixes": ["3389"], "number_type": "premium",
         "per_minute": "0.9000"},
        {"country": "ZW", "prefixes": ["263"], "per_minute": "0.2530"}]}})", "sim.json");
    calc.load_plans(read_source_file("rates/plans.json"), "plans.json");
    loaded = true;
  }
  return calc;
}

json call(const std::string& number, long seconds, const char* kind = "user_out", const char* from = "US") {
  return calculator().simulate(
      json{{"from", from}, {"number", number}, {"seconds", seconds}, {"kind", kind}}.dump());
}

}  // namespace

TEST_CASE("Simulated calls are billed in 6-second increments", "[simulate]") {
  // 0.0890 per minute: 6 s = 0.0890 x 6/60 = 0.0089
  const json six = call("+33 6 12 34 56 78", 6);
  CHECK(six["matched_prefix"] == "336");
  CHECK(six["country"] == "FR");
  CHECK(six["number_type"] == "wireless");
  CHECK(six["billed_seconds"] == 6);
  CHECK(six["rate"] == "0.089");
  CHECK(six["cost"] == "0.0089");
  CHECK(six["currency"] == "USD");
  CHECK(six["illustrative"] == true);
  // 7 s -> 12 s: 0.0890 x 12/60 = 0.0178
  CHECK(call("+33-7-12-34-56-78", 7)["billed_seconds"] == 12);
  CHECK(call("+33-7-12-34-56-78", 7)["cost"] == "0.0178");
  // 1 s -> 6 s
  CHECK(call("+33612345678", 1)["cost"] == "0.0089");
  // 61 s -> 66 s: 0.0890 x 66/60 = 0.0979, shown as 0.10
  const json long_call = call("+33612345678", 61);
  CHECK(long_call["billed_seconds"] == 66);
  CHECK(long_call["cost"] == "0.0979");
  CHECK(long_call["cost_rounded"] == "0.10");
  // 0 s: nothing billed, no connection charge
  const json zero = call("+33612345678", 0);
  CHECK(zero["billed_seconds"] == 0);
  CHECK(zero["cost"] == "0");
  // The worked sum in words, each amount with its currency; a rate without a connection charge says so.
  CHECK_THAT(long_call["explanation"].get<std::string>(),
             Catch::Contains("61 s are billed as 66 s (6-second increments) at 0.089 USD per minute = 0.0979 USD, "
                             "with no connection charge (illustrative rates, not Microsoft's)."));
}

TEST_CASE("A connection charge is added once per call, with a sub-cent rate", "[simulate]") {
  // 0.0075 per minute, 61 s -> 66 s: 0.0075 x 66/60 = 0.00825; + 0.0100 connection = 0.01825
  const json zw = call("+263 77 123 4567", 61);
  CHECK(zw["usage_cost"] == "0.00825");
  CHECK(zw["connection"] == "0.01");
  CHECK(zw["cost"] == "0.01825");
  CHECK(zw["cost_rounded"] == "0.02");
  CHECK(zw["pool"] == "billed from credits");
  CHECK_THAT(zw["explanation"].get<std::string>(),
             Catch::Contains("at 0.0075 USD per minute = 0.00825 USD plus a connection charge of 0.01 USD = 0.01825 USD "
                             "(illustrative rates, not Microsoft's)."));
  // 7 s -> 12 s: 0.0015 + 0.0100 = 0.0115
  CHECK(call("+263771234567", 7)["cost"] == "0.0115");
}

TEST_CASE("The simulator says which pool a call may draw from", "[simulate]") {
  CHECK(call("+1 212 555 0100", 60)["pool"] == "may draw from the calling-plan pool");
  CHECK(call("+1 416 555 0100", 60)["country"] == "CA");
  CHECK(call("+1 416 555 0100", 60)["pool"] == "may draw from the calling-plan pool");  // US <-> CA domestic
  CHECK(call("+33612345678", 60)["pool"] == "billed from credits");
  CHECK(call("+33612345678", 60, "user_out", "FR")["pool"] == "may draw from the calling-plan pool");
  const json conf = call("+33 1 23 45 67 89", 60, "conf_out");
  CHECK(conf["pool"] == "Zone A conferencing pool");
  CHECK(conf["rate"] == "0.0276");  // the Dial-out Audio Rates sheet
  CHECK(call("+33 89 123 4567", 60, "conf_out")["pool"] == "billed from credits");  // premium
  CHECK(call("+263 77 123 4567", 60, "conf_out")["pool"] == "billed from credits");  // not Zone A
}

TEST_CASE("Unknown numbers and bad requests are clear errors", "[simulate][errors]") {
  try {
    call("+999 123", 60);
    FAIL("priced an unknown number");
  } catch (const InputError& e) {
    CHECK(e.code() == "missing_rate");
    CHECK(std::string(e.what()).find("+999 123") != std::string::npos);
  }
  CHECK_THROWS_AS(call("+33 6 12 AB", 60), InputError);
  CHECK_THROWS_AS(call("+33612345678", 60, "toll_in"), InputError);
  CHECK_THROWS_AS(call("+33612345678", -1), InputError);
  CHECK_THROWS_AS(call("+33612345678", 60, "user_out", "XX"), InputError);
  Calculator empty;
  CHECK_THROWS_AS(empty.simulate(R"({"from": "US", "number": "+33612345678", "seconds": 6})"), InputError);
}

TEST_CASE("Numbers dialled with 00 or 011 are read as international numbers", "[simulate]") {
  const json with_00 = call("00 33 6 12 34 56 78", 60, "user_out", "FR");
  CHECK(with_00.at("digits") == "33612345678");
  CHECK(with_00.at("destination") == "France-Mobile");
  CHECK_THAT(with_00.at("explanation").get<std::string>(), Catch::StartsWith("Dialled with the international access code 00"));
  const json with_011 = call("011 263 77 123 4567", 60);
  CHECK(with_011.at("digits") == "263771234567");
  CHECK(with_011.at("country") == "ZW");
  // With a "+", the digits are the number as they are.
  CHECK(call("+33 6 12 34 56 78", 60).at("digits") == "33612345678");
}

TEST_CASE("Toll-free destination numbers are recognised and said so", "[simulate]") {
  const json r = call("+1 800 555 0100", 60);
  CHECK(r.at("toll_free") == true);
  CHECK_THAT(r.at("explanation").get<std::string>(), Catch::Contains("is a toll-free number (+1 800)"));
  CHECK_FALSE(call("+1 212 555 0100", 60).contains("toll_free"));
}
