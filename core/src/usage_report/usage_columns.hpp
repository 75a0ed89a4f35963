#pragma once
// The columns of the Teams PSTN usage report that the importer reads, found by header name (core/DOMAIN.md §7,
// `pstn-usage-report.md`): the 25-column export, the older 20-column one ("AAD ObjectId", no Call Direction,
// External Country, Operator, Source of Call Duration, Administrative Units), the online grid's names ("Cost",
// "Called to", "User's location", "Country or region") and the Graph getPstnCalls properties
// (`callrecords-pstncalllogrow.md`: callType, calleeNumber, charge, connectionCharge, duration, ...).
#include <cstddef>
#include <optional>
#include <string_view>

namespace ccredits {

enum class UsageColumn {
  call_id, user_location, upn, display_name, call_type, number_type, destination_number, external_country,
  start_time, duration, connection_fee, charge, currency, capability,
  success,  // Direct Routing reports: "Yes" / "No" (Graph: successfulCall)
  administrative_units  // the user's Administrative Units, several in one field (usage_chargeback.hpp)
};
inline constexpr std::size_t kUsageColumnCount = 16;

// The column a header names, compared without case, spaces and punctuation ("Call Type" = "callType").
std::optional<UsageColumn> usage_column_from_header(std::string_view header);
// The name in the current 25-column export, for messages.
std::string_view usage_column_name(UsageColumn c);

}  // namespace ccredits
