// The monthly estimate (core/CONTRACT.md "Estimate"): each use case of core/DOMAIN.md §2 is rated by its own file
// (calling_plan_pools.cpp, conferencing.cpp, toll_free below); this file prices lines, settles pools and totals.
#include "rating/estimate.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <numeric>
#include <tuple>

#include "ccredits/error.hpp"
#include "rating/estimate_builder.hpp"
#include "reference/countries.hpp"

namespace ccredits {
namespace detail {

namespace {

wide_int greatest_common_divisor(wide_int a, wide_int b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    const wide_int r = a % b;
    a = b;
    b = r;
  }
  return a;
}

wide_int checked_product(wide_int a, wide_int b) {
  wide_int r;
  if (__builtin_mul_overflow(a, b, &r)) {
    throw InputError("overflow", "An amount is too large to compute exactly (more than 9,223,372 billion).");
  }
  return r;
}

bool fits_unsigned_64(wide_int v) { return v >= 0 && v <= static_cast<wide_int>(std::numeric_limits<std::uint64_t>::max()); }

LinePricing pricing_of(const Charge& c) {
  return {c.row->kind, c.row->number_type, c.row->calls, std::string(c.origin), c.part.num, c.part.den};
}

// Short texts compared in line, 8 bytes at a time (the library's compare is a call, and a keystroke compares
// thousands); the same static text (a use case, a plan key) is the same pointer.
bool same_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.data() == b.data()) return true;
  std::size_t i = 0;
  for (; i + 8 <= a.size(); i += 8) {
    std::uint64_t x = 0;
    std::uint64_t y = 0;
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y) return false;
  }
  for (; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// Whether `line`, priced from `pricing` at the same rates, is what `c` prices: every input of bill() is the same.
bool same_charge(const EstimateLine& line, const LinePricing& pricing, const Charge& c) {
  const UsageRow& row = *c.row;
  return line.usage_index == c.usage_index && line.minutes == c.billed && line.usage_minutes == c.usage_minutes &&
         pricing.part_num == c.part.num && pricing.part_den == c.part.den && pricing.row_calls == row.calls &&
         pricing.row_type == row.number_type && pricing.row_kind == row.kind && line.sheet == c.sheet &&
         same_text(line.use_case, c.use_case) && same_text(line.country, c.country) &&
         same_text(pricing.origin, c.origin) && same_text(line.plan, c.plan) && same_text(line.pool, c.pool) &&
         same_text(line.usage, row.path) && same_text(line.service, row.service) &&
         (row.kind != UsageKind::user_out || same_text(line.from, row.from));
}

// The earlier line, not yet named, that `c` would price again, or kPricedAnew.
std::size_t earlier_line(const PricedLines& priced, const Charge& c) {
  const std::vector<EstimateLine>& lines = *priced.earlier;
  auto it = std::lower_bound(lines.begin(), lines.end(), c.usage_index,
                             [](const EstimateLine& l, std::size_t usage) { return l.usage_index < usage; });
  for (; it != lines.end() && it->usage_index == c.usage_index; ++it) {
    const std::size_t i = static_cast<std::size_t>(it - lines.begin());
    if (!priced.earlier_named[i] && same_charge(*it, priced.earlier_pricing[i], c)) return i;
  }
  return PricedLines::kPricedAnew;
}

void add_to_totals(const Charge& c, const Money& amount, Estimate& out) {
  // The totals are exact sums of the lines' exact amounts (all non-negative, so the order of the sum cannot
  // decide whether it overflows).
  out.monthly_total += amount;
  const std::string_view use_case = c.use_case;
  for (auto& [name, total] : out.by_use_case) {
    if (name == use_case) {
      total += amount;
      break;  // each use case once
    }
  }
}

}  // namespace

RowFraction RowFraction::times(wide_int numerator, wide_int denominator) const {
  if (num == 0 || numerator == 0) return RowFraction{0, 1};
  // The usual shares (users of a plan, a pool's overage in micro-minutes) fit in 64 bits: the same reduction with
  // 64-bit division, which is one instruction where 128-bit division is a library call (in wasm too).
  if (fits_unsigned_64(num) && fits_unsigned_64(den) && fits_unsigned_64(numerator) && fits_unsigned_64(denominator)) {
    const std::uint64_t g1 = std::gcd(static_cast<std::uint64_t>(num), static_cast<std::uint64_t>(denominator));
    const std::uint64_t g2 = std::gcd(static_cast<std::uint64_t>(numerator), static_cast<std::uint64_t>(den));
    std::uint64_t n = 0;
    std::uint64_t d = 0;
    if (!__builtin_mul_overflow(static_cast<std::uint64_t>(num) / g1, static_cast<std::uint64_t>(numerator) / g2, &n) &&
        !__builtin_mul_overflow(static_cast<std::uint64_t>(den) / g2, static_cast<std::uint64_t>(denominator) / g1, &d)) {
      const std::uint64_t g = std::gcd(n, d);
      return RowFraction{static_cast<wide_int>(n / g), static_cast<wide_int>(d / g)};
    }
  }
  // Reduced crosswise before multiplying, so the usual shares (users of a plan, a pool's overage) stay small.
  const wide_int g1 = greatest_common_divisor(num, denominator);
  const wide_int g2 = greatest_common_divisor(numerator, den);
  RowFraction r{checked_product(num / g1, numerator / g2), checked_product(den / g2, denominator / g1)};
  const wide_int g = greatest_common_divisor(r.num, r.den);
  r.num /= g;
  r.den /= g;
  return r;
}

void bill(const Charge& c, const RateIndex& rates, Estimate& out, PricedLines* priced) {
  const UsageRow& row = *c.row;
  // Calls are billed in the exact proportion of the row billed (a row of calls without minutes included).
  const bool calls_billed = row.calls > 0 && !c.part.is_zero();
  if (c.billed.is_zero() && !calls_billed) return;
  if (priced && priced->earlier && out.detail == EstimateDetail::lines) {
    const std::size_t same = earlier_line(*priced, c);
    if (same != PricedLines::kPricedAnew) {
      const EstimateLine& earlier = (*priced->earlier)[same];
      add_to_totals(c, earlier.amount, out);
      EstimateLine& named = out.lines.emplace_back();
      named.usage_index = earlier.usage_index;
      named.amount = earlier.amount;
      priced->earlier_named[same] = 1;
      priced->pricing.push_back(pricing_of(c));
      priced->same_as.push_back(same);
      return;
    }
  }
  const RateRow* rate = rates.by_country(c.sheet, c.country, row.number_type, c.origin);
  NumberType priced_type = row.number_type;
  if (!rate && row.number_type == NumberType::all && c.sheet == Sheet::dial_out_audio) {
    // core/DOMAIN.md §5: meeting dial-out minutes of no particular number type, to a country the card prices only per
    // type, are priced at its highest non-premium rate, so the estimate never understates them.
    for (NumberType t : {NumberType::wireline, NumberType::wireless}) {
      const RateRow* typed = rates.by_country(c.sheet, c.country, t, c.origin);
      if (typed && (!rate || std::tie(typed->per_minute, typed->connection) > std::tie(rate->per_minute, rate->connection))) {
        rate = typed;
        priced_type = t;
      }
    }
  }
  if (!rate) {
    // core/CONTRACT.md: a type falls back to the country's `all` row, never the other way; so "all" minutes to a
    // country priced only per type are an error that says which types to choose from.
    std::string typed;
    for (NumberType t : {NumberType::wireline, NumberType::wireless, NumberType::premium}) {
      if (row.number_type == NumberType::all && rates.by_country(c.sheet, c.country, t, c.origin)) {
        typed += (typed.empty() ? "" : ", ") + std::string(number_type_key(t));
      }
    }
    const std::string advice = typed.empty()
                                   ? " Load a rate card that has it."
                                   : " The card prices " + std::string(c.country) + " per number type (" + typed +
                                         "): choose the number type of these minutes.";
    throw field_error("missing_rate", typed.empty() ? row.path : row.path + ".number_type",
                      "The " + rates.base().currency + " rate card (effective " + rates.base().effective +
                          ") has no rate on its \"" + std::string(sheet_title(c.sheet)) + "\" sheet for destination " +
                          std::string(c.country) + " (" + std::string(number_type_key(row.number_type)) +
                          "), needed by " + field_words(row.path) + "." + advice);
  }
  // Connection charges per call (core/CONTRACT.md `calls`): calls x the exact part of the row billed, rounded once.
  const wide_int billed_calls = checked_product(row.calls, c.part.num);
  const Money connection = calls_billed ? rate->connection.scaled(billed_calls, c.part.den) : Money();
  const Money amount = rate->per_minute.for_minutes(c.billed) + connection;
  add_to_totals(c, amount, out);
  if (out.detail == EstimateDetail::totals) return;
  EstimateLine line;
  line.use_case = c.use_case;
  line.usage = row.path;
  line.usage_index = c.usage_index;
  line.destination = rate->destination;
  line.country = c.country;
  line.number_type = priced_type;
  if (priced_type != row.number_type) {
    const Country* named = shipped_countries().find(c.country);
    line.note = "No number type given: priced at the highest non-premium rate for " +
                (named ? named->name : std::string(c.country)) + " (" + std::string(number_type_key(priced_type)) +
                "), so the estimate is never understated.";
  }
  line.sheet = c.sheet;
  if (row.kind == UsageKind::user_out) line.from = row.from;
  line.plan = c.plan;
  line.service = row.service;
  line.pool = c.pool;
  line.usage_minutes = c.usage_minutes;
  line.minutes = c.billed;
  line.rate = rate->per_minute;
  line.connection = rate->connection;
  line.calls = calls_billed ? Minutes::whole(row.calls).scaled(c.part.num, c.part.den) : Minutes();
  line.amount = amount;
  if (rates.layered()) line.rate_source = rates.from_top(rate) ? "report" : "card";
  out.lines.push_back(std::move(line));
  if (priced) {
    priced->pricing.push_back(pricing_of(c));
    priced->same_as.push_back(PricedLines::kPricedAnew);
  }
}

PoolOutcome settle_pool(Minutes included, const std::vector<Minutes>& weighted_draws) {
  PoolOutcome o;
  o.included = included;
  for (const Minutes& m : weighted_draws) o.used += m;
  if (o.used > included) o.overage = o.used - included;
  return o;
}

Charge pool_overage(const PoolDraw& d, const PoolOutcome& outcome, const char* use_case, Sheet sheet) {
  Charge c;
  c.row = d.row;
  c.usage_index = d.usage_index;
  c.use_case = use_case;
  c.sheet = sheet;
  c.country = d.row->to;
  c.pool = d.pool;
  c.usage_minutes = d.share;
  c.billed = outcome.billed_part(d.minutes);
  c.part = outcome.billed_fraction(d.part);
  return c;
}

void split_by_weights(Minutes minutes, const std::vector<std::int64_t>& weights, std::vector<Minutes>& parts) {
  std::int64_t total = 0;
  for (std::int64_t w : weights) total += w;
  parts.clear();
  Minutes given;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    // The last part takes the remainder so the parts add up to the row exactly.
    const Minutes part = i + 1 == weights.size() ? minutes - given : minutes.scaled(weights[i], total);
    given += part;
    parts.push_back(part);
  }
}

// core/DOMAIN.md §2.1 (what-are-communications-credits.md): every toll-free minute is billed, by the toll-free number's
// country, at the "Dial-in to toll free" rates, whatever the service behind the number.
void rate_toll_free(const Scenario& s, const RateIndex& rates, Estimate& out, PricedLines* priced) {
  for (std::size_t i = 0; i < s.usage.size(); ++i) {
    const UsageRow& row = s.usage[i];
    if (row.kind != UsageKind::toll_free_in) continue;
    Charge c;
    c.row = &row;
    c.usage_index = i;
    c.use_case = "toll_free";
    c.sheet = Sheet::toll_free_in;
    c.country = row.country;
    c.usage_minutes = row.minutes;
    c.billed = row.minutes;
    bill(c, rates, out, priced);
  }
}

}  // namespace detail

namespace {

AppliedSettings applied_settings(const Settings& applied, const Plans& plans) {
  const auto info = [&](const char* name) -> std::optional<SettingInfo> {
    const SettingInfo* i = plans.setting(name);
    return i ? std::optional<SettingInfo>(*i) : std::nullopt;
  };
  return {applied, info("uk_domestic_minutes"), info("spend_includes_connection_fee"),
          info("billing_increment_seconds"), info("dial_out_pool_basis"), info("minimum_purchase")};
}

// What every estimate starts from: the card's currency checked against the scenario's, the use cases at zero.
Estimate empty_estimate(const Scenario& scenario, const RateIndex& rates, EstimateDetail level) {
  const RateCard& card = rates.base();
  if (!scenario.currency.empty() && scenario.currency != card.currency) {
    throw InputError("currency_mismatch", "The scenario asks for " + scenario.currency + " but the rate card is in " +
                                              card.currency + "; load a " + scenario.currency + " rate card.");
  }
  Estimate e;
  e.detail = level;
  for (const char* u : kUseCases) e.by_use_case[u] = Money();  // summed by bill()
  e.currency = card.currency;
  e.effective = card.effective;
  e.illustrative = card.illustrative;
  return e;
}

}  // namespace

void PricedLines::keep(const std::vector<EstimateLine>& lines) {
  if (pricing.size() != lines.size()) return forget();  // not the lines compute_estimate just priced
  earlier = &lines;
  earlier_pricing = std::move(pricing);
  pricing.clear();
  same_as.clear();
}

void PricedLines::forget() {
  earlier = nullptr;
  earlier_pricing.clear();
  earlier_named.clear();
  pricing.clear();
  same_as.clear();
}

Estimate compute_estimate(const Scenario& scenario, const RateIndex& rates, const Plans& plans,
                          EstimateDetail level, PricedLines* priced) {
  Estimate e = empty_estimate(scenario, rates, level);
  const Settings settings = scenario.settings.applied_to(plans.defaults);
  if (level == EstimateDetail::lines) {
    e.settings = applied_settings(settings, plans);
    e.lines.reserve(scenario.usage.size() * 2);  // most rows make one or two lines
  } else {
    priced = nullptr;
  }
  if (priced) {
    priced->pricing.clear();
    priced->same_as.clear();
    // Earlier lines without their pricing (never kept so) are not used.
    if (priced->earlier && priced->earlier->size() != priced->earlier_pricing.size()) priced->forget();
    priced->earlier_named.assign(priced->earlier ? priced->earlier->size() : 0, 0);
  }

  detail::rate_calling_plans(scenario, plans, settings, rates, e, priced);
  e.calling_plan_warnings = e.warnings.size();
  detail::rate_conferencing(scenario, plans, settings, rates, e, priced);
  detail::rate_toll_free(scenario, rates, e, priced);
  // Lines in the order of the scenario's usage rows (stable). Sorted as indices, then moved once: moving whole
  // lines through a merge sort cost more than rating them (tests/bench/estimate_bench.cpp).
  std::vector<std::size_t> order(e.lines.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return e.lines[a].usage_index < e.lines[b].usage_index; });
  std::vector<EstimateLine> sorted;
  sorted.reserve(e.lines.size());
  for (std::size_t i : order) sorted.push_back(std::move(e.lines[i]));
  e.lines = std::move(sorted);
  if (priced) {
    std::vector<LinePricing> sorted_pricing;
    std::vector<std::size_t> sorted_same_as;
    sorted_pricing.reserve(order.size());
    sorted_same_as.reserve(order.size());
    for (std::size_t i : order) {
      sorted_pricing.push_back(std::move(priced->pricing[i]));
      sorted_same_as.push_back(priced->same_as[i]);
    }
    priced->pricing = std::move(sorted_pricing);
    priced->same_as = std::move(sorted_same_as);
  }

  return e;
}

Estimate compute_estimate_for_licences(const Scenario& changed, const Estimate& current, const RateIndex& rates,
                                       const Plans& plans) {
  Estimate e = empty_estimate(changed, rates, EstimateDetail::totals);
  detail::rate_calling_plans(changed, plans, changed.settings.applied_to(plans.defaults), rates, e);
  e.calling_plan_warnings = e.warnings.size();
  // The use cases the Calling Plans never bill are conferencing's and toll-free's (rating/calling_plan_pools.cpp).
  for (const char* u : {"toll_free", "conference_dial_out", "pay_per_minute_conferencing"}) {
    const Money amount = current.by_use_case.at(u);
    e.by_use_case[u] = amount;
    e.monthly_total += amount;
  }
  for (const PoolReport& p : current.pools) {
    if (p.kind != "calling_plan") e.pools.push_back(p);
  }
  e.warnings.insert(e.warnings.end(), current.warnings.begin() + static_cast<std::ptrdiff_t>(current.calling_plan_warnings),
                    current.warnings.end());
  return e;
}

}  // namespace ccredits
