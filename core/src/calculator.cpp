#include "ccredits/calculator.hpp"

#include "ccredits/estimate.hpp"

namespace ccredits {

json error_object(const InputError& e) {
  json err = {{"code", e.code()}, {"message", e.what()}};
  if (!e.file().empty()) err["file"] = e.file();
  if (e.line() > 0) err["line"] = e.line();
  if (e.column() > 0) err["column"] = e.column();
  return json{{"error", err}};
}

std::string error_json(const InputError& e) {
  // Messages may quote hostile input: never let invalid UTF-8 turn an error into an exception.
  return error_object(e).dump(-1, ' ', false, json::error_handler_t::replace);
}

json Calculator::load_rates(std::string_view text, const std::string& file) {
  RateCard card = load_rate_card_json(text, file);
  json rows = json::object();
  for (std::size_t i = 0; i < kSheetCount; ++i) {
    rows[std::string(sheet_key(static_cast<Sheet>(i)))] = card.sheets[i].size();
  }
  json info = {{"currency", card.currency}, {"effective", card.effective}, {"source", card.source},
               {"illustrative", card.illustrative}, {"file", file}, {"rows", rows}};
  index_.reset();
  rates_ = std::move(card);
  has_rates_ = true;
  index_ = std::make_unique<RateIndex>(rates_);
  return info;
}

json Calculator::load_plans(std::string_view text, const std::string& file) {
  Plans plans = ccredits::load_plans(text, file);
  json info = {{"effective", plans.effective}, {"source", plans.source}, {"file", file},
               {"zone_a", plans.zone_a.size()}, {"known_countries", plans.known_countries.size()}};
  plans_ = std::move(plans);
  has_plans_ = true;
  return info;
}

json Calculator::estimate(std::string_view scenario_text, const std::string& file) const {
  if (!has_rates_) throw InputError("no_rates", "No rate card is loaded.");
  if (!has_plans_) throw InputError("no_plans", "No plan data (plans.json) is loaded.");
  const Scenario scenario = parse_scenario(scenario_text, file, &plans_);
  try {
    return estimate_to_json(compute_estimate(scenario, *index_, plans_));
  } catch (const InputError& e) {
    throw e.in_file(file);
  }
}

}  // namespace ccredits
