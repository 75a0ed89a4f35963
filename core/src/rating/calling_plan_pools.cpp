// Calling Plans (core/DOMAIN.md §2.3, §2.4, §3; calling-plans-for-office-365.md): pooled included minutes per
// (licence country, plan), overage and international minutes billed at "Dial-out calls" rates, Pay-As-You-Go
// billed from the first minute.
#include <algorithm>
#include <map>
#include <utility>

#include "ccredits/error.hpp"
#include "formats/json_input.hpp"
#include "numbers/text.hpp"
#include "rating/estimate_builder.hpp"
#include "rating/what_if.hpp"

namespace ccredits::detail {
namespace {

// Minutes in a warning, to the hundredth: an imported report's monthly minutes are exact to the millionth, which
// people do not read ("44.22", not "44.224962"; typed whole minutes stay "1000").
std::string minutes_in_words(const Minutes& m) {
  std::string text = format_fixed(m.micros(), 2);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return grouped_digits(text);
}

// Usage rows from one licence country that no plan covers: said once for the country, not once a row (an imported
// report makes a row per destination and number type, dozens for one country).
struct UncoveredRows {
  std::string country;
  std::string_view first_path;  // the first row's, for its field words ("row 4 of the usage")
  std::size_t rows = 0;
  Minutes minutes;
};

void note_uncovered(std::vector<UncoveredRows>& uncovered, const UsageRow& row) {
  auto same = std::find_if(uncovered.begin(), uncovered.end(), [&](const UncoveredRows& u) { return u.country == row.from; });
  if (same == uncovered.end()) same = uncovered.insert(uncovered.end(), {row.from, row.path, 0, {}});
  ++same->rows;
  same->minutes += row.minutes;
}

// Who a sentence is about: "Row 4 of the usage" for one row; "The 12 usage rows from JP (the first is row 4 of the
// usage)" for several.
std::string uncovered_subject(const UncoveredRows& u) {
  if (u.rows == 1) return field_words(u.first_path, true);
  return "The " + grouped_digits(std::to_string(u.rows)) + " usage rows from " + u.country + " (the first is " +
         field_words(u.first_path, false) + ")";
}

// "its 100 minutes" or "their 1234.5 minutes".
std::string uncovered_minutes(const UncoveredRows& u) {
  return (u.rows > 1 ? "their " : "its ") + minutes_in_words(u.minutes) + " minutes";
}

struct PlanPool {
  std::string country;
  Plan plan;
  std::int64_t users = 0;
  std::int64_t per_user = 0;
  Minutes international_weight;  // Domestic+International only
  std::vector<PoolDraw> draws;
  std::string id() const { return "calling_plan " + country + " " + std::string(plan_key(plan)); }
};

bool has_included_minutes(Plan p) { return p != Plan::payg && p != Plan::none; }

}  // namespace

void rate_calling_plans(const Scenario& s, const Plans& plans, const Settings& settings, const RateIndex& rates,
                        Estimate& out, PricedLines* priced) {
  // Licences per (country, plan), users summed, in the order first seen.
  std::vector<PlanPool> pools;
  std::map<std::pair<std::string, Plan>, std::size_t> pool_of;
  for (const License& l : s.licenses) {
    auto key = std::make_pair(l.country, l.plan);
    auto it = pool_of.find(key);
    if (it == pool_of.end()) {
      it = pool_of.emplace(key, pools.size()).first;
      PlanPool p;
      p.country = l.country;
      p.plan = l.plan;
      p.per_user = plans.included_minutes(l.plan, l.country, settings);
      const std::int64_t intl = plans.plan(l.plan).international_minutes;
      // core/DOMAIN.md §3: one international minute uses (domestic allowance / 600) domestic minutes.
      if (intl > 0) p.international_weight = Minutes::whole(p.per_user).scaled(1, intl);
      pools.push_back(std::move(p));
      const CallingPlanInfo& info = plans.plan(l.plan);
      if (info.not_sold_in.count(l.country)) {
        out.warnings.push_back(field_words(l.path, true) + ": the " + plan_title(l.plan) + " plan is not sold in " +
                               l.country + "; its minutes are still counted as entered.");
      }
      if (l.plan == Plan::payg && !plans.payg_zone_of(l.country)) {
        out.warnings.push_back(field_words(l.path, true) + ": " + l.country +
                               " is not in a Pay-As-You-Go Calling Plan zone; its minutes are billed as Pay-As-You-Go all the same.");
      }
      if (l.plan == Plan::domestic_120 && !info.pooled) {
        // Choice: the monthly usage of a scenario is per country, not per user, so the per-user allowance is
        // modelled as users x 120 minutes. That is exact only when no user exceeds 120 minutes while another
        // stays below: say so.
        out.warnings.push_back(field_words(l.path, true) + ": Domestic 120 (" + info.capability +
                               ") minutes are not pooled: each user has 120 minutes. The estimate counts users x 120 "
                               "as if usage were spread evenly; users above 120 minutes cost more than shown.");
      }
    }
    pools[it->second].users += l.users;
  }
  // Each licence country's plans that can place calls (its pools in the order first seen: a scenario has a row per
  // destination, a pool per plan), their users, and each one's exact share of a row from that country (core/CONTRACT.md:
  // usage from a country with users on several plans is shared in proportion to users). The same for every row.
  struct CountryPlans {
    std::vector<std::size_t> calling;
    std::vector<std::int64_t> users;
    std::int64_t all_users = 0;
    std::vector<RowFraction> parts;
    bool has_none_plan = false;
  };
  std::map<std::string_view, CountryPlans> plans_in;
  for (std::size_t p = 0; p < pools.size(); ++p) {
    CountryPlans& country = plans_in[pools[p].country];
    if (pools[p].plan == Plan::none) {
      country.has_none_plan = true;
    } else if (pools[p].users > 0) {
      country.calling.push_back(p);
      country.users.push_back(pools[p].users);
      country.all_users += pools[p].users;
    }
  }
  for (auto& [name, country] : plans_in) {
    for (std::int64_t u : country.users) country.parts.push_back(RowFraction{}.times(u, country.all_users));
  }
  const CountryPlans no_plans;

  std::vector<Minutes> shares;
  std::vector<UncoveredRows> without_licences;  // no licence group in the row's country
  std::vector<UncoveredRows> without_calling;   // only plan "none" there
  for (std::size_t i = 0; i < s.usage.size(); ++i) {
    const UsageRow& row = s.usage[i];
    // A row of calls without minutes still pays its connection charges.
    if (row.kind != UsageKind::user_out || (row.minutes.is_zero() && row.calls == 0)) continue;
    const auto in_country = plans_in.find(row.from);
    const CountryPlans& country = in_country == plans_in.end() ? no_plans : in_country->second;
    const std::vector<std::size_t>& calling = country.calling;
    const bool has_none_plan = country.has_none_plan;
    Charge base;
    base.row = &row;
    base.usage_index = i;
    base.sheet = Sheet::dial_out_calls;
    base.country = row.to;
    base.origin = row.from;
    if (calling.empty()) {
      if (has_none_plan) {
        // core/CONTRACT.md: `none` -> the user cannot place PSTN calls: a warning, not a charge.
        note_uncovered(without_calling, row);
        continue;
      }
      // Choice: usage from a country without licences is billed in full, as Pay-As-You-Go, so the estimate never
      // understates what credits must cover; the warning asks for the licences.
      note_uncovered(without_licences, row);
      Charge c = base;
      c.use_case = "payg_outbound";
      c.usage_minutes = c.billed = row.minutes;
      bill(c, rates, out, priced);
      continue;
    }
    split_by_weights(row.minutes, country.users, shares);
    for (std::size_t k = 0; k < calling.size(); ++k) {
      PlanPool& pool = pools[calling[k]];
      const Minutes share = shares[k];
      const RowFraction& part = country.parts[k];
      if (share.is_zero() && row.calls == 0) continue;
      Charge c = base;
      c.plan = plan_key(pool.plan);
      c.usage_minutes = share;
      c.part = part;
      if (pool.plan == Plan::payg) {
        // core/DOMAIN.md §2.4: Pay-As-You-Go includes no outbound minutes; every minute is billed.
        c.use_case = "payg_outbound";
        c.billed = share;
        bill(c, rates, out, priced);
      } else if (plans.is_domestic(row.from, row.to)) {
        pool.draws.push_back({&row, i, share, share, share, part, {}});
      } else if (!pool.international_weight.is_zero()) {
        pool.draws.push_back(
            {&row, i, share, share, share.scaled(pool.international_weight.micros(), kFixedScale), part, {}});
      } else {
        // core/DOMAIN.md §2.3: a Domestic plan includes no international minutes; all are billed.
        c.use_case = "calling_plan_overage";
        c.billed = share;
        bill(c, rates, out, priced);
      }
    }
  }

  for (const UncoveredRows& u : without_calling) {
    out.warnings.push_back(uncovered_subject(u) + ": users in " + u.country + " have no Calling Plan (plan \"none\") and "
                           "cannot place PSTN calls through Microsoft; " + uncovered_minutes(u) + " are not charged.");
  }
  for (const UncoveredRows& u : without_licences) {
    if (s.report) {
      // From an imported report the spend of these calls is the report's charges (rating/report_basis.hpp); only
      // what is typed on top of them is priced here, so that is what the missing licences change.
      out.warnings.push_back(uncovered_subject(u) + ": no licences are entered for users in " + u.country +
                             ". The report's charges stand for their calls as imported; minutes added for them are "
                             "priced in full as Pay-As-You-Go. Add the licences the report's users in " + u.country +
                             " have, to price changes with their included minutes.");
      continue;
    }
    out.warnings.push_back(uncovered_subject(u) + ": no licences are entered for users in " + u.country + "; " +
                           uncovered_minutes(u) + " are billed in full as Pay-As-You-Go. Add the licences of the users in " +
                           u.country + " to count their included minutes.");
  }

  for (PlanPool& pool : pools) {
    if (!has_included_minutes(pool.plan)) continue;
    const CallingPlanInfo& info = plans.plan(pool.plan);
    // core/DOMAIN.md §3: pool = users x included minutes, per country of licence and per identical plan.
    const Minutes included = Minutes::whole(pool.users).scaled(pool.per_user, 1);
    std::vector<Minutes> weighted;
    for (const PoolDraw& d : pool.draws) weighted.push_back(d.weight);
    const PoolOutcome outcome = settle_pool(included, weighted);
    const std::string id = pool.id();
    PoolReport report;
    report.id = id;
    report.kind = "calling_plan";
    report.country = pool.country;
    report.plan = std::string(plan_key(pool.plan));
    report.pooled = info.pooled;
    report.licences = pool.users;
    report.included = included;
    report.used = outcome.used;
    report.overage = outcome.overage;
    report.international_weight = pool.international_weight;
    report.source = info.source;
    out.pools.push_back(std::move(report));
    // The same fraction (use - included) / use of every line of the pool is billed, at each line's own rate.
    for (const PoolDraw& d : pool.draws) {
      Charge c = pool_overage(d, outcome, "calling_plan_overage", Sheet::dial_out_calls);
      c.origin = d.row->from;
      c.plan = plan_key(pool.plan);
      c.pool = id;
      bill(c, rates, out, priced);
    }
  }
}

}  // namespace ccredits::detail
