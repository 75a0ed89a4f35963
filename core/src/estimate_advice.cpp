#include "ccredits/estimate_advice.hpp"

namespace ccredits {

AdviceInputs advice_inputs(const Scenario& scenario, const Estimate& estimate) {
  AdviceInputs in;
  in.currency = estimate.currency;
  for (const EstimateLine& line : estimate.lines) in.by_use_case[line.use_case] += line.amount;
  for (const UsageRow& u : scenario.usage) {
    if (u.kind == UsageKind::toll_free_in && !u.minutes.is_zero()) in.toll_free_in_use = true;
  }
  return in;
}

}  // namespace ccredits
