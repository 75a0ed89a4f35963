#include "cli.hpp"

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
    try {
      files.push_back(check_rate_file(f, mapping));
    } catch (const InputError& e) {
      throw with_columns_hint(e);
    }
  }
  return emit(json{{"files", files}});
}

}  // namespace ccredits::cli
