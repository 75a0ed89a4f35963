#include "ccredits/calculator.hpp"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "advice/estimate_advice.hpp"
#include "output/estimate_text.hpp"
#include "rating/call_simulator.hpp"
#include "rating/estimate.hpp"
#include "reference/plans.hpp"
#include "reference/rate_card.hpp"
#include "reference/rate_lookup.hpp"
#include "reference/rate_sheet_csv.hpp"
#include "scenario/scenario.hpp"

namespace ccredits {

struct Calculator::State {
  RateCard rates;
  bool has_rates = false;
  // Built once per card and kept between estimates: no estimate re-reads or re-indexes the card.
  std::unique_ptr<RateIndex> index;
  // Names the card `index` indexes, unique in the process (a count of the indexes made): lines priced at another
  // card are never taken as priced at this one (PricedLines), even by another calculator.
  std::uint64_t rates_id = 0;
  void index_rates() {
    static std::atomic<std::uint64_t> indexes_made{0};
    index = std::make_unique<RateIndex>(rates);
    rates_id = ++indexes_made;
  }
  Plans plans;
  bool has_plans = false;
  std::uint64_t plans_version = 0;  // counts load_plans calls: rows cached against older plan data are read again
  std::optional<CallZones> zones;
  // The CSV sheets loaded into the card in use, in order: a whole card (JSON or workbook) clears them.
  std::vector<std::string> sheet_files;

  json rates_info(const std::string& file) const;
};

Calculator::Calculator() : state_(std::make_unique<State>()) {}
Calculator::~Calculator() = default;

bool Calculator::has_rates() const { return state_->has_rates; }
const RateCard& Calculator::rates() const { return state_->rates; }
const Plans& Calculator::plans() const { return state_->plans; }

json error_object(const InputError& e) {
  json err = {{"code", e.code()}, {"message", e.what()}};
  if (!e.file().empty()) err["file"] = e.file();
  if (e.line() > 0) err["line"] = e.line();
  if (e.column() > 0) err["column"] = e.column();
  if (!e.path().empty()) err["path"] = path_list(e.path());
  if (!e.headers().empty()) err["headers"] = e.headers();
  return json{{"error", err}};
}

std::string error_json(const InputError& e) {
  // Messages may quote hostile input: never let invalid UTF-8 turn an error into an exception.
  return error_object(e).dump(-1, ' ', false, json::error_handler_t::replace);
}

json Calculator::load_rates(std::string_view text, const std::string& file) {
  return load_rate_card(load_rate_card_json(text, file), file);
}

json Calculator::load_plans(std::string_view text, const std::string& file) {
  Plans plans = ccredits::load_plans(text, file);
  json info = {{"effective", plans.effective}, {"source", plans.source}, {"file", file},
               {"zone_a", plans.zone_a.size()}, {"known_countries", plans.known_countries.size()}};
  state_->plans = std::move(plans);
  state_->has_plans = true;
  ++state_->plans_version;
  state_->zones = call_zones_from(state_->plans);
  return info;
}

json Calculator::load_rate_card(RateCard card, const std::string& file) {
  state_->index.reset();
  state_->rates = std::move(card);
  state_->has_rates = true;
  state_->sheet_files.clear();
  state_->index_rates();
  return state_->rates_info(file);
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
  // Parse into a scratch card first: a broken file leaves the loaded rates as they were. The scratch card has no
  // currency, so the sheet says its own.
  RateCard scratch;
  const Sheet loaded = add_rate_sheet_csv(scratch, sheet, text, file, mapping);
  // Microsoft's workbook comes in 25 currencies: a sheet in another currency than the card in use (a shipped card,
  // a JSON card, a workbook) is the start of a new card in that currency. Only sheets from the person's files in
  // two currencies are an error: one card, and so one estimate, would mix them.
  const bool other_currency = state_->has_rates && scratch.currency != state_->rates.currency;
  if (other_currency && !state_->sheet_files.empty()) {
    std::string before;
    for (const std::string& f : state_->sheet_files) before += (before.empty() ? "" : ", ") + f;
    throw InputError("currency_mismatch", "This sheet is in " + scratch.currency + ", but the sheets loaded before (" +
                                              before + ") are in " + state_->rates.currency +
                                              "; load sheets of one currency, or start again from a whole card or workbook.",
                     file);
  }
  const bool new_card = !state_->has_rates || other_currency;
  state_->index.reset();
  if (new_card) {
    state_->rates = RateCard{};
    state_->rates.source = "Microsoft rate workbook sheets:";
    state_->sheet_files.clear();
  }
  state_->rates.currency = scratch.currency;
  state_->rates.rows(loaded) = std::move(scratch.rows(loaded));
  state_->rates.source += (state_->rates.source.empty() ? "" : " ") + std::string(sheet_title(loaded)) + " from " + file + ";";
  state_->has_rates = true;
  state_->sheet_files.push_back(file);
  state_->index_rates();
  json info = state_->rates_info(file);
  info["sheet"] = std::string(sheet_key(loaded));
  info["sheet_rows"] = state_->rates.rows(loaded).size();
  info["new_card"] = new_card;
  return info;
}

json Calculator::load_rate_sheet_with_columns(std::string_view text, const std::string& file, const std::string& sheet,
                                              std::string_view columns_json) {
  const ColumnMapping mapping = ColumnMapping::from_json(columns_json);
  return load_rate_sheet(text, file, sheet, mapping.empty() ? nullptr : &mapping);
}

std::string Calculator::rates_json() const {
  if (!state_->has_rates) throw InputError("no_rates", "No rate card is loaded.");
  return rate_card_json_text(state_->rates);
}

json Calculator::State::rates_info(const std::string& file) const {
  json rows = json::object();
  for (std::size_t i = 0; i < kSheetCount; ++i) {
    rows[std::string(sheet_key(static_cast<Sheet>(i)))] = rates.sheets[i].size();
  }
  return {{"currency", rates.currency}, {"effective", rates.effective}, {"source", rates.source},
          {"illustrative", rates.illustrative}, {"file", file}, {"rows", rows}};
}

const RateIndex& Calculator::rate_index() const {
  if (!state_->has_rates || !state_->index) throw InputError("no_rates", "No rate card is loaded.");
  return *state_->index;
}

json Calculator::simulate(std::string_view request_text, const std::string& file) const {
  const RateIndex& index = rate_index();
  return simulate_call(index, parse_call_request(request_text, file), state_->zones ? &*state_->zones : nullptr);
}

std::string Calculator::estimate_text(std::string_view scenario_text, const std::string& file) const {
  return ccredits::estimate_text(estimate_result(scenario_text, file));
}

EstimateWithAdvice Calculator::estimate_result(std::string_view scenario_text, const std::string& file,
                                               UsageRowCache* rows, PricedLines* priced) const {
  if (!state_->has_rates) throw InputError("no_rates", "No rate card is loaded.");
  if (!state_->has_plans) throw InputError("no_plans", "No plan data (plans.json) is loaded.");
  Scenario read;  // without a cache
  const Scenario& scenario = rows ? read_scenario(scenario_text, file, &state_->plans, *rows, state_->plans_version)
                                  : (read = parse_scenario(scenario_text, file, &state_->plans));
  try {
    if (priced && priced->rates_id != state_->rates_id) {
      priced->forget();
      priced->rates_id = state_->rates_id;
    }
    return estimate_and_advice(scenario, *state_->index, state_->plans, priced);
  } catch (const InputError& e) {
    throw e.in_file(file);
  }
}

}  // namespace ccredits
