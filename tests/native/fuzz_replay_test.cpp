// Replays every seed of tests/fuzz/corpus/<target>/ and every saved finding of tests/fuzz/regressions/<target>/
// through the same checks the libFuzzer targets run (tests/fuzz/fuzz_*.hpp), in the ordinary test suite: a crash
// found once stays fixed. Run under the sanitize preset, this is also an ASan/UBSan replay.
#define CCREDITS_FUZZ_REPLAY 1
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../fuzz/fuzz_csv_reader.hpp"
#include "../fuzz/fuzz_json_view.hpp"
#include "../fuzz/fuzz_rate_card_json.hpp"
#include "../fuzz/fuzz_rate_sheet_csv.hpp"
#include "../fuzz/fuzz_rate_workbook.hpp"
#include "../fuzz/fuzz_scenario.hpp"
#include "../fuzz/fuzz_usage_import.hpp"

namespace fs = std::filesystem;

namespace {

// The files of corpus/<target> and regressions/<target>, sorted so failures are reproducible.
std::vector<fs::path> inputs_of(const std::string& target) {
  std::vector<fs::path> files;
  for (const char* kind : {"corpus", "regressions"}) {
    const fs::path folder = fs::path(CCREDITS_SOURCE_DIR) / "tests/fuzz" / kind / target;
    if (!fs::is_directory(folder)) continue;
    for (const auto& entry : fs::directory_iterator(folder)) {
      if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string bytes_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

template <typename Target>
void replay(const std::string& target, Target&& one) {
  const auto files = inputs_of(target);
  REQUIRE(!files.empty());  // every target has seeds
  for (const auto& file : files) {
    INFO(file.string());
    const std::string data = bytes_of(file);
    CHECK_NOTHROW(one(reinterpret_cast<const std::uint8_t*>(data.data()), data.size()));
  }
}

}  // namespace

TEST_CASE("fuzz seeds and regressions replay cleanly: CSV reader", "[fuzz]") {
  replay("csv_reader", ccredits::fuzz::one_csv_reader);
}

TEST_CASE("fuzz seeds and regressions replay cleanly: JSON view against nlohmann", "[fuzz]") {
  replay("json_view", ccredits::fuzz::one_json_view);
}

TEST_CASE("fuzz seeds and regressions replay cleanly: rate card JSON", "[fuzz]") {
  replay("rate_card_json", ccredits::fuzz::one_rate_card_json);
}

TEST_CASE("fuzz seeds and regressions replay cleanly: rate sheet CSV", "[fuzz]") {
  replay("rate_sheet_csv", ccredits::fuzz::one_rate_sheet_csv);
}

TEST_CASE("fuzz seeds and regressions replay cleanly: rate workbook", "[fuzz]") {
  replay("rate_workbook", ccredits::fuzz::one_rate_workbook);
}

TEST_CASE("fuzz seeds and regressions replay cleanly: scenario", "[fuzz]") {
  replay("scenario", ccredits::fuzz::one_scenario);
}

TEST_CASE("fuzz seeds and regressions replay cleanly: usage report importer", "[fuzz]") {
  replay("usage_import", ccredits::fuzz::one_usage_import);
}
