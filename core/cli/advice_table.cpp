#include "advice_table.hpp"

#include <sstream>
#include <utility>

namespace ccredits::cli {
namespace {

// The values used where Microsoft's pages disagree (the estimate's `settings`, core/DOMAIN.md §8), in words.
void settings_text(std::ostringstream& out, const json& settings) {
  static const std::pair<const char*, const char*> kTitles[] = {
      {"uk_domestic_minutes", "UK Domestic minutes per user"},
      {"spend_includes_connection_fee", "Spend includes the connection fee"},
      {"billing_increment_seconds", "Billing increment in seconds"},
      {"dial_out_pool_basis", "Dial-out pool counts licences"},
      {"minimum_purchase", "Minimum purchase, in the rate card's currency"}};
  const auto words = [](const json& v) {
    return v.is_boolean() ? std::string(v.get<bool>() ? "yes" : "no") : v.is_string() ? v.get<std::string>() : v.dump();
  };
  bool first = true;
  for (const auto& [key, title] : kTitles) {
    if (!settings.contains(key)) continue;
    const json& s = settings.at(key);
    if (first) out << "\nWhere Microsoft's pages disagree (the values used)\n";
    first = false;
    out << "  " << title << ": " << words(s.at("value"));
    if (s.contains("default") && s.at("default") != s.at("value")) out << " (default " << words(s.at("default")) << ")";
    out << "\n";
    if (s.contains("conflict")) out << "    " << s.at("conflict").get<std::string>() << "\n";
    if (s.contains("source")) out << "    Source: " << s.at("source").get<std::string>() << "\n";
  }
}

}  // namespace

std::string advice_table(const json& e) {
  std::ostringstream out;
  if (!e.contains("needs_credits")) return {};
  const std::string currency = e.value("currency", "");
  out << "\nNeed for credits: " << (e.at("needs_credits").get<bool>() ? "yes" : "no") << "\n";
  for (const auto& r : e.at("needs_credits_reasons")) out << "  - " << r.get<std::string>() << "\n";
  const json& el = e.at("eligibility");
  out << "\nMay buy credits in the admin center: " << el.at("can_purchase").get<std::string>() << "\n";
  for (const auto& r : el.at("reasons")) {
    out << "  [" << r.at("answer").get<std::string>() << "] " << r.at("message").get<std::string>() << "\n";
  }
  for (const auto& a : el.at("actions")) out << "  next: " << a.get<std::string>() << "\n";
  // Whether the Calling Plans entered can be bought (the Mexico Pay-As-You-Go plan and US / PR customers).
  for (const auto& r : el.value("plan_availability", json::array())) {
    out << "  plan [" << r.at("answer").get<std::string>() << "] " << r.at("message").get<std::string>() << "\n";
    if (!r.at("next_step").get<std::string>().empty()) out << "  next: " << r.at("next_step").get<std::string>() << "\n";
  }
  const json& rec = e.at("recommendation");
  out << "\nFunding (" << currency << ")\n";
  if (rec.at("purchase_needed").get<bool>()) {
    // One-time funding sets no auto-recharge and simulates no recharge: its table names neither, as the page does.
    const bool auto_recharge = rec.at("mode").get<std::string>() == "auto_recharge";
    out << "  one-time purchase      " << rec.at("one_time").get<std::string>() << "\n";
    if (auto_recharge) {
      out << "  auto-recharge trigger  " << rec.at("auto_recharge").at("threshold").get<std::string>() << "\n"
          << "  auto-recharge amount   " << rec.at("auto_recharge").at("amount").get<std::string>() << "\n";
    }
    out << "  lowest balance         " << rec.at("lowest_balance").get<std::string>() << " (day "
        << rec.at("lowest_balance_day").get<int>() << ")\n";
    if (auto_recharge) out << "  recharges              at most " << rec.at("recharges_per_month").get<int>() << " in one month\n";
    out << "  expiring unused        " << rec.at("expiring_unused").get<std::string>() << "\n";
  } else {
    out << "  no purchase needed\n";
  }
  for (const auto& s : rec.at("explanation")) out << "  - " << s.get<std::string>() << "\n";
  for (const auto& s : rec.at("notifications")) out << "  * " << s.get<std::string>() << "\n";
  const json& w = e.value("what_if", json());
  if (w.is_object()) {
    out << "\nWhat if: " << w.at("description").get<std::string>() << "\n";
    for (const auto& c : w.at("changes")) out << "  " << c.at("text").get<std::string>() << "\n";
    out << "  " << w.at("summary").get<std::string>() << "\n  " << w.at("note").get<std::string>() << "\n";
  }
  if (e.contains("settings")) settings_text(out, e.at("settings"));
  return out.str();
}

}  // namespace ccredits::cli
