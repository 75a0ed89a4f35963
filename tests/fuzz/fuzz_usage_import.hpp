#pragma once
// libFuzzer target: the usage report importer (UsageImporter: CSV export and Graph getPstnCalls JSON), fed in
// chunks whose boundaries come from the input, as the CLI (1 MB reads, zip entries) and the page's worker feed it.
// Byte 0 seeds the chunk sizes, byte 1 picks the settings (rate card or none, small caps, a second file); the rest
// is the report. Every split must give the same result document (or the same error) as feeding it whole, and so
// must reading each file in small pieces on two threads as the command line reads a file (parallel_usage_import);
// only InputError may escape: anything else is an "internal" error document.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "ccredits/calculator.hpp"
#include "reference/rate_card.hpp"
#include "ccredits/usage_import.hpp"
#include "files/parallel_usage_import.hpp"
#include "usage_report/usage_report_reader.hpp"
#include "fuzz_harness.hpp"

namespace ccredits::fuzz::usage_detail {

// The shipped card, loaded once (the importer re-rates each call with it when byte 1 asks for it).
inline const ccredits::RateCard& shipped_card() {
  static const ccredits::RateCard* card = [] {
    std::ifstream in(CCREDITS_SOURCE_DIR "/rates/illustrative-usd.json", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return new ccredits::RateCard(ccredits::load_rate_card_json(text.str(), "illustrative-usd.json"));
  }();
  return *card;
}

inline ccredits::UsageImportSettings settings_of(std::uint8_t flags) {
  ccredits::UsageImportSettings s;
  s.charge_includes_connection_fee = (flags & 1) != 0;
  if (flags & 2) s.max_tracked_users = 2;
  if (flags & 4) s.max_skipped_listed = 1;
  if (flags & 8) s.top_count = 1;
  if (flags & 16) s.max_json_bytes = 512;  // reachable by small inputs: the limit must hold for every split
  return s;
}

// One import: `second_at` (when not npos) starts a second file of the same report there, as a zip does.
template <typename Feed>
std::string run_import(std::uint8_t flags, std::string_view text, std::size_t second_at, Feed&& feed) {
  return ccredits::as_json_result([&] {
    ccredits::UsageImporter importer((flags & 32) ? &shipped_card() : nullptr, settings_of(flags));
    importer.next_file("a.csv");
    if (second_at == std::string_view::npos) {
      feed(importer, text);
    } else {
      feed(importer, text.substr(0, second_at));
      importer.next_file("b.csv");
      feed(importer, text.substr(second_at));
    }
    return importer.finish_text();
  });
}

// The same import with each file read in pieces of `piece_bytes` by two threads besides this one.
inline std::string run_import_in_pieces(std::uint8_t flags, std::string_view text, std::size_t second_at,
                                        std::size_t piece_bytes) {
  return ccredits::as_json_result([&] {
    ccredits::UsageReportReader reader((flags & 32) ? &shipped_card() : nullptr, settings_of(flags));
    const ccredits::ParallelImportOptions options{piece_bytes, 2};
    reader.next_file("a.csv");
    if (second_at == std::string_view::npos) {
      ccredits::import_usage_text(reader, text, options);
    } else {
      ccredits::import_usage_text(reader, text.substr(0, second_at), options);
      reader.next_file("b.csv");
      ccredits::import_usage_text(reader, text.substr(second_at), options);
    }
    return reader.finish();
  });
}

}  // namespace ccredits::fuzz::usage_detail

namespace ccredits::fuzz {

inline int one_usage_import(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  std::uint32_t seed = data[0] * 2654435761u + 1;
  const std::uint8_t flags = data[1];
  const std::string_view text(reinterpret_cast<const char*>(data) + 2, size - 2);
  std::size_t second_at = std::string_view::npos;
  if (flags & 64) second_at = text.size() / 2;

  using usage_detail::run_import;
  const std::string whole =
      run_import(flags, text, second_at, [](ccredits::UsageImporter& u, std::string_view part) { u.feed(part); });
  auto in_chunks = [&](ccredits::UsageImporter& u, std::string_view part) {
    std::size_t at = 0;
    while (at < part.size()) {
      seed = seed * 1103515245u + 12345u;
      const std::size_t len = 1 + (seed >> 16) % 23;  // 1..23 bytes: splits BOM, CRLF, quotes, JSON tokens
      const std::size_t n = len < part.size() - at ? len : part.size() - at;
      u.feed(part.substr(at, n));
      at += n;
    }
  };
  const std::string chunked = run_import(flags, text, second_at, in_chunks);
  if (!ccredits::json::accept(whole)) finding("the result is not JSON: " + whole);
  const auto doc = ccredits::json::parse(whole);
  if (doc.contains("error") && doc["error"]["code"] == "internal") finding(whole);
  if (whole != chunked) finding("chunked import differs from whole import:\n" + whole + "\n" + chunked);
  const std::string pieces = usage_detail::run_import_in_pieces(flags, text, second_at, 1 + seed % 97);
  if (whole != pieces) finding("import in pieces differs from whole import:\n" + whole + "\n" + pieces);
  return 0;
}

}  // namespace ccredits::fuzz
