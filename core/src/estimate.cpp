#include "ccredits/estimate.hpp"

#include "ccredits/error.hpp"

namespace ccredits {
namespace {

const RateRow& rate_for_country(const RateCard& card, Sheet sheet, const std::string& country, NumberType type,
                                const std::string& path) {
  const RateRow* fallback = nullptr;
  for (const RateRow& r : card.rows(sheet)) {
    if (r.country != country || r.origin != "*") continue;
    if (r.number_type == type) return r;
    if (r.number_type == NumberType::all) fallback = &r;
  }
  if (fallback) return *fallback;
  throw InputError("missing_rate", "The rate card has no \"" + std::string(sheet_title(sheet)) + "\" rate for " +
                                       country + " (" + std::string(number_type_key(type)) + "), needed by " + path +
                                       ".");
}

}  // namespace

Estimate compute_estimate(const Scenario& scenario, const RateCard& rates) {
  Estimate e;
  e.currency = rates.currency;
  e.effective = rates.effective;
  e.illustrative = rates.illustrative;
  for (const UsageRow& u : scenario.usage) {
    if (u.kind != UsageKind::user_out) continue;
    const RateRow& r = rate_for_country(rates, Sheet::dial_out_calls, u.to, u.number_type, u.path);
    EstimateLine line{"payg_outbound", r.destination, u.minutes, r.per_minute,
                      r.per_minute.for_minutes(u.minutes) + r.connection.times(u.calls)};
    e.monthly_total += line.amount;
    e.lines.push_back(std::move(line));
  }
  return e;
}

json estimate_to_json(const Estimate& e) {
  json lines = json::array();
  for (const EstimateLine& l : e.lines) {
    lines.push_back({{"use_case", l.use_case},
                     {"destination", l.destination},
                     {"minutes", minutes_json(l.minutes)},
                     {"rate", l.rate.to_exact_string()},
                     {"amount", l.amount.to_string(2)}});
  }
  return {{"currency", e.currency},
          {"rates", {{"effective", e.effective}, {"illustrative", e.illustrative}}},
          {"monthly_total", e.monthly_total.to_string(2)},
          {"lines", lines}};
}

}  // namespace ccredits
