#pragma once
// libFuzzer target: a scenario (what a share link or a scenario file decodes to) through the full estimate
// against the shipped rate card, exactly as Calculator::estimate runs it for the page and the CLI.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "ccredits/calculator.hpp"
#include "fuzz_harness.hpp"

namespace ccredits::fuzz::scenario_detail {

inline std::string shipped_file(const char* name) {
  std::ifstream in(std::string(CCREDITS_SOURCE_DIR "/rates/") + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The shipped card and plans, loaded once (the Calculator keeps its rate index between estimates).
inline const ccredits::Calculator& calculator() {
  static const ccredits::Calculator* calc = [] {
    auto* c = new ccredits::Calculator;
    c->load_plans(shipped_file("plans.json"), "plans.json");
    c->load_rates(shipped_file("illustrative-usd.json"), "illustrative-usd.json");
    return c;
  }();
  return *calc;
}

}  // namespace ccredits::fuzz::scenario_detail

namespace ccredits::fuzz {

inline int one_scenario(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string out =
      ccredits::as_json_result([&] { return scenario_detail::calculator().estimate(text, "fuzz-scenario.json"); });
  // Never an unexpected exception: "internal" means something other than InputError escaped.
  const auto doc = ccredits::json::parse(out);
  if (doc.contains("error") && doc["error"]["code"] == "internal") {
    finding(out);
  }
  return 0;
}

}  // namespace ccredits::fuzz
