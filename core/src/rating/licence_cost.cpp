#include "rating/licence_cost.hpp"

#include <algorithm>

namespace ccredits {

std::optional<LicenceCost> licence_cost(const Scenario& s) {
  const LicencePrices& prices = s.licence_prices;
  if (!prices.given) return std::nullopt;
  LicenceCost cost;
  const auto unpriced = [&](std::string key) {
    if (std::find(cost.unpriced.begin(), cost.unpriced.end(), key) == cost.unpriced.end()) cost.unpriced.push_back(std::move(key));
  };
  for (const License& l : s.licenses) {
    if (l.plan == Plan::none || l.users == 0) continue;
    const auto price = prices.calling_plans.find(l.plan);
    if (price == prices.calling_plans.end()) unpriced(std::string(plan_key(l.plan)));
    else cost.monthly += price->second.times(l.users);
  }
  const std::pair<const char*, const LicenceCount*> counts[] = {
      {"standard", &s.conferencing.standard},
      {"us_ca_dial_out", &s.conferencing.us_ca_dial_out},
      {"pay_per_minute", &s.conferencing.pay_per_minute}};
  for (const auto& [key, count] : counts) {
    if (count->purchased == 0) continue;
    const auto price = prices.conferencing.find(key);
    if (price == prices.conferencing.end()) unpriced(std::string("conferencing.") + key);
    else cost.monthly += price->second.times(count->purchased);
  }
  return cost;
}

}  // namespace ccredits
