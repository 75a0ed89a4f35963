#pragma once
// The monthly estimate of what Communication Credits pay for (core/CONTRACT.md "Estimate", core/DOMAIN.md §2-§4).
//
// Amounts: every line's amount is kept exact (to a millionth: rate x billed minutes + connection x billed calls,
// each product rounded half-up to 10^-6 once). Shown amounts are those exact values rounded once, half-up, to 2
// decimals. monthly_total and each by_use_case figure are the rounding of the EXACT sum of their lines, not the sum
// of the rounded lines, so the shown line amounts may differ from the shown total by a few cents at most
// (half a cent per line); every line also carries amount_exact so the total can be checked.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/json_input.hpp"
#include "reference/plans.hpp"
#include "reference/rate_card.hpp"
#include "reference/rate_lookup.hpp"
#include "scenario/scenario.hpp"

namespace ccredits {

// The use cases of core/DOMAIN.md §2, in the order they are shown.
inline constexpr const char* kUseCases[] = {"toll_free", "conference_dial_out", "calling_plan_overage",
                                            "payg_outbound", "pay_per_minute_conferencing"};

struct EstimateLine {
  std::string_view use_case;  // one of kUseCases (static text: no allocation per line)
  std::string usage;        // "usage[3]": the scenario row it comes from
  std::size_t usage_index = 0;
  std::string destination;  // the rate row's destination name, e.g. "France-Mobile"
  std::string country;      // destination country (toll-free / toll: the number's country)
  NumberType number_type = NumberType::all;  // the type priced (may differ from the row's: see `note`)
  std::string note;         // set when the line was priced by a rule the row did not spell out
  Sheet sheet = Sheet::dial_out_calls;
  std::string from;         // user_out: the user's licence country
  std::string_view plan;    // user_out: the plan whose users the minutes are attributed to (plan_key(): static)
  std::string service;      // toll_free_in: conferencing, auto_attendant, call_queue
  std::string pool;         // the pool the minutes were counted against ("" when none), e.g. "calling_plan US domestic"
  Minutes usage_minutes;    // the minutes of this row (or its plan's share) before any pool
  Minutes minutes;          // billed minutes
  Minutes calls;            // billed calls (connection charges), pro rata like the minutes
  Money rate;
  Money connection;         // per call
  Money amount;             // exact
  // With an imported report (scenario `report`, rating/report_basis.hpp), where the amount comes from: "charges"
  // (the report's own charges per month), "report" (a rate learned from the report's charged calls) or "card" (the
  // loaded rate card). Empty without a report. Static text.
  std::string_view rate_source;

  bool operator==(const EstimateLine&) const = default;
};

struct PoolReport {
  std::string id;           // "calling_plan US domestic", "conference_dial_out A"
  std::string kind;         // calling_plan | conference_dial_out
  std::string country;      // calling_plan
  std::string plan;         // calling_plan
  std::string zone;         // conference_dial_out: "A" or "US+CA"
  bool pooled = true;       // false for Domestic 120 (MCOPSTN8): a per-user allowance
  std::int64_t licences = 0;  // users (calling plan) or licences (conferencing) it is made of
  Minutes included;
  Minutes used;             // Domestic+International: weighted minutes
  Minutes overage;
  Minutes international_weight;  // Domestic+International: allowance / 600; zero otherwise
  std::string source;

  bool operator==(const PoolReport&) const = default;
};

// How much compute_estimate builds: every line, or only the totals, pools and warnings (the what-if compares totals,
// and building its lines cost as much as rating them).
enum class EstimateDetail { lines, totals };

// The §8 settings an estimate applied: each value, with what plans.json documents of that setting (its default,
// conflict and source), or nothing when plans.json does not name it.
struct AppliedSettings {
  Settings values;
  std::optional<SettingInfo> uk_domestic_minutes;
  std::optional<SettingInfo> spend_includes_connection_fee;
  std::optional<SettingInfo> billing_increment_seconds;
  std::optional<SettingInfo> dial_out_pool_basis;
  std::optional<SettingInfo> minimum_purchase;

  bool operator==(const AppliedSettings&) const = default;
};

struct Estimate {
  EstimateDetail detail = EstimateDetail::lines;  // with totals, `lines` stays empty
  std::string currency;
  std::string effective;
  bool illustrative = false;
  std::vector<EstimateLine> lines;
  std::vector<PoolReport> pools;
  std::map<std::string, Money> by_use_case;  // exact sums
  Money monthly_total;                        // exact sum of the lines
  std::vector<std::string> warnings;
  std::size_t calling_plan_warnings = 0;      // how many of the warnings, first, the Calling Plans gave
  AppliedSettings settings;                   // with EstimateDetail::lines only

  bool operator==(const Estimate&) const = default;
};

Estimate compute_estimate(const Scenario& scenario, const RateIndex& rates, const Plans& plans,
                          EstimateDetail detail = EstimateDetail::lines);

// The totals of `changed`, a scenario that differs from the one `current` estimates (with the same rates and plans)
// in its licences alone, as compute_estimate(changed, ..., EstimateDetail::totals) gives them: the what-if's. Only
// the Calling Plans depend on licences, so only they are rated again; the conferencing and toll-free totals, pools
// and warnings are those of `current` (a third of the what-if's time went to rating them again).
Estimate compute_estimate_for_licences(const Scenario& changed, const Estimate& current, const RateIndex& rates,
                                       const Plans& plans);

}  // namespace ccredits
