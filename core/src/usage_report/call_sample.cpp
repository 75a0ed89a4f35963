// Calls kept to show what lies behind a figure.
#include "usage_report/call_sample.hpp"

#include <algorithm>

#include "usage_report/usage_call.hpp"

namespace ccredits {
namespace {

template <std::size_t N>
std::uint8_t copy_into(std::array<char, N>& target, std::string_view text) {
  const std::size_t n = std::min(text.size(), N);
  std::copy_n(text.data(), n, target.data());
  return static_cast<std::uint8_t>(n);
}

}  // namespace

CallSample::CallSample(int d, int m, std::int64_t s, Money c, const std::string* u, std::string_view n)
    : day(d), minute(static_cast<std::int16_t>(m)), seconds(static_cast<std::int32_t>(s)), charge(c), user(u) {
  number_size = copy_into(number, n);
}

json CallSample::to_json() const {
  std::string time = iso_date(day);
  if (minute >= 0) {
    const char hh[] = {static_cast<char>('0' + minute / 600), static_cast<char>('0' + minute / 60 % 10), ':',
                       static_cast<char>('0' + minute % 60 / 10), static_cast<char>('0' + minute % 10)};
    time += " " + std::string(hh, 5) + " UTC";
  }
  return {{"time", std::move(time)},
          {"user", std::string(user_view())},
          {"number", std::string(number_view())},
          {"minutes", minutes_json(Minutes::from_seconds(seconds))},
          {"charge", charge.to_string(2)}};
}

bool CallList::before(const CallSample& a, const CallSample& b) const {
  return keep_ == Keep::earliest ? a.earlier_than(b) : a.charge > b.charge;
}

bool CallList::wants(int day, int minute, Money charge) const {
  if (size_ < kCallsListed) return true;
  if (keep_ == Keep::costliest) return charge > last_charge_;
  return day != last_day_ ? day < last_day_ : minute < last_minute_;
}

void CallList::add(const CallSample& call) {
  if (!wants(call.day, call.minute, call.charge)) return;
  // Sorted insert into a list of at most kCallsListed: the last one drops out when full.
  std::size_t at = size_ < kCallsListed ? size_ : kCallsListed - 1;
  while (at > 0 && before(call, calls_[at - 1])) {
    if (at < kCallsListed) calls_[at] = calls_[at - 1];
    --at;
  }
  calls_[at] = call;
  if (size_ < kCallsListed) ++size_;
  const CallSample& last = calls_[size_ - 1];
  last_day_ = last.day;
  last_minute_ = last.minute;
  last_charge_ = last.charge;
}

json CallList::to_json() const {
  json out = json::array();
  for (std::size_t i = 0; i < size_; ++i) out.push_back(calls_[i].to_json());
  return out;
}

bool EarliestCalls::wants(const Head& head, int day, int minute) const {
  if (head.size < kCallsListed) return true;
  return day != head.last_day ? day < head.last_day : minute < head.last_minute;
}

void EarliestCalls::add(Head& head, const CallSample& call) {
  if (!wants(head, call.day, call.minute)) return;
  std::uint32_t node;
  const bool full = head.size == kCallsListed;
  if (!full) {
    node = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back(Node{call, kNone});
    ++head.size;
  } else {
    // Full: the latest call drops out, and its node takes the new one.
    std::uint32_t* link = &head.first;
    while (nodes_[*link].next != kNone) link = &nodes_[*link].next;
    node = *link;
    *link = kNone;
    nodes_[node].call = call;
  }
  // After every call that is not later than this one, as CallList keeps calls of the same minute in arrival order.
  std::uint32_t* link = &head.first;
  std::uint32_t before = kNone;
  while (*link != kNone && !call.earlier_than(nodes_[*link].call)) {
    before = *link;
    link = &nodes_[*link].next;
  }
  nodes_[node].next = *link;
  *link = node;
  std::uint32_t last = nodes_[node].next == kNone ? node : kNone;
  if (last == kNone && full) {
    last = before == kNone ? node : before;
    while (nodes_[last].next != kNone) last = nodes_[last].next;
  }
  if (last != kNone) {
    head.last_day = nodes_[last].call.day;
    head.last_minute = nodes_[last].call.minute;
  }
}

json EarliestCalls::to_json(const Head& head) const {
  json out = json::array();
  for (std::uint32_t at = head.first; at != kNone; at = nodes_[at].next) out.push_back(nodes_[at].call.to_json());
  return out;
}

}  // namespace ccredits
