#pragma once
// The JSON face of the core, shared by the wasm module and the CLI so both run one code path.
// Methods throw InputError on bad input; as_json_result() turns that into CONTRACT.md's {"error": {...}} text
// for callers (the wasm bindings) that must never throw.
#include <exception>
#include <string>
#include <string_view>

#include "ccredits/error.hpp"
#include "ccredits/json_input.hpp"
#include "ccredits/rate_card.hpp"

namespace ccredits {

// {"error": {"code", "message", "file"?, "line"?, "column"?}}
json error_object(const InputError& e);
std::string error_json(const InputError& e);

// Runs body (returning json) and returns its text, or the error document; never throws.
template <typename Body>
std::string as_json_result(Body&& body) noexcept {
  try {
    // Same serialisation as the CLI (emit): invalid UTF-8 quoted from a file is replaced, never a failure.
    return body().dump(-1, ' ', false, json::error_handler_t::replace);
  } catch (const InputError& e) {
    return error_json(e);
  } catch (const std::bad_alloc&) {
    return error_json(InputError("out_of_memory", "The input is too large to process in memory."));
  } catch (const std::exception& e) {
    return error_json(InputError("internal", std::string("Unexpected failure: ") + e.what()));
  }
}

class Calculator {
 public:
  // Replaces the rate card. Returns {"currency", "effective", "source", "illustrative", "file", "rows": {...}}.
  json load_rates(std::string_view text, const std::string& file);
  // scenario JSON (CONTRACT.md) -> estimate JSON.
  json estimate(std::string_view scenario_text, const std::string& file = "scenario") const;

  const RateCard& rates() const { return rates_; }

 private:
  RateCard rates_;
  bool has_rates_ = false;
};

}  // namespace ccredits
