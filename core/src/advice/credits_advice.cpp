#include "advice/credits_advice.hpp"

#include "scenario/billing.hpp"
#include "advice/credits_eligibility.hpp"
#include "ccredits/error.hpp"
#include "numbers/text.hpp"

namespace ccredits {

CreditsAdvice credits_advice(const AdviceInputs& in, const Billing& b, const FundingRequest& request,
                             const CreditsPolicy& policy) {
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
  // The report's forecast, month by month, plus what the changes typed on top cost (the estimate's month less the
  // report's flat month): the planner follows the trend instead of repeating one average month.
  if (!plan_in.monthly_spend.is_zero()) {
    const Money changes = monthly - in.report_monthly_total;
    for (const Money& m : in.report_forecast) plan_in.monthly_forecast.push_back(std::max(Money{}, m + changes));
  }
  plan_in.seed = request.seed;
  out.recommendation = plan_funding(plan_in);
  const FundingPlan& plan = out.recommendation;
  std::vector<std::string>& explanation = out.recommendation.explanation;
  if (plan.purchase_needed) {
    explanation.push_back(policy.minimum_purchase.is_zero()
                              ? "No minimum purchase: the minimum purchase setting is 0 (its default rests on " +
                                    policy.minimum_source + ")."
                              : "Minimum purchase " + money_in_words(policy.minimum_purchase) + " " + in.currency +
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
