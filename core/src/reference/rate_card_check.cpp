#include <map>
#include <tuple>

#include "ccredits/calculator.hpp"
#include "reference/rate_card.hpp"

namespace ccredits {


// Per sheet: rows, distinct prefixes, and warnings for a prefix listed twice for the same origin and number
// type (a duplicate when the rates agree, a conflict when they differ: lookup then takes the first row).
json check_rate_card(const RateCard& card, const std::string& file) {
  json sheets = json::object();
  json warnings = json::array();
  for (std::size_t s = 0; s < kSheetCount; ++s) {
    const Sheet sheet = static_cast<Sheet>(s);
    std::map<std::tuple<std::string, std::string, NumberType>, const RateRow*> seen;
    std::size_t prefixes = 0;
    for (const RateRow& row : card.rows(sheet)) {
      for (const std::string& p : row.prefixes) {
        auto [it, fresh] = seen.emplace(std::make_tuple(p, row.origin, row.number_type), &row);
        if (fresh) {
          ++prefixes;
          continue;
        }
        const RateRow& first = *it->second;
        const bool same = first.per_minute == row.per_minute && first.connection == row.connection;
        const auto where = [&](const RateRow& r) {
          return r.source_line > 0 ? " (line " + std::to_string(r.source_line) + ")" : std::string();
        };
        warnings.push_back(std::string(same ? "duplicate" : "conflicting") + " prefix " + p + " on " +
                           std::string(sheet_key(sheet)) + " for origin " + row.origin + ", " +
                           std::string(number_type_key(row.number_type)) + ": " + first.destination + where(first) +
                           " " + first.per_minute.to_exact_string() + " vs " + row.destination + where(row) + " " +
                           row.per_minute.to_exact_string() + (same ? "" : "; lookups use the first"));
      }
    }
    sheets[std::string(sheet_key(sheet))] = {{"rows", card.rows(sheet).size()}, {"prefixes", prefixes}};
  }
  return {{"file", file},          {"currency", card.currency}, {"effective", card.effective},
          {"illustrative", card.illustrative}, {"sheets", sheets}, {"warnings", warnings}};
}

}  // namespace ccredits
