#include <iostream>

#include "cli.hpp"
#include "estimate_table.hpp"

namespace ccredits::cli {

int command_estimate(const Options& o) {
  if (o.positional.size() != 1) throw InputError("usage", std::string("estimate takes one scenario file.\n") + kUsage);
  Calculator calc;
  const std::string plans_file = o.plans.empty() ? default_plans_file() : o.plans;
  calc.load_plans(read_file(plans_file), plans_file);
  load_rates(calc, o);
  const json result = calc.estimate(read_file(o.positional[0]), o.positional[0]);
  if (o.format == "table") {
    std::cout << estimate_table(result);
    return 0;
  }
  return emit(result);
}

}  // namespace ccredits::cli
