#pragma once
// The rate files the CLI reads: a JSON card, one sheet saved as CSV, or Microsoft's workbook as downloaded
// (.xlsx, read by the core; this file only opens the zip and inflates the parts the core asks for).
#include <string>

#include "ccredits/error.hpp"

#include "reference/rate_card.hpp"
#include "reference/rate_sheet_reader.hpp"

namespace ccredits::cli {

enum class RateFileKind { json_card, csv_sheet, workbook };
// By extension (.csv, .xlsx/.xlsm), and by content for a password-protected workbook (an OLE file).
RateFileKind rate_file_kind(const std::string& path);

// Microsoft's rate workbook. Throws InputError (a password-protected file: "save it without a password").
RateCard read_workbook_file(const std::string& path, const ColumnMapping* mapping);

// The error of a sheet whose columns are not recognised, with how to map them on this command line.
InputError with_columns_hint(const InputError& e);

}  // namespace ccredits::cli
