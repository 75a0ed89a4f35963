#pragma once
// What the scenario's licences cost a month at the prices the admin typed (the scenario's `licence_prices`), so a
// plan change can be compared as licences plus credits and not as credits alone. ccredits ships no licence prices:
// they depend on the agreement, the country and the discount, and only the admin knows theirs.
#include <optional>
#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace ccredits {

struct LicenceCost {
  Money monthly;                      // the licences that have a price: users (or licences) x price
  std::vector<std::string> unpriced;  // plan and conferencing licence keys in use without a price, in input order

  bool operator==(const LicenceCost&) const = default;
};

// Nothing when the scenario gives no licence prices. Calling Plans count their users; conferencing licences count
// the purchased ones (what is paid for, whichever count the dial-out pools use).
std::optional<LicenceCost> licence_cost(const Scenario& s);

}  // namespace ccredits
