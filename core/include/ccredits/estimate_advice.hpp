#pragma once
// Joins the estimate and the credits advice: what the estimate tells the eligibility / need / planner modules,
// and the full estimate document with the advice added (CONTRACT.md "Estimate").
#include "ccredits/credits_advice.hpp"
#include "ccredits/estimate.hpp"

namespace ccredits {

AdviceInputs advice_inputs(const Scenario& scenario, const Estimate& estimate);

}  // namespace ccredits
