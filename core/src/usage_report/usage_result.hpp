#pragma once
// The result of a usage report import: the `usage` document of core/CONTRACT.md (real spend, minutes per use case,
// per location, destination, day and user, the scenario `usage` rows per average month, the report basis, learned
// rates and, with a rate card, the re-rated calls), written from the aggregation and the re-rating.
#include <string>

#include "formats/json_input.hpp"
#include "usage_report/call_rerating.hpp"
#include "usage_report/usage_chargeback.hpp"
#include "usage_report/usage_totals.hpp"

namespace ccredits {

// The longest period for which the result lists every day (per_day). A longer span (dates years apart: a broken
// export) would make the result grow with the dates, not with the report; the page reads at most this many days.
inline constexpr int kMaxPerDayDays = 400;

// `format` as ReportRowReader::format(); `file` the last file read (named in learned rates and the report basis).
json usage_result(const UsageTotals& totals, const CallRerater& rerater, const std::string& format,
                  const std::string& file);

// The whole document as JSON text, byte for byte as dump() writes it (keys in byte order, invalid UTF-8
// replaced): `members` (usage_result's, and the flags' and the trend's) and, when `chargeback` is given, the
// chargeback member written among them in its place. The chargeback is written straight as text because it lists
// every user: as a nlohmann document it cost more than the rest of the result.
std::string usage_text(const json& members, const Chargeback* chargeback, const UsageTotals& totals);

}  // namespace ccredits
