// ccredits: the command line of core/CONTRACT.md. Output on stdout, exit 0; bad input: exit 2 and one JSON error
// object on stderr, nothing on stdout.
#include <iostream>
#include <string>

#include "cli.hpp"

namespace {

using namespace ccredits::cli;
using ccredits::InputError;

int run(int argc, char** argv) {
  if (argc < 2) throw InputError("usage", std::string("No command given.\n") + kUsage);
  const std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (command == "estimate") return command_estimate(parse_options(argc, argv, 2));
  if (command == "rates") return command_rates(parse_options(argc, argv, 2));
  if (command == "simulate") return command_simulate(parse_options(argc, argv, 2));
  if (command == "usage") return command_usage(parse_options(argc, argv, 2));
  if (command == "batch") return command_batch(parse_options(argc, argv, 2));
  throw InputError("usage", "Unknown command \"" + command + "\".\n" + kUsage);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const InputError& e) {
    std::cerr << ccredits::error_json(e) << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << ccredits::error_json(InputError("internal", e.what())) << "\n";
    return 2;
  }
}
