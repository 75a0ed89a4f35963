// Eligibility rules of core/DOMAIN.md §6 and core/CONTRACT.md `can_purchase`: one case per rule and per combination
// that changes the answer.
#include <catch2/catch.hpp>

#include "advice/credits_eligibility.hpp"
#include "scenario/scenario.hpp"
#include "ccredits/error.hpp"

#include "estimate_support.hpp"
#include "policy_support.hpp"

using namespace ccredits;

namespace {

Billing billing_from(const char* text) {
  return parse_scenario(std::string(R"({"billing":)") + text + "}", "scenario.json").billing;
}

const EligibilityReason& reason(const Eligibility& e, const std::string& code) {
  for (const auto& r : e.reasons) {
    if (r.code == code) return r;
  }
  FAIL("no reason " << code);
  return e.reasons.front();
}

Eligibility assess(const char* billing_json) { return assess_eligibility(billing_from(billing_json), policy_test::shipped_policy()); }

constexpr const char* kEligible =
    R"({"calling_account":"mosa","default_account":"mosa","channel":"direct","organization_country":"US",
        "ea_billing_country":null,"tenant_country":"US"})";

}  // namespace

TEST_CASE("a MOSA tenant buying directly in the US may purchase, every rule says yes", "[eligibility]") {
  const Eligibility e = assess(kEligible);
  CHECK(e.can_purchase == Answer::yes);
  REQUIRE(e.reasons.size() == 6);
  for (const auto& r : e.reasons) {
    CHECK(r.answer == Answer::yes);
    CHECK_FALSE(r.message.empty());
    CHECK_THAT(r.source, Catch::Contains("https://learn.microsoft.com/"));  // Microsoft's page, by link
    CHECK_THAT(r.source, !Catch::Contains(".md"));
  }
  CHECK(e.actions.empty());
}

TEST_CASE("MCA calling subscriptions cannot buy and must turn auto-recharge off", "[eligibility]") {
  const Eligibility e = assess(R"({"calling_account":"mca","default_account":"mosa","channel":"direct","tenant_country":"US"})");
  CHECK(e.can_purchase == Answer::no);
  CHECK(reason(e, "mosa_calling_account").answer == Answer::no);
  CHECK(reason(e, "mca_nce_billed_after_use").answer == Answer::no);
  CHECK_THAT(reason(e, "mca_nce_billed_after_use").next_step, Catch::Contains("Edit auto recharge settings"));
  CHECK_THAT(reason(e, "mca_nce_billed_after_use").source, Catch::Contains("turn-off-communication-credits-auto-recharge"));
  bool path_in_actions = false;
  for (const auto& a : e.actions) path_in_actions = path_in_actions || a.find("Billing settings") != std::string::npos;
  CHECK(path_in_actions);
}

TEST_CASE("NCE calling subscriptions cannot buy", "[eligibility]") {
  const Eligibility e = assess(R"({"calling_account":"nce","default_account":"mosa","channel":"direct","tenant_country":"US"})");
  CHECK(e.can_purchase == Answer::no);
  CHECK_THAT(reason(e, "mosa_calling_account").message, Catch::Contains("new commerce"));
  CHECK(reason(e, "mca_nce_billed_after_use").answer == Answer::no);
}

TEST_CASE("MOSA calling subscriptions but an MCA default billing account cannot buy", "[eligibility]") {
  const Eligibility e = assess(R"({"calling_account":"mosa","default_account":"mca","channel":"direct","tenant_country":"US"})");
  CHECK(e.can_purchase == Answer::no);
  CHECK(reason(e, "mosa_calling_account").answer == Answer::yes);
  CHECK(reason(e, "mosa_default_account").answer == Answer::no);
  CHECK_THAT(reason(e, "mosa_default_account").next_step, Catch::Contains("default billing account"));
  // Their usage is not billed after use: the credits are needed, and bought once MOSA is the default (the need says
  // so too), so no reason may tell them to turn auto-recharge off.
  CHECK(reason(e, "mca_nce_billed_after_use").answer == Answer::yes);
}

TEST_CASE("a CSP channel cannot buy in the admin center; Volume Licensing can", "[eligibility]") {
  const Eligibility csp = assess(R"({"calling_account":"mosa","default_account":"mosa","channel":"csp","tenant_country":"US"})");
  CHECK(csp.can_purchase == Answer::no);
  CHECK(reason(csp, "csp_channel").answer == Answer::no);
  CHECK_THAT(reason(csp, "csp_channel").next_step, Catch::Contains("partner"));
  const Eligibility vl = assess(
      R"({"calling_account":"mosa","default_account":"mosa","channel":"volume_licensing","tenant_country":"US"})");
  CHECK(vl.can_purchase == Answer::yes);
}

TEST_CASE("credits are not sold to tenants in CN, IN, RU, KR, TW", "[eligibility]") {
  for (const char* country : {"CN", "IN", "RU", "KR", "TW", "cn"}) {
    const std::string text = std::string(R"({"calling_account":"mosa","default_account":"mosa","channel":"direct",)") +
                             R"("tenant_country":")" + country + "\"}";
    const Eligibility e = assess(text.c_str());
    INFO(country);
    CHECK(e.can_purchase == Answer::no);
    CHECK(reason(e, "country_available").answer == Answer::no);
  }
  const Eligibility de = assess(R"({"calling_account":"mosa","default_account":"mosa","channel":"direct","tenant_country":"DE"})");
  CHECK(de.can_purchase == Answer::yes);
}

TEST_CASE("Enterprise Agreement billed in the organization's country may purchase", "[eligibility]") {
  const Eligibility e = assess(R"({"calling_account":"ea","default_account":"ea","channel":"volume_licensing",
      "organization_country":"FR","ea_billing_country":"FR","tenant_country":"FR"})");
  CHECK(e.can_purchase == Answer::yes);
  CHECK(reason(e, "ea_billing_country").answer == Answer::yes);
}

TEST_CASE("Enterprise Agreement billed in another country than the organization is unclear, remedy a ticket", "[eligibility]") {
  const Eligibility e = assess(R"({"calling_account":"ea","default_account":"ea","channel":"volume_licensing",
      "organization_country":"FR","ea_billing_country":"US","tenant_country":"FR"})");
  CHECK(e.can_purchase == Answer::unclear);
  const auto& r = reason(e, "ea_billing_country");
  CHECK(r.answer == Answer::unclear);
  CHECK_THAT(r.message, Catch::Contains("US") && Catch::Contains("FR"));
  CHECK_THAT(r.next_step, Catch::Contains("support ticket"));
}

TEST_CASE("an EA billing country given without the organization country is unclear, with the question", "[eligibility]") {
  const Eligibility e = assess(R"({"calling_account":"unknown","default_account":"ea","channel":"direct",
      "ea_billing_country":"US","tenant_country":"US"})");
  CHECK(e.can_purchase == Answer::unclear);
  CHECK_THAT(reason(e, "ea_billing_country").message, Catch::Contains("organization country is not known"));
  // With an account unknown, the country given is taken as a sign of an Enterprise Agreement.
  const Eligibility unknown = assess(R"({"calling_account":"unknown","default_account":"unknown","channel":"direct",
      "organization_country":"US","ea_billing_country":"DE","tenant_country":"US"})");
  CHECK(reason(unknown, "ea_billing_country").answer == Answer::unclear);
  CHECK_THAT(reason(unknown, "ea_billing_country").message, Catch::Contains("billed in DE"));
}

TEST_CASE("an EA billing country does not matter when both billing accounts are known and neither is an EA", "[eligibility]") {
  // A country left in the field from an earlier answer must not turn a MOSA customer's verdict to unclear.
  const Eligibility e = assess(R"({"calling_account":"mosa","default_account":"mosa","channel":"direct",
      "organization_country":"US","ea_billing_country":"DE","tenant_country":"US"})");
  CHECK(e.can_purchase == Answer::yes);
  CHECK(reason(e, "ea_billing_country").answer == Answer::yes);
  CHECK_THAT(reason(e, "ea_billing_country").message, Catch::Contains("does not matter"));
}

TEST_CASE("EA mismatch (unclear) combined with a CSP channel (no) is no", "[eligibility]") {
  const Eligibility e = assess(R"({"calling_account":"ea","default_account":"ea","channel":"csp",
      "organization_country":"FR","ea_billing_country":"US","tenant_country":"FR"})");
  CHECK(e.can_purchase == Answer::no);
  CHECK(reason(e, "ea_billing_country").answer == Answer::unclear);
}

TEST_CASE("an admin who knows nothing gets unclear with where to look, never a guess", "[eligibility]") {
  const Eligibility e = assess_eligibility(Billing{}, policy_test::shipped_policy());
  CHECK(e.can_purchase == Answer::unclear);
  for (const auto& r : e.reasons) {
    INFO(r.code);
    CHECK(r.answer == Answer::unclear);
    CHECK_FALSE(r.next_step.empty());
  }
  CHECK_THAT(reason(e, "mosa_calling_account").next_step, Catch::Contains("Billing > Billing accounts"));
  CHECK(e.actions.size() >= 4);
}

TEST_CASE("\"unknown\" and null are the same as missing", "[eligibility]") {
  const Billing b = billing_from(R"({"calling_account":"unknown","default_account":null,"channel":"Unknown",
      "organization_country":"unknown","tenant_country":""})");
  CHECK(b.calling_account == AccountType::unknown);
  CHECK(b.default_account == AccountType::unknown);
  CHECK(b.channel == Channel::unknown);
  CHECK(b.organization_country.empty());
  CHECK(b.tenant_country.empty());
}

TEST_CASE("one unknown answer among known good ones makes the whole answer unclear", "[eligibility]") {
  const Eligibility e = assess(R"({"calling_account":"mosa","default_account":"mosa","channel":"direct"})");
  CHECK(e.can_purchase == Answer::unclear);
  CHECK(reason(e, "country_available").answer == Answer::unclear);
  CHECK(e.actions.size() == 1);
}

TEST_CASE("a known no wins over unknown answers", "[eligibility]") {
  const Eligibility e = assess(R"({"tenant_country":"RU"})");
  CHECK(e.can_purchase == Answer::no);
}

TEST_CASE("bad billing values are located errors", "[eligibility]") {
  try {
    billing_from(R"({"calling_account":"mosaa"})");
    FAIL("accepted a bad account type");
  } catch (const InputError& e) {
    CHECK(e.code() == "bad_value");
    CHECK(e.path() == "billing.calling_account");
    CHECK_THAT(e.what(), Catch::Contains("account of the calling subscriptions") && Catch::Contains("mosaa"));
  }
  CHECK_THROWS_AS(billing_from(R"({"tenant_country":"USA"})"), InputError);
  CHECK_THROWS_AS(billing_from(R"({"channel":"reseller"})"), InputError);
  CHECK_THROWS_AS(billing_from(R"([1])"), InputError);
}

TEST_CASE("the shipped credits policy (eligibility.json + plans.json) names its sources", "[eligibility]") {
  const CreditsPolicy& p = policy_test::shipped_policy();
  CHECK(p.unavailable_countries == std::vector<std::string>{"CN", "IN", "KR", "RU", "TW"});  // a set in plans.json: sorted
  CHECK(p.minimum_purchase == Money::parse("50"));
  CHECK(p.notification_recipients.size() == 20);
  REQUIRE(p.payg_restrictions.size() == 1);
  CHECK(p.payg_restrictions[0].zone == "Mexico");
  CHECK_THAT(p.unavailable_source, Catch::Contains("https://learn.microsoft.com/"));
  CHECK_THAT(p.minimum_source, Catch::Contains("What are Communications Credits?"));
  CHECK_THAT(p.minimum_source, Catch::Contains("even the minimum of $50"));
}

TEST_CASE("eligibility JSON has the contract keys", "[eligibility]") {
  EstimateWithAdvice written;
  written.advice.eligibility = assess(R"({"channel":"csp"})");
  const json j = estimate_test::document_of(written).at("eligibility");
  CHECK(j.at("can_purchase") == "no");
  REQUIRE(j.at("reasons").size() == 6);
  for (const auto& r : j.at("reasons")) {
    for (const char* key : {"code", "answer", "message", "next_step", "source"}) CHECK(r.contains(key));
  }
  CHECK(j.at("actions").is_array());
}

TEST_CASE("an EA account without its billing country is unclear, asking for it", "[eligibility]") {
  const Eligibility e = assess(R"({"calling_account":"ea","default_account":"ea","channel":"volume_licensing",
      "organization_country":"FR","tenant_country":"FR"})");
  CHECK(e.can_purchase == Answer::unclear);
  CHECK_THAT(reason(e, "ea_billing_country").message, Catch::Contains("Enterprise Agreement billing country is not known"));
  CHECK_THAT(reason(e, "ea_billing_country").next_step, Catch::Contains("Organization profile"));
}

TEST_CASE("a tenant where credits are not sold is told which page says so", "[eligibility]") {
  const Eligibility ru = assess(R"({"tenant_country":"RU"})");
  CHECK(reason(ru, "country_available").answer == Answer::no);
  CHECK_THAT(reason(ru, "country_available").message, Catch::Contains("setup isn't currently supported"));
  CHECK_THAT(reason(assess(R"({"tenant_country":"IN"})"), "country_available").message,
             Catch::Contains("India page") && Catch::Contains("No"));
}

TEST_CASE("the Mexico Pay-As-You-Go plan is not sold to US and PR customers: its own answer", "[eligibility][payg]") {
  const auto mexico = [](const char* billing, std::set<std::string> payg) {
    return assess_eligibility(billing_from(billing), policy_test::shipped_policy(), payg);
  };
  const Eligibility us = mexico(kEligible, {"MX", "US"});
  CHECK(us.can_purchase == Answer::yes);  // buying credits is another question
  REQUIRE(us.plan_availability.size() == 1);
  const EligibilityReason& r = us.plan_availability[0];
  CHECK(r.code == "payg_not_sold_to_customer");
  CHECK(r.answer == Answer::no);
  CHECK_THAT(r.message, Catch::Contains("can't be purchased by US or PR customers") && Catch::Contains("in US") &&
                            Catch::Contains("MX"));
  CHECK_FALSE(r.next_step.empty());
  CHECK_THAT(r.source, Catch::Contains("Calling Plans for Microsoft 365") && Catch::Contains("https://"));

  const Eligibility pr = mexico(R"({"tenant_country":"PR"})", {"MX"});
  REQUIRE(pr.plan_availability.size() == 1);
  CHECK(pr.plan_availability[0].answer == Answer::no);
  const Eligibility mx = mexico(R"({"organization_country":"MX","tenant_country":"US"})", {"MX"});
  CHECK(mx.plan_availability.at(0).answer == Answer::yes);
  CHECK(mexico("{}", {"MX"}).plan_availability.at(0).answer == Answer::unclear);
  CHECK(mexico(kEligible, {"US"}).plan_availability.empty());  // no Mexican Pay-As-You-Go users: nothing to say

  EstimateWithAdvice written;
  written.advice.eligibility = us;
  const json j = estimate_test::document_of(written).at("eligibility");
  REQUIRE(j.at("plan_availability").size() == 1);
  CHECK(j.at("plan_availability")[0].at("code") == "payg_not_sold_to_customer");
  CHECK(j.at("can_purchase") == "yes");
}
