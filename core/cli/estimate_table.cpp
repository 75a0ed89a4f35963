#include "estimate_table.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

namespace ccredits::cli {
namespace {

using Row = std::vector<std::string>;

std::string text_of(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

// Left-aligned text columns, right-aligned number columns (those named in `numeric`).
void print_table(std::ostringstream& out, const Row& header, const std::vector<Row>& rows,
                 const std::vector<bool>& numeric) {
  std::vector<std::size_t> width(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) width[c] = header[c].size();
  for (const Row& r : rows) {
    for (std::size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], r[c].size());
  }
  auto line = [&](const Row& r) {
    for (std::size_t c = 0; c < r.size(); ++c) {
      const std::string pad(width[c] - r[c].size(), ' ');
      out << "  " << (numeric[c] ? pad + r[c] : r[c] + (c + 1 < r.size() ? pad : ""));
    }
    out << "\n";
  };
  line(header);
  Row rule;
  for (std::size_t w : width) rule.push_back(std::string(w, '-'));
  line(rule);
  for (const Row& r : rows) line(r);
}

// Words for the estimate's ids: the table is for people (scripts read the JSON).
std::string use_case_title(const std::string& key) {
  if (key == "toll_free") return "Toll-free inbound";
  if (key == "conference_dial_out") return "Meeting dial-out";
  if (key == "calling_plan_overage") return "Calling Plan overage";
  if (key == "payg_outbound") return "Pay-As-You-Go calls";
  if (key == "pay_per_minute_conferencing") return "Pay-per-minute conferencing";
  return key;
}

std::string plan_title(const std::string& key) {
  if (key == "domestic") return "Domestic";
  if (key == "domestic_120") return "Domestic 120";
  if (key == "domestic_240") return "Domestic 240";
  if (key == "domestic_international") return "Domestic and International";
  if (key == "payg") return "Pay-As-You-Go";
  if (key == "none") return "no Calling Plan";
  return key;
}

std::string number_type_word(const std::string& key) {
  if (key == "all") return "any";
  if (key == "wireline") return "landline";
  if (key == "wireless") return "mobile";
  return key;  // premium
}

// "usage[3]" -> "row 4": the row as a person counts it in the scenario's usage.
std::string usage_row_words(const std::string& usage) {
  const std::size_t open = usage.find('[');
  const std::size_t close = usage.find(']', open);
  if (open == std::string::npos || close == std::string::npos) return usage;
  try {
    return "row " + std::to_string(std::stoul(usage.substr(open + 1, close - open - 1)) + 1);
  } catch (const std::exception&) {
    return usage;
  }
}

}  // namespace

std::string estimate_table(const json& e) {
  std::ostringstream out;
  const std::string currency = text_of(e.value("currency", json()));
  const json& rates = e.at("rates");
  out << "Monthly estimate in " << currency << ", rates effective " << text_of(rates.value("effective", json()));
  if (rates.value("illustrative", false)) out << " (illustrative rates, not Microsoft's prices)";
  out << "\n\nLines\n";
  std::vector<Row> rows;
  for (const json& l : e.at("lines")) {
    // A line of a report's charges is the report's total for a use case, without minutes or a rate of its own.
    const bool charged = text_of(l.value("rate_source", json())) == "charges";
    rows.push_back({use_case_title(text_of(l.at("use_case"))), usage_row_words(text_of(l.value("usage", json()))),
                    text_of(l.at("destination")), number_type_word(text_of(l.value("number_type", json()))),
                    l.contains("plan") ? plan_title(text_of(l.at("plan"))) : std::string(),
                    charged ? "-" : text_of(l.at("minutes")), charged ? "-" : text_of(l.at("rate")),
                    text_of(l.at("amount"))});
  }
  if (rows.empty()) out << "  (nothing billed)\n";
  else print_table(out, {"use case", "usage", "destination", "type", "plan", "billed min", "rate", "amount"}, rows,
                   {false, false, false, false, false, true, true, true});

  out << "\nPools\n";
  rows.clear();
  for (const json& p : e.at("pools")) {
    const std::string zone = text_of(p.value("zone", json()));
    const std::string what = p.contains("plan") ? text_of(p.at("country")) + " " + plan_title(text_of(p.at("plan")))
                                                : (zone == "A" ? "Zone A" : zone == "US+CA" ? "US and Canada" : zone);
    const bool calling_plan = text_of(p.at("kind")) == "calling_plan";
    rows.push_back({calling_plan ? "Calling Plan" : "Meeting dial-out",
                    what + (p.value("pooled", true) ? "" : " (not pooled)"),
                    text_of(p.at("included_minutes")), text_of(p.at("used_minutes")),
                    text_of(p.at("overage_minutes"))});
  }
  if (rows.empty()) out << "  (none)\n";
  else print_table(out, {"pool", "for", "included", "used", "overage"}, rows, {false, false, true, true, true});

  out << "\nTotals (" << currency << ")\n";
  rows.clear();
  for (auto it = e.at("by_use_case").begin(); it != e.at("by_use_case").end(); ++it) {
    rows.push_back({use_case_title(it.key()), text_of(*it)});
  }
  rows.push_back({"monthly total", text_of(e.at("monthly_total"))});
  print_table(out, {"use case", "amount"}, rows, {false, true});
  for (const json& l : e.at("lines")) {
    if (l.contains("note")) out << "  " << usage_row_words(text_of(l.value("usage", json()))) << ": " << text_of(l.at("note")) << "\n";
  }
  const json warnings = e.value("warnings", json::array());
  if (!warnings.empty()) {
    out << "\nWarnings\n";
    for (const json& w : warnings) out << "  - " << text_of(w) << "\n";
  }
  return out.str();
}

}  // namespace ccredits::cli
