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
#include <string_view>
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
  // The local day of an outbound call made outside business hours or at a weekend, kNotOffHours otherwise; for
  // add(). It also starts loading the count add() will update, so that the work done between the two hides the
  // wait for memory: the off-hours counts of a large report do not stay in cache while its rows stream through.
  static constexpr int kNotOffHours = -2147483647 - 1;
  int prepare(const UsageCall& call, std::uint32_t user_index) const;
  // `spend`: the call's spend in the report's first currency (zero otherwise); `destination`: null for calls not
  // of a scenario use case; `user_key` and `user_index`: the aggregation's key and index of the call's user (null
  // for a call without a user or past the tracked users: it is not watched per user); `local_day`: prepare()'s
  // answer for this call (kNotOffHours for a call without a user).
  void add(const UsageCall& call, Money spend, const CallDestination* destination, const std::string* user_key,
           std::uint32_t user_index, int local_day);
  // After the last add(), before to_json() and settings_json().
  void finish();
  // The flags, most costly first within each kind, in the order of the kinds above.
  json to_json(const UsageTotals& totals) const;
  // The thresholds in force, as the result states them.
  json settings_json() const;

 private:
  // Small (64 bytes): a million-row report makes tens of thousands of off-hours user-days and short-call
  // number-days, nearly all of one or two calls; their first calls are pooled per kind (Groups::first_calls).
  struct Group {
    const std::string* user = nullptr;
    std::uint32_t number_at = 0;  // short calls: the number's digits, number_size of them from Groups::numbers[at]
    std::uint8_t number_size = 0;
    int day = -1;
    EarliestCalls::Head first;
    std::int64_t calls = 0;
    std::int64_t seconds = 0;
    Money spend;
    Money highest_rate;  // premium: the highest rate per minute seen
    std::uint32_t order = 0;  // when the user, user-day or number-day was first seen: ties keep this order
  };
  struct CountrySeen {
    int first_day = 0;
    int first_minute = 0;
    std::int64_t calls = 0;
    Money spend;
    CallList first{CallList::Keep::earliest};
  };
  // Groups in a vector, found by a small integer key (user index), or for numbers by the hash of the number and
  // the day, checked against the group's own number and day: the per-row lookups stay cheap and allocation-free.
  // Open addressing with linear probing (slots of key and index + 1, 0 for empty): one probe finds most keys,
  // where a node-based map costs a cache miss for each hop, and there are tens of thousands of number-days.
  struct KeyIndex {
    struct Slot {
      std::uint64_t key = 0;
      std::uint32_t index_plus_one = 0;
    };
    std::vector<Slot> slots;
    std::size_t used = 0;
    // The index + 1 of the first group of `key` for which same(index) holds, 0 if none.
    template <typename Same>
    std::uint32_t find(std::uint64_t key, Same&& same) const;
    // `key` may already be there for another group (a hash shared by two numbers): both are kept.
    void insert(std::uint64_t key, std::uint32_t index);
  };
  struct Groups {
    KeyIndex by_key;
    std::vector<Group> list;
    EarliestCalls first_calls;
    std::string numbers;  // short calls: each group's digits, one after the other
  };
  // Off-hours calls counted per user and local day, the counts in the slot itself: one probe per call. A user-day
  // gets a Group (and keeps calls) only when it reaches the threshold, so the tens of thousands of user-days of one
  // or two calls a large report makes cost one slot each (core/CONTRACT.md "Usage flags": which calls are listed).
  struct DayCount {
    std::uint64_t key = 0;  // user index and local day
    std::int32_t calls = 0;  // 0: an empty slot
    std::uint32_t group_plus_one = 0;  // the user-day's Group in off_hours_ once it reached the threshold
    Money spend;
    std::uint32_t order = 0;  // the user-days seen before this one
  };
  struct DayCounts {
    std::vector<DayCount> slots;
    std::size_t used = 0;
    // Where the search for `key` starts; the slot of `key`: its own, or the empty one where it would go.
    std::size_t home(std::uint64_t key) const;
    DayCount& find(std::uint64_t key);
    void grow();
  };
  // The local day of a call outside business hours or at a weekend, kNotOffHours otherwise.
  int off_hours_day(const UsageCall& call) const;
  // An off-hours call is counted one call late: its slot, fetched by prepare(), has had a whole row's work to
  // arrive. finish() counts the last one.
  struct PendingOffHours {
    bool waiting = false;
    std::uint32_t user_index = 0;
    int local_day = 0;
    CallSample call;
  };
  void add_off_hours(const PendingOffHours& p);
  Group* group(Groups& groups, std::uint64_t key);
  Group* group(Groups& groups, std::string_view digits, int day);
  Group* make(Groups& groups);
  static void note(Groups& groups, Group& g, const UsageCall& call, Money spend, std::string_view number,
                   const std::string* user);
  static void note(Groups& groups, Group& g, const CallSample& call);
  // The groups of at least `min_calls` calls, costliest first (then most calls; otherwise in order of appearance).
  static std::vector<const Group*> by_spend(const Groups& groups, std::int64_t min_calls);

  UsageFlagSettings settings_;
  std::size_t longest_prefix_ = 0;  // digits of the longest premium prefix (at most 40)
  // The characters a premium prefix starts with: most numbers are told apart by their first digit, without
  // reading the rest of them for each prefix.
  std::array<bool, 256> premium_first_{};
  DayCounts off_hours_days_;
  PendingOffHours pending_off_hours_;
  Groups off_hours_;    // the user-days that reached the threshold
  Groups premium_;      // user index
  Groups long_calls_;   // user index
  Groups short_calls_;  // number and day
  std::array<CountrySeen, kCountryCount> countries_{};
  bool groups_full_ = false;  // a map reached its cap: said in the result
};

}  // namespace ccredits
