#pragma once
// The reader behind ccredits::UsageImporter (core/DOMAIN.md §7): the CSV and Graph JSON front ends, the
// per-call aggregation, the re-rating of each call with price_call (6-second increments) and the `usage`
// document (core/CONTRACT.md). Memory is bounded by countries, days and a capped user table, never by the file.
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ccredits/error.hpp"
#include "ccredits/usage_import.hpp"
#include "formats/csv_reader.hpp"
#include "formats/json_input.hpp"
#include "ccredits/money.hpp"
#include "reference/rate_lookup.hpp"
#include "usage_report/usage_call_type.hpp"
#include "usage_report/usage_columns.hpp"
#include "usage_report/learned_rates.hpp"

namespace ccredits {

// The longest period for which the result lists every day (per_day). A longer span (dates years apart: a broken
// export) would make the result grow with the dates, not with the report; the page reads at most this many days.
inline constexpr int kMaxPerDayDays = 400;

class UsageReportReader {
 public:
  // `rates` may be null (no re-rating); it must outlive the importer.
  explicit UsageReportReader(const RateCard* rates = nullptr, UsageImportSettings settings = {});
  ~UsageReportReader();
  UsageReportReader(const UsageReportReader&) = delete;
  UsageReportReader& operator=(const UsageReportReader&) = delete;

  // Starts another file of the same report (a zip may hold several CSV files): the next row is a header again.
  void next_file(const std::string& name);
  void feed(std::string_view chunk);
  // Ends the input and returns the usage object. Throws InputError for a file that is not a usage report
  // (no header, missing Call Type / Start Time / Duration columns, broken JSON); bad rows are skipped instead.
  json finish();

  std::int64_t rows() const { return rows_; }
  std::uint64_t bytes() const { return bytes_; }

  // One call as column values (views valid during the call), for the CSV and JSON front ends and tests.
  void add_call(const std::array<std::string_view, kUsageColumnCount>& values, long line);

 private:
  struct Totals {
    std::int64_t seconds = 0;
    std::int64_t calls = 0;
  };
  struct DayTotals {
    std::int64_t seconds = 0;
    std::int64_t calls = 0;
    Money spend;  // in the report's first currency
  };
  struct UserTotals {
    std::string name;
    int location = 0;  // country index of the first call's User Location
    std::int64_t seconds = 0;
    std::int64_t calls = 0;
    Money spend;  // in the report's first currency
  };
  struct CurrencyTotals {
    std::string currency;
    Money charge;
    Money connection;
    std::int64_t calls = 0;
  };
  struct Rerated {
    std::array<Money, kUseCaseCount> by_use_case{};
    std::array<std::int64_t, kUseCaseCount> priced_calls{};
    std::array<std::int64_t, kUseCaseCount> unpriced_calls{};
    std::array<std::int64_t, kUseCaseCount> billed_seconds{};
    Money charged_calls_rerated;      // re-rated price of the calls the report shows a charge for
    std::int64_t charged_calls = 0;
  };

  void on_csv_row(const CsvRow& row);
  void read_header(const CsvRow& row);
  void skip(long line, std::string reason);
  void check_json_size(std::size_t size) const;
  InputError located(const InputError& e) const;
  void finish_json();
  json result() const;

  const RateCard* rates_;
  std::unique_ptr<RateIndex> index_;
  UsageImportSettings settings_;
  std::unique_ptr<CsvReader> csv_;
  std::string file_;
  enum class Mode { unknown, csv, json } mode_ = Mode::unknown;
  std::string json_text_;
  std::string format_;                              // "csv-25", "csv-20", "csv", "graph-json"
  std::array<int, kUsageColumnCount> column_of_{};  // field index per column, -1 when absent
  std::size_t header_fields_ = 0;
  bool have_header_ = false;
  std::vector<std::string> headers_seen_;

  long call_line_ = 0;  // line (CSV) or row (JSON) of the call being added, for errors thrown while summing
  std::int64_t rows_ = 0;
  std::int64_t rows_used_ = 0;
  std::uint64_t bytes_ = 0;
  std::vector<json> skipped_;
  std::int64_t skipped_count_ = 0;
  int first_day_ = 0, last_day_ = 0;  // days since 1970-01-01
  std::array<Totals, kUseCaseCount> by_use_case_{};
  std::vector<CurrencyTotals> currencies_;
  std::unordered_map<int, DayTotals> by_day_;
  // Per user location (country index, 26*26 = unknown) and use case; per destination country and number type.
  std::vector<std::array<Totals, kUseCaseCount>> by_location_;
  std::vector<std::array<Totals, 4>> by_destination_;
  std::unordered_map<std::string, UserTotals> users_;
  std::string user_key_;  // reused: no allocation per row
  Totals other_users_;
  // Scenario rows: packed (use case, from, to/country, number type, service) -> totals.
  std::unordered_map<std::uint64_t, Totals> scenario_;
  Rerated rerated_;
  LearnedRates learned_;
  // Spend in the report's first currency per estimate use case (kUseCases order).
  std::array<Money, kChargeUseCaseCount> charges_by_use_case_{};
  std::int64_t unknown_destination_calls_ = 0;
  std::int64_t failed_calls_ = 0;                 // rows whose Success says No: calls that did not connect
  std::int64_t failed_direct_routing_calls_ = 0;
};

// Days since 1970-01-01 of an ISO 8601 date-time's date ("2026-10-01T13:45:12Z"); false if it is not one.
bool parse_iso_day(std::string_view text, int& day);
std::string iso_date(int day);
// Whole seconds: "312", "312.0", or "h:mm:ss". Returns false for text that is not a duration.
bool parse_duration_seconds(std::string_view text, std::int64_t& seconds);

}  // namespace ccredits
