#pragma once
// Toll-fraud and anomaly flags on an imported report (core/CONTRACT.md "Usage flags"): bursts of outbound calls
// outside business hours or at weekends, premium / satellite / high-rate destinations, a user spending far above
// their peers, a destination country first called after the report's first days, very long calls, many short
// calls to one number in a day, and a day whose spend is far above the period's usual day. Each flag says why in
// words, the figure and the threshold it crossed, the calls behind it and what to do, citing Microsoft's pages.
// Thresholds: UsageFlagSettings (ccredits/usage_import.hpp), documented in core/CONTRACT.md.
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "ccredits/usage_import.hpp"
#include "formats/json_input.hpp"
#include "usage_report/call_rerating.hpp"
#include "usage_report/call_sample.hpp"
#include "usage_report/usage_call.hpp"

namespace ccredits {

struct UsageTotals;

class UsageFlags {
 public:
  explicit UsageFlags(const UsageFlagSettings& settings);
  // `spend`: the call's spend in the report's first currency (zero otherwise); `destination`: null for calls not
  // of a scenario use case; `user_key` and `user_index`: the aggregation's key and index of the call's user (null
  // for a call without a user or past the tracked users: it is not watched per user).
  void add(const UsageCall& call, Money spend, const CallDestination* destination, const std::string* user_key,
           std::uint32_t user_index);
  // The flags, most costly first within each kind, in the order of the kinds above.
  json to_json(const UsageTotals& totals) const;
  // The thresholds in force, as the result states them.
  json settings_json() const;

 private:
  struct Group {
    const std::string* user = nullptr;
    int day = -1;
    std::string number;  // short calls: the number's digits
    std::int64_t calls = 0;
    std::int64_t seconds = 0;
    Money spend;
    Money highest_rate;  // premium: the highest rate per minute seen
    CallList first{CallList::Keep::earliest};
  };
  struct CountrySeen {
    int first_day = 0;
    int first_minute = 0;
    std::int64_t calls = 0;
    Money spend;
    CallList first{CallList::Keep::earliest};
  };
  // Groups in a vector, found by a small integer key (user index and day) or, for numbers, a string key: the
  // per-row lookups stay cheap and allocation-free once a group exists.
  struct Groups {
    std::unordered_map<std::uint64_t, std::uint32_t> by_key;
    std::unordered_map<std::string, std::uint32_t> by_text;
    std::vector<Group> list;
  };
  Group* group(Groups& groups, std::uint64_t key);
  Group* group(Groups& groups, const std::string& key);
  Group* make(Groups& groups);
  void note(Group& g, const UsageCall& call, Money spend, std::string_view number, const std::string* user);
  static std::vector<const Group*> by_spend(const Groups& groups);

  UsageFlagSettings settings_;
  Groups off_hours_;    // user index and local day
  Groups premium_;      // user index
  Groups long_calls_;   // user index
  Groups short_calls_;  // number and day
  std::array<CountrySeen, kCountryCount> countries_{};
  std::string key_;  // reused: no allocation per row
  bool groups_full_ = false;  // a map reached its cap: said in the result
};

}  // namespace ccredits
