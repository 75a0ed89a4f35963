#include "usage_report/usage_columns.hpp"

#include <string>

namespace ccredits {
namespace {

struct Alias {
  std::string_view key;  // lower-case letters and digits only
  UsageColumn column;
};

// Export header, online-grid label and Graph property names, normalized (core/DOMAIN.md §7).
constexpr Alias kAliases[] = {
    {"callid", UsageColumn::call_id},
    {"userlocation", UsageColumn::user_location},
    {"userslocation", UsageColumn::user_location},
    {"countryorregion", UsageColumn::user_location},
    {"usagelocation", UsageColumn::user_location},
    {"usagecountrycode", UsageColumn::user_location},
    {"upn", UsageColumn::upn},
    {"userprincipalname", UsageColumn::upn},
    {"username", UsageColumn::upn},
    {"userdisplayname", UsageColumn::display_name},
    {"displayname", UsageColumn::display_name},
    {"calltype", UsageColumn::call_type},
    {"numbertype", UsageColumn::number_type},
    {"inventorytype", UsageColumn::number_type},
    {"destinationnumber", UsageColumn::destination_number},
    {"calledto", UsageColumn::destination_number},
    {"calleenumber", UsageColumn::destination_number},
    {"externalcountry", UsageColumn::external_country},
    {"tocountryorregion", UsageColumn::external_country},
    {"otherpartycountrycode", UsageColumn::external_country},
    {"starttime", UsageColumn::start_time},
    {"starttimeutc", UsageColumn::start_time},
    {"startdatetime", UsageColumn::start_time},
    {"durationseconds", UsageColumn::duration},
    {"duration", UsageColumn::duration},
    {"connectionfee", UsageColumn::connection_fee},
    {"connectioncharge", UsageColumn::connection_fee},
    {"charge", UsageColumn::charge},
    {"cost", UsageColumn::charge},
    {"currency", UsageColumn::currency},
    {"capability", UsageColumn::capability},
    {"licensecapability", UsageColumn::capability},
    {"success", UsageColumn::success},
    {"successfulcall", UsageColumn::success},
    {"administrativeunits", UsageColumn::administrative_units},
    {"administrativeunit", UsageColumn::administrative_units},
};

constexpr std::string_view kNames[kUsageColumnCount] = {
    "Call ID",          "User Location",    "UPN",           "User Display Name", "Call Type",
    "Number Type",      "Destination Number", "External Country", "Start Time",      "Duration Seconds",
    "Connection Fee",   "Charge",           "Currency",      "Capability",        "Success",
    "Administrative Units"};

}  // namespace

std::optional<UsageColumn> usage_column_from_header(std::string_view header) {
  std::string key;
  for (char c : header) {
    if (c >= 'A' && c <= 'Z') key.push_back(static_cast<char>(c - 'A' + 'a'));
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key.push_back(c);
  }
  for (const Alias& a : kAliases) {
    if (a.key == key) return a.column;
  }
  return std::nullopt;
}

std::string_view usage_column_name(UsageColumn c) { return kNames[static_cast<std::size_t>(c)]; }

}  // namespace ccredits
