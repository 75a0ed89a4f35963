// libFuzzer entry point; the target itself is in fuzz_csv_reader.hpp (also replayed by the Catch2 suite).
#include "fuzz_csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return ccredits::fuzz::one_csv_reader(data, size);
}
