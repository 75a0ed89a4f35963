#pragma once
// The calculator a wasm module keeps for the page's lifetime (one per module: the page's, and the import worker's,
// which re-rates a report with the card the page sends it), and its loadRates binding, shared by both modules.
#include <string>

#include "ccredits/calculator.hpp"

namespace ccredits::wasm {

inline Calculator& calculator() {
  static Calculator instance;
  return instance;
}

inline std::string load_rates(const std::string& text, const std::string& file) {
  return as_json_result([&] { return calculator().load_rates(text, file); });
}

}  // namespace ccredits::wasm
