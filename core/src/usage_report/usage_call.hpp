#pragma once
// One row of the Teams PSTN usage report read as a call (core/DOMAIN.md §7): its values checked and converted
// (call type, date, duration, amounts, countries), or the reason the row is skipped. Nothing here sums: the
// aggregation (usage_totals), the re-rating (call_rerating) and the result (usage_result) build on a UsageCall.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "ccredits/money.hpp"
#include "usage_report/usage_call_type.hpp"
#include "usage_report/usage_columns.hpp"

namespace ccredits {

// One row's column values (views valid while the row is handled), empty for a column the report does not have.
using UsageValues = std::array<std::string_view, kUsageColumnCount>;

// Countries are indexes of their two letters (AA = 0 ... ZZ = 675) so that per-country totals are flat arrays;
// kUnknownCountry is the extra slot for rows without a usable country.
inline constexpr int kCountryCount = 26 * 26;
inline constexpr int kUnknownCountry = kCountryCount;
// No PSTN call lasts a week; a larger Duration is a corrupt value (e.g. 99999999999999), skipped, not summed.
inline constexpr std::int64_t kMaxCallSeconds = 7 * 24 * 3600;

int country_index(std::string_view code);
std::string country_code(int index);
// The code as a view into `buffer`, no allocation: in the per-row path of the wasm build every live std::string
// turns later calls into slow exception-aware calls (Emscripten's JS exception handling). "*" when unknown.
std::string_view country_view(int index, std::array<char, 2>& buffer);
// The dialable digits of a number: '+', spaces and dashes dropped, a masked tail of '*' kept (RateIndex::by_number
// ignores it and matches the visible prefix, core/DOMAIN.md §7 masked numbers).
std::string_view number_digits(std::string_view text, std::array<char, 40>& buffer);

// Days since 1970-01-01 of an ISO 8601 date-time's date ("2026-10-01T13:45:12Z"); false if it is not one.
bool parse_iso_day(std::string_view text, int& day);
// Days since 1970-01-01 of a date of the proleptic Gregorian calendar.
int days_from_civil(int year, unsigned month, unsigned day);
// The minute of the day of an ISO 8601 date-time ("2026-10-01T13:45:12Z" -> 825); -1 without a valid time.
int parse_iso_minute(std::string_view text);
std::string iso_date(int day);
// Whole seconds: "312", "312.0", or "h:mm:ss". Returns false for text that is not a duration.
bool parse_duration_seconds(std::string_view text, std::int64_t& seconds);

struct UsageCall {
  CallCategory category = CallCategory::inbound;
  UseCase use_case = UseCase::inbound;
  int day = 0;  // days since 1970-01-01 of the Start Time
  int minute = -1;  // minute of the UTC day of the Start Time, -1 when it gives no time
  std::int64_t seconds = 0;
  Money charge;
  Money connection;
  bool charged = false;  // a charge or connection fee on a call credits pay for (never Direct Routing)
  int location = kUnknownCountry;  // User Location
  // Trimmed column values.
  std::string_view currency;
  std::string_view user;  // UPN, else the display name
  std::string_view display_name;
  std::string_view capability;
  std::string_view destination_number;
  std::string_view external_country;
  std::string_view administrative_units;
};

enum class RowOutcome {
  call,         // a call to count
  failed_call,  // a call that did not connect (Success: No): counted as failed, never priced
  skipped,      // a bad row: `reason` says why in words
};
// `call.category` is set for a failed call too.
RowOutcome read_usage_call(const UsageValues& values, UsageCall& call, std::string& reason);

}  // namespace ccredits
