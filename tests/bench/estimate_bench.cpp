// bench_estimate: estimates per second for a 200-row scenario (tests/bench/scenario-200.json) against a card the
// size of Microsoft's workbook (tests/bench/bench-rates.json), through Calculator::estimate as the page calls it
// (scenario JSON text in, estimate JSON text out; the card and plans loaded once), the same for a 1-row scenario
// (the 200-row one cut to its first usage row), then the time of each stage of the 200-row estimate.
// Prints figures; asserts nothing.
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "ccredits/calculator.hpp"
#include "advice/estimate_advice.hpp"
#include "ccredits/estimate_session.hpp"
#include "formats/json_view.hpp"
#include "output/estimate_text.hpp"

namespace {

std::string read(const std::string& relative) {
  std::ifstream in(std::string(CCREDITS_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// This thread's CPU time in seconds: the machine is shared, and CPU time leaves out the time spent waiting for a
// core (wall time on a loaded machine measures the other processes too).
// Built with em++ for node (tests/bench/README.md), Emscripten has no thread CPU clock: wall time there.
#ifdef __EMSCRIPTEN__
constexpr const char* kPlatform = "wasm (wall time)";
#else
constexpr const char* kPlatform = "native (CPU time)";
#endif
double cpu_seconds() {
  timespec t{};
#ifdef __EMSCRIPTEN__
  clock_gettime(CLOCK_MONOTONIC, &t);
#else
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
#endif
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Microseconds of CPU time per run of body: the fastest of 5 rounds of about seconds/5 each. runs: how many in all.
double time_per_run(double seconds, const std::function<std::size_t()>& body, long* runs = nullptr) {
  double best = 1e300;
  long total = 0;
  std::size_t sink = 0;
  for (int round = 0; round < 5; ++round) {
    const double start = cpu_seconds();
    long n = 0;
    while (cpu_seconds() - start < seconds / 5) {
      sink += body();
      ++n;
    }
    best = std::min(best, (cpu_seconds() - start) / static_cast<double>(n) * 1e6);
    total += n;
  }
  if (runs) *runs = total;
  return sink == 1 ? 0.0 : best;  // sink read so nothing is optimised away
}

void whole_estimate(const ccredits::Calculator& calc, const std::string& scenario, const char* label, double seconds) {
  // The page's path: the bindings return as_json_result's text.
  auto run = [&] { return ccredits::as_json_result([&] { return calc.estimate_text(scenario); }).size(); };
  const ccredits::json first = ccredits::json::parse(calc.estimate_text(scenario));
  long n = 0;
  const double us = time_per_run(seconds, run, &n);
  std::printf("%s %s: %zu usage rows -> %zu lines, monthly_total %s: %ld estimates, %.0f estimates/s, "
              "%.1f us per estimate (JSON text in and out; fastest of 5 rounds)\n",
              kPlatform, label, ccredits::json::parse(scenario)["usage"].size(), first["lines"].size(),
              first["monthly_total"].get<std::string>().c_str(), n, 1e6 / us, us);
}

// The page's call while an admin types (EstimateSession, what the page's session object in wasm/bindings.cpp runs):
// alternately the scenario and the same with the first row's minutes one higher, so every update recomputes the
// whole estimate and writes only what changed.
void keystrokes(const ccredits::Calculator& calc, const std::string& scenario, const char* label, double seconds) {
  // Both compact, as the page sends them (the same text but for the edit).
  ccredits::json edited = ccredits::json::parse(scenario);
  const std::string before = edited.dump();
  edited["usage"][0]["minutes"] = edited["usage"][0]["minutes"].get<double>() + 1;
  const std::string texts[] = {before, edited.dump()};
  ccredits::EstimateSession session;
  std::uint64_t serial = 0;
  std::size_t turn = 0;
  std::size_t bytes = 0;
  auto run = [&] {
    const std::string changes = ccredits::as_json_result([&] { return session.update(calc, texts[turn++ & 1], serial); });
    ++serial;
    bytes = changes.size();
    return changes.size();
  };
  const double us = time_per_run(seconds, run);
  std::printf("%s %s, a keystroke (EstimateSession: one row changed, %zu bytes of changes out): %.0f estimates/s, "
              "%.1f us per estimate\n", kPlatform, label, bytes, 1e6 / us, us);
}

// The stages of Calculator::estimate_text, each timed on its own.
void stages(const ccredits::Calculator& calc, const std::string& text, double seconds) {
  using namespace ccredits;
  const Scenario scenario = parse_scenario(text, "scenario", &calc.plans());
  const Estimate estimate = compute_estimate(scenario, calc.rate_index(), calc.plans());
  const CreditsPolicy policy = with_plan_data(default_credits_policy(), calc.plans(), scenario.settings.applied_to(calc.plans().defaults));
  const EstimateWithAdvice result = estimate_and_advice(scenario, calc.rate_index(), calc.plans());
  const double each = seconds / 9;
  auto line = [](const char* stage, double us) { std::printf("  %-52s %8.1f us\n", stage, us); };
  std::printf("stages of the 200-row estimate, %s, fastest of 5 rounds each:\n", kPlatform);
  line("read_json (scenario text -> JsonView)", time_per_run(each, [&] {
         JsonView view;
         read_json(view, text, "s");
         return view.root().size();
       }));
  line("  for comparison: json::parse (the same text -> nlohmann)", time_per_run(each, [&] {
         return json::parse(text).size();
       }));
  line("parse_scenario (scenario text -> Scenario, incl. read_json)", time_per_run(each, [&] {
         return parse_scenario(text, "scenario", &calc.plans()).usage.size();
       }));
  line("compute_estimate (rating, pools)", time_per_run(each, [&] {
         return compute_estimate(scenario, calc.rate_index(), calc.plans()).lines.size();
       }));
  line("credits_advice (need, eligibility, planner)", time_per_run(each, [&] {
         return credits_advice(advice_inputs(scenario, estimate), scenario.billing, scenario.funding, policy)
             .notifications.size();
       }));
  line("what_if_report (incl. rating its Calling Plans)", time_per_run(each, [&] {
         return what_if_report(scenario, estimate, calc.plans(), [&](const Scenario& changed) {
                  return compute_estimate_for_licences(changed, estimate, calc.rate_index(), calc.plans());
                })->changes.size();
       }));
  line("estimate_text (JSON text of estimate + advice)", time_per_run(each, [&] {
         return estimate_text(result).size();
       }));
  const json written = json::parse(estimate_text(result));
  line("  for comparison: the same document dumped by nlohmann", time_per_run(each, [&] {
         return written.dump(-1, ' ', false, json::error_handler_t::replace).size();
       }));
  line("estimate_and_advice + estimate_text (all of the above but reading)", time_per_run(each, [&] {
         return estimate_text(estimate_and_advice(scenario, calc.rate_index(), calc.plans())).size();
       }));
}

}  // namespace

// With --keystrokes N: a first whole update then N keystrokes of the 200-row scenario (with --one-row, the same cut
// to its first usage row) and nothing else, to count their instructions under valgrind (the count of N = 100 less
// that of N = 0, divided by 100). The 1-row count is the part of a keystroke that does not grow with the rows.
std::size_t keystrokes_only(const ccredits::Calculator& calc, const std::string& scenario, long count, bool one_row) {
  ccredits::json edited = ccredits::json::parse(scenario);
  if (one_row) edited["usage"] = ccredits::json::array({edited["usage"][0]});
  const std::string before = edited.dump();
  edited["usage"][0]["minutes"] = edited["usage"][0]["minutes"].get<double>() + 1;
  const std::string texts[] = {before, edited.dump()};
  ccredits::EstimateSession session;
  std::size_t bytes = session.update(calc, texts[0], 0).size();
  for (long i = 0; i < count; ++i) bytes += session.update(calc, texts[(i + 1) & 1], static_cast<std::uint64_t>(i + 1)).size();
  return bytes;
}

int main(int argc, char** argv) {
  ccredits::Calculator calc;
  calc.load_plans(read("rates/plans.json"), "plans.json");
  calc.load_rates(read("tests/bench/bench-rates.json"), "bench-rates.json");
  const std::string scenario = read("tests/bench/scenario-200.json");
  if (argc > 2 && std::string(argv[1]) == "--keystrokes") {
    const bool one_row = argc > 3 && std::string(argv[3]) == "--one-row";
    std::printf("%zu bytes of changes\n", keystrokes_only(calc, scenario, std::stol(argv[2]), one_row));
    return 0;
  }
  const double seconds = argc > 1 ? std::stod(argv[1]) : 2.0;
  ccredits::json one_row = ccredits::json::parse(scenario);
  one_row["usage"] = ccredits::json::array({one_row["usage"][0]});
  whole_estimate(calc, scenario, "200-row", seconds * 0.4);
  whole_estimate(calc, one_row.dump(), "1-row", seconds * 0.15);
  keystrokes(calc, scenario, "200-row", seconds * 0.15);
  stages(calc, scenario, seconds * 0.3);
  return 0;
}
