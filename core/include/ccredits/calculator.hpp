#pragma once
// The JSON face of the core, shared by the wasm module and the CLI so both run one code path.
// Methods throw InputError on bad input; as_json_result() turns that into core/CONTRACT.md's {"error": {...}} text
// for callers (the wasm bindings) that must never throw.
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "ccredits/error.hpp"

namespace ccredits {

using json = nlohmann::json;
// The core's own types, for the accessors that its tests and the estimate session use.
struct ColumnMapping;
struct EstimateWithAdvice;
struct Plans;
struct PricedLines;
struct RateCard;
class RateIndex;
struct UsageRowCache;

// {"error": {"code", "message", "file"?, "line"?, "column"?}}
json error_object(const InputError& e);
std::string error_json(const InputError& e);

// Runs body (returning json, or JSON text already written the same way) and returns its text, or the error
// document; never throws.
template <typename Body>
std::string as_json_result(Body&& body) noexcept {
  try {
    if constexpr (std::is_same_v<std::decay_t<decltype(body())>, std::string>) {
      return body();
    } else {
      // Same serialisation as the CLI (emit): invalid UTF-8 quoted from a file is replaced, never a failure.
      return body().dump(-1, ' ', false, json::error_handler_t::replace);
    }
  } catch (const InputError& e) {
    return error_json(e);
  } catch (const std::bad_alloc&) {
    return error_json(InputError("out_of_memory", "The input is too large to process in memory."));
  } catch (const std::exception& e) {
    return error_json(InputError("internal", std::string("Unexpected failure: ") + e.what()));
  }
}

// `ccredits rates check`: a rate card read on its own, summarised per sheet (rows, distinct prefixes) with a warning
// for each prefix listed twice for the same origin and number type.
json check_rate_card(const RateCard& card, const std::string& file);

class Calculator {
 public:
  Calculator();
  ~Calculator();
  Calculator(const Calculator&) = delete;  // the rate index points into this calculator's card
  Calculator& operator=(const Calculator&) = delete;

  // Replaces the rate card. Returns {"currency", "effective", "source", "illustrative", "file", "rows": {...}}.
  json load_rates(std::string_view text, const std::string& file);
  // Replaces the plan data (rates/plans.json), including the Zone A list, domestic areas and toll-free prefixes the
  // simulator uses. Returns {"effective", "source", "file", "zone_a": N, ...}.
  json load_plans(std::string_view text, const std::string& file);
  // scenario JSON text (core/CONTRACT.md "Scenario") -> estimate JSON text (core/CONTRACT.md "Estimate"): the
  // one way to an estimate (EstimateSession sends the changes between two of them). Needs a rate card and the plans.
  // The scenario's optional "currency" must be the card's.
  std::string estimate_text(std::string_view scenario_text, const std::string& file = "scenario") const;

  // Adds one sheet of Microsoft's rate workbook saved as CSV to the card, replacing that sheet's rows (other
  // sheets stay). A sheet in another currency than the card starts a new card with that sheet alone (info's
  // "new_card"), unless sheets of the other currency were loaded before: that is the error currency_mismatch naming
  // both. sheet: a sheet key ("dial_out_calls"...) or empty to detect it. Same info as load_rates.
  // mapping: which header is which column, for sheets whose headers are not recognised.
  json load_rate_sheet(std::string_view text, const std::string& file, const std::string& sheet,
                       const ColumnMapping* mapping = nullptr);
  // The same, with the mapping as the page sends it: {"destination": "Ziel", "per_minute": "Tarif", ...,
  // "currency": "EUR"} (column_mapping.hpp ColumnMapping::from_json); empty text for none.
  json load_rate_sheet_with_columns(std::string_view text, const std::string& file, const std::string& sheet,
                                    std::string_view columns_json);
  // Replaces the rate card with one already read (Microsoft's workbook, reference/rate_workbook.hpp, whose
  // parts the caller inflates). Same info as load_rates.
  json load_rate_card(RateCard card, const std::string& file);
  // {"from", "number", "seconds", "kind"} -> the simulated call (call_simulator.hpp).
  json simulate(std::string_view request_text, const std::string& file = "call") const;

  // The loaded card as ccredits.rates/1 JSON text, however it was loaded (JSON, CSV sheets, workbook): the same
  // rates give the same text, so the page names a card by a hash of it and can load it again.
  std::string rates_json() const;

  bool has_rates() const;
  const RateCard& rates() const;
  const Plans& plans() const;
  // Built once when the card changes, shared by every lookup.
  const RateIndex& rate_index() const;

 private:
  friend class EstimateSession;
  // The estimate before it is written (EstimateSession writes only what changed). With a cache, usage rows
  // unchanged since the text it holds are not read again (scenario.hpp UsageRowCache); with `priced`, a line whose
  // charge is the same as one an earlier estimate priced at this calculator's card names that line instead of being
  // priced again (rating/estimate.hpp PricedLines); lines priced at another card are forgotten.
  EstimateWithAdvice estimate_result(std::string_view scenario_text, const std::string& file,
                                     UsageRowCache* rows = nullptr, PricedLines* priced = nullptr) const;

  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace ccredits
