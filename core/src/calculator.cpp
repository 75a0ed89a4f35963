#include "ccredits/calculator.hpp"

#include "rating/estimate.hpp"
#include "reference/rate_sheet_csv.hpp"

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
  index_.reset();
  rates_ = std::move(card);
  has_rates_ = true;
  index_ = std::make_unique<RateIndex>(rates_);
  return rates_info(file);
}

json Calculator::load_plans(std::string_view text, const std::string& file) {
  Plans plans = ccredits::load_plans(text, file);
  json info = {{"effective", plans.effective}, {"source", plans.source}, {"file", file},
               {"zone_a", plans.zone_a.size()}, {"known_countries", plans.known_countries.size()}};
  plans_ = std::move(plans);
  has_plans_ = true;
  ++plans_version_;
  zones_ = call_zones_from_plans(text, file);
  return info;
}

json Calculator::load_rate_card(RateCard card, const std::string& file) {
  index_.reset();
  rates_ = std::move(card);
  has_rates_ = true;
  index_ = std::make_unique<RateIndex>(rates_);
  return rates_info(file);
}

json Calculator::load_rate_sheet(std::string_view text, const std::string& file, const std::string& sheet_name,
                                 const ColumnMapping* mapping) {
  std::optional<Sheet> sheet;
  if (!sheet_name.empty()) {
    sheet = sheet_from_key(sheet_name);
    if (!sheet) sheet = sheet_from_title(sheet_name);
    if (!sheet) {
      throw InputError("bad_value", "Unknown sheet \"" + sheet_name +
                                        "\" (expected dial_out_calls, dial_out_audio, toll_free_in, toll_in).", file);
    }
  }
  // Parse into a scratch card first: a broken file leaves the loaded rates as they were.
  RateCard scratch;
  scratch.currency = has_rates_ ? rates_.currency : std::string();
  const Sheet loaded = add_rate_sheet_csv(scratch, sheet, text, file, mapping);
  index_.reset();
  if (!has_rates_) {
    rates_ = RateCard{};
    rates_.source = "Microsoft rate workbook sheets:";
  }
  rates_.currency = scratch.currency;
  rates_.rows(loaded) = std::move(scratch.rows(loaded));
  rates_.source += (rates_.source.empty() ? "" : " ") + std::string(sheet_title(loaded)) + " from " + file + ";";
  has_rates_ = true;
  index_ = std::make_unique<RateIndex>(rates_);
  json info = rates_info(file);
  info["sheet"] = std::string(sheet_key(loaded));
  info["sheet_rows"] = rates_.rows(loaded).size();
  return info;
}

json Calculator::rates_info(const std::string& file) const {
  json rows = json::object();
  for (std::size_t i = 0; i < kSheetCount; ++i) {
    rows[std::string(sheet_key(static_cast<Sheet>(i)))] = rates_.sheets[i].size();
  }
  return {{"currency", rates_.currency}, {"effective", rates_.effective}, {"source", rates_.source},
          {"illustrative", rates_.illustrative}, {"file", file}, {"rows", rows}};
}

const RateIndex& Calculator::rate_index() const {
  if (!has_rates_ || !index_) throw InputError("no_rates", "No rate card is loaded.");
  return *index_;
}

json Calculator::load_zones(std::string_view plans_text, const std::string& file) {
  zones_ = call_zones_from_plans(plans_text, file);
  return {{"zone_a", zones_->zone_a.size()}, {"domestic_areas", zones_->domestic_areas.size()}};
}

json Calculator::simulate(std::string_view request_text, const std::string& file) const {
  const RateIndex& index = rate_index();
  return simulate_call(index, parse_call_request(request_text, file), zones_ ? &*zones_ : nullptr);
}

json Calculator::estimate(std::string_view scenario_text, const std::string& file) const {
  return json::parse(estimate_text(scenario_text, file));
}

std::string Calculator::estimate_text(std::string_view scenario_text, const std::string& file) const {
  const EstimateWithAdvice result = estimate_result(scenario_text, file);
  return ccredits::estimate_text(result.estimate, result.advice);
}

EstimateWithAdvice Calculator::estimate_result(std::string_view scenario_text, const std::string& file,
                                               UsageRowCache* rows) const {
  if (!has_rates_) throw InputError("no_rates", "No rate card is loaded.");
  if (!has_plans_) throw InputError("no_plans", "No plan data (plans.json) is loaded.");
  const Scenario scenario = parse_scenario(scenario_text, file, &plans_, rows, plans_version_);
  try {
    return estimate_and_advice(scenario, *index_, plans_);
  } catch (const InputError& e) {
    throw e.in_file(file);
  }
}

}  // namespace ccredits
