#include "advice_table.hpp"

#include <sstream>

namespace ccredits::cli {

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
    out << "  one-time purchase      " << rec.at("one_time").get<std::string>() << "\n"
        << "  auto-recharge trigger  " << rec.at("auto_recharge").at("threshold").get<std::string>() << "\n"
        << "  auto-recharge amount   " << rec.at("auto_recharge").at("amount").get<std::string>() << "\n"
        << "  lowest balance         " << rec.at("lowest_balance").get<std::string>() << " (day "
        << rec.at("lowest_balance_day").get<int>() << ")\n"
        << "  recharges per month    up to " << rec.at("recharges_per_month").get<int>() << "\n"
        << "  expiring unused        " << rec.at("expiring_unused").get<std::string>() << "\n";
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
  return out.str();
}

}  // namespace ccredits::cli
