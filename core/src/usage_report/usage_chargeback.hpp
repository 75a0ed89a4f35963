#pragma once
// Chargeback (core/CONTRACT.md "Chargeback"): spend, minutes and calls by the report's Administrative Units, by
// user, by user location and by destination, every entry listed so the page can export each dimension whole.
//
// Administrative Units: the column names the units of the call's user, several in one field, separated by ';' or
// ',' (a name in double quotes keeps its separators: "Sales, EMEA";Ops is two units). A user without a unit is
// counted under "no unit". A call listing n units is split equally and exactly: spend (in millionths) and seconds
// are divided by n; the remainder r of each division goes one millionth (one second) each to the first r units in
// the order the row lists them, so the units add up to the report's totals exactly. Each unit counts the call once.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ccredits/money.hpp"
#include "formats/json_input.hpp"
#include "usage_report/call_rerating.hpp"
#include "usage_report/usage_call.hpp"

namespace ccredits {

class JsonText;
struct UsageTotals;

// The units a field lists, in order, trimmed, duplicates dropped (empty: no unit).
std::vector<std::string> split_administrative_units(std::string_view field);

class Chargeback {
 public:
  // At most `max_units` distinct units are told apart; calls of units beyond it count under "other units".
  explicit Chargeback(std::size_t max_units);
  // `spend` is the call's spend in the report's first currency (zero otherwise); `destination` is null for calls
  // that are not of a scenario use case (inbound to ordinary numbers, emergency, Direct Routing).
  // `user_index`: the aggregation's index of the call's user, or kNoUser (no user, or past the tracked users).
  void add(const UsageCall& call, Money spend, const CallDestination* destination, std::uint32_t user_index);
  static constexpr std::uint32_t kNoUser = 0xFFFFFFFFu;
  // Writes {"currency", "split_rule", "by_unit", "by_user", "by_location", "by_destination"}: each list sorted by
  // spend, then minutes, then name; by_user comes from the aggregation's user table. Written as text, not built
  // as a nlohmann document: by_user lists every user, most of a large report's result.
  void write(JsonText& out, const UsageTotals& totals) const;

 private:
  struct Entry {
    Money spend;
    std::int64_t seconds = 0;
    std::int64_t calls = 0;
  };
  Entry* entry_for(const std::string& unit);

  std::size_t max_units_;
  std::unordered_map<std::string, Entry> units_;
  Entry other_units_;
  Entry no_unit_;
  // Each distinct units field is parsed once: field text -> its units' entries (bounded; beyond, parsed per row).
  std::unordered_map<std::string, std::vector<Entry*>> fields_;
  std::string field_key_;  // reused: no allocation per row
  // Each user's last units field and its entries: a user's calls nearly always list the same units, so most rows
  // compare one short string instead of hashing it (a million-row report otherwise hashes a field per row). The
  // text is held in place, not behind a pointer, so that the comparison reads one cache line; a longer field is
  // not remembered.
  struct UserField {
    const std::vector<Entry*>* entries = nullptr;
    std::uint8_t size = 0;
    std::array<char, 55> text{};
  };
  std::vector<UserField> user_fields_;
  // The last units field any row listed, and its entries: where neighbouring rows list the same units this is read
  // before the user's own (which a large report's rows find out of cache).
  std::string last_field_;
  const std::vector<Entry*>* last_field_entries_ = nullptr;
  const std::vector<Entry*>& entries_of(std::string_view field);
  std::vector<Entry*> row_entries_;
  const std::vector<Entry*> no_unit_only_{&no_unit_};  // the entries of a call without units
  std::array<Entry, kCountryCount + 1> by_location_{};
  // Destination: outbound calls by the country called; dial-in (toll-free, toll) by the number's country.
  std::array<Entry, kCountryCount + 1> outbound_{};
  std::array<Entry, kCountryCount + 1> dial_in_{};
};

}  // namespace ccredits
