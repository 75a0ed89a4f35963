// Prints the native speed of the usage-report importer (the target is 300 MB/s or more) on a generated report:
//   node tests/tools/generate-report.mjs --rows 1000000 --out /tmp/report.csv
//   build/native/tests/bench_import /tmp/report.csv [RATES.json]
// The file is read into memory first, then fed in 1 MiB chunks, the way the CLI reads it; best of 3 runs.
// Also prints the CSV reader alone (no aggregation), to show where the time goes.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "formats/csv_reader.hpp"
#include "reference/rate_card.hpp"
#include "ccredits/usage_import.hpp"
#include "usage_report/usage_report_reader.hpp"

using namespace ccredits;

namespace {

std::string slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("cannot open ") + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

template <typename Body>
double best_seconds(Body&& body) {
  double best = 1e9;
  for (int run = 0; run < 3; ++run) {
    const auto t0 = std::chrono::steady_clock::now();
    body();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (s < best) best = s;
  }
  return best;
}

constexpr std::size_t kChunk = 1 << 20;

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_import REPORT.csv [RATES.json]\n";
    return 2;
  }
  try {
    const std::string data = slurp(argv[1]);
    const std::string rates_path = argc > 2 ? argv[2] : CCREDITS_SOURCE_DIR "/rates/illustrative-usd.json";
    const RateCard card = load_rate_card_json(slurp(rates_path.c_str()), rates_path);
    const double mb = static_cast<double>(data.size()) / 1e6;

    long csv_rows = 0;
    const double csv_s = best_seconds([&] {
      csv_rows = 0;
      CsvReader reader([&](const CsvRow&) { ++csv_rows; });
      for (std::size_t i = 0; i < data.size(); i += kChunk) reader.feed(std::string_view(data).substr(i, kChunk));
      reader.finish();
    });

    std::int64_t rows = 0;
    std::string total;
    auto import = [&](const RateCard* rates) {
      UsageImporter importer(rates);
      for (std::size_t i = 0; i < data.size(); i += kChunk) importer.feed(std::string_view(data).substr(i, kChunk));
      const json r = importer.finish();
      rows = r["rows"].get<std::int64_t>();
      total = r["rerated"].is_null() ? "-" : r["rerated"]["total"].get<std::string>();
    };
    const double plain_s = best_seconds([&] { import(nullptr); });
    const double rerate_s = best_seconds([&] { import(&card); });

    std::printf("file: %s, %.1f MB, %lld data rows\n", argv[1], mb, static_cast<long long>(rows));
    std::printf("csv reader only:        %8.1f MB/s  %10.0f rows/s\n", mb / csv_s, csv_rows / csv_s);
    std::printf("import (no rates):      %8.1f MB/s  %10.0f rows/s\n", mb / plain_s, rows / plain_s);
    std::printf("import + rerate (%zu rows on card): %8.1f MB/s  %10.0f rows/s  (rerated total %s)\n",
                card.rows(Sheet::dial_out_calls).size(), mb / rerate_s, rows / rerate_s, total.c_str());
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "bench_import: " << e.what() << "\n";
    return 1;
  }
}
