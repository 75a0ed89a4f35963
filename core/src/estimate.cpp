#include "ccredits/estimate.hpp"

#include "ccredits/error.hpp"
#include "ccredits/rate_lookup.hpp"

namespace ccredits {
Estimate compute_estimate(const Scenario& scenario, const RateCard& rates) {
  Estimate e;
  e.currency = rates.currency;
  e.effective = rates.effective;
  e.illustrative = rates.illustrative;
  const RateIndex index(rates);
  for (const UsageRow& u : scenario.usage) {
    if (u.kind != UsageKind::user_out) continue;
    const RateRow* found = index.by_country(Sheet::dial_out_calls, u.to, u.number_type);
    if (!found) {
      throw InputError("missing_rate", "The rate card has no \"" + std::string(sheet_title(Sheet::dial_out_calls)) +
                                           "\" rate for " + u.to + " (" + std::string(number_type_key(u.number_type)) +
                                           "), needed by " + u.path + ".");
    }
    const RateRow& r = *found;
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
