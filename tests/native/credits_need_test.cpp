// Do we need credits at all? (core/DOMAIN.md §1, §2, §6; core/CONTRACT.md `needs_credits`.)
#include <catch2/catch.hpp>

#include "advice/credits_need.hpp"

#include "policy_support.hpp"

using namespace ccredits;

namespace {

CreditNeedInput base_input() {
  CreditNeedInput in;
  in.currency = "USD";
  for (const char* key : {"toll_free", "conference_dial_out", "calling_plan_overage", "payg_outbound",
                          "pay_per_minute_conferencing"}) {
    in.by_use_case.push_back({key, Money{}});
  }
  in.pools.push_back({"calling_plan_overage", "US domestic calling plan pool", Minutes::whole(300000), Minutes::whole(250000)});
  in.pools.push_back({"conference_dial_out", "Audio Conferencing dial-out pool (Zone A)", Minutes::whole(3000), Minutes::whole(0)});
  in.billing.calling_account = AccountType::mosa;
  return in;
}

bool any_contains(const std::vector<std::string>& v, const std::string& part) {
  for (const auto& s : v) {
    if (s.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("use that fits the subscriptions needs no credits, with the minutes left", "[need]") {
  const CreditNeed n = assess_credit_need(base_input(), policy_test::shipped_policy());
  CHECK_FALSE(n.needs_credits);
  REQUIRE(n.reasons.size() == 6);  // 5 use cases + the conclusion
  CHECK(n.reasons[2] == "Calling Plan overage: nothing billed (US domestic calling plan pool: 50,000 of 300,000 included "
                        "minutes remain).");
  CHECK_THAT(n.reasons[1], Catch::Contains("3,000 of 3,000 included minutes remain"));
  CHECK_THAT(n.reasons.back(), Catch::Contains("fits your subscriptions"));
}

TEST_CASE("a billed use case makes credits necessary, naming the amount", "[need]") {
  CreditNeedInput in = base_input();
  in.by_use_case[1].monthly = Money::parse("12.345");
  in.pools[1].used = Minutes::whole(3500);
  const CreditNeed n = assess_credit_need(in, policy_test::shipped_policy());
  CHECK(n.needs_credits);
  CHECK(n.reasons[1] == "Meeting dial-out: 12.35 USD a month billed per minute (Audio Conferencing dial-out pool (Zone A): "
                        "0 of 3,000 included minutes remain).");
}

TEST_CASE("toll-free numbers need a positive balance even when nothing else is billed", "[need]") {
  CreditNeedInput in = base_input();
  in.toll_free_in_use = true;
  const CreditNeed n = assess_credit_need(in, policy_test::shipped_policy());
  CHECK(n.needs_credits);
  CHECK(any_contains(n.reasons, "positive credit balance"));
}

TEST_CASE("Pay-As-You-Go users need credits", "[need]") {
  CreditNeedInput in = base_input();
  in.payg_in_use = true;
  CHECK(assess_credit_need(in, policy_test::shipped_policy()).needs_credits);
}

TEST_CASE("MCA and NCE customers need none, are billed after use, and must turn auto-recharge off", "[need]") {
  for (AccountType a : {AccountType::mca, AccountType::nce}) {
    CreditNeedInput in = base_input();
    in.billing.calling_account = a;
    in.by_use_case[0].monthly = Money::parse("100");
    in.toll_free_in_use = true;
    const CreditNeed n = assess_credit_need(in, policy_test::shipped_policy());
    CHECK_FALSE(n.needs_credits);
    CHECK(n.billed_after_use);
    CHECK(any_contains(n.reasons, "invoiced after use"));
    CHECK(any_contains(n.reasons, "Billing settings > Edit auto recharge settings"));
  }
}

TEST_CASE("an MCA default account alone does not make calling billed after use", "[need]") {
  CreditNeedInput in = base_input();
  in.billing.default_account = AccountType::mca;
  in.by_use_case[3].monthly = Money::parse("1");
  const CreditNeed n = assess_credit_need(in, policy_test::shipped_policy());
  CHECK(n.needs_credits);
  CHECK_FALSE(n.billed_after_use);
}

TEST_CASE("minutes left in a sentence are whole minutes, rounded down", "[need]") {
  CreditNeedInput in = base_input();
  in.pools[1].used = Minutes::parse("958.255842");  // an imported report's minutes are exact to the millionth
  const CreditNeed n = assess_credit_need(in, policy_test::shipped_policy());
  // 3000 - 958.255842 = 2041.744158: "2041", never "2042" nor the millionths.
  CHECK_THAT(n.reasons[1], Catch::Contains("2,041 of 3,000 included minutes remain"));
}
