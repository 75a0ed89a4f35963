#pragma once
// libFuzzer target: one sheet of Microsoft's rate workbook saved as CSV (rate_sheet_csv.hpp), through
// Calculator::load_rate_sheet as the page and the CLI call it. The first byte picks the sheet argument (one of
// the four keys, or empty to detect it); then a number is priced against whatever loaded.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ccredits/calculator.hpp"
#include "fuzz_harness.hpp"

namespace ccredits::fuzz {

inline int one_rate_sheet_csv(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kSheets[] = {"", "dial_out_calls", "dial_out_audio", "toll_free_in", "toll_in"};
  const std::string sheet = kSheets[data[0] % 5];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  expect_clean([&] {
    ccredits::Calculator calc;
    calc.load_rate_sheet(text, "Dial-out calls.csv", sheet);
  });
  ccredits::Calculator calc;
  const std::string out =
      ccredits::as_json_result([&] { return calc.load_rate_sheet(text, "Dial-out calls.csv", sheet); });
  if (!ccredits::json::accept(out)) finding("as_json_result gave invalid JSON: " + out);
  // The code, not the text: a message may quote a header that says "internal" (found by this target).
  const auto doc = ccredits::json::parse(out);
  if (doc.contains("error") && doc["error"]["code"] == "internal") finding(out);
  return 0;
}

}  // namespace ccredits::fuzz
