// ccredits usage REPORT.csv|REPORT.zip: the Teams PSTN usage report imported (core/DOMAIN.md §7), core/CONTRACT.md
// `usage`.
#include <algorithm>
#include <iostream>
#include <tuple>

#include "ccredits/files.hpp"
#include "ccredits/usage_import.hpp"
#include "cli.hpp"

namespace ccredits::cli {
namespace {

// The top entries of each chargeback dimension (the JSON lists them all).
void print_chargeback(const json& c) {
  static constexpr std::size_t kTop = 5;
  const std::string currency = c["currency"].is_string() ? c["currency"].get<std::string>() + " " : "";
  for (const auto& [key, title, name] : {std::tuple{"by_unit", "administrative unit", "unit"},
                                         std::tuple{"by_user", "user", "user"},
                                         std::tuple{"by_location", "user location", "country"},
                                         std::tuple{"by_destination", "destination", "country"}}) {
    const json& list = c[key];
    std::cout << "chargeback by " << title << " (top " << std::min(kTop, list.size()) << " of " << list.size()
              << "):\n";
    for (std::size_t i = 0; i < list.size() && i < kTop; ++i) {
      const json& e = list[i];
      std::string label = e[name].is_null() ? "unknown" : e[name].get<std::string>();
      if (e.contains("direction")) label += " (" + e["direction"].get<std::string>() + ")";
      std::cout << "  " << label << ": " << currency << e["spend"].get<std::string>() << ", " << e["minutes"].dump()
                << " min, " << e["calls"] << " calls\n";
    }
  }
}

void print_flags(const json& flags) {
  std::cout << (flags.empty() ? "flags: none (nothing unusual)\n" : "flags: " + std::to_string(flags.size()) + "\n");
  for (const json& f : flags) {
    std::cout << "  [" << f["kind"].get<std::string>() << "] " << f["why"].get<std::string>() << "\n"
              << "    figure: " << f["figure"].get<std::string>() << "; threshold: " << f["threshold"].get<std::string>()
              << "\n";
    for (const json& c : f["calls"]) {
      std::cout << "    " << c["time"].get<std::string>() << "  " << c["user"].get<std::string>() << "  "
                << c["number"].get<std::string>() << "  " << c["charge"].get<std::string>() << "\n";
    }
    std::cout << "    what to do: " << f["advice"].get<std::string>() << "\n";
    for (const json& l : f["see"]) {
      std::cout << "    see \"" << l["title"].get<std::string>() << "\" " << l["url"].get<std::string>() << "\n";
    }
  }
}

void print_trend(const json& t) {
  if (t.is_null()) return;
  const std::string currency = t["currency"].get<std::string>();
  for (const json& m : t["months"]) {
    std::cout << "month " << m["month"].get<std::string>() << ": " << currency << " " << m["spend"].get<std::string>()
              << (m["complete"].get<bool>() ? "" : " (part of the month)") << "\n";
  }
  const json& f = t["forecast"];
  for (const json& m : f["months"]) {
    std::cout << "forecast " << m["month"].get<std::string>() << ": " << currency << " "
              << m["spend"].get<std::string>() << " (" << m["low"].get<std::string>() << " to "
              << m["high"].get<std::string>() << ")\n";
  }
  std::cout << "forecast 12 months: " << currency << " " << f["total"].get<std::string>() << " ("
            << f["low"].get<std::string>() << " to " << f["high"].get<std::string>() << "), growth "
            << f["monthly_growth_percent"].get<std::string>() << " % a month\n";
}

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
  for (const auto& n : r["notices"]) std::cout << "note: " << n.get<std::string>() << "\n";
  print_chargeback(r["chargeback"]);
  print_flags(r["flags"]);
  print_trend(r["trend"]);
}

}  // namespace

int command_usage(const Options& o) {
  if (o.positional.size() != 1) throw InputError("usage", std::string("usage takes one report file.\n") + kUsage);
  const std::string& path = o.positional[0];
  Calculator calc;
  load_rates(calc, o);
  UsageImportSettings settings;
  if (!o.flag_settings.empty()) {
    read_usage_flag_settings(read_file(o.flag_settings), settings.flags, o.flag_settings);
  }
  UsageImporter importer(calc, settings);
  import_usage_file(importer, path);
  const std::string text = importer.finish_text();
  if (o.format == "table") {
    // The table reads the document as any client of core/CONTRACT.md does.
    print_table(json::parse(text));
    return 0;
  }
  std::cout << text << "\n";
  return 0;
}

}  // namespace ccredits::cli
