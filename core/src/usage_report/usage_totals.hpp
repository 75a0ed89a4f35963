#pragma once
// The aggregation of a usage report's calls (core/DOMAIN.md §7, §8): counts, minutes and spend per use case,
// currency, day, user location, destination, user and scenario row. Memory is bounded by countries, days and a
// capped user table, never by the file.
#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ccredits/money.hpp"
#include "ccredits/usage_import.hpp"
#include "formats/json_input.hpp"
#include "usage_report/call_rerating.hpp"
#include "usage_report/call_sample.hpp"
#include "usage_report/usage_call.hpp"

namespace ccredits {

// The estimate's use cases (rating/estimate.hpp kUseCases, in that order) a charge is counted under: outbound calls
// of a Pay-As-You-Go licence (Capability MCOPSTN_PAYG_*) are payg_outbound, other charged outbound calls overage
// of a Calling Plan; meeting dial-out, toll-free and toll dial-in (pay-per-minute conferencing) as DOMAIN.md §2.
inline constexpr const char* kChargeUseCases[kChargeUseCaseCount] = {
    "toll_free", "conference_dial_out", "calling_plan_overage", "payg_outbound", "pay_per_minute_conferencing"};

// The service a toll-free number answers (scenario rows of kind toll_free_in).
enum class Service { none = 0, conferencing, auto_attendant };

// A scenario row's identity packed in one integer: use case, origin, destination or number country, number type,
// service.
struct ScenarioKey {
  UseCase use_case;
  int from;
  int place;
  NumberType type;
  Service service;
  std::uint64_t packed() const;
  static ScenarioKey unpack(std::uint64_t key);
};

struct UsageTotals {
  struct Totals {
    std::int64_t seconds = 0;
    std::int64_t calls = 0;
  };
  struct DayTotals {
    std::int64_t seconds = 0;
    std::int64_t calls = 0;
    Money spend;  // in the report's first currency
    CallList costliest{CallList::Keep::costliest};  // shown behind a day spend flag
  };
  struct UserTotals {
    std::string name;
    int location = 0;  // country index of the first call's User Location
    std::int64_t seconds = 0;
    std::int64_t calls = 0;
    Money spend;  // in the report's first currency
    std::uint32_t index = 0;  // order of first appearance: user_costliest[index]
    // What a charge must beat to enter user_costliest[index] once it is full, kept here beside the spend the row
    // has just added to, so that most rows do not read the list at all.
    bool costliest_full = false;
    Money costliest_floor;
  };
  struct CurrencyTotals {
    std::string currency;
    Money charge;
    Money connection;
    std::int64_t calls = 0;
  };

  explicit UsageTotals(const UsageImportSettings& settings);

  // A data row was read (whatever becomes of it).
  void count_row() { ++rows; }
  void skip(long line, std::string reason, const std::string& file);
  void add_failed(const UsageCall& call);
  // The call add() is given next and its user's hash, text_hash(call.user), which add() then reuses instead of
  // hashing the text again.
  void expect_user(const UsageCall& call, std::uint64_t user_hash);
  // Start fetching a user's memory from the user table, so that add() finds it in cache: the entry the user's slot
  // points at (and the key's text), with other work between this and add() (a row read in place: its destination);
  // for rows read ahead on another thread and summed here (files/parallel_usage_import.hpp), the slot some rows
  // before the row is summed and the entry a few rows later, when the slot has arrived.
  void prefetch_user_slot(std::uint64_t user_hash) const;
  void prefetch_user_entry(std::uint64_t user_hash) const;
  // Adds a call to the totals; returns whether its spend counts in the report's first currency (the currency of
  // per-day spend, per-user spend and learned rates).
  bool add(const UsageCall& call);
  // Adds a call of a scenario use case to its destination and scenario row.
  void add_destination(const UsageCall& call, const CallDestination& destination);

  // The spend of a call (core/DOMAIN.md §8 setting: Charge + Connection Fee unless the Charge already holds the fee).
  Money spend_of(const UsageCall& call) const {
    return settings.charge_includes_connection_fee ? call.charge : call.charge + call.connection;
  }
  // Days from the first to the last call, 0 without calls.
  int days() const { return rows_used > 0 ? last_day - first_day + 1 : 0; }

  UsageImportSettings settings;
  std::int64_t rows = 0;
  std::int64_t rows_used = 0;
  std::vector<json> skipped;  // the first max_skipped_listed
  std::int64_t skipped_count = 0;
  int first_day = 0, last_day = 0;  // days since 1970-01-01
  std::array<Totals, kUseCaseCount> by_use_case{};
  std::vector<CurrencyTotals> currencies;  // in order of first appearance: the first is the report's currency
  std::unordered_map<int, DayTotals> by_day;
  // Per user location (country index, kUnknownCountry included) and use case; per destination country and number type.
  std::vector<std::array<Totals, kUseCaseCount>> by_location;
  std::vector<std::array<Totals, 4>> by_destination;
  std::unordered_map<std::string, UserTotals> users;
  // The costliest calls of each tracked user, shown behind a user spend flag (apart from the user table so that its
  // nodes stay small and the per-row lookup fast). A deque: a new user does not copy every user's list, as a
  // vector's growth would.
  std::deque<CallList> user_costliest;
  // The user of the call last added (null when the call has no user or its user is past the cap): its key is
  // stable while the import lives, and flags refer to it.
  const std::string* last_user_key = nullptr;
  const UserTotals* last_user = nullptr;
  Totals other_users;
  // Scenario rows: ScenarioKey::packed() -> totals.
  std::unordered_map<std::uint64_t, Totals> scenario;
  // Spend in the report's first currency per estimate use case (kChargeUseCases order).
  std::array<Money, kChargeUseCaseCount> charges_by_use_case{};
  std::int64_t unknown_destination_calls = 0;
  std::int64_t failed_calls = 0;  // rows whose Success says No: calls that did not connect
  std::int64_t failed_direct_routing_calls = 0;

 private:
  using UserEntry = std::pair<const std::string, UserTotals>;
  // The user table's entry for `user`, or null; `hash` is text_hash(user).
  UserEntry* find_user(std::string_view user, std::uint64_t hash) const;
  void index_user(UserEntry& entry, std::uint64_t hash);

  // An open-addressed index in front of `users` (power-of-two size, at most half full): a row's user is found by
  // one hash of its text and, mostly, one slot, without copying the text into a key or walking the map's buckets.
  // `users` keeps the entries and their order; the index only points at them.
  // The slot also points at the key's text (a map's key never moves), so that prefetch_user_entry() can start loading
  // both the entry and the text from the slot alone, without waiting for the entry to arrive.
  struct UserSlot {
    std::uint64_t hash = 0;
    UserEntry* entry = nullptr;
    const char* key = nullptr;
    std::size_t key_size = 0;
  };
  std::vector<UserSlot> user_slots_;
  // The user expect_user() was given and its hash, which add() then reuses.
  std::string_view expected_user_;
  std::uint64_t expected_hash_ = 0;
};

}  // namespace ccredits
