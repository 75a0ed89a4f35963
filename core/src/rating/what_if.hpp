#pragma once
// What-if: the same usage on another plan mix, priced by re-running the one estimate code on a modified
// scenario. The scenario's optional `what_if` {"plan_changes": [{"from": PLAN, "to": PLAN, "country": CC?}]} says
// which users move; without it, every Domestic-family user moves to Pay-As-You-Go (where PAYG is sold), or, when
// there are none, every Pay-As-You-Go user moves to Domestic.
#include <functional>
#include <string>
#include <vector>

#include "rating/estimate.hpp"

namespace ccredits {

struct PlanChange {
  std::string country;  // licence country
  Plan from = Plan::none;
  Plan to = Plan::none;
  std::int64_t users = 0;
};

struct WhatIfScenario {
  Scenario scenario;
  std::vector<PlanChange> changes;  // empty: nothing to compare
  std::string description;
};

// "Domestic and International", "Pay-As-You-Go", …
std::string plan_title(Plan p);

WhatIfScenario what_if_scenario(const Scenario& scenario, const Plans& plans);

// {"description", "changes", "monthly_total", "current_monthly_total", "difference", "by_use_case", "warnings", "note"}
// or null when no user changes plan. When the changed plans cannot be priced (a rate missing for minutes they bill),
// {"description", "changes", "current_monthly_total", "error": {"code", "message"}, "summary", "warnings", "note"}. `estimate_of` is compute_estimate with the same rates and plans.
json what_if_json(const Scenario& scenario, const Estimate& current, const Plans& plans,
                  const std::function<Estimate(const Scenario&)>& estimate_of);

}  // namespace ccredits
