#include "cli.hpp"
#include "rate_files.hpp"
#include "reference/rate_sheet_csv.hpp"

namespace ccredits::cli {

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
    files.push_back(check_rate_card(card, f));
  }
  return emit(json{{"files", files}});
}

}  // namespace ccredits::cli
