// Embind bindings only: free functions taking and returning JSON text. No logic lives here.
#include <emscripten/bind.h>

#include <string>

#include "ccredits/calculator.hpp"

namespace {

ccredits::Calculator& calculator() {
  static ccredits::Calculator instance;
  return instance;
}

std::string load_rates(const std::string& text, const std::string& file) {
  return ccredits::as_json_result([&] { return calculator().load_rates(text, file); });
}

std::string load_plans(const std::string& text, const std::string& file) {
  return ccredits::as_json_result([&] { return calculator().load_plans(text, file); });
}

std::string estimate(const std::string& scenario) {
  return ccredits::as_json_result([&] { return calculator().estimate(scenario); });
}

}  // namespace

EMSCRIPTEN_BINDINGS(ccredits) {
  emscripten::function("loadRates", &load_rates);
  emscripten::function("loadPlans", &load_plans);
  emscripten::function("estimate", &estimate);
}
