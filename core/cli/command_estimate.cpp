#include <iostream>

#include "advice_table.hpp"
#include "cli.hpp"
#include "estimate_table.hpp"

namespace ccredits::cli {

int command_estimate(const Options& o) {
  if (o.positional.size() != 1) throw InputError("usage", std::string("estimate takes one scenario file.\n") + kUsage);
  Calculator calc;
  const std::string plans_file = o.plans.empty() ? default_plans_file() : o.plans;
  calc.load_plans(read_file(plans_file), plans_file);
  load_rates(calc, o);
  const std::string text = calc.estimate_text(read_file(o.positional[0]), o.positional[0]);
  if (o.format == "table") {
    // The table reads the estimate as any client of core/CONTRACT.md does.
    const json result = json::parse(text);
    std::cout << estimate_table(result) << advice_table(result);
    return 0;
  }
  std::cout << text << "\n";
  return 0;
}

}  // namespace ccredits::cli
