#pragma once
// The reader of one of Microsoft's rate sheets, row by row (core/DOMAIN.md §5 and §9), with two front ends: a sheet
// saved as CSV (rate_sheet_csv.hpp) and the workbook as downloaded (rate_workbook.hpp). It finds the header row
// below title and blank rows, recognises the English and German headers, and reads each rate row; any value it
// cannot read is an error at its row and column, never a guess.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ccredits/column_mapping.hpp"
#include "reference/rate_card.hpp"

namespace ccredits {

// "destination", "per_minute"... as a person names a column when mapping it.
std::string_view rate_column_key(RateColumn c);
std::optional<RateColumn> rate_column_from_key(std::string_view key);

// One cell: its text, and whether the spreadsheet stored it as a number (then it is a plain decimal with a point,
// whatever the sheet's language).
struct SheetCell {
  std::string_view text;
  bool number = false;
};

class RateSheetReader {
 public:
  // file: for errors. sheet_label: the workbook sheet's name, or empty for a CSV file (errors then give line and
  // field; in a workbook they give the sheet and the cell, such as C5). separator: the CSV's separator (a ';'
  // file writes decimal commas), or 0 for a workbook.
  RateSheetReader(std::string file, std::string sheet_label, char separator, const ColumnMapping* mapping);

  // One row (line: 1-based line or row number). Blank rows are skipped; rows before the header are titles.
  void row(const std::vector<SheetCell>& cells, long line);

  bool has_header() const { return header_found_; }
  // The sheet a title row above the header names, if any.
  std::optional<Sheet> titled() const { return titled_; }
  const std::string& currency() const { return currency_; }
  std::vector<RateRow>& rows() { return rows_; }
  // The error for a sheet without a recognised header: lists the headers found and how to map them.
  [[noreturn]] void fail_no_header() const;

 private:
  bool try_header(const std::vector<SheetCell>& cells, long line);
  RateRow read_row(const std::vector<SheetCell>& cells, long line) const;
  std::string amount(const SheetCell& cell, long line, long column, const char* what) const;
  [[noreturn]] void fail(const std::string& code, const std::string& message, long line, long column) const;

  std::string file_;
  std::string sheet_label_;
  char separator_;
  const ColumnMapping* mapping_;
  bool header_found_ = false;
  bool decimal_comma_ = false;
  std::array<long, kRateColumnCount> index_{};  // 1-based column, 0 when absent
  std::size_t header_width_ = 0;
  std::string currency_;
  std::optional<Sheet> titled_;
  std::vector<std::string> likely_headers_;  // the widest row seen before a header, for the error
  long likely_headers_line_ = 0;
  std::vector<RateRow> rows_;
};

// "C" for column 3: how a spreadsheet names a column.
std::string column_letters(long column);

}  // namespace ccredits
