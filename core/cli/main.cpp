// ccredits: the command line of CONTRACT.md. Output on stdout, exit 0; bad input: exit 2 and one JSON error
// object on stderr, nothing on stdout.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "ccredits/calculator.hpp"
#include "ccredits/json_input.hpp"

#ifndef CCREDITS_RATES_DIR
#error "CCREDITS_RATES_DIR must name the folder of the shipped rate cards"
#endif

namespace {

using ccredits::InputError;

constexpr const char* kUsage =
    "usage:\n"
    "  ccredits estimate SCENARIO.json [--rates FILE]... [--plans FILE] [--format json|table]\n"
    "  ccredits usage REPORT.csv|REPORT.zip [--rates FILE]... [--format json|table]\n"
    "  ccredits simulate --from CC --number +E164 --seconds N [--kind user_out|conf_out] [--rates FILE]...\n"
    "  ccredits rates check FILE...\n";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot_read", "Cannot open \"" + path + "\".", path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Options {
  std::vector<std::string> positional;
  std::vector<std::string> rates;
  std::string format = "json";
};

Options parse_options(int argc, char** argv, int first) {
  Options o;
  for (int i = first; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw InputError("usage", a + " needs a value.\n" + kUsage);
      return argv[++i];
    };
    if (a == "--rates") o.rates.push_back(value());
    else if (a == "--format") o.format = value();
    else if (a.rfind("--", 0) == 0) throw InputError("usage", "Unknown option " + a + ".\n" + kUsage);
    else o.positional.push_back(a);
  }
  if (o.format != "json" && o.format != "table") throw InputError("usage", "--format must be json or table.");
  return o;
}

// A result from the Calculator: either a document or {"error": ...}. Errors go to stderr with exit 2.
int emit(const std::string& result) {
  if (result.rfind("{\"error\":", 0) == 0) {
    std::cerr << result << "\n";
    return 2;
  }
  std::cout << result << "\n";
  return 0;
}

void load_rates(ccredits::Calculator& calc, const Options& o) {
  const std::vector<std::string> files =
      o.rates.empty() ? std::vector<std::string>{std::string(CCREDITS_RATES_DIR) + "/illustrative-usd.json"} : o.rates;
  for (const auto& f : files) {
    const std::string info = calc.load_rates(read_file(f), f);
    if (info.rfind("{\"error\":", 0) == 0) throw info;
  }
}

int run(int argc, char** argv) {
  if (argc < 2) throw InputError("usage", std::string("No command given.\n") + kUsage);
  const std::string command = argv[1];
  ccredits::Calculator calc;
  if (command == "estimate") {
    const Options o = parse_options(argc, argv, 2);
    if (o.positional.size() != 1) throw InputError("usage", std::string("estimate takes one scenario file.\n") + kUsage);
    load_rates(calc, o);
    return emit(calc.estimate(read_file(o.positional[0]), o.positional[0]));
  }
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  throw InputError("usage", "Unknown command \"" + command + "\".\n" + kUsage);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const InputError& e) {
    std::cerr << ccredits::error_json(e) << "\n";
    return 2;
  } catch (const std::string& error_document) {
    std::cerr << error_document << "\n";
    return 2;
  }
}
