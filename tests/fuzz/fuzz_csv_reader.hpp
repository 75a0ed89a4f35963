#pragma once
// libFuzzer target: the streaming CSV reader, fed the input in chunks whose boundaries come from the input.
// The first byte picks a seed for the chunk sizes, so one corpus entry explores one split; every split must
// give the same rows as feeding the whole input at once (the reader's central promise).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "formats/csv_reader.hpp"
#include "fuzz_harness.hpp"

namespace ccredits::fuzz::csv_detail {

struct Result {
  std::vector<std::vector<std::string>> rows;
  std::vector<long> lines;
  std::string error;  // InputError code + line, empty when none
};

template <typename Feed>
Result read_all(Feed&& feed) {
  Result r;
  ccredits::CsvReader reader(
      [&](const ccredits::CsvRow& row) {
        std::vector<std::string> fields(row.fields.begin(), row.fields.end());
        r.rows.push_back(std::move(fields));
        r.lines.push_back(row.line);
      },
      /*max_row_bytes=*/4096, /*max_fields=*/64);
  try {
    feed(reader);
    reader.finish();
  } catch (const ccredits::InputError& e) {
    r.error = e.code() + ":" + std::to_string(e.line());
  }
  return r;
}

}  // namespace ccredits::fuzz::csv_detail

namespace ccredits::fuzz {

inline int one_csv_reader(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::uint32_t seed = data[0] * 2654435761u + 1;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  ccredits::fuzz::expect_clean([&] {
    using csv_detail::Result;
    using csv_detail::read_all;
    const Result whole = read_all([&](ccredits::CsvReader& r) { r.feed(text); });
    const Result chunked = read_all([&](ccredits::CsvReader& r) {
      std::size_t at = 0;
      while (at < text.size()) {
        seed = seed * 1103515245u + 12345u;
        const std::size_t len = 1 + (seed >> 16) % 17;  // 1..17 bytes: splits CRLF, quotes, BOM
        const std::size_t n = len < text.size() - at ? len : text.size() - at;
        r.feed(text.substr(at, n));
        at += n;
      }
    });
    // Rows emitted before an error may differ only in the error's own row; compare the whole outcome.
    if (whole.rows != chunked.rows || whole.lines != chunked.lines || whole.error != chunked.error) {
      finding("chunked reading gives other rows than reading the whole input");
    }
  });
  return 0;
}

}  // namespace ccredits::fuzz
