// ccredits usage REPORT.csv|REPORT.zip: the Teams PSTN usage report imported (core/DOMAIN.md §7), core/CONTRACT.md
// `usage`.
#include <fstream>
#include <iostream>
#include <vector>

#include "ccredits/usage_import.hpp"
#include "cli.hpp"
#include "zip_entries.hpp"

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
  if (looks_like_zip(path)) {
    const int files = read_zip_entries(
        path, ".csv", [&](const std::string& name) { importer.next_file(name); },
        [&](std::string_view chunk) { importer.feed(chunk); });
    if (files == 0) throw InputError("usage_not_report", "The zip holds no .csv file.", path);
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("cannot_read", "Cannot open \"" + path + "\".", path);
    importer.next_file(path);
    std::vector<char> buffer(1 << 20);
    while (in) {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      if (in.gcount() > 0) importer.feed(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
    }
  }
  const json result = importer.finish();
  if (o.format == "table") {
    print_table(result);
    return 0;
  }
  return emit(result);
}

}  // namespace ccredits::cli
