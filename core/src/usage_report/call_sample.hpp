#pragma once
// A few calls kept to show what lies behind a figure (a flag's calls, a day's or a user's costliest calls): fixed
// size, copied only when a call enters the list, so that keeping them costs nothing per row otherwise.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ccredits/money.hpp"
#include "formats/json_input.hpp"

namespace ccredits {

// Small (48 bytes) because flags keep a few per user-day: the user is a pointer to the aggregation's user key
// (stable for the import's life; null for a user past the tracked users), the number its first 16 characters.
struct CallSample {
  std::int32_t day = 0;      // days since 1970-01-01 (UTC)
  std::int16_t minute = -1;  // minute of the UTC day, -1 when the Start Time has no time
  std::uint8_t number_size = 0;
  std::int32_t seconds = 0;  // at most a week (kMaxCallSeconds)
  Money charge;  // spend in the report's first currency (0 for a call without a charge)
  const std::string* user = nullptr;
  std::array<char, 16> number{};

  CallSample() = default;
  CallSample(int day, int minute, std::int64_t seconds, Money charge, const std::string* user, std::string_view number);
  std::string_view user_view() const { return user ? std::string_view(*user) : std::string_view(); }
  std::string_view number_view() const { return {number.data(), number_size}; }
  bool earlier_than(const CallSample& o) const { return day != o.day ? day < o.day : minute < o.minute; }
  // {"time": "2026-10-03 02:14 UTC", "user", "number", "minutes", "charge"}
  json to_json() const;
};

// The calls a list shows at most.
inline constexpr std::size_t kCallsListed = 5;

// The earliest (by Start Time) or the costliest calls seen, at most kCallsListed, whatever the order of the rows.
class CallList {
 public:
  enum class Keep { earliest, costliest };
  explicit CallList(Keep keep = Keep::earliest) : keep_(keep) {}
  // Whether a call would enter the list (cheap: check before building its CallSample).
  bool wants(int day, int minute, Money charge) const;
  void add(const CallSample& call);
  std::size_t size() const { return size_; }
  // The charge of the last call kept (when full: what a call must beat to enter a costliest list).
  Money last_kept_charge() const { return last_charge_; }
  // In time order (earliest) or from the costliest down.
  json to_json() const;

 private:
  bool before(const CallSample& a, const CallSample& b) const;
  // What wants() reads comes first, so that turning a call away touches one cache line of the list: a million-row
  // report asks a user's or a day's list for nearly every charged call.
  Keep keep_;
  std::uint8_t size_ = 0;
  std::int16_t last_minute_ = 0;  // the last call kept (when full: the one a new call must beat)
  std::int32_t last_day_ = 0;
  Money last_charge_;
  std::array<CallSample, kCallsListed> calls_{};
};

// The earliest calls (by Start Time, at most kCallsListed) of many groups at once, kept in one pool: a group holds
// only a head, and takes one pooled call per call it has seen up to kCallsListed. A group of one call costs one
// pooled call instead of a whole CallList, which matters where most groups stay small (the off-hours user-days and
// the short calls' number-days of a million-row report). The same calls as CallList(Keep::earliest) would keep.
class EarliestCalls {
 public:
  struct Head {
    std::uint32_t first = kNone;  // the pooled call that is earliest, kNone when empty
    std::int32_t last_day = 0;    // the latest call kept, so that a full list turns calls away without the pool
    std::int16_t last_minute = 0;
    std::uint8_t size = 0;
  };
  bool wants(const Head& head, int day, int minute) const;
  void add(Head& head, const CallSample& call);
  // In time order, as CallList::to_json.
  json to_json(const Head& head) const;

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  struct Node {
    CallSample call;
    std::uint32_t next = kNone;
  };
  std::vector<Node> nodes_;
};

}  // namespace ccredits
