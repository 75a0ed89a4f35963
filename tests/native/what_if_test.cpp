// What-if: the same usage on another plan mix, priced by the same estimate code (hand-computed with the test card:
// US wireline/all 0.0190 a minute).
#include <catch2/catch.hpp>

#include "ccredits/error.hpp"
#include "advice/estimate_advice.hpp"
#include "estimate_support.hpp"

using namespace ccredits;

namespace {

json advice_of(const std::string& scenario) {
  static const estimate_test::Fixture fx;
  return estimate_test::document_of(estimate_and_advice(parse_scenario(scenario, "scenario.json", &fx.plans), fx.index, fx.plans));
}

}  // namespace

TEST_CASE("what-if: Domestic users moved to Pay-As-You-Go pay for every minute", "[what_if]") {
  const json e = advice_of(R"({"licenses":[{"country":"US","plan":"domestic","users":10}],
      "usage":[{"kind":"user_out","from":"US","to":"US","minutes":1000}]})");
  CHECK(e.at("monthly_total") == "0.00");  // 1000 of 30000 pooled minutes
  const json& w = e.at("what_if");
  REQUIRE(w.is_object());
  CHECK(w.at("changes").size() == 1);
  CHECK(w.at("changes")[0].at("to") == "payg");
  CHECK(w.at("monthly_total") == "19.00");  // 1000 x 0.0190
  CHECK(w.at("difference") == "19.00");
  CHECK(w.at("by_use_case").at("payg_outbound") == "19.00");
}

TEST_CASE("what-if: Pay-As-You-Go users moved to Domestic save the pooled minutes", "[what_if]") {
  const json e = advice_of(R"({"licenses":[{"country":"US","plan":"payg","users":10}],
      "usage":[{"kind":"user_out","from":"US","to":"US","minutes":1000}]})");
  CHECK(e.at("monthly_total") == "19.00");
  CHECK(e.at("needs_credits") == true);
  const json& w = e.at("what_if");
  CHECK(w.at("changes")[0].at("to") == "domestic");
  CHECK(w.at("monthly_total") == "0.00");
  CHECK(w.at("difference") == "-19.00");
}

TEST_CASE("what-if: the scenario's plan changes, limited to a country", "[what_if]") {
  const json e = advice_of(R"({"licenses":[{"country":"US","plan":"domestic","users":10},{"country":"CA","plan":"domestic","users":10}],
      "usage":[{"kind":"user_out","from":"US","to":"US","minutes":1000},{"kind":"user_out","from":"CA","to":"CA","minutes":500}],
      "what_if":{"plan_changes":[{"from":"domestic","to":"payg","country":"CA"}]}})");
  const json& w = e.at("what_if");
  REQUIRE(w.at("changes").size() == 1);
  CHECK(w.at("changes")[0].at("country") == "CA");
  CHECK(w.at("monthly_total") == "10.00");  // 500 x 0.0200 (Canada)
  CHECK(w.at("difference") == "10.00");
}

TEST_CASE("what-if: nothing to compare without Calling Plan users", "[what_if]") {
  const json e = advice_of(R"({"usage":[]})");
  CHECK(e.at("what_if").is_null());
  CHECK(e.at("needs_credits") == false);
  CHECK(e.at("recommendation").at("purchase_needed") == false);
}

TEST_CASE("what-if: a bad plan name is a located error", "[what_if]") {
  CHECK_THROWS_WITH(advice_of(R"({"licenses":[{"country":"US","plan":"domestic","users":1}],
      "what_if":{"plan_changes":[{"from":"domestic","to":"cheap"}]}})"),
                    Catch::Contains("The new plan of plan change 1 of the what-if"));
}

TEST_CASE("the estimate's pools feed the need reasons", "[what_if]") {
  const json e = advice_of(R"({"licenses":[{"country":"US","plan":"domestic","users":10}],
      "usage":[{"kind":"user_out","from":"US","to":"US","minutes":1000}],
      "billing":{"calling_account":"mosa","default_account":"mosa","channel":"direct","tenant_country":"US"}})");
  CHECK(e.at("needs_credits") == false);
  CHECK(e.at("needs_credits_reasons")[2] ==
        "Calling Plan overage: nothing billed (Domestic Calling Plan pool in US: 29,000 of 30,000 included minutes remain).");
  CHECK(e.at("eligibility").at("can_purchase") == "yes");
}

TEST_CASE("what-if: minutes the pool covers need no rate; a what-if that cannot be priced says so on its own",
          "[what_if]") {
  // A card without a DE `all` row: the shipped USD card (DE wireline, wireless and premium only). One DE Domestic user, 10 minutes DE -> DE of unknown type: the 1,200-minute pool
  // covers them, nothing is billed and nothing is looked up. The what-if (Pay-As-You-Go) would bill them.
  const RateCard card = load_rate_card_json(read_source_file("rates/illustrative-usd.json"), "illustrative-usd.json");
  const RateIndex index(card);
  const Plans& plans = estimate_test::fixture().plans;
  const json e = estimate_test::document_of(estimate_and_advice(
      parse_scenario(R"({"licenses":[{"country":"DE","plan":"domestic","users":1}],
        "usage":[{"kind":"user_out","from":"DE","to":"DE","number_type":"all","minutes":10}]})", "scenario.json", &plans),
      index, plans));
  CHECK(e.at("monthly_total") == "0.00");
  const json& w = e.at("what_if");
  REQUIRE(w.is_object());
  CHECK(w.at("error").at("code") == "missing_rate");
  CHECK_FALSE(w.contains("monthly_total"));
  CHECK(w.at("summary").get<std::string>().rfind("The change cannot be priced: ", 0) == 0);
}

TEST_CASE("what-if: a US customer's Mexican users are not moved to the Mexico Pay-As-You-Go plan", "[what_if][payg]") {
  const char* usage = R"("licenses":[{"country":"MX","plan":"domestic","users":2}],
      "usage":[{"kind":"user_out","from":"MX","to":"MX","minutes":100}])";
  const json us = advice_of(std::string("{") + usage + R"(, "billing":{"organization_country":"US"}})");
  CHECK(us.at("what_if").is_null());
  const json de = advice_of(std::string("{") + usage + R"(, "billing":{"organization_country":"DE"}})");
  REQUIRE(de.at("what_if").is_object());
  CHECK(de.at("what_if").at("changes")[0].at("country") == "MX");
}

TEST_CASE("the estimate's eligibility says the Mexico plan is not for US customers", "[what_if][payg]") {
  const json e = advice_of(R"({"licenses":[{"country":"MX","plan":"payg","users":2}],
      "billing":{"organization_country":"US"}})");
  const json& plans = e.at("eligibility").at("plan_availability");
  REQUIRE(plans.size() == 1);
  CHECK(plans[0].at("code") == "payg_not_sold_to_customer");
  CHECK(plans[0].at("answer") == "no");
}

// The what-if rates only the Calling Plans again (compute_estimate_for_licences): its totals, pools and warnings must be
// those of a whole estimate of the changed scenario, on the benchmark's 200-row scenario (every use case, pools of
// both kinds, warnings from Calling Plans and conferencing) and on it with conferencing licences gone.
TEST_CASE("what-if: rating only the Calling Plans again gives a whole estimate's totals", "[what_if]") {
  const Plans plans = load_plans(read_source_file("rates/plans.json"), "plans.json");
  const RateCard card = load_rate_card_json(read_source_file("tests/bench/bench-rates.json"), "bench-rates.json");
  const RateIndex index(card);
  json scenario = json::parse(read_source_file("tests/bench/scenario-200.json"));
  for (int variant = 0; variant < 3; ++variant) {
    if (variant == 1) scenario.erase("conferencing");  // the conferencing warning
    if (variant == 2) scenario["what_if"] = {{"plan_changes", {{{"from", "payg"}, {"to", "domestic_international"}}}}};
    INFO("variant " << variant);
    const Scenario s = parse_scenario(scenario.dump(), "scenario.json", &plans);
    const Estimate current = compute_estimate(s, index, plans);
    const WhatIfScenario w = what_if_scenario(s, plans);
    REQUIRE_FALSE(w.changes.empty());
    const Estimate whole = compute_estimate(w.scenario, index, plans, EstimateDetail::totals);
    const Estimate reused = compute_estimate_for_licences(w.scenario, current, index, plans);
    CHECK(reused.monthly_total == whole.monthly_total);
    CHECK(reused.by_use_case == whole.by_use_case);
    CHECK(reused.warnings == whole.warnings);
    CHECK(reused.pools == whole.pools);
    CHECK(reused == whole);
    if (variant == 1) CHECK(current.warnings.size() > current.calling_plan_warnings);
  }
}
