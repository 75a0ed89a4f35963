// Embind bindings only: the module's calculator as free functions taking and returning JSON text, and the object
// the page owns (an estimate session). No logic lives here. The usage importer is a module of its own
// (import_bindings.cpp), loaded only when a report is imported.
#include <emscripten/bind.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "ccredits/calculator.hpp"
#include "ccredits/estimate_session.hpp"
#include "module_calculator.hpp"

namespace {

using ccredits::wasm::calculator;
using ccredits::wasm::load_rates;

std::string load_plans(const std::string& text, const std::string& file) {
  return ccredits::as_json_result([&] { return calculator().load_plans(text, file); });
}

// One estimate, whole: for an input priced once (a kept estimate, the build's first estimate) and for the tests.
// The page's input while it is edited goes through the session below.
std::string estimate(const std::string& scenario) {
  return ccredits::as_json_result([&] { return calculator().estimate_text(scenario); });
}

// The session's bytes are moved as bytes: JS writes the scenario's UTF-8 into scenarioBuffer(n)
// (TextEncoder.encodeInto) and decodes the result, a view of wasm memory, with TextDecoder. Embind's std::string
// conversions copy byte by byte in JS loops, a fifth of a 200-row estimate (tests/bench/estimate_bench.mjs).
std::string& scenario_bytes() {
  static std::string bytes;
  return bytes;
}

std::uintptr_t scenario_buffer(std::size_t size) {
  scenario_bytes().resize(size);
  return reinterpret_cast<std::uintptr_t>(scenario_bytes().data());
}

// The first `size` bytes JS wrote into scenarioBuffer.
std::string_view scenario_text(std::size_t size) {
  const std::string& in = scenario_bytes();
  return std::string_view(in.data(), std::min(size, in.size()));
}

// A result's UTF-8 as a view of wasm memory: `result` must stay as it is until JS has decoded it.
emscripten::val bytes_view(const std::string& result) {
  return emscripten::val(
      emscripten::typed_memory_view(result.size(), reinterpret_cast<const unsigned char*>(result.data())));
}

// columns: which header is which column as JSON ({"destination": "Ziel", ...}), or "" when the headers are known.
std::string load_rate_sheet(const std::string& text, const std::string& file, const std::string& sheet,
                            const std::string& columns) {
  return ccredits::as_json_result([&] { return calculator().load_rate_sheet_with_columns(text, file, sheet, columns); });
}

std::string rates_json() {
  return ccredits::as_json_result([&] { return calculator().rates_json(); });
}

std::string simulate(const std::string& request) {
  return ccredits::as_json_result([&] { return calculator().simulate(request); });
}

// The page's estimate while it is edited (ccredits/estimate_session.hpp): update(n, known) reads the scenario JS
// wrote into scenarioBuffer and returns only the changes since the result numbered `known`, as a view of wasm
// memory valid until this session's next update. `known` is a uint32 (Embind converts any JS number to one, NaN
// included); a caller past 2^32 results gets whole results.
class EstimateSessionBinding {
 public:
  emscripten::val update(std::size_t size, std::uint32_t known) {
    result_ = ccredits::as_json_result([&] { return session_.update(calculator(), scenario_text(size), known); });
    return bytes_view(result_);
  }

 private:
  ccredits::EstimateSession session_;
  std::string result_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(ccredits) {
  emscripten::function("loadRates", &load_rates);
  emscripten::function("loadPlans", &load_plans);
  emscripten::function("estimate", &estimate);
  emscripten::function("scenarioBuffer", &scenario_buffer);
  emscripten::function("loadRateSheet", &load_rate_sheet);
  emscripten::function("ratesJson", &rates_json);
  emscripten::function("simulate", &simulate);

  emscripten::class_<EstimateSessionBinding>("EstimateSession")
      .constructor<>()
      .function("update", &EstimateSessionBinding::update);
}
