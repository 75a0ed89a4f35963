#include "usage_report/learned_rates.hpp"

#include <algorithm>
#include <set>

namespace ccredits {

void LearnedRates::add(Sheet sheet, std::string_view country, NumberType type, const RateRow* matched,
                       Money usage_charge, Money connection, std::int64_t billed_seconds) {
  Totals& t = totals_[{static_cast<int>(sheet), std::string(country), static_cast<int>(type)}];
  t.usage_charge += usage_charge;
  t.connection += connection;
  t.billed_seconds += billed_seconds;
  t.calls += 1;
  if (matched && std::find(t.matched.begin(), t.matched.end(), matched) == t.matched.end()) {
    t.matched.push_back(matched);
    if (t.destination.empty()) t.destination = matched->destination;
  }
}

json LearnedRates::to_rate_card(const std::string& currency, const std::string& effective, const std::string& source,
                                int increment_seconds) const {
  json sheets = json::object();
  for (const auto& [key, t] : totals_) {
    const auto& [sheet, country, type] = key;
    // The effective rate of what was charged: charges x 60 / billed seconds (a call of 0 s bills only its fee).
    const Money per_minute = t.billed_seconds > 0 ? t.usage_charge.scaled(60, t.billed_seconds) : Money();
    const Money connection = t.connection.scaled(1, t.calls);
    std::set<std::string> prefixes;
    for (const RateRow* row : t.matched) prefixes.insert(row->prefixes.begin(), row->prefixes.end());
    json row = {{"origin", "*"},
                {"destination", t.destination.empty() ? country : t.destination},
                {"country", country},
                {"number_type", number_type_key(static_cast<NumberType>(type))},
                {"per_minute", per_minute.to_exact_string()},
                {"connection", connection.to_exact_string()},
                {"calls", t.calls},
                {"billed_minutes", minutes_json(Minutes::from_seconds(t.billed_seconds))}};
    if (!prefixes.empty()) row["prefixes"] = json(std::vector<std::string>(prefixes.begin(), prefixes.end()));
    sheets[std::string(sheet_key(static_cast<Sheet>(sheet)))].push_back(std::move(row));
  }
  return {{"schema", "ccredits.rates/1"},
          {"currency", currency},
          {"effective", effective},
          {"source", source},
          {"illustrative", false},
          {"learned_from_report", true},
          {"billing_increment_seconds", increment_seconds},
          {"sheets", std::move(sheets)}};
}

}  // namespace ccredits
