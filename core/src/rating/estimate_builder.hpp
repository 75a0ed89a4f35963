#pragma once
// Internal to the estimate: pricing a billed part of a usage row into a line, and settling a shared pool.
#include <string>
#include <string_view>
#include <vector>

#include "rating/estimate.hpp"

namespace ccredits::detail {

// An exact part of a usage row (num / den, kept reduced): the plan's share of it times what a pool leaves. The row's
// calls are billed with this fraction, not with the ratio of rounded minutes, so connection charges are rounded once.
struct RowFraction {
  wide_int num = 1;
  wide_int den = 1;
  bool is_zero() const { return num == 0; }
  // this x numerator / denominator, reduced (throws InputError{"overflow"} past 128 bits).
  RowFraction times(wide_int numerator, wide_int denominator) const;
};

// What is billed of one usage row (or of one plan's share of it).
struct Charge {
  const UsageRow* row = nullptr;
  std::size_t usage_index = 0;
  const char* use_case = "";
  Sheet sheet = Sheet::dial_out_calls;
  // Views of strings that outlive the charge (the scenario's rows, plan keys, pool ids): no copies per charge.
  std::string_view country;       // the rate's country
  std::string_view origin = "*";  // the caller's country for origin-specific rates
  std::string_view plan;
  std::string_view pool;
  Minutes usage_minutes;          // of this share, before pools
  Minutes billed;                 // billed minutes
  RowFraction part;               // the exact part of the row billed (its calls are billed in this proportion)
};

// Prices a charge at its sheet's rate and appends the line. A missing rate is an InputError naming the
// destination and the sheet (core/CONTRACT.md: never a free call). Nothing billed: no line, no lookup.
// With `priced`, a line whose charge is the same as one of its earlier lines is copied from it, and what the line was
// priced from is appended to priced->pricing (in the order lines are appended to out.lines).
void bill(const Charge& c, const RateIndex& rates, Estimate& out, PricedLines* priced = nullptr);

// A pool shared by several draws is exceeded pro rata (core/CONTRACT.md "Estimate"): each draw's billed part is
// minutes x (use - included) / use. used and overage are in the pool's (possibly weighted) minutes.
struct PoolOutcome {
  Minutes included;
  Minutes used;
  Minutes overage;
  Minutes billed_part(Minutes minutes) const {
    if (overage.is_zero() || used.is_zero()) return Minutes();
    return minutes.scaled(overage.micros(), used.micros());
  }
  // The exact part of each draw that is billed: (use - included) / use; all of it when nothing is included (a draw
  // of calls without minutes still pays its connection charges there).
  RowFraction billed_fraction(const RowFraction& draw) const {
    if (included.is_zero()) return draw;
    if (overage.is_zero()) return draw.times(0, 1);
    // The draws of a pool are mostly the same part of their rows (a plan's share of its country's users): the last
    // answer again, where reducing the product was the most of billing a pooled line.
    if (last_draw.num != draw.num || last_draw.den != draw.den) {
      last_billed = draw.times(overage.micros(), used.micros());
      last_draw = draw;
    }
    return last_billed;
  }

 private:
  mutable RowFraction last_draw{0, 0};  // none yet: no part has a zero denominator
  mutable RowFraction last_billed;
};
PoolOutcome settle_pool(Minutes included, const std::vector<Minutes>& weighted_draws);

// One usage row's claim on a pool of included minutes (a Calling Plan pool, a dial-out pool).
struct PoolDraw {
  const UsageRow* row = nullptr;
  std::size_t usage_index = 0;
  Minutes share;          // the row's minutes this draw stands for: the line's usage minutes
  Minutes minutes;        // what is still to be covered when it reaches the pool; its billed part comes from these
  Minutes weight;         // what it uses of the pool (an international minute may weigh more than one)
  RowFraction part;       // the exact part of the row still to be covered
  std::string_view pool;  // the pool's id, a string that outlives the draw
};
// What a settled pool leaves of a draw, as a charge at the destination's rate on `sheet`. The caller adds what only
// its sheet has (the caller's origin, the plan).
Charge pool_overage(const PoolDraw& d, const PoolOutcome& outcome, const char* use_case, Sheet sheet);

// The exact share of a row for each weight, minutes x weight / the weights' sum, into `parts` (cleared first; a caller
// keeps one vector for all its rows). The last share takes the remainder, so the shares add up to the row exactly.
void split_by_weights(Minutes minutes, const std::vector<std::int64_t>& weights, std::vector<Minutes>& parts);

void rate_calling_plans(const Scenario& s, const Plans& plans, const Settings& settings, const RateIndex& rates,
                        Estimate& out, PricedLines* priced = nullptr);
void rate_conferencing(const Scenario& s, const Plans& plans, const Settings& settings, const RateIndex& rates,
                       Estimate& out, PricedLines* priced = nullptr);
void rate_toll_free(const Scenario& s, const RateIndex& rates, Estimate& out, PricedLines* priced = nullptr);

}  // namespace ccredits::detail
