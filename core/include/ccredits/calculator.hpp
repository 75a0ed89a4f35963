#pragma once
// The JSON-in / JSON-out face of the core, shared by the wasm module and the CLI so both run one code path.
// Every method returns a JSON document as text; bad input returns {"error": {...}} (CONTRACT.md) and never throws.
#include <string>
#include <string_view>

#include "ccredits/error.hpp"
#include "ccredits/rate_card.hpp"

namespace ccredits {

// {"error": {"code", "message", "file"?, "line"?, "column"?}}
std::string error_json(const InputError& e);

class Calculator {
 public:
  // Replaces the rate card. Returns {"currency", "effective", "source", "illustrative", "rows": {...}}.
  std::string load_rates(std::string_view text, const std::string& file);
  // scenario JSON (CONTRACT.md) -> estimate JSON.
  std::string estimate(std::string_view scenario_text, const std::string& file = "scenario") const;

  const RateCard& rates() const { return rates_; }

 private:
  RateCard rates_;
  bool has_rates_ = false;
};

}  // namespace ccredits
