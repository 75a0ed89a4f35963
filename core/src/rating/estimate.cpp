// The monthly estimate (CONTRACT.md "Estimate"): each use case of DOMAIN.md §2 is rated by its own file
// (calling_plan_pools.cpp, conferencing.cpp, toll_free below); this file prices lines, settles pools and totals.
#include "rating/estimate.hpp"

#include <algorithm>
#include <numeric>

#include "ccredits/error.hpp"
#include "rating/estimate_builder.hpp"

namespace ccredits {
namespace detail {

void bill(const Charge& c, const RateIndex& rates, Estimate& out) {
  const UsageRow& row = *c.row;
  if (c.billed.is_zero() || row.minutes.is_zero()) return;
  const RateRow* rate = rates.by_country(c.sheet, c.country, row.number_type, c.origin);
  if (!rate) {
    // CONTRACT.md: a type falls back to the country's `all` row, never the other way; so "all" minutes to a country
    // priced only per type are an error that says which types to choose from.
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
    throw InputError("missing_rate", "The " + rates.card().currency + " rate card (effective " +
                                         rates.card().effective + ") has no \"" + std::string(sheet_title(c.sheet)) +
                                         "\" rate (sheet " + std::string(sheet_key(c.sheet)) + ") for destination " +
                                         std::string(c.country) + " (" + std::string(number_type_key(row.number_type)) +
                                         "), needed by " + row.path + "." + advice);
  }
  // Connection charges per call (CONTRACT.md `calls`), billed in the same proportion as the row's minutes.
  const Money amount = rate->per_minute.for_minutes(c.billed) +
                       rate->connection.scaled(wide_int(row.calls) * c.billed.micros(), row.minutes.micros());
  // The totals are exact sums of the lines' exact amounts (all non-negative, so the order of the sum cannot
  // decide whether it overflows).
  out.monthly_total += amount;
  const std::string_view use_case = c.use_case;
  for (auto& [name, total] : out.by_use_case) {
    if (name == use_case) total += amount;
  }
  if (out.detail == EstimateDetail::totals) return;
  EstimateLine line;
  line.use_case = c.use_case;
  line.usage = row.path;
  line.usage_index = c.usage_index;
  line.destination = rate->destination;
  line.country = c.country;
  line.number_type = row.number_type;
  line.sheet = c.sheet;
  if (row.kind == UsageKind::user_out) line.from = row.from;
  line.plan = c.plan;
  line.service = row.service;
  line.pool = c.pool;
  line.usage_minutes = c.usage_minutes;
  line.minutes = c.billed;
  line.rate = rate->per_minute;
  line.connection = rate->connection;
  const wide_int calls_micros = wide_int(row.calls) * kFixedScale;
  line.calls = Minutes::from_micros(divide_round_half_up(calls_micros * c.billed.micros(), row.minutes.micros()));
  line.amount = amount;
  out.lines.push_back(std::move(line));
}

PoolOutcome settle_pool(Minutes included, const std::vector<Minutes>& weighted_draws) {
  PoolOutcome o;
  for (const Minutes& m : weighted_draws) o.used += m;
  if (o.used > included) o.overage = o.used - included;
  return o;
}

std::vector<Minutes> split_by_weights(Minutes minutes, const std::vector<std::int64_t>& weights) {
  std::int64_t total = 0;
  for (std::int64_t w : weights) total += w;
  std::vector<Minutes> parts;
  Minutes given;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    // The last part takes the remainder so the parts add up to the row exactly.
    Minutes part = i + 1 == weights.size() ? minutes - given : minutes.scaled(weights[i], total);
    given += part;
    parts.push_back(part);
  }
  return parts;
}

// DOMAIN.md §2.1 (what-are-communications-credits.md): every toll-free minute is billed, by the toll-free number's
// country, at the "Dial-in to toll free" rates, whatever the service behind the number.
void rate_toll_free(const Scenario& s, const RateIndex& rates, Estimate& out) {
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
    bill(c, rates, out);
  }
}

}  // namespace detail

namespace {

json settings_json(const Settings& applied, const Plans& plans) {
  json out = json::object();
  auto one = [&](const char* name, json value) {
    const SettingInfo* info = plans.setting(name);
    json j = {{"value", value}};
    if (info) {
      j["default"] = json::parse(info->allowed.front());
      j["conflict"] = info->conflict;
      j["source"] = info->source;
    }
    out[name] = j;
  };
  one("uk_domestic_minutes", applied.uk_domestic_minutes);
  one("spend_includes_connection_fee", applied.spend_includes_connection_fee);
  one("billing_increment_seconds", applied.billing_increment_seconds);
  one("dial_out_pool_basis", applied.dial_out_pool_basis);
  return out;
}

}  // namespace

Estimate compute_estimate(const Scenario& scenario, const RateIndex& rates, const Plans& plans,
                          EstimateDetail level) {
  const RateCard& card = rates.card();
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
  const Settings settings = scenario.settings.applied_to(plans.defaults);
  if (level == EstimateDetail::lines) {
    e.settings = settings_json(settings, plans);
    e.lines.reserve(scenario.usage.size() * 2);  // most rows make one or two lines
  }

  detail::rate_calling_plans(scenario, plans, settings, rates, e);
  detail::rate_conferencing(scenario, plans, settings, rates, e);
  detail::rate_toll_free(scenario, rates, e);
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

  return e;
}

}  // namespace ccredits
