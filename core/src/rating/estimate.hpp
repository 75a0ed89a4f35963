#pragma once
// The monthly estimate of what Communication Credits pay for (core/CONTRACT.md "Estimate", core/DOMAIN.md §2-§4).
//
// Amounts: every line's amount is kept exact (to a millionth: rate x billed minutes + connection x billed calls,
// each product rounded half-up to 10^-6 once). Shown amounts are those exact values rounded once, half-up, to 2
// decimals. monthly_total and each by_use_case figure are the rounding of the EXACT sum of their lines, not the sum
// of the rounded lines, so the shown line amounts may differ from the shown total by a few cents at most
// (half a cent per line); every line also carries amount_exact so the total can be checked.
#include <cstdint>
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

// What a line was priced from that the line itself does not say: with the line's usage, usage_index, use_case, sheet,
// country, from, plan, service, pool, usage_minutes and minutes, everything its text and amount follow from at a
// given rate card (rating/estimate.cpp `bill`).
struct LinePricing {
  UsageKind row_kind = UsageKind::user_out;
  NumberType row_type = NumberType::all;  // the row's number type (the line's may be the one it was priced at)
  std::int64_t row_calls = 0;
  std::string origin;                     // the caller's country for origin-specific rates, "*" for none
  wide_int part_num = 1;                  // the exact part of the row billed
  wide_int part_den = 1;
};

// The lines of an earlier estimate at the same rate card, held by the caller, with what each was priced from: an
// estimate of an edited scenario does not price again a line whose charge is the same as an earlier line's, it names
// that line (EstimateSession: a keystroke changes one usage row, and pricing, copying and comparing every line was the
// most of a keystroke's estimate). The caller makes sure the lines are of the same rates (Calculator: a new card, a
// new rates_id).
struct PricedLines {
  static constexpr std::size_t kPricedAnew = static_cast<std::size_t>(-1);

  std::uint64_t rates_id = 0;                          // the card the earlier lines were priced at
  const std::vector<EstimateLine>* earlier = nullptr;  // sorted by usage_index, as an estimate's lines are
  std::vector<LinePricing> earlier_pricing;            // one per earlier line
  std::vector<char> earlier_named;                     // during an estimate: the earlier lines named so far (once each)
  // Filled by compute_estimate, one per line of the estimate it made: what the line was priced from, and the earlier
  // line it is (kPricedAnew: the line is priced and complete).
  std::vector<LinePricing> pricing;
  std::vector<std::size_t> same_as;

  // After an estimate made with these: its lines, complete (the caller has put each named earlier line in place),
  // become the earlier lines, held by the caller from now on.
  void keep(const std::vector<EstimateLine>& lines);
  // No earlier lines: every line is priced.
  void forget();
};

// With `priced` (EstimateDetail::lines only), a line whose charge is the same as an earlier line's is not priced
// again: in the result it holds only its usage_index and amount, and priced->same_as names the earlier line, which
// the caller puts in its place before the lines are used (nothing in the estimate reads them: the totals are summed
// as the lines are made). priced->pricing says what each line was priced from.
Estimate compute_estimate(const Scenario& scenario, const RateIndex& rates, const Plans& plans,
                          EstimateDetail detail = EstimateDetail::lines, PricedLines* priced = nullptr);

// The totals of `changed`, a scenario that differs from the one `current` estimates (with the same rates and plans)
// in its licences alone, as compute_estimate(changed, ..., EstimateDetail::totals) gives them: the what-if's. Only
// the Calling Plans depend on licences, so only they are rated again; the conferencing and toll-free totals, pools
// and warnings are those of `current` (a third of the what-if's time went to rating them again).
Estimate compute_estimate_for_licences(const Scenario& changed, const Estimate& current, const RateIndex& rates,
                                       const Plans& plans);

}  // namespace ccredits
