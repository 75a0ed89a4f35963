#pragma once
// How much to buy: a one-time amount and auto-recharge settings for a projected monthly spend, checked by
// simulating the credit balance day by day (core/DOMAIN.md §1; core/CONTRACT.md "Estimate" `recommendation`).
//
// Design (all exact integers, no floating point):
// - A simulated month is 30 days; day 0 is a Monday. Without an imported usage report, working days carry
//   4x the spend of a weekend day (weights 1000 / 250 per mille) and every day varies by a seeded pseudo-random
//   factor in [850, 1150] per mille (+-15 %). With a report, its per-day spend (repeated) gives the shape instead.
//   Either way the days are scaled so that an average 30-day month costs the projected monthly spend.
// - Trigger ("When balance is below"): the largest spend in any 7 consecutive simulated days + 25 %, rounded up
//   to a whole currency unit. A recharge is simulated as landing 3 days after the balance falls below the trigger
//   (invoice / card processing); the trigger covers a week, so a failed recharge leaves time to fix the card.
// - Recharge amount ("Add this amount"): one month of spend rounded up, at least the minimum purchase and the trigger.
// - With an imported report's forecast, each simulated month m costs the forecast's month m instead of the flat
//   monthly spend (the days still follow the profile or the weekday weights); "one month of spend" is then the
//   costliest month of the horizon, and 12 months of spend the forecast's 12 months.
// - One-time amount: auto_recharge mode: trigger + one recharge. one_time mode: the simulated spend over the horizon
//   + the trigger as reserve. Both at least the minimum purchase, never above 12 months of spend (rounded up to a
//   whole unit) unless the minimum purchase itself is larger — funds expire 12 months after purchase.
// - Only auto_recharge mode simulates recharges. one_time mode simulates the one-time purchase alone, as the admin is
//   told to make it: where that purchase is capped below the horizon's spend plus the reserve, the balance falls
//   below the reserve (and may reach zero) within the horizon, and the explanation says on which day.
// - Expiring funds: lots are spent first in, first out and expire 360 simulated days after purchase; after the
//   horizon, spending continues as projected with no further purchase, and what is left in a lot at its expiry counts.
#include <cstdint>
#include <string>
#include <vector>

#include "reference/credits_policy.hpp"
#include "ccredits/money.hpp"
#include "scenario/funding.hpp"

namespace ccredits {

inline constexpr int kPlannerDaysPerMonth = 30;
inline constexpr int kPlannerMaxMonths = kFundingMaxMonths;
inline constexpr std::int64_t kWeekdayWeight = 1000;  // per mille
inline constexpr std::int64_t kWeekendWeight = 250;   // per mille: working days carry 4x weekend traffic
inline constexpr std::int64_t kVariationLow = 850;    // per mille
inline constexpr std::int64_t kVariationHigh = 1150;  // per mille
inline constexpr int kTriggerWindowDays = 7;
inline constexpr std::int64_t kTriggerMarginPercent = 25;
inline constexpr int kRechargeLagDays = 3;
inline constexpr int kExpiryDays = kPlannerMaxMonths * kPlannerDaysPerMonth;

const char* funding_mode_key(FundingMode m);

struct PlannerInput {
  std::string currency = "USD";
  Money monthly_spend;                // projected credit spend per month (exact, >= 0)
  int horizon_months = kPlannerMaxMonths;  // 1..12 (scenario funding.months)
  FundingMode mode = FundingMode::auto_recharge;
  Money minimum_purchase;             // zero when none applies (the minimum_purchase setting is 0)
  std::vector<Money> daily_profile;   // optional: spend per day from an imported usage report (only its shape is used)
  // optional: the spend of each simulated month from an imported report's forecast (month 1 first; past its end the
  // last month repeats), in place of monthly_spend for the days, the recharge amount and the cap.
  std::vector<Money> monthly_forecast;
  std::uint64_t seed = 1;
};

struct FundingPlan {
  bool purchase_needed = false;
  FundingMode mode = FundingMode::auto_recharge;
  int horizon_months = 0;
  bool imported_profile = false;
  Money one_time;
  Money threshold;
  Money recharge_amount;
  Money horizon_spend;                 // exact sum of the horizon's months (their days add up to it to a millionth a day)
  Money largest_window_spend;          // largest spend in kTriggerWindowDays consecutive days
  Money cap;                           // the most any amount may be: max(12 months of spend, minimum purchase)
  std::vector<Money> daily_spend;      // one per horizon day
  std::vector<Money> balance_series;   // end-of-day balance, one per horizon day
  Money lowest_balance;
  int lowest_balance_day = 0;          // 1-based day of the lowest balance
  std::vector<int> recharges_by_month; // recharges fired in each horizon month
  int recharges_per_month = 0;         // the most in any one month
  Money expiring_unused;
  std::vector<std::string> explanation;

  bool operator==(const FundingPlan&) const = default;
};

// Throws InputError on a negative spend, a horizon outside 1..12, or a negative / all-zero profile day list.
FundingPlan plan_funding(const PlannerInput& in);
// The notification facts of core/DOMAIN.md §1, from the policy data.
std::vector<std::string> notification_sentences(const CreditsPolicy& policy);

// Rounds a non-negative amount up to a whole currency unit (through divide_round_half_up).
Money round_up_to_whole_unit(Money m);

}  // namespace ccredits
