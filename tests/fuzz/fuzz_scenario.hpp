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

inline const ccredits::Calculator& calculator() {
  static const ccredits::Calculator calc = [] {
    std::ifstream in(CCREDITS_SOURCE_DIR "/rates/illustrative-usd.json", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    ccredits::Calculator c;
    c.load_rates(text.str(), "illustrative-usd.json");
    return c;
  }();
  return calc;
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
