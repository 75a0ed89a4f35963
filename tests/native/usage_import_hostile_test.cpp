// The usage importer against hostile reports: located errors for what cannot be imported, whatever the
// chunking. Expectations by hand; the CLI and page side is tests/node/hostile-usage.test.mjs.
#include <catch2/catch.hpp>

#include <string>

#include "ccredits/error.hpp"
#include "ccredits/usage_import.hpp"
#include "usage_report/usage_report_reader.hpp"

using namespace ccredits;

namespace {

const std::string kHeader = "Call Type,Start Time,Duration Seconds,Charge,Currency\r\n";

// Feeds `text` in pieces of `piece` bytes; returns the error as "code@line" or "ok".
std::string outcome(const std::string& text, std::size_t piece, UsageImportSettings settings = {}) {
  try {
    UsageImporter importer(nullptr, settings);
    importer.next_file("report.csv");
    for (std::size_t at = 0; at < text.size(); at += piece) importer.feed(std::string_view(text).substr(at, piece));
    importer.finish();
    return "ok";
  } catch (const InputError& e) {
    CHECK(e.file() == "report.csv");
    return e.code() + "@" + std::to_string(e.line());
  }
}

}  // namespace

TEST_CASE("charges summing past the largest exact amount stop the import at the call that overflowed", "[usage][overflow]") {
  // 9,000,000,000,000 is inside int64 millionths (9,223,372,036,854.775807); twice that is not.
  const std::string text = kHeader + "user_out,2026-10-01T10:00:00Z,60,9000000000000,USD\r\n" +
                           "user_out,2026-10-01T11:00:00Z,60,9000000000000,USD\r\n";
  for (std::size_t piece : {1u, 7u, 4096u}) {
    CHECK(outcome(text, piece) == "overflow@3");
  }
  // One of them alone sums fine over a 31-day period (9,000,000,000,000 x 30.4375 / 31 per average month).
  CHECK(outcome(kHeader + "user_out,2026-10-01T10:00:00Z,60,9000000000000,USD\r\n" +
                    "user_out,2026-10-31T10:00:00Z,60,0,USD\r\n",
                4096) == "ok");
  // Alone in a one-day period its per-month figure (x 30.4375) is past the limit: an error, not a wrapped amount.
  CHECK(outcome(kHeader + "user_out,2026-10-01T10:00:00Z,60,9000000000000,USD\r\n", 4096) == "overflow@0");
}

TEST_CASE("a UTF-16 report is refused with its encoding named, however it is cut", "[usage]") {
  std::string utf16 = "\xFF\xFE";
  for (char c : kHeader) utf16 += std::string{c, '\0'};
  for (std::size_t piece : {1u, 2u, 4096u}) CHECK(outcome(utf16, piece) == "usage_encoding@1");
  std::string big_endian = "\xFE\xFF";
  for (char c : kHeader) big_endian += std::string{'\0', c};
  CHECK(outcome(big_endian, 1) == "usage_encoding@1");
  // Without its mark, the NUL bytes between the header's letters give it away.
  std::string no_mark;
  for (char c : kHeader) no_mark += std::string{c, '\0'};
  CHECK(outcome(no_mark, 3) == "usage_encoding@1");
  // A Latin-1 "ÿ" alone at the start is not a UTF-16 mark: the file is read as CSV (and has no report header).
  CHECK(outcome("\xFF" "abc\r\n", 1) == "usage_missing_column@1");
}

TEST_CASE("the Graph JSON size limit holds when the whole file arrives in one chunk", "[usage]") {
  // Found by fuzz_usage_import: the limit was checked only on chunks after the one that showed it is JSON.
  UsageImportSettings small;
  small.max_json_bytes = 100;
  const std::string json = R"({"value": [)" + std::string(120, ' ') + "]}";
  CHECK(outcome(json, json.size(), small) == "usage_json_too_large@0");
  CHECK(outcome(json, 10, small) == "usage_json_too_large@0");
  CHECK(outcome(R"({"value": []})", 4096, small) == "ok");
}
