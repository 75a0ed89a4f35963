#include "cli.hpp"

namespace ccredits::cli {

int command_estimate(const Options& o) {
  if (o.positional.size() != 1) throw InputError("usage", std::string("estimate takes one scenario file.\n") + kUsage);
  Calculator calc;
  load_rates(calc, o);
  return emit(calc.estimate(read_file(o.positional[0]), o.positional[0]));
}

}  // namespace ccredits::cli
