// Prints the native speed of the usage-report importer (the target is 300 MB/s or more) on a generated report:
//   node tests/tools/generate-report.mjs --rows 1000000 --out /tmp/report.csv
//   build/native/tests/bench_import /tmp/report.csv [RATES.json]
// The file is read into memory first, then fed in 1 MiB chunks, the way the CLI reads it; best of 3 runs.
// Also prints the CSV reader alone (no aggregation), to show where the time goes, and the cost of the chargeback,
// flags and trend: the import with the rate card with and without them (UsageImportSettings::insights), CPU time
// of this thread, in alternating rounds (5, or --rounds N): the fastest of each, and the median of the rounds'
// ratios, which a busy moment moves less since it hits one round's pair of imports alike; and the most heap each
// holds at once (every operator new counted). Built for node with em++ (tests/bench/README.md), the same figures
// are the page's wasm core.
//   build/native/tests/bench_import /tmp/report.csv [RATES.json] --one with|without
// imports once, with or without them, and prints the document's size: for counting instructions under
// valgrind, where the machine's load does not change the figure.
// Natively it also prints the import as the CLI makes it, the rows read in pieces on every core and summed on one
// (files/parallel_usage_import.hpp), against one thread fed 1 MiB chunks: wall time, in alternating rounds, the
// same document checked.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include "formats/csv_reader.hpp"
#include "reference/rate_card.hpp"
#include "ccredits/usage_import.hpp"
#include "usage_report/usage_report_reader.hpp"
#ifndef __EMSCRIPTEN__
#include <thread>

#include "files/parallel_usage_import.hpp"
#endif

// Heap in use and its peak: each block carries its size in a header the size of max_align_t.
namespace {
std::size_t heap_now = 0;
std::size_t heap_peak = 0;
constexpr std::size_t kHeader = alignof(std::max_align_t);
void* counted_new(std::size_t size) {
  auto* block = static_cast<unsigned char*>(std::malloc(size + kHeader));
  if (!block) throw std::bad_alloc();
  *reinterpret_cast<std::size_t*>(block) = size;
  heap_now += size;
  if (heap_now > heap_peak) heap_peak = heap_now;
  return block + kHeader;
}
void counted_delete(void* p) noexcept {
  if (!p) return;
  auto* block = static_cast<unsigned char*>(p) - kHeader;
  heap_now -= *reinterpret_cast<std::size_t*>(block);
  std::free(block);
}
}  // namespace
void* operator new(std::size_t size) { return counted_new(size); }
void* operator new[](std::size_t size) { return counted_new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try { return counted_new(size); } catch (...) { return nullptr; }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  try { return counted_new(size); } catch (...) { return nullptr; }
}
void operator delete(void* p) noexcept { counted_delete(p); }
void operator delete[](void* p) noexcept { counted_delete(p); }
void operator delete(void* p, std::size_t) noexcept { counted_delete(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_delete(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { counted_delete(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { counted_delete(p); }

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

// CPU time of this thread where the platform has the clock (not under Emscripten: wall time there).
#if defined(CLOCK_THREAD_CPUTIME_ID) && !defined(__EMSCRIPTEN__)
constexpr const char* kClock = "CPU";
#else
constexpr const char* kClock = "wall";
#endif
double cpu_seconds() {
#if defined(CLOCK_THREAD_CPUTIME_ID) && !defined(__EMSCRIPTEN__)
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
#else
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
#endif
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> paths;
  std::string one;  // "with" or "without": a single import
  int rounds = 5;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--one" && i + 1 < argc) one = argv[++i];
    else if (std::string(argv[i]) == "--rounds" && i + 1 < argc) rounds = std::atoi(argv[++i]);
    else paths.push_back(argv[i]);
  }
  if (paths.empty() || paths.size() > 2 || !(one.empty() || one == "with" || one == "without") || rounds < 1) {
    std::cerr << "usage: bench_import REPORT.csv [RATES.json] [--one with|without] [--rounds N]\n";
    return 2;
  }
  try {
    const std::string data = slurp(paths[0].c_str());
    const std::string rates_path = paths.size() > 1 ? paths[1] : CCREDITS_SOURCE_DIR "/rates/illustrative-usd.json";
    const RateCard card = load_rate_card_json(slurp(rates_path.c_str()), rates_path);
    if (!one.empty()) {
      UsageImportSettings settings;
      settings.insights = one == "with";
      UsageImporter importer(&card, settings);
      for (std::size_t i = 0; i < data.size(); i += kChunk) importer.feed(std::string_view(data).substr(i, kChunk));
      std::printf("document: %zu bytes\n", importer.finish_text().size());
      return 0;
    }
    const double mb = static_cast<double>(data.size()) / 1e6;

    long csv_rows = 0;
    const double csv_s = best_seconds([&] {
      csv_rows = 0;
      CsvReader reader([&](const CsvRow&) { ++csv_rows; });
      for (std::size_t i = 0; i < data.size(); i += kChunk) reader.feed(std::string_view(data).substr(i, kChunk));
      reader.finish();
    });

    // The document's text, as the CLI and the page get it; read back after the timing.
    std::string result;
    auto import = [&](const RateCard* rates) {
      UsageImporter importer(rates);
      for (std::size_t i = 0; i < data.size(); i += kChunk) importer.feed(std::string_view(data).substr(i, kChunk));
      result = importer.finish_text();
    };
    const double plain_s = best_seconds([&] { import(nullptr); });
    const double rerate_s = best_seconds([&] { import(&card); });
    const json r = json::parse(result);
    const std::int64_t rows = r["rows"].get<std::int64_t>();
    const std::string total = r["rerated"].is_null() ? "-" : r["rerated"]["total"].get<std::string>();

    // With and without chargeback, flags and trend, in alternating rounds so that a busy moment hits both alike.
    double best[2] = {1e9, 1e9};
    std::size_t peak[2] = {0, 0};
    std::vector<double> ratios;
    for (int round = 0; round < rounds; ++round) {
      double took[2] = {0, 0};
      for (int with = 0; with < 2; ++with) {
        UsageImportSettings settings;
        settings.insights = with == 1;
        const std::size_t before = heap_now;
        heap_peak = heap_now;
        const double t0 = cpu_seconds();
        {
          UsageImporter importer(&card, settings);
          for (std::size_t i = 0; i < data.size(); i += kChunk) importer.feed(std::string_view(data).substr(i, kChunk));
          const std::string text = importer.finish_text();
          const bool has_flags = text.find("\"flags\":") != std::string::npos;
          if (has_flags != (with == 1)) throw std::runtime_error("the insights switch did not work");
        }
        const double s = cpu_seconds() - t0;
        took[with] = s;
        if (s < best[with]) best[with] = s;
        peak[with] = std::max(peak[with], heap_peak - before);
      }
      ratios.push_back(took[1] / took[0]);
    }
    std::sort(ratios.begin(), ratios.end());

    std::printf("file: %s, %.1f MB, %lld data rows\n", paths[0].c_str(), mb, static_cast<long long>(rows));
    std::printf("csv reader only:        %8.1f MB/s  %10.0f rows/s\n", mb / csv_s, csv_rows / csv_s);
    std::printf("import (no rates):      %8.1f MB/s  %10.0f rows/s\n", mb / plain_s, rows / plain_s);
    std::printf("import + rerate (%zu rows on card): %8.1f MB/s  %10.0f rows/s  (rerated total %s)\n",
                card.rows(Sheet::dial_out_calls).size(), mb / rerate_s, rows / rerate_s, total.c_str());
    const double mib = 1024.0 * 1024.0;
    std::printf("import + rerate, without chargeback, flags, trend: %8.3f s %s  %8.1f MB/s  heap peak %6.1f MiB\n",
                best[0], kClock, mb / best[0], static_cast<double>(peak[0]) / mib);
    std::printf("import + rerate, with them:                        %8.3f s %s  %8.1f MB/s  heap peak %6.1f MiB\n",
                best[1], kClock, mb / best[1], static_cast<double>(peak[1]) / mib);
    std::printf("cost of chargeback, flags and trend: %+.1f %% time, %+.1f MiB heap\n",
                (best[1] / best[0] - 1) * 100, (static_cast<double>(peak[1]) - static_cast<double>(peak[0])) / mib);
    std::printf("... the same, per round (with / without, %d rounds): median %+.1f %%, from %+.1f to %+.1f %%\n", rounds,
                (ratios[ratios.size() / 2] - 1) * 100, (ratios.front() - 1) * 100, (ratios.back() - 1) * 100);
#ifndef __EMSCRIPTEN__
    // One thread against the pieces on every core, alternating, wall time (the work is on several threads).
    double wall[2] = {1e9, 1e9};
    std::vector<double> speedups;
    std::string documents[2];
    for (int round = 0; round < rounds; ++round) {
      double took[2] = {0, 0};
      for (int pieces = 0; pieces < 2; ++pieces) {
        const auto t0 = std::chrono::steady_clock::now();
        UsageReportReader reader(&card);
        reader.next_file(paths[0]);
        if (pieces) {
          import_usage_text(reader, data);
        } else {
          for (std::size_t i = 0; i < data.size(); i += kChunk) reader.feed(std::string_view(data).substr(i, kChunk));
        }
        documents[pieces] = reader.finish();
        took[pieces] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        wall[pieces] = std::min(wall[pieces], took[pieces]);
      }
      if (documents[0] != documents[1]) throw std::runtime_error("the import in pieces wrote another document");
      speedups.push_back(took[0] / took[1]);
    }
    std::sort(speedups.begin(), speedups.end());
    std::printf("import + rerate, with them, one thread fed 1 MiB chunks: %8.3f s wall  %8.1f MB/s\n", wall[0],
                mb / wall[0]);
    std::printf("... read in pieces on every core (%u), summed in order:  %8.3f s wall  %8.1f MB/s\n",
                std::thread::hardware_concurrency(), wall[1], mb / wall[1]);
    std::printf("... speed-up per round (%d rounds): median %.2f times, from %.2f to %.2f\n", rounds,
                speedups[speedups.size() / 2], speedups.front(), speedups.back());
#endif
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "bench_import: " << e.what() << "\n";
    return 1;
  }
}
