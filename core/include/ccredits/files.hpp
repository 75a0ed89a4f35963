#pragma once
// Rate files and usage reports read from disk, zips inflated with zlib: the input of the command line. Native
// builds only: in the page the browser reads (and inflates) the files and hands the core their bytes.
// Every function throws InputError naming the file.
#include <string>

#include <nlohmann/json.hpp>

#include "ccredits/calculator.hpp"
#include "ccredits/column_mapping.hpp"
#include "ccredits/usage_import.hpp"

namespace ccredits {

// The whole file. Throws InputError "cannot_read".
std::string read_file(const std::string& path);

// A rate file of any kind, told apart by its extension (a password-protected workbook by its first bytes): a
// ccredits.rates/1 JSON card or Microsoft's rate workbook (.xlsx) replaces the calculator's rates; one sheet of the
// workbook saved as CSV adds or replaces that sheet. Returns what Calculator::load_rates returns. `mapping` (may be
// null) says which header is which column in sheets whose headers are not recognised.
nlohmann::json load_rate_file(Calculator& calc, const std::string& path, const ColumnMapping* mapping);
// A rate file of any kind read on its own and summarised per sheet (check_rate_card).
nlohmann::json check_rate_file(const std::string& path, const ColumnMapping* mapping);

// A usage report into the importer: a CSV or Graph JSON file, or a zip (the Teams export) whose .csv files are
// read one after the other. A zip without a .csv file is an error.
void import_usage_file(UsageImporter& importer, const std::string& path);

}  // namespace ccredits
