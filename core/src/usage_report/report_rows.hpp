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
  std::vector<std::pair<std::size_t, std::size_t>> present_;  // (column, field) of the columns the header has
  UsageValues values_{};  // a row's values, reused: the absent columns stay empty
  std::size_t header_fields_ = 0;
  bool have_header_ = false;
};

}  // namespace ccredits
