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
  // Small (64 bytes): a million-row report makes tens of thousands of off-hours user-days and short-call
  // number-days, nearly all of one or two calls; their first calls are pooled per kind (Groups::first_calls).
  struct Group {
    const std::string* user = nullptr;
    const std::string* text_key = nullptr;  // short calls: the number's digits, '\x1f', the day (the map's key)
    int day = -1;
    EarliestCalls::Head first;
    std::int64_t calls = 0;
    std::int64_t seconds = 0;
    Money spend;
    Money highest_rate;  // premium: the highest rate per minute seen
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
  // Open addressing with linear probing (slots of key and index + 1, 0 for empty): one probe finds most keys,
  // where a node-based map costs a cache miss for each hop, and there are tens of thousands of user-days.
  struct KeyIndex {
    struct Slot {
      std::uint64_t key = 0;
      std::uint32_t index_plus_one = 0;
    };
    std::vector<Slot> slots;
    std::size_t used = 0;
    // The slot of `key`: its own, or the empty one where it would go.
    Slot& find(std::uint64_t key);
    void insert(std::uint64_t key, std::uint32_t index);
  };
  struct Groups {
    KeyIndex by_key;
    std::unordered_map<std::string, std::uint32_t> by_text;
    std::vector<Group> list;
    EarliestCalls first_calls;
  };
  Group* group(Groups& groups, std::uint64_t key);
  Group* group(Groups& groups, const std::string& key);
  Group* make(Groups& groups);
  static void note(Groups& groups, Group& g, const UsageCall& call, Money spend, std::string_view number,
                   const std::string* user);
  // The groups of at least `min_calls` calls, costliest first (then most calls; otherwise in order of appearance).
  static std::vector<const Group*> by_spend(const Groups& groups, std::int64_t min_calls);

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
