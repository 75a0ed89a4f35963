#pragma once
// The shipped credits policy: rates/eligibility.json (compiled in) completed with rates/plans.json.
#include "reference/credits_policy.hpp"
#include "reference/plans.hpp"
#include "estimate_support.hpp"

namespace policy_test {

inline const ccredits::CreditsPolicy& shipped_policy() {
  static const ccredits::CreditsPolicy policy = ccredits::with_plan_data(
      ccredits::default_credits_policy(),
      ccredits::load_plans(estimate_test::read_source_file("rates/plans.json"), "plans.json"));
  return policy;
}

}  // namespace policy_test
