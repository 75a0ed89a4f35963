// Chargeback by Administrative Unit, user, user location and destination (core/CONTRACT.md "Chargeback").
#include "usage_report/usage_chargeback.hpp"

#include <algorithm>

#include "numbers/text.hpp"
#include "usage_report/usage_totals.hpp"

namespace ccredits {
namespace {

constexpr std::size_t kMaxFieldsCached = 4096;

// Splits `amount` into `parts` shares that add up to it exactly: the quotient each, and the remainder one unit at a
// time to the first shares (core/CONTRACT.md "Chargeback" split rule).
std::int64_t share_of(std::int64_t amount, std::int64_t parts, std::int64_t index) {
  const std::int64_t q = amount / parts, r = amount % parts;  // r has the sign of amount
  if (r > 0 && index < r) return q + 1;
  if (r < 0 && index < -r) return q - 1;
  return q;
}

json money_minutes_calls(const std::string& key, const json& name, Money spend, std::int64_t seconds,
                         std::int64_t calls) {
  return {{key, name}, {"spend", spend.to_string(2)}, {"minutes", minutes_json(Minutes::from_seconds(seconds))},
          {"calls", calls}};
}

struct Row {
  json name;
  std::string sort_name;
  Money spend;
  std::int64_t seconds;
  std::int64_t calls;
  json extra;
};

json sorted_rows(std::vector<Row> rows, const std::string& key) {
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.spend != b.spend) return a.spend > b.spend;
    if (a.seconds != b.seconds) return a.seconds > b.seconds;
    return a.sort_name < b.sort_name;
  });
  json out = json::array();
  for (Row& r : rows) {
    json entry = money_minutes_calls(key, r.name, r.spend, r.seconds, r.calls);
    if (r.extra.is_object()) {
      for (auto& [k, v] : r.extra.items()) entry[k] = v;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace

std::vector<std::string> split_administrative_units(std::string_view field) {
  std::vector<std::string> units;
  std::string current;
  bool quoted = false;
  auto end_unit = [&] {
    std::string name(trim(current));
    if (!name.empty() && std::find(units.begin(), units.end(), name) == units.end()) units.push_back(std::move(name));
    current.clear();
  };
  for (char c : field) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && (c == ';' || c == ',')) end_unit();
    else current.push_back(c);
  }
  end_unit();
  return units;
}

Chargeback::Chargeback(std::size_t max_units) : max_units_(max_units) {}

Chargeback::Entry* Chargeback::entry_for(const std::string& unit) {
  auto it = units_.find(unit);
  if (it != units_.end()) return &it->second;
  if (units_.size() >= max_units_) return &other_units_;
  return &units_.emplace(unit, Entry{}).first->second;
}

const std::vector<Chargeback::Entry*>& Chargeback::entries_of(std::string_view field) {
  field_key_.assign(field);
  auto it = fields_.find(field_key_);
  if (it != fields_.end()) return it->second;
  row_entries_.clear();
  for (const std::string& unit : split_administrative_units(field_key_)) {
    Entry* e = entry_for(unit);
    // Units past the cap all land in "other units": counted once per call.
    if (std::find(row_entries_.begin(), row_entries_.end(), e) == row_entries_.end()) row_entries_.push_back(e);
  }
  if (row_entries_.empty()) row_entries_.push_back(&no_unit_);  // only separators or blanks
  if (fields_.size() < kMaxFieldsCached) return fields_.emplace(field_key_, row_entries_).first->second;
  return row_entries_;
}

void Chargeback::add(const UsageCall& call, Money spend, const CallDestination* destination,
                     std::uint32_t user_index) {
  const std::vector<Entry*>* entries = &no_unit_only_;
  if (!call.administrative_units.empty() && user_index == kNoUser) {
    entries = &entries_of(call.administrative_units);
  } else if (!call.administrative_units.empty()) {
    if (user_index >= user_fields_.size()) user_fields_.resize(std::size_t{user_index} + 1);
    UserField& last = user_fields_[user_index];
    const std::string_view field = call.administrative_units;
    if (last_field_entries_ != nullptr && last_field_ == field) {
      entries = last_field_entries_;
    } else if (last.entries != nullptr && std::string_view(last.text.data(), last.size) == field) {
      entries = last.entries;
    } else {
      entries = &entries_of(field);
      // Only entries the field map holds stay valid (row_entries_ changes with the next row).
      last.entries = entries == &row_entries_ || field.size() > last.text.size() ? nullptr : entries;
      last.size = static_cast<std::uint8_t>(last.entries ? field.size() : 0);
      std::copy_n(field.data(), last.size, last.text.data());
    }
    if (entries != last_field_entries_ && entries != &row_entries_) {
      last_field_.assign(field);
      last_field_entries_ = entries;
    }
  }
  const auto n = static_cast<std::int64_t>(entries->size());
  for (std::int64_t i = 0; i < n; ++i) {
    Entry& e = *(*entries)[static_cast<std::size_t>(i)];
    e.spend += Money::from_micros(n == 1 ? spend.micros() : share_of(spend.micros(), n, i));
    e.seconds += n == 1 ? call.seconds : share_of(call.seconds, n, i);
    e.calls += 1;
  }

  Entry& location = by_location_[static_cast<std::size_t>(call.location)];
  location.spend += spend;
  location.seconds += call.seconds;
  location.calls += 1;
  if (destination && destination->place != kUnknownCountry) {
    Entry& d = (destination->outbound ? outbound_ : dial_in_)[static_cast<std::size_t>(destination->place)];
    d.spend += spend;
    d.seconds += call.seconds;
    d.calls += 1;
  }
}

json Chargeback::to_json(const UsageTotals& totals) const {
  std::vector<Row> units;
  for (const auto& [name, e] : units_) units.push_back({name, name, e.spend, e.seconds, e.calls, nullptr});
  if (no_unit_.calls > 0) units.push_back({"no unit", "no unit", no_unit_.spend, no_unit_.seconds, no_unit_.calls, nullptr});
  if (other_units_.calls > 0) {
    units.push_back({"other units", "other units", other_units_.spend, other_units_.seconds, other_units_.calls, nullptr});
  }

  std::vector<Row> users;
  for (const auto& [key, u] : totals.users) {
    users.push_back({key, key, u.spend, u.seconds, u.calls, json{{"name", u.name}}});
  }

  std::vector<Row> locations;
  for (int i = 0; i <= kCountryCount; ++i) {
    const Entry& e = by_location_[static_cast<std::size_t>(i)];
    if (e.calls == 0) continue;
    const json country = i == kUnknownCountry ? json(nullptr) : json(country_code(i));
    locations.push_back({country, country_code(i), e.spend, e.seconds, e.calls, nullptr});
  }

  std::vector<Row> destinations;
  for (int direction = 0; direction < 2; ++direction) {
    const auto& table = direction == 0 ? outbound_ : dial_in_;
    for (int i = 0; i < kCountryCount; ++i) {
      const Entry& e = table[static_cast<std::size_t>(i)];
      if (e.calls == 0) continue;
      const char* kind = direction == 0 ? "outbound" : "dial-in";
      destinations.push_back({country_code(i), country_code(i) + kind, e.spend, e.seconds, e.calls,
                              json{{"direction", kind}}});
    }
  }

  json out;
  out["currency"] = totals.currencies.empty() ? json(nullptr) : json(totals.currencies.front().currency);
  out["split_rule"] =
      "A call listing several Administrative Units is split equally: its spend (in millionths) and seconds are "
      "divided by the number of units, and the remainder goes one millionth (one second) each to the first units "
      "the row lists. Each unit counts the call once. Users without a unit are under \"no unit\".";
  out["by_unit"] = sorted_rows(std::move(units), "unit");
  out["by_user"] = sorted_rows(std::move(users), "user");
  out["by_location"] = sorted_rows(std::move(locations), "country");
  out["by_destination"] = sorted_rows(std::move(destinations), "country");
  return out;
}

}  // namespace ccredits
