// Prints how many RateIndex::by_number lookups per second a 20,000-prefix card answers.
// Not a test: it prints a figure (speed is measured by programs that print, never by timed tests, which would fail at random on a shared machine).
// Fixed seed, so every run probes the same numbers.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "reference/rate_lookup.hpp"

using namespace ccredits;

namespace {

constexpr int kPrefixes = 20000;
constexpr int kNumbers = 100000;
constexpr int kDefaultRounds = 10;

std::string random_digits(std::mt19937_64& rng, int count) {
  std::string s;
  for (int i = 0; i < count; ++i) s.push_back(static_cast<char>('0' + rng() % 10));
  return s;
}

}  // namespace

// bench_prefix_lookup [rounds]: each round probes the same 100,000 numbers (default 10 rounds).
int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : kDefaultRounds;
  std::mt19937_64 rng(20261101);
  RateCard card;
  card.currency = "USD";
  auto& rows = card.rows(Sheet::dial_out_calls);
  std::vector<std::string> prefixes;
  for (int i = 0; i < kPrefixes; ++i) {
    RateRow& row = rows.emplace_back();
    row.country = "ZZ";
    if (i % 10 == 0) row.origin.assign("US", 2);
    row.number_type = static_cast<NumberType>(rng() % 3);
    row.per_minute = Money::from_micros(static_cast<std::int64_t>(1000 + rng() % 200000));
    std::string prefix = std::to_string(1 + rng() % 9) + random_digits(rng, 1 + static_cast<int>(rng() % 6));
    row.prefixes.push_back(prefix);
    prefixes.push_back(std::move(prefix));
  }
  // Half the numbers start with a card prefix, half are random digits (many then match only a short prefix).
  std::vector<std::string> numbers;
  numbers.reserve(kNumbers);
  for (int i = 0; i < kNumbers; ++i) {
    std::string n = (i % 2 == 0) ? prefixes[rng() % prefixes.size()] : std::to_string(1 + rng() % 9);
    n += random_digits(rng, 12 - static_cast<int>(n.size()));
    if (i % 7 == 0) n.replace(n.size() - 4, 4, "****");
    numbers.push_back(std::move(n));
  }

  const auto build_start = std::chrono::steady_clock::now();
  const RateIndex index(card);
  const auto build_end = std::chrono::steady_clock::now();

  std::size_t matched = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int round = 0; round < rounds; ++round) {
    for (int i = 0; i < kNumbers; ++i) {
      if (index.by_number(Sheet::dial_out_calls, numbers[i], (i % 3 == 0) ? "US" : "GB")) ++matched;
    }
  }
  const auto end = std::chrono::steady_clock::now();
  const double seconds = std::chrono::duration<double>(end - start).count();
  const double lookups = double(kNumbers) * rounds;
  std::printf("prefixes: %d, lookups: %.0f, matched: %zu\n", kPrefixes, lookups, matched);
  std::printf("index build: %.3f ms\n", std::chrono::duration<double, std::milli>(build_end - build_start).count());
  std::printf("lookups per second: %.0f\n", lookups / seconds);
  return 0;
}
