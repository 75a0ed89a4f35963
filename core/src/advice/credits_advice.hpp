#pragma once
// The answers an estimate adds on top of the monthly figures (core/CONTRACT.md "Estimate"): needs_credits and its
// reasons, eligibility, and the funding recommendation — from the estimate's per-use-case spend and pools and the
// scenario's `billing` and `funding` answers.
#include <set>
#include <string>
#include <vector>

#include "advice/credits_eligibility.hpp"
#include "advice/credits_need.hpp"
#include "reference/credits_policy.hpp"
#include "advice/funding_planner.hpp"
#include "scenario/billing.hpp"
#include "scenario/funding.hpp"

namespace ccredits {

struct AdviceInputs {
  std::string currency;
  std::vector<UseCaseSpend> by_use_case;  // exact monthly amounts, core/CONTRACT.md use-case keys in display order
  std::vector<PoolRemaining> pools;
  bool toll_free_in_use = false;
  bool payg_in_use = false;
  std::set<std::string> payg_countries;  // licence countries of Pay-As-You-Go users
  // With an imported report that has a trend: its forecast per coming month and the flat average month it replaces
  // (the report's charges per month), so that each planned month is the forecast plus what was typed on top.
  std::vector<Money> report_forecast;
  Money report_monthly_total;
};

// The estimate document's needs_credits, needs_credits_reasons, eligibility and recommendation.
struct CreditsAdvice {
  CreditNeed need;
  Eligibility eligibility;
  FundingPlan recommendation;  // its explanation ends with what the minimum purchase and the eligibility mean for it
  std::vector<std::string> notifications;  // who Microsoft notifies, and when (core/DOMAIN.md §1)

  bool operator==(const CreditsAdvice&) const = default;
};

CreditsAdvice credits_advice(const AdviceInputs& in, const Billing& billing, const FundingRequest& funding,
                             const CreditsPolicy& policy);

}  // namespace ccredits
