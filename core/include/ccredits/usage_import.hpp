#pragma once
// Importing the Teams PSTN usage report (core/DOMAIN.md §7): a streaming reader fed chunks of any size that keeps
// only the aggregate and writes the `usage` document (core/CONTRACT.md): real spend, minutes per use case, the
// scenario `usage` rows per month and, with a rate card, the same calls re-rated one by one.
// Input: the CSV export (25 or 20 columns, or the online grid's names) or Graph getPstnCalls JSON rows
// ({"value": [...]} or a bare array), told apart by the first byte.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccredits/money.hpp"

namespace ccredits {

using json = nlohmann::json;
class Calculator;
struct RateCard;
class UsageReportReader;

// The thresholds of the toll-fraud and anomaly flags (core/CONTRACT.md "Usage flags": each with its default and
// why). Times are the tenant's local time: the report's UTC Start Time shifted by utc_offset_minutes.
struct UsageFlagSettings {
  int utc_offset_minutes = 0;
  int business_start_hour = 8;  // business hours: [start, end) on Monday to Friday
  int business_end_hour = 18;
  int off_hours_calls_per_day = 10;  // outbound calls of one user outside business hours in one day
  // International premium-rate, satellite and international-network country codes (ITU-T E.164 assignments).
  std::vector<std::string> premium_prefixes = {"870", "881", "882", "883", "979"};
  Money high_rate_per_minute = Money::from_micros(1000000);  // 1.00 per minute, in the report's currency
  int user_spend_factor = 5;  // a user's spend over this many times the median spend of the users who spend
  Money user_spend_minimum = Money::from_micros(50000000);  // ... and over this amount
  int user_spend_min_peers = 5;  // users with spend needed for the comparison to mean anything
  int new_country_baseline_days = 14;  // countries called in the first days are the tenant's known countries
  int long_call_minutes = 180;
  int short_call_seconds = 10;
  int short_calls_to_one_number = 15;  // short calls to one number in one day
  int day_spend_factor = 3;  // a day's spend over this many times the median day of the period
  Money day_spend_minimum = Money::from_micros(50000000);
};

// Reads the thresholds given as a JSON object (the keys of UsageFlagSettings; amounts as decimal strings) over
// `settings`; broken JSON, unknown keys and bad values are an InputError naming the file and the key.
void read_usage_flag_settings(std::string_view json_text, UsageFlagSettings& settings, const std::string& file);

struct UsageImportSettings {
  // core/DOMAIN.md §8: the export has Charge and Connection Fee as separate columns; default spend = both.
  bool charge_includes_connection_fee = false;
  // Distinct users tracked for the top list; calls of users beyond the cap count under "other users".
  std::size_t max_tracked_users = 10000;
  std::size_t max_skipped_listed = 100;
  std::size_t top_count = 10;
  // Graph JSON is parsed as one document (a getPstnCalls page holds 1000 rows, about 1 MB); larger input is
  // refused so that the parsed document stays well inside the wasm heap budget (an import stays under 64 MB of memory).
  std::size_t max_json_bytes = 4u << 20;
  // The billing increment the learned rates divide by when no rate card is given (DOMAIN.md §8: 6 seconds).
  int billing_increment_seconds = 6;
  UsageFlagSettings flags;
  // Chargeback, flags and trend (core/CONTRACT.md): always on in the CLI and the page. Off, the document has none of
  // them and the import keeps none of their per-row state: only the benchmark of their cost turns them off
  // (tests/bench/import_bench.cpp).
  bool insights = true;
};

// The use cases of the estimate (rating/estimate.hpp kUseCases) the report's charges are counted under, so that an
// imported report's charges stand in the estimate for the spend they are (rating/report_basis.hpp).
inline constexpr int kChargeUseCaseCount = 5;

class UsageImporter {
 public:
  // Re-rates with the calculator's rate card when one is loaded; `calc` must outlive the importer.
  explicit UsageImporter(const Calculator& calc, UsageImportSettings settings = {});
  // Re-rates with `rates` (null: no re-rating), which must outlive the importer.
  explicit UsageImporter(const RateCard* rates = nullptr, UsageImportSettings settings = {});
  ~UsageImporter();
  UsageImporter(const UsageImporter&) = delete;
  UsageImporter& operator=(const UsageImporter&) = delete;

  // Starts another file of the same report (a zip may hold several CSV files): the next row is a header again.
  void next_file(const std::string& name);
  void feed(std::string_view chunk);
  // Ends the input and returns the usage document (core/CONTRACT.md) as JSON text, byte for byte as nlohmann's
  // dump() with invalid UTF-8 replaced writes it: what the CLI prints and the page's module returns. Throws
  // InputError for a file that is not a usage report (no header, missing Call Type / Start Time / Duration
  // columns, broken JSON); bad rows are skipped instead.
  std::string finish_text();
  // The same document parsed, for callers that read it (the CLI's table, the tests).
  json finish();

  std::int64_t rows() const;
  std::uint64_t bytes() const;

 private:
  // Reads a report file's rows on every core through the reader itself (files/parallel_usage_import.hpp).
  friend void import_usage_file(UsageImporter& importer, const std::string& path);
  std::unique_ptr<UsageReportReader> reader_;
};

}  // namespace ccredits
