#pragma once
// How the admin wants to buy credits (core/CONTRACT.md "Scenario" `funding`), read once with the scenario for the
// funding planner (advice/funding_planner.hpp).
#include <cstdint>
#include <vector>

#include "ccredits/money.hpp"
#include "formats/json_view.hpp"

namespace ccredits {

enum class FundingMode { auto_recharge, one_time };

// Credits expire 12 months after purchase (core/DOMAIN.md §1): no funding plan looks further ahead.
inline constexpr int kFundingMaxMonths = 12;

struct FundingRequest {
  FundingMode mode = FundingMode::auto_recharge;
  int months = kFundingMaxMonths;
  std::vector<Money> daily_profile;  // per-day spend from an imported usage report, when the page has one
  std::uint64_t seed = 1;

  bool operator==(const FundingRequest&) const = default;
};

// An absent or null `funding`: auto-recharge over 12 months. Errors name funding.* paths.
FundingRequest funding_from_json(const JsonValue& funding);

}  // namespace ccredits
