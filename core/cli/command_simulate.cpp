#include <filesystem>

#include "cli.hpp"

namespace ccredits::cli {

// ccredits simulate --from CC --number +E164 --seconds N [--kind user_out|conf_out] [--rates FILE]... [--plans F]
int command_simulate(const Options& o) {
  if (!o.positional.empty() || o.from.empty() || o.number.empty() || o.seconds.empty()) {
    throw InputError("usage", std::string("simulate needs --from, --number and --seconds.\n") + kUsage);
  }
  if (o.seconds.find_first_not_of("0123456789") != std::string::npos || o.seconds.size() > 9) {
    throw InputError("usage", "--seconds must be a whole number of seconds, not \"" + o.seconds + "\".");
  }
  Calculator calc;
  load_rates(calc, o);
  // The Zone A list and domestic areas come from the plan data (the shipped one when present).
  const std::string plans = o.plans.empty() ? default_plans_file() : o.plans;
  if (!o.plans.empty() || std::filesystem::exists(plans)) calc.load_plans(read_file(plans), plans);
  const json request = {{"from", o.from},
                        {"number", o.number},
                        {"seconds", std::stoll(o.seconds)},
                        {"kind", o.kind.empty() ? "user_out" : o.kind}};
  return emit(calc.simulate(request.dump(), "command line"));
}

}  // namespace ccredits::cli
