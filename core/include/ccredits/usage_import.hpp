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

#include <nlohmann/json.hpp>

namespace ccredits {

using json = nlohmann::json;
class Calculator;
struct RateCard;
class UsageReportReader;

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
  // Ends the input and returns the usage object. Throws InputError for a file that is not a usage report
  // (no header, missing Call Type / Start Time / Duration columns, broken JSON); bad rows are skipped instead.
  json finish();

  std::int64_t rows() const;
  std::uint64_t bytes() const;

 private:
  std::unique_ptr<UsageReportReader> reader_;
};

}  // namespace ccredits
