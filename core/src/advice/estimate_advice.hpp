#pragma once
// Joins the estimate and the credits advice: what the estimate tells the eligibility / need / planner modules,
// and everything the estimate document holds: needs_credits, eligibility, recommendation, what_if and report beside
// the estimate itself (core/CONTRACT.md "Estimate").
#include "advice/credits_advice.hpp"
#include "rating/estimate.hpp"
#include "rating/report_basis.hpp"
#include "rating/licence_cost.hpp"
#include "rating/what_if.hpp"

namespace ccredits {

AdviceInputs advice_inputs(const Scenario& scenario, const Estimate& estimate);

// An estimate with everything its document says (core/CONTRACT.md "Estimate"), before it is written
// (output/estimate_text.hpp writes it).
struct EstimateWithAdvice {
  Estimate estimate;
  CreditsAdvice advice;
  std::optional<WhatIfReport> what_if;  // null in the document when no user would change plan
  std::optional<ReportSummary> report;  // only with an imported report
  std::optional<LicenceCost> licence_cost;  // only with licence prices in the scenario

  bool operator==(const EstimateWithAdvice&) const = default;
};
// With `priced` (the lines of an earlier estimate at the same rates: rating/estimate.hpp PricedLines), a line whose
// charge is the same names the earlier line instead of being priced again; not with an imported report, whose rates
// are learned again each time.
EstimateWithAdvice estimate_and_advice(const Scenario& scenario, const RateIndex& rates, const Plans& plans,
                                       PricedLines* priced = nullptr);

}  // namespace ccredits
