// The advice an estimate carries: need, eligibility and recommendation from one scenario's billing / funding.
#include <catch2/catch.hpp>

#include "advice/credits_advice.hpp"
#include "advice/estimate_advice.hpp"
#include "ccredits/error.hpp"
#include "scenario/scenario.hpp"

#include "policy_support.hpp"

using namespace ccredits;

namespace {

AdviceInputs spend_of(const char* monthly) {
  AdviceInputs in;
  in.currency = "USD";
  in.by_use_case.push_back({"calling_plan_overage", Money::parse(monthly)});
  return in;
}

bool any_contains(const std::vector<std::string>& list, const std::string& part) {
  for (const auto& s : list) {
    if (s.find(part) != std::string::npos) return true;
  }
  return false;
}

bool any_contains(const json& list, const std::string& part) {
  return any_contains(list.get<std::vector<std::string>>(), part);
}

// The scenario's funding and billing as its reader reads them.
FundingRequest funding_of(const std::string& funding) {
  return parse_scenario(R"({"funding":)" + funding + "}", "scenario.json").funding;
}

Billing billing_of(const std::string& billing) {
  return parse_scenario(R"({"billing":)" + billing + "}", "scenario.json").billing;
}

}  // namespace

TEST_CASE("funding defaults to auto-recharge over 12 months; bad values are located errors", "[advice]") {
  const FundingRequest r = funding_of("null");
  CHECK(r == parse_scenario("{}", "scenario.json").funding);
  CHECK(r.mode == FundingMode::auto_recharge);
  CHECK(r.months == 12);
  const FundingRequest one = funding_of(R"({"mode":"one_time","months":3,"daily_profile":["1.5",2],"seed":7})");
  CHECK(one.mode == FundingMode::one_time);
  CHECK(one.months == 3);
  CHECK(one.daily_profile == std::vector<Money>{Money::parse("1.5"), Money::parse("2")});
  CHECK(one.seed == 7);
  CHECK_THROWS_WITH(funding_of(R"({"months":0})"), Catch::Contains("months of the funding"));
  CHECK_THROWS_WITH(funding_of(R"({"months":13})"), Catch::Contains("months of the funding"));
  CHECK_THROWS_WITH(funding_of(R"({"mode":"monthly"})"), Catch::Contains("funding mode"));
  CHECK_THROWS_WITH(funding_of(R"({"daily_profile":["-1"]})"),
                    Catch::Contains("Item 1 of the daily profile of the funding"));
  try {
    funding_of(R"({"months":13})");
  } catch (const InputError& e) {
    CHECK(e.path() == "funding.months");
  }
}

TEST_CASE("a MOSA tenant with spend gets a purchase recommendation", "[advice]") {
  const Billing billing = billing_of(R"({"calling_account":"mosa","default_account":"mosa","channel":"direct","tenant_country":"US"})");
  const CreditsAdvice a = credits_advice(spend_of("300"), billing, funding_of(R"({"months":2})"), policy_test::shipped_policy());
  CHECK(a.need.needs_credits);
  CHECK(a.eligibility.can_purchase == Answer::yes);
  const FundingPlan& r = a.recommendation;
  CHECK(r.purchase_needed);
  CHECK(r.recharge_amount == Money::parse("300"));
  CHECK(r.balance_series.size() == 60);
  CHECK(a.notifications.size() == 3);
}

TEST_CASE("MCA customers: no credits, no purchase, auto-recharge off", "[advice]") {
  const CreditsAdvice a = credits_advice(spend_of("300"), billing_of(R"({"calling_account":"mca"})"), FundingRequest{},
                                         policy_test::shipped_policy());
  CHECK_FALSE(a.need.needs_credits);
  CHECK(a.eligibility.can_purchase == Answer::no);
  CHECK_FALSE(a.recommendation.purchase_needed);
  CHECK(a.recommendation.one_time == Money());
  CHECK(any_contains(a.recommendation.explanation, "Edit auto recharge settings"));
}

TEST_CASE("a CSP tenant is told the amounts are for its partner to fund", "[advice]") {
  const Billing billing = billing_of(R"({"calling_account":"mosa","default_account":"mosa","channel":"csp","tenant_country":"US"})");
  const CreditsAdvice a = credits_advice(spend_of("10"), billing, FundingRequest{}, policy_test::shipped_policy());
  CHECK(a.need.needs_credits);
  CHECK(a.eligibility.can_purchase == Answer::no);
  CHECK(any_contains(a.recommendation.explanation, "CSP partner"));
}

TEST_CASE("a bad billing section fails the estimate with its path", "[advice]") {
  const estimate_test::Fixture& fx = estimate_test::fixture();
  CHECK_THROWS_WITH(estimate_and_advice(parse_scenario(R"({"billing":{"channel":"shop"}})", "scenario.json", &fx.plans),
                                        fx.index, fx.plans),
                    Catch::Contains("channel of the billing answers"));
}

TEST_CASE("a bad billing, funding or what-if section is reported before a rating error", "[advice]") {
  // The scenario is read whole, into its typed parts, before anything is rated (core/CONTRACT.md "Errors"): of a
  // destination without a rate and a bad answer, the answer is reported.
  const estimate_test::Fixture& fx = estimate_test::fixture();
  const std::string unrated = R"({"usage":[{"kind":"user_out","from":"US","to":"AQ","minutes":10}])";
  const auto error_path = [&](const std::string& more) {
    try {
      estimate_and_advice(parse_scenario(unrated + more + "}", "scenario.json", &fx.plans), fx.index, fx.plans);
    } catch (const InputError& e) {
      return e.path();
    }
    return std::string("no error");
  };
  CHECK(error_path("") == "usage[0]");
  CHECK(error_path(R"(,"billing":{"channel":"shop"})") == "billing.channel");
  CHECK(error_path(R"(,"funding":{"months":13})") == "funding.months");
  CHECK(error_path(R"(,"what_if":{"plan_changes":[{"from":"domestic","to":"gold"}]})") == "what_if.plan_changes[0].to");
  // Among themselves: billing, then funding, then the what-if.
  CHECK(error_path(R"(,"what_if":{},"funding":{"months":0},"billing":{"channel":"shop"})") == "billing.channel");
  CHECK(error_path(R"(,"what_if":{},"funding":{"months":0})") == "funding.months");
}

TEST_CASE("the minimum purchase is the applied setting, quoted with its source", "[advice][settings]") {
  const estimate_test::Fixture& fx = estimate_test::fixture();
  const auto advice = [&](const char* settings) {
    return estimate_test::document_of(estimate_and_advice(parse_scenario(std::string(R"({"licenses":[{"country":"US","plan":"payg","users":1}],
        "usage":[{"kind":"user_out","from":"US","to":"US","minutes":100}],
        "funding":{"mode":"auto_recharge","months":1}, "settings":)") + settings + "}",
                                                  "scenario.json", &fx.plans),
                                fx.index, fx.plans));
  };
  const json by_default = advice("{}");  // 100 minutes x 0.0190 = 1.90 a month
  CHECK(by_default.at("recommendation").at("auto_recharge").at("amount") == "50.00");
  CHECK(any_contains(by_default.at("recommendation").at("explanation"), "Minimum purchase 50.00 USD"));
  CHECK(any_contains(by_default.at("recommendation").at("explanation"), "even the minimum of $50"));
  const json none = advice(R"({"minimum_purchase":0})");
  CHECK(none.at("recommendation").at("auto_recharge").at("amount") != "50.00");
  CHECK(any_contains(none.at("recommendation").at("explanation"), "No minimum purchase"));
  CHECK(none.at("settings").at("minimum_purchase").at("value") == 0);
}
