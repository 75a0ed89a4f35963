#include "advice/credits_advice.hpp"

#include "scenario/billing.hpp"
#include "advice/credits_eligibility.hpp"
#include "ccredits/error.hpp"
#include "formats/json_input.hpp"
#include "numbers/text.hpp"

namespace ccredits {

FundingRequest parse_funding(const json& funding) {
  FundingRequest r;
  if (funding.is_null()) return r;
  if (!funding.is_object()) throw field_error("bad_value", "funding", "The funding should be an object like {\"mode\": \"auto_recharge\", \"months\": 12}.");
  if (const json* v = find_member(funding, "mode", "funding")) {
    const std::string mode = to_lower_ascii(trim(text_value(*v, "funding.mode")));
    if (mode == "auto_recharge") r.mode = FundingMode::auto_recharge;
    else if (mode == "one_time") r.mode = FundingMode::one_time;
    else throw field_error("bad_value", "funding.mode", "The funding mode must be auto_recharge or one_time, not \"" + mode + "\".");
  }
  if (const json* v = find_member(funding, "months", "funding")) {
    const std::int64_t months = count_value(*v, "funding.months");
    if (months < 1 || months > kPlannerMaxMonths) {
      throw field_error("bad_value", "funding.months", "The months of the funding must be from 1 to 12 (credits expire 12 months after purchase), not " +
                                        std::to_string(months) + ".");
    }
    r.months = static_cast<int>(months);
  }
  if (const json* v = find_member(funding, "daily_profile", "funding")) {
    if (!v->is_array()) {
      throw field_error("bad_value", "funding.daily_profile", "The daily profile of the funding should be a list of daily amounts.");
    }
    if (v->size() > 400) throw field_error("bad_value", "funding.daily_profile", "The daily profile of the funding holds more than 400 days.");
    for (std::size_t i = 0; i < v->size(); ++i) {
      const std::string path = "funding.daily_profile[" + std::to_string(i) + "]";
      const Money day = money_value((*v)[i], path);
      if (day.is_negative()) throw field_error("bad_value", path, field_words(path, true) + " cannot be negative.");
      r.daily_profile.push_back(day);
    }
  }
  if (const json* v = find_member(funding, "seed", "funding")) r.seed = static_cast<std::uint64_t>(count_value(*v, "funding.seed"));
  return r;
}

CreditsAdvice credits_advice(const AdviceInputs& in, const Billing& b, const json& funding, const CreditsPolicy& policy) {
  const FundingRequest request = parse_funding(funding);

  CreditNeedInput need_in;
  need_in.currency = in.currency;
  Money monthly;
  need_in.by_use_case = in.by_use_case;
  for (const UseCaseSpend& u : in.by_use_case) monthly += u.monthly;
  need_in.pools = in.pools;
  need_in.toll_free_in_use = in.toll_free_in_use;
  need_in.payg_in_use = in.payg_in_use;
  need_in.billing = b;
  CreditsAdvice out;
  out.need = assess_credit_need(need_in, policy);
  out.eligibility = assess_eligibility(b, policy, in.payg_countries);
  const CreditNeed& need = out.need;
  const Eligibility& eligibility = out.eligibility;

  PlannerInput plan_in;
  plan_in.currency = in.currency;
  // Billed after use (MCA/NCE): nothing to prepay (core/DOMAIN.md §6).
  plan_in.monthly_spend = need.billed_after_use ? Money{} : monthly;
  plan_in.horizon_months = request.months;
  plan_in.mode = request.mode;
  plan_in.minimum_purchase = policy.minimum_purchase;
  plan_in.daily_profile = request.daily_profile;
  plan_in.seed = request.seed;
  out.recommendation = plan_funding(plan_in);
  const FundingPlan& plan = out.recommendation;
  std::vector<std::string>& explanation = out.recommendation.explanation;
  if (plan.purchase_needed) {
    explanation.push_back(policy.minimum_purchase.is_zero()
                              ? "No minimum purchase: the minimum purchase setting is 0 (its default rests on " +
                                    policy.minimum_source + ")."
                              : "Minimum purchase " + policy.minimum_purchase.to_string(2) + " " + in.currency +
                                    ", from " + policy.minimum_source + ".");
  }
  if (need.billed_after_use) {
    explanation.push_back("Your calling subscriptions are billed after use (MCA / new commerce), so nothing is bought in "
                          "advance; turn auto-recharge off: " + policy.auto_recharge_off_path + ".");
  } else if (eligibility.can_purchase == Answer::no && plan.purchase_needed) {
    explanation.push_back("These amounts size the balance, but this tenant cannot buy credits itself in the admin center: "
                          "see eligibility (a CSP partner funds them for CSP customers).");
  } else if (eligibility.can_purchase == Answer::unclear && plan.purchase_needed) {
    explanation.push_back("Check the open eligibility questions before buying.");
  }
  out.notifications = notification_sentences(policy);
  return out;
}

}  // namespace ccredits
