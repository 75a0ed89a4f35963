#pragma once
// Shared pieces of the ccredits command line. Each command lives in its own command_*.cpp.
#include <string>
#include <vector>

#include "ccredits/calculator.hpp"
#include "ccredits/error.hpp"
#include "ccredits/column_mapping.hpp"
#include "ccredits/files.hpp"

namespace ccredits::cli {

extern const char* const kUsage;

struct Options {
  std::vector<std::string> positional;
  std::vector<std::string> rates;   // --rates FILE, repeatable
  ColumnMapping columns;            // --columns ROLE=HEADER, repeatable
  std::string plans;                // --plans FILE
  std::string flag_settings;        // --flag-settings FILE (usage)
  std::string format = "json";      // --format json|table
  std::string from, number, kind;   // simulate
  std::string seconds;              // simulate
};

// Parses argv[first..]; unknown options are a usage error.
Options parse_options(int argc, char** argv, int first);
// The shipped default files (rates/ of the source tree).
std::string default_rates_file();
std::string default_plans_file();

// Loads --rates files (or the default card) into the calculator; throws InputError on failure.
void load_rates(Calculator& calc, const Options& o);
// The error of a sheet whose columns are not recognised, with how to map them on this command line.
InputError with_columns_hint(const InputError& e);

// Writes a result document to stdout; returns exit code 0. (Errors are thrown as InputError; main() reports them.)
int emit(const json& result);

int command_estimate(const Options& o);
int command_rates(const Options& o);
int command_simulate(const Options& o);
int command_usage(const Options& o);
int command_batch(const Options& o);

}  // namespace ccredits::cli
