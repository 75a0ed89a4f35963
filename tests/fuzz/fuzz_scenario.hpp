#pragma once
// libFuzzer target: a scenario (what a share link or a scenario file decodes to) through the full estimate
// against the shipped rate card, exactly as Calculator::estimate runs it for the page and the CLI; then through an
// estimate session as the page sends it while someone types (the text, then the text with its first digit
// changed), whose changes must rebuild exactly the whole estimate of each text.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "ccredits/calculator.hpp"
#include "ccredits/estimate_session.hpp"
#include "estimate_changes.hpp"
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
  const ccredits::Calculator& calc = scenario_detail::calculator();
  const std::string out = ccredits::as_json_result([&] { return calc.estimate_text(text, "fuzz-scenario.json"); });
  // Never an unexpected exception: "internal" means something other than InputError escaped.
  const auto doc = ccredits::json::parse(out);
  if (doc.contains("error") && doc["error"]["code"] == "internal") {
    finding(out);
  }

  std::string edited(text);
  if (const auto digit = edited.find_first_of("0123456789"); digit != std::string::npos) {
    edited[digit] = edited[digit] == '9' ? '0' : static_cast<char>(edited[digit] + 1);
  }
  ccredits::EstimateSession session;
  ccredits::json held;
  std::uint64_t serial = 0;
  for (const std::string_view typed : {text, std::string_view(edited), text}) {
    const std::string whole = ccredits::as_json_result([&] { return calc.estimate_text(typed, "fuzz-scenario.json"); });
    const std::string changes = ccredits::as_json_result([&] { return session.update(calc, typed, serial, "fuzz-scenario.json"); });
    if (whole.rfind("{\"error\"", 0) == 0 || changes.rfind("{\"error\"", 0) == 0) {
      if (changes != whole) finding("session and whole estimate disagree on an error: " + changes + " / " + whole);
      continue;  // the session keeps the last good result, as the caller does
    }
    const ccredits::json parsed = ccredits::json::parse(changes);
    held = ccredits::test::apply_estimate_changes(held, parsed);
    serial = parsed.at("serial");
    if (held != ccredits::json::parse(whole)) finding("the session's changes do not rebuild the estimate of " + std::string(typed));
  }
  return 0;
}

}  // namespace ccredits::fuzz
