#pragma once
// The reader behind ccredits::UsageImporter (core/DOMAIN.md §7): it passes the bytes to the front ends
// (report_rows), reads each row as a call (usage_call), sums it (usage_totals), re-rates it (call_rerating), charges
// it back (usage_chargeback), watches it for fraud (usage_flags) and writes the `usage` document at the end
// (usage_result, with usage_trend). Errors are located here: the file, and the line of the call
// being added when a sum passes the largest exact amount.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "ccredits/error.hpp"
#include "ccredits/usage_import.hpp"
#include "usage_report/call_rerating.hpp"
#include "usage_report/usage_chargeback.hpp"
#include "usage_report/usage_flags.hpp"
#include "usage_report/report_rows.hpp"
#include "usage_report/usage_call.hpp"
#include "usage_report/usage_result.hpp"
#include "usage_report/usage_totals.hpp"

namespace ccredits {

// A data row read as a call and not yet summed.
struct ReadRow {
  RowOutcome outcome = RowOutcome::skipped;
  long line = 0;
  UsageCall call;
  CallDestination destination;  // of a call of a scenario use case (is_scenario_kind)
  std::uint64_t user_hash = 0;  // text_hash(call.user): the user table's key
  std::string reason;  // why a skipped row is skipped
};

// All of a row's reading that does not depend on the rows before it: its values read as a call, then, for a call
// of a scenario use case, its destination found on the card.
void read_row(const UsageValues& values, ReadRow& row);
void find_destination(const CallRerater& rerater, ReadRow& row);

class UsageReportReader : private ReportRowSink {
 public:
  // `rates` may be null (no re-rating); it must outlive the importer.
  explicit UsageReportReader(const RateCard* rates = nullptr, UsageImportSettings settings = {});
  ~UsageReportReader() override;
  UsageReportReader(const UsageReportReader&) = delete;
  UsageReportReader& operator=(const UsageReportReader&) = delete;

  // Starts another file of the same report (a zip may hold several CSV files): the next row is a header again.
  void next_file(const std::string& name);
  void feed(std::string_view chunk);
  // Ends the input and returns the usage document as JSON text (UsageImporter::finish_text). Throws InputError for
  // a file that is not a usage report (no header, missing Call Type / Start Time / Duration columns, broken JSON);
  // bad rows are skipped instead.
  std::string finish();

  std::int64_t rows() const { return totals_.rows; }
  std::uint64_t bytes() const { return bytes_; }

  // One call as column values (views valid during the call), for the CSV and JSON front ends and tests.
  void add_call(const UsageValues& values, long line);

  // A large CSV file's later rows read ahead in pieces on other threads (files/parallel_usage_import.hpp): the
  // front end (whether it stands at a row start of a CSV file, its header's columns, its line) and the card the
  // pieces read destinations from; then each piece's rows summed in the file's order. A piece's rows count their
  // lines from 1; `first_line` is the file's line the piece starts on, `lines` how many it spans, `bytes` its size.
  const ReportRowReader& report_rows() const { return report_rows_; }
  const CallRerater& rerater() const { return rerater_; }
  void add_read_rows(std::span<const ReadRow> rows, long first_line, long lines, std::uint64_t bytes);

 private:
  void add_row(const UsageValues& values, long line) override { add_call(values, line); }
  void bad_row(long line, std::string reason) override;
  InputError located(const InputError& e) const;
  // Sums a read row (its line already the file's): every row, however it was read, is summed here.
  void add_read_row(const ReadRow& row, long line);

  ReportRowReader report_rows_;
  UsageTotals totals_;
  CallRerater rerater_;
  Chargeback chargeback_;
  UsageFlags flags_;
  ReadRow row_;  // the row being read, reused
  long call_line_ = 0;  // line (CSV) or row (JSON) of the call being added, for errors thrown while summing
  std::uint64_t bytes_ = 0;
};

}  // namespace ccredits
