// libFuzzer entry point; the target itself is in fuzz_json_view.hpp (also replayed by the Catch2 suite).
#include "fuzz_json_view.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return ccredits::fuzz::one_json_view(data, size);
}
