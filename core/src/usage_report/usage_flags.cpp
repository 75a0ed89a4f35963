// Toll-fraud and anomaly flags (core/CONTRACT.md "Usage flags").
#include "usage_report/usage_flags.hpp"

#include <algorithm>
#include <vector>

#include "ccredits/error.hpp"
#include "numbers/text.hpp"
#include "usage_report/text_hash.hpp"
#include "usage_report/usage_totals.hpp"

namespace ccredits {
namespace {

// Distinct groups (user-days, users, number-days) each flag kind tells apart: memory stays bounded whatever the file.
constexpr std::size_t kMaxGroups = 50000;

struct Link {
  const char* title;
  const char* url;
};
// Microsoft's pages for the settings an admin changes after a flag (titles as Microsoft gives them).
constexpr Link kOutboundRestriction = {"Outbound calling restriction policies for Audio Conferencing and user PSTN calls",
                                       "https://learn.microsoft.com/en-us/microsoftteams/outbound-calling-restriction-policies"};
constexpr Link kCallingPolicies = {"Calling policies in Teams",
                                   "https://learn.microsoft.com/en-us/microsoftteams/teams-calling-policy"};
constexpr Link kDialPlans = {"Create and manage dial plans",
                             "https://learn.microsoft.com/en-us/microsoftteams/create-and-manage-dial-plans"};
constexpr Link kSpendLimits = {"Set-CsTeamsCallingPolicy",
                               "https://learn.microsoft.com/en-us/powershell/module/teams/set-csteamscallingpolicy"};

json links(std::initializer_list<Link> list) {
  json out = json::array();
  for (const Link& l : list) out.push_back({{"title", l.title}, {"url", l.url}});
  return out;
}

const char* const kCheckAccount =
    "Check that the account is used by its owner (reset its password and review its sign-ins if not)";

bool is_outbound(UseCase u) { return u == UseCase::user_out || u == UseCase::conf_out; }

int floor_div(int a, int b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

std::string plural(std::int64_t n, const char* word) {
  return grouped_digits(std::to_string(n)) + " " + word + (n == 1 ? "" : "s");
}

json flag(const char* kind, const json& account, std::string why, std::string figure, std::string threshold,
          json calls, std::int64_t calls_total, std::string advice, json see) {
  return {{"kind", kind},
          {"account", account},
          {"why", std::move(why)},
          {"figure", std::move(figure)},
          {"threshold", std::move(threshold)},
          {"calls", std::move(calls)},
          {"calls_total", calls_total},
          {"advice", std::move(advice)},
          {"see", std::move(see)}};
}

// The dialable digits of `number` (digits, '*', 'x'; other characters skipped), at most `limit` of them: read once
// per call and compared with every premium prefix, as far as the longest one.
std::string_view leading_digits(std::string_view number, std::size_t limit, std::array<char, 40>& buffer) {
  std::size_t size = 0;
  for (char c : number) {
    if (size == limit) break;
    if ((c >= '0' && c <= '9') || c == '*' || c == 'x' || c == 'X') buffer[size++] = c;
  }
  return {buffer.data(), size};
}

// The first dialable character of `number` (as leading_digits reads them), '\0' if none.
char first_dialable(std::string_view number) {
  for (char c : number) {
    if ((c >= '0' && c <= '9') || c == '*' || c == 'x' || c == 'X') return c;
  }
  return '\0';
}

// Whether `lead` starts with `prefix`, compared in place: a library comparison is a call per prefix and per row.
bool starts_with(std::string_view lead, std::string_view prefix) {
  if (prefix.empty() || prefix.size() > lead.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lead[i] != prefix[i]) return false;
  }
  return true;
}

// Median of amounts (the lower middle for an even count: no averaging, so it stays an amount of the report).
Money median(std::vector<Money> values) {
  if (values.empty()) return Money();
  const auto mid = values.begin() + static_cast<std::ptrdiff_t>((values.size() - 1) / 2);
  std::nth_element(values.begin(), mid, values.end());
  return *mid;
}

}  // namespace

UsageFlags::UsageFlags(const UsageFlagSettings& settings) : settings_(settings) {
  for (CountrySeen& c : countries_) c.first_day = -1;
  // A prefix longer than a number's digits can hold never matches.
  for (const std::string& p : settings_.premium_prefixes) {
    if (p.empty() || p.size() > 40) continue;
    longest_prefix_ = std::max(longest_prefix_, p.size());
    premium_first_[static_cast<unsigned char>(p.front())] = true;
  }
}

int UsageFlags::off_hours_day(const UsageCall& call) const {
  // Outside business hours or at a weekend, in the tenant's local time.
  const int local = call.day * 1440 + std::max(call.minute, 0) + settings_.utc_offset_minutes;
  const int local_day = floor_div(local, 1440);
  const int local_minute = local - local_day * 1440;
  int weekday = (local_day + 4) % 7;  // 1970-01-01 was a Thursday; 0 = Sunday
  if (weekday < 0) weekday += 7;
  const bool weekend = weekday == 0 || weekday == 6;
  const bool off_hours = weekend || (call.minute >= 0 && (local_minute < settings_.business_start_hour * 60 ||
                                                          local_minute >= settings_.business_end_hour * 60));
  return off_hours ? local_day : kNotOffHours;
}

int UsageFlags::prepare(const UsageCall& call, std::uint32_t user_index) const {
  if (!is_outbound(call.use_case)) return kNotOffHours;
  const int local_day = off_hours_day(call);
  if (local_day == kNotOffHours || off_hours_days_.slots.empty()) return local_day;
  const std::uint64_t key = std::uint64_t{user_index} << 32 | static_cast<std::uint32_t>(local_day);
  // Only a hint: a slot moved by a later grow() is found again by find().
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(&off_hours_days_.slots[off_hours_days_.home(key)], 1);
#endif
  return local_day;
}

std::size_t UsageFlags::DayCounts::home(std::uint64_t key) const {
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & (slots.size() - 1);
}

UsageFlags::DayCount& UsageFlags::DayCounts::find(std::uint64_t key) {
  const std::size_t mask = slots.size() - 1;
  std::size_t at = home(key);
  while (slots[at].calls != 0 && slots[at].key != key) at = (at + 1) & mask;
  return slots[at];
}

void UsageFlags::DayCounts::grow() {
  std::vector<DayCount> old = std::move(slots);
  slots.assign(std::max<std::size_t>(4096, old.size() * 2), DayCount{});
  for (const DayCount& d : old) {
    if (d.calls != 0) find(d.key) = d;
  }
}

void UsageFlags::add_off_hours(const PendingOffHours& p) {
  // At most three quarters full: probes stay short while the slots stay few.
  if ((off_hours_days_.used + 1) * 4 > off_hours_days_.slots.size() * 3) off_hours_days_.grow();
  const std::uint64_t key = std::uint64_t{p.user_index} << 32 | static_cast<std::uint32_t>(p.local_day);
  DayCount& d = off_hours_days_.find(key);
  if (d.calls == 0) {
    if (off_hours_days_.used >= kMaxGroups) {
      groups_full_ = true;
      return;
    }
    d.key = key;
    d.order = static_cast<std::uint32_t>(off_hours_days_.used++);
  }
  if (d.group_plus_one != 0) {
    note(off_hours_, off_hours_.list[d.group_plus_one - 1], p.call);
    return;
  }
  ++d.calls;
  d.spend += p.call.charge;
  if (d.calls < settings_.off_hours_calls_per_day) return;
  // The call that reaches the threshold: the user-day becomes a group, which keeps its calls from this one on.
  d.group_plus_one = static_cast<std::uint32_t>(off_hours_.list.size()) + 1;
  Group& g = off_hours_.list.emplace_back();
  g.user = p.call.user;
  g.day = p.local_day;
  g.order = d.order;
  g.calls = d.calls - 1;
  g.spend = d.spend - p.call.charge;
  note(off_hours_, g, p.call);
}

void UsageFlags::finish() {
  if (pending_off_hours_.waiting) add_off_hours(pending_off_hours_);
  pending_off_hours_.waiting = false;
}

UsageFlags::Group* UsageFlags::make(Groups& groups) {
  if (groups.list.size() >= kMaxGroups) {
    groups_full_ = true;
    return nullptr;
  }
  const auto order = static_cast<std::uint32_t>(groups.list.size());
  groups.list.emplace_back().order = order;
  return &groups.list.back();
}

namespace {
std::size_t key_home(std::uint64_t key, std::size_t mask) {
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
}
}  // namespace

template <typename Same>
std::uint32_t UsageFlags::KeyIndex::find(std::uint64_t key, Same&& same) const {
  if (slots.empty()) return 0;
  const std::size_t mask = slots.size() - 1;
  for (std::size_t at = key_home(key, mask); slots[at].index_plus_one != 0; at = (at + 1) & mask) {
    if (slots[at].key == key && same(slots[at].index_plus_one - 1)) return slots[at].index_plus_one;
  }
  return 0;
}

void UsageFlags::KeyIndex::insert(std::uint64_t key, std::uint32_t index) {
  const auto place = [](std::vector<Slot>& into, const Slot& slot) {
    const std::size_t mask = into.size() - 1;
    std::size_t at = key_home(slot.key, mask);
    while (into[at].index_plus_one != 0) at = (at + 1) & mask;
    into[at] = slot;
  };
  if ((used + 1) * 2 > slots.size()) {  // at most half full: probes stay short
    std::vector<Slot> grown(std::max<std::size_t>(1024, slots.size() * 2));
    for (const Slot& s : slots) {
      if (s.index_plus_one != 0) place(grown, s);
    }
    slots.swap(grown);
  }
  place(slots, Slot{key, index + 1});
  ++used;
}

UsageFlags::Group* UsageFlags::group(Groups& groups, std::uint64_t key) {
  const std::uint32_t found = groups.by_key.find(key, [](std::uint32_t) { return true; });
  if (found != 0) return &groups.list[found - 1];
  const auto index = static_cast<std::uint32_t>(groups.list.size());
  Group* g = make(groups);
  if (g) groups.by_key.insert(key, index);
  return g;
}

UsageFlags::Group* UsageFlags::group(Groups& groups, std::string_view digits, int day) {
  const std::uint64_t key = text_hash(digits) ^ static_cast<std::uint32_t>(day);
  const std::uint32_t found = groups.by_key.find(key, [&](std::uint32_t index) {
    const Group& g = groups.list[index];
    return g.day == day && std::string_view(groups.numbers).substr(g.number_at, g.number_size) == digits;
  });
  if (found != 0) return &groups.list[found - 1];
  const auto index = static_cast<std::uint32_t>(groups.list.size());
  Group* g = make(groups);
  if (!g) return nullptr;
  g->day = day;
  g->number_at = static_cast<std::uint32_t>(groups.numbers.size());
  g->number_size = static_cast<std::uint8_t>(digits.size());
  groups.numbers.append(digits);
  groups.by_key.insert(key, index);
  return g;
}

void UsageFlags::note(Groups& groups, Group& g, const UsageCall& call, Money spend, std::string_view number,
                      const std::string* user) {
  ++g.calls;
  g.seconds += call.seconds;
  g.spend += spend;
  if (groups.first_calls.wants(g.first, call.day, call.minute)) {
    groups.first_calls.add(g.first, CallSample(call.day, call.minute, call.seconds, spend, user, number));
  }
}

void UsageFlags::note(Groups& groups, Group& g, const CallSample& call) {
  ++g.calls;
  g.seconds += call.seconds;
  g.spend += call.charge;
  if (groups.first_calls.wants(g.first, call.day, call.minute)) groups.first_calls.add(g.first, call);
}

std::vector<const UsageFlags::Group*> UsageFlags::by_spend(const Groups& groups, std::int64_t min_calls) {
  // Only the groups that raise a flag are sorted: most off-hours user-days and short-call number-days stay below.
  std::vector<const Group*> list;
  for (const Group& g : groups.list) {
    if (g.calls >= min_calls) list.push_back(&g);
  }
  std::sort(list.begin(), list.end(), [](const Group* a, const Group* b) {
    if (a->spend != b->spend) return a->spend > b->spend;
    if (a->calls != b->calls) return a->calls > b->calls;
    return a->order < b->order;
  });
  return list;
}

void UsageFlags::add(const UsageCall& call, Money spend, const CallDestination* destination,
                     const std::string* user, std::uint32_t user_index, int local_day) {
  if (!is_outbound(call.use_case)) return;
  const std::string_view number = call.destination_number;

  if (pending_off_hours_.waiting) add_off_hours(pending_off_hours_);
  pending_off_hours_.waiting = local_day != kNotOffHours && user;
  if (pending_off_hours_.waiting) {
    pending_off_hours_.user_index = user_index;
    pending_off_hours_.local_day = local_day;
    pending_off_hours_.call = CallSample(call.day, call.minute, call.seconds, spend, user, number);
  }

  // Premium, satellite and international-network numbers, or a high rate per minute.
  bool premium = false;
  if (premium_first_[static_cast<unsigned char>(first_dialable(number))]) {
    std::array<char, 40> lead_buffer;
    const std::string_view lead = leading_digits(number, longest_prefix_, lead_buffer);
    for (const std::string& prefix : settings_.premium_prefixes) {
      if (starts_with(lead, prefix)) {
        premium = true;
        break;
      }
    }
  }
  Money rate;
  if (destination && destination->rate) {
    rate = destination->rate->per_minute;
  } else if (spend.micros() > 0 && call.seconds > 0) {
    rate = spend.scaled(60, call.seconds);  // what the call cost per minute of its duration
  }
  if ((premium || rate >= settings_.high_rate_per_minute) && user) {
    if (Group* g = group(premium_, user_index)) {
      g->user = user;
      note(premium_, *g, call, spend, number, user);
      g->highest_rate = std::max(g->highest_rate, rate);
    }
  }

  if (call.seconds >= std::int64_t{settings_.long_call_minutes} * 60 && user) {
    if (Group* g = group(long_calls_, user_index)) {
      g->user = user;
      note(long_calls_, *g, call, spend, number, user);
    }
  }
  if (call.seconds <= settings_.short_call_seconds) {
    std::array<char, 40> buffer;
    const std::string_view digits = number_digits(number, buffer);
    if (!digits.empty()) {
      if (Group* g = group(short_calls_, digits, call.day)) note(short_calls_, *g, call, spend, number, user);
    }
  }

  if (destination && destination->place != kUnknownCountry && destination->place < kCountryCount) {
    CountrySeen& c = countries_[static_cast<std::size_t>(destination->place)];
    if (c.first_day < 0 || call.day < c.first_day || (call.day == c.first_day && call.minute < c.first_minute)) {
      c.first_day = call.day;
      c.first_minute = call.minute;
    }
    ++c.calls;
    c.spend += spend;
    if (c.first.wants(call.day, call.minute, spend)) {
      c.first.add(CallSample(call.day, call.minute, call.seconds, spend, user, number));
    }
  }
}

json UsageFlags::to_json(const UsageTotals& totals) const {
  const UsageFlagSettings& s = settings_;
  const std::string currency = totals.currencies.empty() ? "" : " " + totals.currencies.front().currency;
  const std::string restrict_advice =
      std::string(kCheckAccount) +
      ", and restrict international or premium dialling for it with an outbound calling restriction policy, or "
      "block the numbers with a dial plan.";
  json flags = json::array();
  for (const Group* entry : by_spend(off_hours_, s.off_hours_calls_per_day)) {
    const Group& g = *entry;
    const std::string user = *g.user, day = iso_date(g.day);
    flags.push_back(flag(
        "off_hours_burst", user,
        user + " made " + plural(g.calls, "outbound call") + " on " + day +
            " outside business hours (" + std::to_string(s.business_start_hour) + ":00 to " +
            std::to_string(s.business_end_hour) + ":00, Monday to Friday): a burst like this is typical of a "
            "compromised account used for toll fraud.",
        plural(g.calls, "call") + " in one day, costing" + currency + " " + money_in_words(g.spend),
        std::to_string(s.off_hours_calls_per_day) + " calls outside business hours in one day",
        off_hours_.first_calls.to_json(g.first), g.calls,
        restrict_advice, links({kOutboundRestriction, kCallingPolicies})));
  }

  for (const Group* entry : by_spend(premium_, 1)) {
    const Group& g = *entry;
    flags.push_back(flag(
        "premium_destination", *g.user,
        *g.user + " called premium-rate, satellite or high-cost numbers " + plural(g.calls, "time") +
            ": such numbers are where toll fraud sends its calls.",
        plural(g.calls, "call") + ", costing" + currency + " " + money_in_words(g.spend) +
            (g.highest_rate.micros() > 0 ? ", up to" + currency + " " + money_in_words(g.highest_rate) + " a minute"
                                         : std::string()),
        "any call to a number starting +" + [&] {
          std::string list;
          for (const std::string& p : s.premium_prefixes) list += (list.empty() ? "" : ", +") + p;
          return list;
        }() + ", or a rate of" + currency + " " + money_in_words(s.high_rate_per_minute) + " a minute or more",
        premium_.first_calls.to_json(g.first), g.calls, restrict_advice, links({kOutboundRestriction, kDialPlans})));
  }

  // A user's spend against their peers': the median spend of the users who spent anything.
  std::vector<Money> spends;
  for (const auto& [key, u] : totals.users) {
    if (u.spend.micros() > 0) spends.push_back(u.spend);
  }
  if (static_cast<int>(spends.size()) >= s.user_spend_min_peers) {
    const Money peer = median(spends);
    const Money limit = std::max(peer.times(s.user_spend_factor), s.user_spend_minimum);
    std::vector<const std::pair<const std::string, UsageTotals::UserTotals>*> high;
    for (const auto& u : totals.users) {
      if (u.second.spend > limit) high.push_back(&u);
    }
    std::sort(high.begin(), high.end(), [](const auto* a, const auto* b) {
      return a->second.spend != b->second.spend ? a->second.spend > b->second.spend : a->first < b->first;
    });
    for (const auto* u : high) {
      flags.push_back(flag(
          "user_spend", u->first,
          u->first + " spent" + currency + " " + money_in_words(u->second.spend) + ", more than " +
              std::to_string(s.user_spend_factor) + " times what a typical user who pays for calls spent (" +
              currency.substr(currency.empty() ? 0 : 1) + " " + money_in_words(peer) + ", the median of " +
              plural(static_cast<std::int64_t>(spends.size()), "user") + "). The costliest calls are listed.",
          currency.substr(currency.empty() ? 0 : 1) + " " + money_in_words(u->second.spend),
          currency.substr(currency.empty() ? 0 : 1) + " " + money_in_words(limit) + " (" +
              std::to_string(s.user_spend_factor) + " times the median user, at least " +
              money_in_words(s.user_spend_minimum) + ")",
          totals.user_costliest[u->second.index].to_json(), u->second.calls,
          std::string(kCheckAccount) + ". If the calls are expected, set a spend limit for the user in a calling "
          "policy; if not, restrict the account's international dialling.",
          links({kSpendLimits, kOutboundRestriction})));
    }
  }

  // Destination countries first called after the report's first days.
  if (totals.days() > s.new_country_baseline_days) {
    const int known_until = totals.first_day + s.new_country_baseline_days;
    std::vector<int> late;
    for (int i = 0; i < kCountryCount; ++i) {
      if (countries_[static_cast<std::size_t>(i)].first_day >= known_until) late.push_back(i);
    }
    std::sort(late.begin(), late.end(), [&](int a, int b) {
      const CountrySeen& x = countries_[static_cast<std::size_t>(a)];
      const CountrySeen& y = countries_[static_cast<std::size_t>(b)];
      return x.spend != y.spend ? x.spend > y.spend : a < b;
    });
    for (int i : late) {
      const CountrySeen& c = countries_[static_cast<std::size_t>(i)];
      const std::string code = country_code(i);
      const std::string first_user = c.first.size() > 0 ? std::string(c.first.to_json()[0]["user"]) : "";
      flags.push_back(flag(
          "new_destination_country", first_user.empty() ? json(nullptr) : json(first_user),
          "Calls to " + code + " start on " + iso_date(c.first_day) + ": no one called " + code + " in the first " +
              plural(s.new_country_baseline_days, "day") + " of the report (" + iso_date(totals.first_day) +
              " onwards), so it is new for the tenant.",
          plural(c.calls, "call") + " to " + code + ", costing" + currency + " " + money_in_words(c.spend),
          "a country not called in the first " + plural(s.new_country_baseline_days, "day"), c.first.to_json(), c.calls,
          "Check that the calls to " + code + " are business calls. " + restrict_advice,
          links({kOutboundRestriction, kDialPlans})));
    }
  }

  for (const Group* entry : by_spend(long_calls_, 1)) {
    const Group& g = *entry;
    flags.push_back(flag(
        "long_call", *g.user,
        *g.user + " made " + plural(g.calls, "outbound call") + " of " + std::to_string(s.long_call_minutes) +
            " minutes or more: a call left open for hours is a sign of a line used by someone else.",
        plural(g.calls, "call") + ", " + minutes_json(Minutes::from_seconds(g.seconds)).dump() +
            " minutes in all, costing" + currency + " " + money_in_words(g.spend),
        std::to_string(s.long_call_minutes) + " minutes for one call", long_calls_.first_calls.to_json(g.first), g.calls,
        restrict_advice,
        links({kOutboundRestriction, kCallingPolicies})));
  }

  for (const Group* entry : by_spend(short_calls_, s.short_calls_to_one_number)) {
    const Group& g = *entry;
    const std::string number = short_calls_.numbers.substr(g.number_at, g.number_size), day = iso_date(g.day);
    json calls = short_calls_.first_calls.to_json(g.first);
    const std::string first_user = calls.empty() ? "" : std::string(calls[0]["user"]);
    flags.push_back(flag(
        "short_calls_to_one_number", first_user.empty() ? json(nullptr) : json(first_user),
        plural(g.calls, "call") + " of " + std::to_string(s.short_call_seconds) + " seconds or less went to +" +
            number + " on " + day + ": many short calls to one number are typical of automated dialling.",
        plural(g.calls, "short call") + " to one number in one day",
        std::to_string(s.short_calls_to_one_number) + " short calls to one number in one day", std::move(calls), g.calls,
        restrict_advice, links({kOutboundRestriction, kDialPlans})));
  }

  // A day far above the period's usual day: the median day (days without calls count as zero).
  if (totals.days() >= 7 && !totals.currencies.empty()) {
    std::vector<Money> days;
    for (int d = totals.first_day; d <= totals.last_day; ++d) {
      auto it = totals.by_day.find(d);
      days.push_back(it == totals.by_day.end() ? Money() : it->second.spend);
    }
    const Money usual = median(days);
    const Money limit = std::max(usual.times(s.day_spend_factor), s.day_spend_minimum);
    std::vector<int> high;
    for (int d = totals.first_day; d <= totals.last_day; ++d) {
      auto it = totals.by_day.find(d);
      if (it != totals.by_day.end() && it->second.spend > limit) high.push_back(d);
    }
    for (int d : high) {
      const UsageTotals::DayTotals& t = totals.by_day.at(d);
      flags.push_back(flag(
          "day_spend", nullptr,
          "The calls of " + iso_date(d) + " cost" + currency + " " + money_in_words(t.spend) + ", more than " +
              std::to_string(s.day_spend_factor) + " times the usual day of the report (" +
              currency.substr(currency.empty() ? 0 : 1) + " " + money_in_words(usual) +
              ", the median day). The costliest calls of the day are listed.",
          currency.substr(currency.empty() ? 0 : 1) + " " + money_in_words(t.spend),
          currency.substr(currency.empty() ? 0 : 1) + " " + money_in_words(limit) + " (" +
              std::to_string(s.day_spend_factor) + " times the median day, at least " +
              money_in_words(s.day_spend_minimum) + ")",
          t.costliest.to_json(), t.calls,
          "Look at the accounts behind the costliest calls of that day. " + restrict_advice,
          links({kOutboundRestriction, kSpendLimits})));
    }
  }
  return flags;
}

json UsageFlags::settings_json() const {
  const UsageFlagSettings& s = settings_;
  json prefixes = json::array();
  for (const std::string& p : s.premium_prefixes) prefixes.push_back(p);
  json out = {{"utc_offset_minutes", s.utc_offset_minutes},
              {"business_start_hour", s.business_start_hour},
              {"business_end_hour", s.business_end_hour},
              {"off_hours_calls_per_day", s.off_hours_calls_per_day},
              {"premium_prefixes", prefixes},
              {"high_rate_per_minute", s.high_rate_per_minute.to_exact_string()},
              {"user_spend_factor", s.user_spend_factor},
              {"user_spend_minimum", s.user_spend_minimum.to_exact_string()},
              {"user_spend_min_peers", s.user_spend_min_peers},
              {"new_country_baseline_days", s.new_country_baseline_days},
              {"long_call_minutes", s.long_call_minutes},
              {"short_call_seconds", s.short_call_seconds},
              {"short_calls_to_one_number", s.short_calls_to_one_number},
              {"day_spend_factor", s.day_spend_factor},
              {"day_spend_minimum", s.day_spend_minimum.to_exact_string()}};
  if (groups_full_) {
    out["note"] = "More than " + std::to_string(kMaxGroups) +
                  " users, days or numbers were candidates for one kind of flag: the ones past that count were not "
                  "checked.";
  }
  return out;
}

void read_usage_flag_settings(std::string_view text, UsageFlagSettings& s, const std::string& file) {
  const json object = parse_json(text, file);
  if (!object.is_object()) {
    throw InputError("usage_flag_settings", "The flag settings should be a JSON object of thresholds.", file);
  }
  auto bad = [&](const std::string& key, const std::string& want) {
    return InputError("usage_flag_settings", "Flag setting \"" + key + "\" should be " + want + ".", file);
  };
  for (auto it = object.begin(); it != object.end(); ++it) {
    const std::string& key = it.key();
    const json& v = it.value();
    auto whole = [&](int& target, int low, int high) {
      if (!v.is_number_integer() || v.get<long long>() < low || v.get<long long>() > high) {
        throw bad(key, "a whole number from " + std::to_string(low) + " to " + std::to_string(high));
      }
      target = v.get<int>();
    };
    auto amount = [&](Money& target) {
      if (!v.is_string()) throw bad(key, "an amount as a decimal string, e.g. \"50.00\"");
      try {
        target = Money::parse(v.get<std::string>(), key);
      } catch (const InputError&) {
        throw bad(key, "an amount as a decimal string, e.g. \"50.00\"");
      }
      if (target.is_negative()) throw bad(key, "an amount of zero or more");
    };
    if (key == "utc_offset_minutes") whole(s.utc_offset_minutes, -14 * 60, 14 * 60);
    else if (key == "business_start_hour") whole(s.business_start_hour, 0, 24);
    else if (key == "business_end_hour") whole(s.business_end_hour, 0, 24);
    else if (key == "off_hours_calls_per_day") whole(s.off_hours_calls_per_day, 1, 1000000);
    else if (key == "high_rate_per_minute") amount(s.high_rate_per_minute);
    else if (key == "user_spend_factor") whole(s.user_spend_factor, 1, 1000);
    else if (key == "user_spend_minimum") amount(s.user_spend_minimum);
    else if (key == "user_spend_min_peers") whole(s.user_spend_min_peers, 1, 1000000);
    else if (key == "new_country_baseline_days") whole(s.new_country_baseline_days, 1, 366);
    else if (key == "long_call_minutes") whole(s.long_call_minutes, 1, 10080);
    else if (key == "short_call_seconds") whole(s.short_call_seconds, 0, 3600);
    else if (key == "short_calls_to_one_number") whole(s.short_calls_to_one_number, 1, 1000000);
    else if (key == "day_spend_factor") whole(s.day_spend_factor, 1, 1000);
    else if (key == "day_spend_minimum") amount(s.day_spend_minimum);
    else if (key == "premium_prefixes") {
      if (!v.is_array()) throw bad(key, "a list of country codes as digit strings, e.g. [\"881\", \"882\"]");
      std::vector<std::string> list;
      for (const json& p : v) {
        if (!p.is_string() || p.get<std::string>().empty() || p.get<std::string>().size() > 15 ||
            p.get<std::string>().find_first_not_of("0123456789") != std::string::npos) {
          throw bad(key, "a list of country codes as digit strings, e.g. [\"881\", \"882\"]");
        }
        list.push_back(p.get<std::string>());
      }
      s.premium_prefixes = std::move(list);
    } else {
      throw InputError("usage_flag_settings", "Unknown flag setting \"" + key + "\".", file);
    }
  }
  if (s.business_start_hour >= s.business_end_hour) {
    throw InputError("usage_flag_settings", "business_start_hour should come before business_end_hour.", file);
  }
}

}  // namespace ccredits
