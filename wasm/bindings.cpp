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

std::string load_rate_sheet(const std::string& text, const std::string& file, const std::string& sheet) {
  return ccredits::as_json_result([&] { return calculator().load_rate_sheet(text, file, sheet); });
}

std::string load_zones(const std::string& plans_text, const std::string& file) {
  return ccredits::as_json_result([&] { return calculator().load_zones(plans_text, file); });
}

std::string simulate(const std::string& request) {
  return ccredits::as_json_result([&] { return calculator().simulate(request); });
}

}  // namespace

EMSCRIPTEN_BINDINGS(ccredits) {
  emscripten::function("loadRates", &load_rates);
  emscripten::function("loadPlans", &load_plans);
  emscripten::function("estimate", &estimate);
  emscripten::function("loadRateSheet", &load_rate_sheet);
  emscripten::function("loadZones", &load_zones);
  emscripten::function("simulate", &simulate);
}
