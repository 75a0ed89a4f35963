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

namespace {

const ccredits::Calculator& calculator() {
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string out =
      ccredits::as_json_result([&] { return calculator().estimate(text, "fuzz-scenario.json"); });
  // Never an unexpected exception: "internal" means something other than InputError escaped.
  const auto doc = ccredits::json::parse(out);
  if (doc.contains("error") && doc["error"]["code"] == "internal") {
    std::fprintf(stderr, "%s\n", out.c_str());
    std::abort();
  }
  return 0;
}
