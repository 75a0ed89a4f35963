#include "advice/funding_planner.hpp"

#include <algorithm>
#include <deque>

#include "ccredits/error.hpp"
#include "formats/json_input.hpp"
#include "numbers/text.hpp"

// Rules: core/DOMAIN.md §1 (FIFO use, 12-month expiry, auto-recharge trigger and amount, zero balance stops calling,
// notifications) from what-are-communications-credits.md and set-up-communications-credits-for-your-organization.md.
namespace ccredits {
namespace {

// splitmix64: a tiny, well-mixed integer generator; the same seed always gives the same series.
class SeededVariation {
 public:
  explicit SeededVariation(std::uint64_t seed) : state_(seed) {}
  std::int64_t next_per_mille() {
    state_ += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return kVariationLow + static_cast<std::int64_t>(z % static_cast<std::uint64_t>(kVariationHigh - kVariationLow + 1));
  }

 private:
  std::uint64_t state_;
};

// The spend of simulated month `month` (0-based): the forecast's month, its last one past its end, or the flat month.
Money month_spend(const PlannerInput& in, int month) {
  if (in.monthly_forecast.empty()) return in.monthly_spend;
  return in.monthly_forecast[std::min(static_cast<std::size_t>(month), in.monthly_forecast.size() - 1)];
}

// The month (0-based) of the horizon that costs the most, the first of equals: the "one month of spend" a recharge
// covers, which the explanation names.
int costliest_month(const PlannerInput& in) {
  int costliest = 0;
  for (int m = 1; m < in.horizon_months; ++m) {
    if (month_spend(in, m) > month_spend(in, costliest)) costliest = m;
  }
  return costliest;
}

// The weight of each of `days` simulated days within its 30-day month: the imported report's day-to-day spend,
// repeated; or, without a report, a week that starts on a Monday, working days 4 times a weekend day, each day varied
// by the seeded per-mille factor.
std::vector<std::int64_t> day_weights(const PlannerInput& in, int days) {
  std::vector<std::int64_t> out;
  out.reserve(static_cast<std::size_t>(days));
  if (!in.daily_profile.empty()) {
    const std::size_t n = in.daily_profile.size();
    for (int d = 0; d < days; ++d) out.push_back(in.daily_profile[static_cast<std::size_t>(d) % n].micros());
    return out;
  }
  SeededVariation variation(in.seed);
  for (int d = 0; d < days; ++d) {
    const std::int64_t day_weight = d % 7 < 5 ? kWeekdayWeight : kWeekendWeight;
    out.push_back(day_weight * variation.next_per_mille());
  }
  return out;
}

// Spend of simulated day d, for as many days as asked (the horizon, then the continuation after it). Each 30-day
// month shares out exactly its figure (to the millionth a day) by its days' weights: the weekday shape, the variation
// or the report's busy days move spend within a month, never between months, so the months add up to what the
// explanation states.
std::vector<Money> daily_spend(const PlannerInput& in, int days) {
  const int months = (days + kPlannerDaysPerMonth - 1) / kPlannerDaysPerMonth;
  const std::vector<std::int64_t> weight = day_weights(in, months * kPlannerDaysPerMonth);
  std::vector<Money> out;
  out.reserve(static_cast<std::size_t>(days));
  for (int start = 0; start < days; start += kPlannerDaysPerMonth) {
    const Money month = month_spend(in, start / kPlannerDaysPerMonth);
    wide_int window = 0;
    for (int d = start; d < start + kPlannerDaysPerMonth; ++d) window += weight[static_cast<std::size_t>(d)];
    for (int d = start; d < std::min(days, start + kPlannerDaysPerMonth); ++d) {
      // A month that falls on 30 of the report's days without calls spreads its figure evenly.
      out.push_back(window == 0 ? month.scaled(1, kPlannerDaysPerMonth)
                                : month.scaled(weight[static_cast<std::size_t>(d)], window));
    }
  }
  return out;
}

Money largest_window(const std::vector<Money>& spend, std::size_t days, int window) {
  Money best;
  Money sum;
  for (std::size_t i = 0; i < days; ++i) {
    sum += spend[i];
    if (i >= static_cast<std::size_t>(window)) sum -= spend[i - static_cast<std::size_t>(window)];
    best = std::max(best, sum);
  }
  return best;
}

struct Lot {
  int bought_day;
  Money left;
};

// Runs the balance day by day. Fills the series, recharges, lowest balance and expiring funds of `plan`. Only
// auto-recharge mode recharges: in one-time mode the admin is told to buy the one-time amount alone, so the simulation
// holds that purchase only and shows when the balance runs low instead of buying more.
void simulate(FundingPlan& plan, const std::vector<Money>& spend, int horizon_days) {
  const bool recharges = plan.mode == FundingMode::auto_recharge;
  std::deque<Lot> lots{{0, plan.one_time}};
  Money balance = plan.one_time;
  int pending_day = -1;  // day a fired recharge lands, -1 when none is on its way
  plan.recharges_by_month.assign(static_cast<std::size_t>(plan.horizon_months), 0);
  plan.lowest_balance = balance;
  for (int d = 0; d < static_cast<int>(spend.size()); ++d) {
    if (d == pending_day) {
      lots.push_back({d, plan.recharge_amount});
      balance += plan.recharge_amount;
      pending_day = -1;
    }
    while (!lots.empty() && lots.front().bought_day + kExpiryDays <= d) {
      plan.expiring_unused += lots.front().left;
      balance -= lots.front().left;
      lots.pop_front();
    }
    Money due = spend[static_cast<std::size_t>(d)];
    while (!due.is_zero() && !lots.empty()) {  // first in, first out
      const Money take = std::min(due, lots.front().left);
      lots.front().left -= take;
      balance -= take;
      due -= take;
      if (lots.front().left.is_zero()) lots.pop_front();
    }
    if (d >= horizon_days) {
      if (lots.empty() && pending_day < 0) break;
      continue;
    }
    plan.balance_series.push_back(balance);
    if (d == 0 || balance < plan.lowest_balance) {
      plan.lowest_balance = balance;
      plan.lowest_balance_day = d + 1;
    }
    if (recharges && pending_day < 0 && balance < plan.threshold) {
      pending_day = d + kRechargeLagDays;
      ++plan.recharges_by_month[static_cast<std::size_t>(d / kPlannerDaysPerMonth)];
    }
  }
  plan.recharges_per_month = *std::max_element(plan.recharges_by_month.begin(), plan.recharges_by_month.end());
}

std::string amount(const Money& m, const std::string& currency) { return money_in_words(m) + " " + currency; }

void explain(FundingPlan& p, const PlannerInput& in) {
  const std::string& cur = in.currency;
  const int horizon_days = p.horizon_months * kPlannerDaysPerMonth;
  auto& e = p.explanation;
  e.push_back("Projected spend from credits: " + amount(in.monthly_spend, cur) + " a month; the " +
              std::to_string(horizon_days) + " simulated days of the " + std::to_string(p.horizon_months) +
              "-month horizon (30-day months) add up to " + amount(p.horizon_spend, cur) + ".");
  if (!in.monthly_forecast.empty()) {
    std::string months;
    for (int m = 0; m < p.horizon_months; ++m) months += (m ? ", " : "") + money_in_words(month_spend(in, m));
    e.push_back("The plan follows the imported report's 12-month forecast (its growth and weekday shape) rather than a "
                "flat average month: month by month, the forecast plus what you typed on top costs " + months + " " +
                cur + ".");
  }
  // Both day shapes are scaled the same way (daily_spend): each month costs its figure.
  const std::string each_month = in.monthly_forecast.empty()
                                     ? "each 30-day month costs " + amount(in.monthly_spend, cur)
                                     : std::string("each 30-day month costs its figure above");
  if (p.imported_profile) {
    e.push_back("Each simulated day follows the day-to-day spend of the imported usage report (" +
                std::to_string(in.daily_profile.size()) + " days, repeated), scaled so " + each_month +
                ": the report's busy days move spend within a month, not between months.");
  } else {
    e.push_back("Each simulated week starts on a Monday; a working day carries 4 times the spend of a weekend day, and "
                "every day varies by up to 15 % either way (a fixed seed, so the same scenario gives the same series), "
                "scaled so " + each_month + ": the variation moves spend within a month, not between months.");
  }
  const std::string window = "the largest spend in any 7 days of the simulation (" + amount(p.largest_window_spend, cur) +
                             ") plus 25 %, rounded up to a whole " + cur;
  if (p.mode == FundingMode::auto_recharge) {
    e.push_back("Auto-recharge trigger (\"When balance is below\") " + amount(p.threshold, cur) + ": " + window +
                ". A recharge is simulated as arriving " + std::to_string(kRechargeLagDays) +
                " days after the balance falls below the trigger; the week the trigger covers leaves time to fix a failed "
                "payment, since Microsoft sends no warning before the balance reaches zero.");
    // With a forecast, "one month of spend" is its costliest month over the horizon (plan_funding): name it, since
    // it is not the flat month of the first sentence.
    std::string month = "one month of spend";
    if (!in.monthly_forecast.empty()) {
      const int costliest = costliest_month(in);
      month = "the costliest month of the forecast above, month " + std::to_string(costliest + 1) + " at " +
              amount(month_spend(in, costliest), cur) + ",";
    }
    std::string recharge = "Recharge amount (\"Add this amount\") " + amount(p.recharge_amount, cur) + ": " + month +
                           " rounded up to a whole " + cur;
    if (!in.minimum_purchase.is_zero()) recharge += ", at least the minimum purchase of " + amount(in.minimum_purchase, cur);
    recharge += " and at least the trigger; each recharge is an invoice.";
    e.push_back(recharge);
    e.push_back("One-time purchase " + amount(p.one_time, cur) +
                ": the trigger plus one recharge amount, so the balance starts a month of use above the trigger.");
  } else {
    // One-time funding names no auto-recharge setting: the reserve is the same week of spend, kept in the purchase.
    e.push_back("One-time purchase " + amount(p.one_time, cur) + ": the simulated spend over the horizon plus a reserve of " +
                amount(p.threshold, cur) + " (" + window + "), rounded up, never more than " + amount(p.cap, cur) +
                " (12 months of spend or the minimum purchase, whichever is larger: funds expire 12 months after "
                "purchase). Buy again before the balance reaches zero: at zero most calling stops, toll-free numbers "
                "included, and Microsoft sends no warning before it.");
  }
  int total = 0;
  for (int r : p.recharges_by_month) total += r;
  if (p.mode == FundingMode::auto_recharge) {
    // recharges_per_month is the busiest month; the median month is the typical one.
    std::vector<int> months = p.recharges_by_month;
    std::nth_element(months.begin(), months.begin() + (months.size() - 1) / 2, months.end());
    const int typical = months[(months.size() - 1) / 2];
    std::string recharges = std::to_string(total) + " recharge" + (total == 1 ? "" : "s");
    if (total == 0) {
      recharges = "no recharge within the horizon";
    } else if (p.horizon_months == 1) {
      recharges += " in the one month of the horizon, each one an invoice";
    } else {
      recharges += " over the horizon, each one an invoice: " + std::to_string(typical) +
                   " in a typical month (the median of the " + std::to_string(p.horizon_months) + " months), at most " +
                   std::to_string(p.recharges_per_month) + " in one month";
    }
    e.push_back("Simulated result: the lowest balance is " + amount(p.lowest_balance, cur) + " on day " +
                std::to_string(p.lowest_balance_day) + "; " + recharges + ".");
  } else {
    // The series holds the one-time purchase alone (simulate), so a capped purchase runs low within the horizon:
    // say on which day. Zero is the balance as shown, to the cent.
    int below_day = 0, zero_day = 0;
    for (std::size_t d = p.balance_series.size(); d-- > 0;) {
      if (p.balance_series[d] < p.threshold) below_day = static_cast<int>(d) + 1;
      if (p.balance_series[d].rounded(2).is_zero()) zero_day = static_cast<int>(d) + 1;
    }
    std::string result = "Simulated result with this purchase alone (no further purchase is simulated): ";
    if (below_day == 0) {
      result += "the lowest balance is " + amount(p.lowest_balance, cur) + " on day " +
                std::to_string(p.lowest_balance_day) + ", not below the reserve of " + amount(p.threshold, cur) +
                ", so no further purchase is due within the horizon.";
    } else {
      result += "the balance falls below the reserve of " + amount(p.threshold, cur) + " on day " +
                std::to_string(below_day) +
                (zero_day ? " and reaches zero on day " + std::to_string(zero_day)
                          : " and is lowest, " + amount(p.lowest_balance, cur) + ", on day " +
                                std::to_string(p.lowest_balance_day)) +
                "; a further purchase is due before day " + std::to_string(below_day) + ".";
    }
    e.push_back(result);
  }
  e.push_back("Funds expiring unused: " + amount(p.expiring_unused, cur) +
              " would still be unspent 12 months after purchase if spending continues as projected and nothing more is "
              "bought (credits are used first in, first out).");
  if (in.minimum_purchase.is_zero()) {
    e.push_back("No minimum purchase applies in " + cur + "; amounts are not raised to one.");
  }
}

}  // namespace

const char* funding_mode_key(FundingMode m) { return m == FundingMode::one_time ? "one_time" : "auto_recharge"; }

Money round_up_to_whole_unit(Money m) {
  if (m.micros() <= 0) return m;
  // ceil(x / s) == half-up((x + s/2 - 1) / s) for x >= 0 and even s: the single rounding primitive, shifted.
  const std::int64_t units = divide_round_half_up(wide_int(m.micros()) + kFixedScale / 2 - 1, kFixedScale);
  return Money::from_micros(units).times(kFixedScale);
}

FundingPlan plan_funding(const PlannerInput& in) {
  if (in.monthly_spend.is_negative()) throw InputError("bad_value", "The projected monthly spend cannot be negative.");
  if (in.horizon_months < 1 || in.horizon_months > kPlannerMaxMonths) {
    throw field_error("bad_value", "funding.months", "The months of the funding must be a whole number of months from 1 to 12 (credits expire "
                                  "12 months after purchase), not " + std::to_string(in.horizon_months) + ".");
  }
  Money profile_total;
  for (std::size_t i = 0; i < in.daily_profile.size(); ++i) {
    if (in.daily_profile[i].is_negative()) {
      throw InputError("bad_value", "Day " + std::to_string(i + 1) + " of the usage profile has a negative spend.");
    }
    profile_total += in.daily_profile[i];
  }
  if (!in.daily_profile.empty() && profile_total.is_zero()) {
    throw InputError("bad_value", "The imported usage profile has no spend on any day; it cannot give the shape of a month.");
  }

  FundingPlan p;
  p.mode = in.mode;
  p.horizon_months = in.horizon_months;
  p.imported_profile = !in.daily_profile.empty();
  const int horizon_days = in.horizon_months * kPlannerDaysPerMonth;
  if (in.monthly_spend.is_zero()) {
    p.balance_series.assign(static_cast<std::size_t>(horizon_days), Money{});
    p.daily_spend = p.balance_series;
    p.recharges_by_month.assign(static_cast<std::size_t>(in.horizon_months), 0);
    p.explanation.push_back("Nothing is billed from credits in the projection, so no purchase is needed.");
    return p;
  }
  p.purchase_needed = true;

  // The horizon plus everything that can still be spent afterwards before the last lot expires.
  const std::vector<Money> spend = daily_spend(in, horizon_days + kRechargeLagDays + kExpiryDays);
  p.daily_spend.assign(spend.begin(), spend.begin() + horizon_days);
  // The figure shown is the exact sum of the horizon's months, rounded once when shown, so it is the figure a
  // forecast's own total gives; the days' sum (each day rounded to a millionth) can sit a few millionths off it and
  // is what the one-time purchase must cover.
  Money days_spend;
  for (const Money& m : p.daily_spend) days_spend += m;
  for (int m = 0; m < in.horizon_months; ++m) p.horizon_spend += month_spend(in, m);

  // One month of spend: the flat month, or the costliest month of the forecast over the horizon.
  const Money one_month = month_spend(in, costliest_month(in));
  Money twelve_months;
  for (int m = 0; m < kPlannerMaxMonths; ++m) twelve_months += month_spend(in, m);
  p.cap = std::max(round_up_to_whole_unit(twelve_months), in.minimum_purchase);
  p.largest_window_spend = largest_window(spend, static_cast<std::size_t>(horizon_days), kTriggerWindowDays);
  p.threshold = round_up_to_whole_unit(p.largest_window_spend.scaled(100 + kTriggerMarginPercent, 100));
  p.recharge_amount = std::min(std::max({round_up_to_whole_unit(one_month), in.minimum_purchase, p.threshold}), p.cap);
  const Money wanted = in.mode == FundingMode::auto_recharge ? p.threshold + p.recharge_amount
                                                             : round_up_to_whole_unit(days_spend + p.threshold);
  p.one_time = std::min(std::max(wanted, in.minimum_purchase), p.cap);

  simulate(p, spend, horizon_days);
  explain(p, in);
  return p;
}

std::vector<std::string> notification_sentences(const CreditsPolicy& policy) {
  std::string roles;
  for (std::size_t i = 0; i < policy.notification_recipients.size(); ++i) {
    if (i) roles += ", ";
    roles += policy.notification_recipients[i];
  }
  return {"E-mail goes to " + std::to_string(policy.notification_recipients.size()) + " admin roles (" + roles +
              ") when " + policy.notification_events + ". Source: " + policy.notification_source + ".",
          policy.no_warning_before_zero, policy.dial_out_pool_mail};
}

}  // namespace ccredits
