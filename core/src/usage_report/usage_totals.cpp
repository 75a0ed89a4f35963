// The aggregation of a usage report's calls (core/DOMAIN.md §7, §8).
#include "usage_report/usage_totals.hpp"

#include <algorithm>

#include "usage_report/text_hash.hpp"

namespace ccredits {
namespace {

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

int charge_use_case(UseCase u, std::string_view capability) {
  switch (u) {
    case UseCase::toll_free_in: return 0;
    case UseCase::conf_out: return 1;
    case UseCase::toll_in: return 4;
    default: break;
  }
  std::string upper_capability(capability.substr(0, 16));
  for (char& c : upper_capability) c = upper(c);
  return upper_capability.rfind("MCOPSTN_PAYG", 0) == 0 ? 3 : 2;
}

}  // namespace

UsageTotals::UserEntry* UsageTotals::find_user(std::string_view user, std::uint64_t hash) const {
  if (user_slots_.empty()) return nullptr;
  const std::size_t mask = user_slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const UserSlot& slot = user_slots_[i];
    if (!slot.entry) return nullptr;
    if (slot.hash == hash && std::string_view(slot.key, slot.key_size) == user) return slot.entry;
  }
}

void UsageTotals::expect_user(const UsageCall& call, std::uint64_t user_hash) {
  if (call.user.empty() || user_slots_.empty()) return;
  expected_user_ = call.user;
  expected_hash_ = user_hash;
}

void UsageTotals::prefetch_user_entry(std::uint64_t user_hash) const {
  if (user_slots_.empty()) return;
  // The user's first slot; the key text and the totals add() updates (a cache miss each on a large report) start
  // loading now. The entry's first bytes, its key's std::string, are not read per row.
  const UserSlot& slot = user_slots_[user_hash & (user_slots_.size() - 1)];
#if defined(__GNUC__) || defined(__clang__)
  if (slot.entry) {
    __builtin_prefetch(slot.key);
    __builtin_prefetch(&slot.entry->second.seconds);
    __builtin_prefetch(&slot.entry->second.costliest_floor);
  }
#endif
}

void UsageTotals::prefetch_user_slot([[maybe_unused]] std::uint64_t user_hash) const {
#if defined(__GNUC__) || defined(__clang__)
  if (!user_slots_.empty()) __builtin_prefetch(&user_slots_[user_hash & (user_slots_.size() - 1)]);
#endif
}

void UsageTotals::index_user(UserEntry& entry, std::uint64_t hash) {
  const auto place = [](std::vector<UserSlot>& slots, UserSlot slot) {
    const std::size_t mask = slots.size() - 1;
    std::size_t i = slot.hash & mask;
    while (slots[i].entry) i = (i + 1) & mask;
    slots[i] = slot;
  };
  if (users.size() * 2 > user_slots_.size()) {
    std::vector<UserSlot> grown(std::max<std::size_t>(64, user_slots_.size() * 2));
    for (const UserSlot& slot : user_slots_) {
      if (slot.entry) place(grown, slot);
    }
    user_slots_.swap(grown);
  }
  place(user_slots_, UserSlot{hash, &entry, entry.first.data(), entry.first.size()});
}

std::uint64_t ScenarioKey::packed() const {
  return static_cast<std::uint64_t>(use_case) | static_cast<std::uint64_t>(from) << 4 |
         static_cast<std::uint64_t>(place) << 14 | static_cast<std::uint64_t>(type) << 24 |
         static_cast<std::uint64_t>(service) << 26;
}

ScenarioKey ScenarioKey::unpack(std::uint64_t key) {
  return {static_cast<UseCase>(key & 0xF), static_cast<int>((key >> 4) & 0x3FF), static_cast<int>((key >> 14) & 0x3FF),
          static_cast<NumberType>((key >> 24) & 0x3), static_cast<Service>((key >> 26) & 0x3)};
}

UsageTotals::UsageTotals(const UsageImportSettings& s)
    : settings(s), by_location(kCountryCount + 1), by_destination(kCountryCount + 1) {}

void UsageTotals::skip(long line, std::string reason, const std::string& file) {
  ++skipped_count;
  if (skipped.size() < settings.max_skipped_listed) {
    json s = {{"line", line}, {"reason", std::move(reason)}};
    if (!file.empty()) s["file"] = file;
    skipped.push_back(std::move(s));
  }
}

void UsageTotals::add_failed(const UsageCall& call) {
  ++failed_calls;
  if (call.category == CallCategory::direct_routing) ++failed_direct_routing_calls;
}

bool UsageTotals::add(const UsageCall& call) {
  const auto uc = static_cast<std::size_t>(call.use_case);
  ++rows_used;
  if (rows_used == 1 || call.day < first_day) first_day = call.day;
  if (rows_used == 1 || call.day > last_day) last_day = call.day;
  by_use_case[uc].seconds += call.seconds;
  by_use_case[uc].calls += 1;

  // Direct Routing rows are counted but never priced: their carrier bills them.
  const Money spend = spend_of(call);
  bool main_currency = true;
  if (call.charged) {
    auto it = std::find_if(currencies.begin(), currencies.end(),
                           [&](const CurrencyTotals& t) { return t.currency == call.currency; });
    if (it == currencies.end()) {
      currencies.push_back(CurrencyTotals{std::string(call.currency), {}, {}, 0});
      it = currencies.end() - 1;
    }
    it->charge += call.charge;
    it->connection += call.connection;
    it->calls += 1;
    main_currency = it == currencies.begin();
  }
  DayTotals& d = by_day[call.day];
  d.seconds += call.seconds;
  d.calls += 1;
  if (call.charged && main_currency) {
    d.spend += spend;
    charges_by_use_case[static_cast<std::size_t>(charge_use_case(call.use_case, call.capability))] += spend;
  }

  by_location[static_cast<std::size_t>(call.location)][uc].seconds += call.seconds;
  by_location[static_cast<std::size_t>(call.location)][uc].calls += 1;

  // Users: a hash map capped at max_tracked_users distinct users (memory bounded by the cap, not the file).
  last_user_key = nullptr;
  last_user = nullptr;
  if (!call.user.empty()) {
    const bool expected = call.user.data() == expected_user_.data() && call.user.size() == expected_user_.size();
    const std::uint64_t hash = expected ? expected_hash_ : text_hash(call.user);
    expected_user_ = {};  // a later row's text may sit at the same address
    UserEntry* it = find_user(call.user, hash);
    if (!it && users.size() < settings.max_tracked_users) {
      UserTotals added;
      added.name = std::string(call.display_name);
      added.location = call.location;
      added.index = static_cast<std::uint32_t>(user_costliest.size());
      it = &*users.emplace(std::string(call.user), std::move(added)).first;
      index_user(*it, hash);
      if (settings.insights) user_costliest.emplace_back(CallList::Keep::costliest);
    }
    if (it) {
      it->second.seconds += call.seconds;
      it->second.calls += 1;
      last_user_key = &it->first;
      last_user = &it->second;
      if (call.charged && main_currency) {
        UserTotals& u = it->second;
        u.spend += spend;
        if (settings.insights && (!u.costliest_full || spend > u.costliest_floor)) {
          CallList& costliest = user_costliest[u.index];
          costliest.add(CallSample(call.day, call.minute, call.seconds, spend, last_user_key, call.destination_number));
          u.costliest_full = costliest.size() == kCallsListed;
          u.costliest_floor = costliest.last_kept_charge();
        }
      }
    } else {
      other_users.seconds += call.seconds;
      other_users.calls += 1;
    }
  }
  if (call.charged && main_currency && settings.insights && d.costliest.wants(call.day, call.minute, spend)) {
    d.costliest.add(CallSample(call.day, call.minute, call.seconds, spend, last_user_key, call.destination_number));
  }
  return call.charged && main_currency;
}

void UsageTotals::add_destination(const UsageCall& call, const CallDestination& d) {
  if (d.outbound && d.place != kUnknownCountry) {
    by_destination[static_cast<std::size_t>(d.place)][static_cast<std::size_t>(d.type)].seconds += call.seconds;
    by_destination[static_cast<std::size_t>(d.place)][static_cast<std::size_t>(d.type)].calls += 1;
  }
  if (d.place == kUnknownCountry || (call.use_case == UseCase::user_out && call.location == kUnknownCountry)) {
    ++unknown_destination_calls;
    return;
  }
  const Service service = call.use_case != UseCase::toll_free_in          ? Service::none
                          : call.category == CallCategory::conf_in ? Service::conferencing
                                                                   : Service::auto_attendant;
  const int from = call.use_case == UseCase::user_out ? call.location : 0;
  const ScenarioKey key{call.use_case, from, d.place, d.outbound ? d.type : NumberType::all, service};
  Totals& t = scenario[key.packed()];
  t.seconds += call.seconds;
  t.calls += 1;
}

}  // namespace ccredits
