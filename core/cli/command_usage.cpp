// ccredits usage REPORT.csv|REPORT.zip: the Teams PSTN usage report imported (core/DOMAIN.md §7), core/CONTRACT.md
// `usage`.
#include <iostream>

#include "ccredits/files.hpp"
#include "ccredits/usage_import.hpp"
#include "cli.hpp"

namespace ccredits::cli {
namespace {

void print_table(const json& r) {
  std::cout << "rows " << r["rows"] << ", used " << r["rows_used"] << ", skipped " << r["skipped_count"] << "\n";
  if (!r["period"].is_null()) {
    std::cout << "period " << r["period"]["from"].get<std::string>() << " .. " << r["period"]["to"].get<std::string>()
              << " (" << r["period"]["days"] << " days)\n";
  }
  for (const auto& [currency, a] : r["actual"].items()) {
    std::cout << "actual " << currency << ": charge " << a["charge"].get<std::string>() << " + connection "
              << a["connection"].get<std::string>() << " = " << a["total"].get<std::string>() << "\n";
  }
  for (const auto& [use_case, m] : r["minutes"].items()) {
    std::cout << "minutes " << use_case << ": " << m.dump() << " (" << r["calls"][use_case] << " calls)\n";
  }
  if (!r["rerated"].is_null()) {
    std::cout << "rerated " << r["rerated"]["currency"].get<std::string>() << ": "
              << r["rerated"]["total"].get<std::string>() << "\n";
  }
  for (const auto& s : r["skipped"]) {
    std::cout << "skipped line " << s["line"] << ": " << s["reason"].get<std::string>() << "\n";
  }
}

}  // namespace

int command_usage(const Options& o) {
  if (o.positional.size() != 1) throw InputError("usage", std::string("usage takes one report file.\n") + kUsage);
  const std::string& path = o.positional[0];
  Calculator calc;
  load_rates(calc, o);
  UsageImporter importer(calc);
  import_usage_file(importer, path);
  const json result = importer.finish();
  if (o.format == "table") {
    print_table(result);
    return 0;
  }
  return emit(result);
}

}  // namespace ccredits::cli
