#pragma once
// The usage report's front ends (core/DOMAIN.md §7): the bytes of a CSV export (25 or 20 columns, or the online
// grid's names) or of Graph getPstnCalls JSON rows ({"value": [...]} or a bare array), told apart by the first byte,
// turned into rows of column values found by header name (usage_columns). What a row means is usage_call's job.
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/csv_reader.hpp"
#include "usage_report/usage_call.hpp"

namespace ccredits {

// Where a CSV file's header puts the report's columns, to find a data row's values by.
struct CsvColumns {
  std::vector<std::pair<std::size_t, std::size_t>> present;  // (column, field) of the columns the header has
  std::size_t header_fields = 0;
  // The row's values into `values` (a column the header lacks is left as it is: empty). False, with `reason`, for a
  // row whose field count differs from the header's: it cannot be read as columns.
  bool values_of(const CsvRow& row, UsageValues& values, std::string& reason) const {
    if (row.fields.size() != header_fields) {
      reason = std::to_string(row.fields.size()) + " fields where the header has " + std::to_string(header_fields);
      return false;
    }
    for (const auto& [column, field] : present) values[column] = row.fields[field];
    return true;
  }
};

// Where the rows go: the importer (usage_report_reader) counts, checks and sums them.
class ReportRowSink {
 public:
  virtual ~ReportRowSink() = default;
  // One data row; `line` is the CSV line or the JSON row number.
  virtual void add_row(const UsageValues& values, long line) = 0;
  // A row that cannot be read as columns (a CSV row whose field count differs from the header's).
  virtual void bad_row(long line, std::string reason) = 0;
};

class ReportRowReader {
 public:
  // Graph JSON is parsed as one document; input over `max_json_bytes` is refused (UsageImportSettings).
  ReportRowReader(ReportRowSink& sink, std::size_t max_json_bytes);
  ~ReportRowReader();
  ReportRowReader(const ReportRowReader&) = delete;
  ReportRowReader& operator=(const ReportRowReader&) = delete;

  // Ends the current file (the rest of its last CSV row is read) before another one starts.
  void end_file();
  // Starts another file of the same report (a zip may hold several CSV files): the next row is a header again.
  void start_file(const std::string& name);
  void feed(std::string_view chunk);
  // Ends the input: the last CSV row, or the whole Graph JSON document, is read.
  void finish();

  bool has_header() const { return have_header_; }
  const std::string& file() const { return file_; }
  // "csv-25", "csv-20", "csv", "csv-mixed" or "graph-json"; empty before the first header.
  const std::string& format() const { return format_; }

  // For reading a large CSV file's later rows elsewhere, piece by piece (files/parallel_usage_import.hpp): whether
  // this is a CSV file whose header has been read and whose bytes so far end at a row start; the header's columns;
  // the line the next row starts on; and going on from a later line once the rows before it were read elsewhere.
  bool at_csv_row_start() const { return mode_ == Mode::csv && have_header_ && csv_ && csv_->at_row_start(); }
  const CsvColumns& csv_columns() const { return columns_; }
  long csv_line() const { return csv_ ? csv_->lines_read() : 1; }
  void resume_csv_at_line(long line) { csv_->resume_at_line(line); }

 private:
  void on_csv_row(const CsvRow& row);
  void read_header(const CsvRow& row);
  void check_json_size(std::size_t size) const;
  void finish_json();

  ReportRowSink& sink_;
  std::size_t max_json_bytes_;
  std::unique_ptr<CsvReader> csv_;
  std::string file_;
  enum class Mode { unknown, csv, json } mode_ = Mode::unknown;
  std::string json_text_;
  std::string format_;
  std::array<int, kUsageColumnCount> column_of_{};  // field index per column, -1 when absent
  CsvColumns columns_;
  UsageValues values_{};  // a row's values, reused: the absent columns stay empty
  std::string reason_;
  bool have_header_ = false;
};

}  // namespace ccredits
