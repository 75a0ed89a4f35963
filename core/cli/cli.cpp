#include "cli.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>


#ifndef CCREDITS_RATES_DIR
#error "CCREDITS_RATES_DIR must name the folder of the shipped rate cards"
#endif

namespace ccredits::cli {

const char* const kUsage =
    "usage:\n"
    "  ccredits estimate SCENARIO.json [--rates FILE]... [--plans FILE] [--format json|table]\n"
    "  ccredits usage REPORT.csv|REPORT.zip [--rates FILE]... [--flag-settings FILE.json] [--format json|table]\n"
    "  ccredits simulate --from CC --number +E164 --seconds N [--kind user_out|conf_out] [--rates FILE]...\n"
    "  ccredits rates check FILE... [--columns ROLE=HEADER]...\n"
    "  ccredits batch SCENARIOS.jsonl [--rates FILE]... [--plans FILE]   (one estimate or error per line)\n";

// The shipped rate cards and plans: $CCREDITS_RATES_DIR if set; beside an installed binary
// (PREFIX/bin/ccredits reads PREFIX/share/ccredits/rates, where `cmake --install` puts them); otherwise the
// source tree the binary was built from, so a build runs without installing.
static std::string shipped_rates_dir() {
  namespace fs = std::filesystem;
  if (const char* dir = std::getenv("CCREDITS_RATES_DIR"); dir && *dir) return dir;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "ccredits" / "rates";
    if (fs::is_regular_file(installed / "plans.json", ec)) return installed.string();
  }
  return CCREDITS_RATES_DIR;
}

std::string default_rates_file() { return shipped_rates_dir() + "/illustrative-usd.json"; }
std::string default_plans_file() { return shipped_rates_dir() + "/plans.json"; }

Options parse_options(int argc, char** argv, int first) {
  Options o;
  for (int i = first; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw InputError("usage", a + " needs a value.\n" + kUsage);
      return argv[++i];
    };
    if (a == "--rates") o.rates.push_back(value());
    else if (a == "--columns") o.columns.add(value());
    else if (a == "--plans") o.plans = value();
    else if (a == "--flag-settings") o.flag_settings = value();
    else if (a == "--format") o.format = value();
    else if (a == "--from") o.from = value();
    else if (a == "--number") o.number = value();
    else if (a == "--seconds") o.seconds = value();
    else if (a == "--kind") o.kind = value();
    else if (a.rfind("--", 0) == 0) throw InputError("usage", "Unknown option " + a + ".\n" + kUsage);
    else o.positional.push_back(a);
  }
  if (o.format != "json" && o.format != "table") throw InputError("usage", "--format must be json or table.");
  return o;
}

int emit(const json& result) {
  std::cout << result.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  return 0;
}

void load_rates(Calculator& calc, const Options& o) {
  const std::vector<std::string> files = o.rates.empty() ? std::vector<std::string>{default_rates_file()} : o.rates;
  const ColumnMapping* mapping = o.columns.empty() ? nullptr : &o.columns;
  // A JSON card or a workbook replaces the rates; each CSV sheet of Microsoft's workbook adds or replaces one sheet.
  for (const auto& f : files) {
    try {
      load_rate_file(calc, f, mapping);
    } catch (const InputError& e) {
      throw with_columns_hint(e);
    }
  }
}

InputError with_columns_hint(const InputError& e) {
  if (e.code() != "unknown_columns" && e.code() != "missing_column") return e;
  return InputError(e.code(), std::string(e.what()) +
                                  " On the command line: --columns ROLE=HEADER for each, e.g. "
                                  "--columns destination=\"Ziel\" --columns per_minute=\"Tarif\" --columns currency=EUR.",
                    e.file(), e.line(), e.column());
}

}  // namespace ccredits::cli
