// ccredits batch SCENARIOS.jsonl: one scenario per line in, one result per line out (an estimate, or the
// {"error": ...} document of that line). The text of each output line is exactly what the wasm module's
// estimate() returns for the same scenario, so the differential test can compare CLI, node and page byte for
// byte without starting a process per scenario. A bad line does not stop the batch; a bad rate card does.
#include <iostream>
#include <sstream>

#include "cli.hpp"

namespace ccredits::cli {

int command_batch(const Options& o) {
  if (o.positional.size() != 1) throw InputError("usage", std::string("batch takes one JSON Lines file.\n") + kUsage);
  Calculator calc;
  const std::string plans_file = o.plans.empty() ? default_plans_file() : o.plans;
  calc.load_plans(read_file(plans_file), plans_file);
  load_rates(calc, o);
  std::istringstream lines(read_file(o.positional[0]));
  std::ostringstream out;  // written only once every line is done: nothing half-written on failure
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    out << as_json_result([&] { return calc.estimate_text(line); }) << "\n";
  }
  std::cout << out.str();
  return 0;
}

}  // namespace ccredits::cli
