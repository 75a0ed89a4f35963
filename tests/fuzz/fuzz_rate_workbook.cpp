// libFuzzer entry point; the target itself is in fuzz_rate_workbook.hpp (also replayed by the Catch2 suite).
#include "fuzz_rate_workbook.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return ccredits::fuzz::one_rate_workbook(data, size);
}
