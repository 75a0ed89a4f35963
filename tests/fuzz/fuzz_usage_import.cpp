// libFuzzer entry point; the target itself is in fuzz_usage_import.hpp (also replayed by the Catch2 suite).
#include "fuzz_usage_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return ccredits::fuzz::one_usage_import(data, size);
}
