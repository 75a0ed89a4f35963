#pragma once
// Joins the estimate and the credits advice: what the estimate tells the eligibility / need / planner modules,
// and the full estimate document with needs_credits, eligibility, recommendation and what_if added
// (core/CONTRACT.md "Estimate").
#include "advice/credits_advice.hpp"
#include "rating/estimate.hpp"
#include "rating/what_if.hpp"

namespace ccredits {

AdviceInputs advice_inputs(const Scenario& scenario, const Estimate& estimate);

// The estimate and the members the advice adds to its document (needs_credits, eligibility, recommendation,
// what_if...), before either is written as text.
struct EstimateWithAdvice {
  Estimate estimate;
  json advice;  // an object; none of its members is named like one of the estimate's
};
EstimateWithAdvice estimate_and_advice(const Scenario& scenario, const RateIndex& rates, const Plans& plans);
json estimate_with_advice(const Scenario& scenario, const RateIndex& rates, const Plans& plans);
// The same as JSON text (what the page receives), written without building the document.
std::string estimate_with_advice_text(const Scenario& scenario, const RateIndex& rates, const Plans& plans);

}  // namespace ccredits
