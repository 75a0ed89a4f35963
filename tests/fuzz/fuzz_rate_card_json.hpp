#pragma once
// libFuzzer target: the JSON rate card loader (core/CONTRACT.md "Rate card"), through Calculator::load_rates
// as the page and the CLI call it, and the error document a bad card turns into.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ccredits/calculator.hpp"
#include "fuzz_harness.hpp"

namespace ccredits::fuzz {

inline int one_rate_card_json(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ccredits::fuzz::expect_clean([&] {
    ccredits::Calculator calc;
    calc.load_rates(text, "fuzz.json");
  });
  // The wasm boundary must always produce a JSON document, never throw.
  ccredits::Calculator calc;
  const std::string out = ccredits::as_json_result([&] { return calc.load_rates(text, "fuzz.json"); });
  if (!ccredits::json::accept(out)) finding("as_json_result gave invalid JSON: " + out);
  return 0;
}

}  // namespace ccredits::fuzz
