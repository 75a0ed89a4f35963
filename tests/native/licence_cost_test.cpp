// Total cost: licences at the admin's own prices plus credits, in the estimate and its what-if (hand-computed with
// the test card: US wireline/all 0.0190 a minute).
#include <catch2/catch.hpp>

#include "advice/estimate_advice.hpp"
#include "ccredits/error.hpp"
#include "estimate_support.hpp"

using namespace ccredits;

namespace {

json estimate_of(const std::string& scenario) {
  static const estimate_test::Fixture fx;
  return estimate_test::document_of(estimate_and_advice(parse_scenario(scenario, "scenario.json", &fx.plans), fx.index, fx.plans));
}

const char* const kTenDomesticUsers = R"("licenses":[{"country":"US","plan":"domestic","users":10}],
    "conferencing":{"standard":{"assigned":3,"purchased":5}},
    "usage":[{"kind":"user_out","from":"US","to":"US","minutes":1000}])";

}  // namespace

TEST_CASE("licence prices: Pay-As-You-Go costs more credits but may cost less in all", "[licence_cost]") {
  const json e = estimate_of(std::string("{") + kTenDomesticUsers +
      R"(, "licence_prices":{"calling_plans":{"domestic":"8.00","payg":"4.00"},"conferencing":{"standard":"2.50"}}})");
  // Licences: 10 x 8.00 + 5 purchased conferencing licences x 2.50 (the pools count the 3 assigned).
  CHECK(e.at("licence_cost") == json::parse(R"({"monthly":"92.50","total_with_credits":"92.50","unpriced":[]})"));
  const json& w = e.at("what_if");
  CHECK(w.at("monthly_total") == "19.00");  // 1000 x 0.0190 once on Pay-As-You-Go
  CHECK(w.at("licences") == json::parse(R"({"after":"52.50","current":"92.50","difference":"-40.00"})"));
  CHECK(w.at("total") == json::parse(R"({"after":"71.50","current":"92.50","difference":"-21.00"})"));
  CHECK(w.at("note") == "Licences at the prices you entered, plus the monthly credit spend, are compared.");
  CHECK(w.at("summary") == "Monthly credit spend 0.00 -> 19.00 USD (+19.00 a month). "
                           "Licences plus credits 92.50 -> 71.50 USD (-21.00 a month).");
  CHECK_FALSE(w.contains("unpriced_licences"));
}

TEST_CASE("licence prices: a plan without a price leaves licences out and says which", "[licence_cost]") {
  const json e = estimate_of(std::string("{") + kTenDomesticUsers + R"(, "licence_prices":{"calling_plans":{"domestic":"8.00"}}})");
  CHECK(e.at("licence_cost").at("unpriced") == json::parse(R"(["conferencing.standard"])"));
  CHECK(e.at("licence_cost").at("monthly") == "80.00");
  const json& w = e.at("what_if");
  CHECK(w.at("unpriced_licences") == json::parse(R"(["conferencing.standard","payg"])"));
  CHECK_FALSE(w.contains("licences"));
  CHECK_FALSE(w.contains("total"));
  CHECK(w.at("note") == "Only the per-minute spend from credits is compared: enter your licence price for "
                        "Audio Conferencing, Pay-As-You-Go to compare licences plus credits.");
}

TEST_CASE("licence prices: without them the estimate and the what-if are as before", "[licence_cost]") {
  const json e = estimate_of(std::string("{") + kTenDomesticUsers + "}");
  CHECK_FALSE(e.contains("licence_cost"));
  CHECK_FALSE(e.at("what_if").contains("licences"));
  CHECK(e.at("what_if").at("note") == "Only the per-minute spend from credits is compared; the plans' licence prices are not included.");
}

TEST_CASE("licence prices: junk is refused at its field", "[licence_cost]") {
  const auto error_of = [](const std::string& prices) {
    try {
      estimate_of(std::string("{") + kTenDomesticUsers + R"(, "licence_prices":)" + prices + "}");
    } catch (const InputError& e) {
      return std::string(e.code()) + ": " + e.what();
    }
    return std::string("no error");
  };
  CHECK(error_of(R"({"calling_plans":{"domestic":"-1.00"}})") ==
        "bad_value: The licence price for domestic cannot be negative.");
  CHECK(error_of(R"({"calling_plans":{"domestc":"1.00"}})").rfind("unknown_plan: A licence price is for domestic,", 0) == 0);
  CHECK(error_of(R"({"conferencing":{"premium":"1.00"}})").rfind("bad_value: A conferencing licence price is for", 0) == 0);
  CHECK(error_of(R"({"calling_plans":{"domestic":"eight"}})").rfind("bad_number", 0) == 0);
  CHECK(error_of(R"({"phones":{}})").rfind("bad_value: The licence prices have calling_plans and conferencing", 0) == 0);
}
