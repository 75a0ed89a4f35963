#include <map>
#include <tuple>

#include "reference/rate_card.hpp"
#include "reference/rate_sheet_csv.hpp"
#include "cli.hpp"
#include "rate_files.hpp"

namespace ccredits::cli {
namespace {

// Per sheet: rows, distinct prefixes, and warnings for a prefix listed twice for the same origin and number
// type (a duplicate when the rates agree, a conflict when they differ: lookup then takes the first row).
json check_card(const RateCard& card, const std::string& file) {
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

}  // namespace

// ccredits rates check FILE... (JSON cards, CSV sheets, workbooks): every file loads (exit 2 with the first broken file's error) and is summarised.
int command_rates(const Options& o) {
  if (o.positional.size() < 2 || o.positional[0] != "check") {
    throw InputError("usage", std::string("rates takes: check FILE...\n") + kUsage);
  }
  json files = json::array();
  for (std::size_t i = 1; i < o.positional.size(); ++i) {
    const std::string& f = o.positional[i];
    const ColumnMapping* mapping = o.columns.empty() ? nullptr : &o.columns;
    RateCard card;
    try {
      switch (rate_file_kind(f)) {
        case RateFileKind::csv_sheet: add_rate_sheet_csv(card, std::nullopt, read_file(f), f, mapping); break;
        case RateFileKind::workbook: card = read_workbook_file(f, mapping); break;
        case RateFileKind::json_card: card = load_rate_card_json(read_file(f), f); break;
      }
    } catch (const InputError& e) {
      throw with_columns_hint(e);
    }
    files.push_back(check_card(card, f));
  }
  return emit(json{{"files", files}});
}

}  // namespace ccredits::cli
