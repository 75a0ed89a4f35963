// bench_estimate: estimates per second for a 200-row scenario (tests/bench/scenario-200.json) against a card the
// size of Microsoft's workbook (tests/bench/bench-rates.json), through Calculator::estimate as the page calls it
// (scenario JSON text in, estimate JSON out; the card and plans loaded once). Prints figures; asserts nothing.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "ccredits/calculator.hpp"

namespace {

std::string read(const std::string& relative) {
  std::ifstream in(std::string(CCREDITS_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::stod(argv[1]) : 2.0;
  ccredits::Calculator calc;
  calc.load_plans(read("rates/plans.json"), "plans.json");
  calc.load_rates(read("tests/bench/bench-rates.json"), "bench-rates.json");
  const std::string scenario = read("tests/bench/scenario-200.json");
  const ccredits::json first = calc.estimate(scenario, "scenario-200.json");
  std::printf("scenario: %zu usage rows -> %zu lines, %zu pools, monthly_total %s\n",
              ccredits::json::parse(scenario)["usage"].size(), first["lines"].size(), first["pools"].size(),
              first["monthly_total"].get<std::string>().c_str());
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  long n = 0;
  std::size_t sink = 0;
  while (std::chrono::duration<double>(clock::now() - start).count() < seconds) {
    sink += calc.estimate(scenario, "scenario-200.json").dump().size();
    ++n;
  }
  const double elapsed = std::chrono::duration<double>(clock::now() - start).count();
  std::printf("native: %ld estimates in %.3f s = %.0f estimates/s, %.1f us per estimate (JSON in and out) [%zu]\n", n,
              elapsed, n / elapsed, elapsed / n * 1e6, sink % 10);
  return 0;
}
