#pragma once
// What-if: the same usage on another plan mix, priced by re-running the one estimate code on a modified
// scenario. The scenario's optional `what_if` (its plan changes, scenario/scenario.hpp) says which users move; without it, every Domestic-family user moves to Pay-As-You-Go (where PAYG is sold), or, when
// there are none, every Pay-As-You-Go user moves to Domestic.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rating/estimate.hpp"
#include "scenario/billing.hpp"

namespace ccredits {

struct PlanChange {
  std::string country;  // licence country
  Plan from = Plan::none;
  Plan to = Plan::none;
  std::int64_t users = 0;
  std::string text;     // "10 users in US: Domestic -> Pay-As-You-Go"

  bool operator==(const PlanChange&) const = default;
};

struct WhatIfScenario {
  Scenario scenario;
  std::vector<PlanChange> changes;  // empty: nothing to compare
  std::string description;
};

// "Domestic and International", "Pay-As-You-Go", …
std::string plan_title(Plan p);

// The scenario's billing answers say the customer's country, which decides where some plans are sold.
WhatIfScenario what_if_scenario(const Scenario& scenario, const Plans& plans);

// The estimate document's `what_if` (core/CONTRACT.md "Estimate"). When the changed plans cannot be priced (a rate
// missing for minutes they bill), `error` says why and the figures of the change stay empty.
struct WhatIfReport {
  struct Error {
    std::string code;
    std::string message;
    bool operator==(const Error&) const = default;
  };
  std::string description;
  std::vector<PlanChange> changes;
  Money current_monthly_total;
  std::string note;
  std::string summary;
  std::optional<Error> error;
  // Only without an error:
  Money monthly_total;
  Money difference;
  std::map<std::string, Money> by_use_case;
  std::vector<std::string> warnings;
  // With licence prices in the scenario (rating/licence_cost.hpp), and without an error: licences at those prices
  // now and after the change, and licences plus credits. When a plan in use now or after has no price, both stay
  // empty and `unpriced_licences` names what needs one.
  struct Comparison {
    Money current;
    Money after;
    Money difference;
    bool operator==(const Comparison&) const = default;
  };
  std::optional<Comparison> licences;
  std::optional<Comparison> total;
  std::vector<std::string> unpriced_licences;

  bool operator==(const WhatIfReport&) const = default;
};

// Nothing when no user changes plan. `estimate_of` is compute_estimate with the same rates and plans.
std::optional<WhatIfReport> what_if_report(const Scenario& scenario, const Estimate& current, const Plans& plans,
                                           const std::function<Estimate(const Scenario&)>& estimate_of);

}  // namespace ccredits
