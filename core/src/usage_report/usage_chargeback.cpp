// Chargeback by Administrative Unit, user, user location and destination (core/CONTRACT.md "Chargeback").
#include "usage_report/usage_chargeback.hpp"

#include <algorithm>

#include "formats/json_text.hpp"
#include "numbers/text.hpp"
#include "usage_report/usage_totals.hpp"

namespace ccredits {
namespace {

constexpr std::size_t kMaxFieldsCached = 4096;

// Splits `amount` into `parts` shares that add up to it exactly: the quotient each, and the remainder one unit at a
// time to the first shares (core/CONTRACT.md "Chargeback" split rule). Divided once per call, not once per share.
struct Share {
  std::int64_t quotient, remainder;  // the remainder has the sign of amount
  Share(std::int64_t amount, std::int64_t parts) : quotient(amount / parts), remainder(amount % parts) {}
  std::int64_t of(std::int64_t index) const {
    if (remainder > 0 && index < remainder) return quotient + 1;
    if (remainder < 0 && index < -remainder) return quotient - 1;
    return quotient;
  }
};

// One entry of a dimension. Views into the chargeback, the aggregation's user table or `Names` below, which
// outlive the writing.
struct Row {
  std::string_view name;  // the entry's name, or null when `null_name` (a location whose country is unknown)
  bool null_name;
  std::string_view sort_name;  // ties of spend and minutes go by this
  Money spend;
  std::int64_t seconds;
  std::int64_t calls;
  std::string_view extra;  // by_user: the display name; by_destination: the direction
};

// Which dimension a list is: its entries' members differ.
enum class Dimension { unit, user, location, destination };

// Sorted by spend, then minutes, then name, and written with each entry's members in byte order (as dump() sorts
// them): {"calls", "minutes", "spend", "unit"}, {"calls", "minutes", "name", "spend", "user"},
// {"calls", "country", "minutes", "spend"}, {"calls", "country", "direction", "minutes", "spend"}.
void write_sorted(JsonText& out, std::vector<Row>& rows, Dimension dimension) {
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.spend != b.spend) return a.spend > b.spend;
    if (a.seconds != b.seconds) return a.seconds > b.seconds;
    return a.sort_name < b.sort_name;
  });
  out.begin_array();
  for (const Row& r : rows) {
    out.begin_object();
    out.key("calls").integer(r.calls);
    if (dimension == Dimension::location || dimension == Dimension::destination) {
      out.key("country");
      if (r.null_name) out.null();
      else out.string(r.name);
      if (dimension == Dimension::destination) out.key("direction").string(r.extra);
      out.key("minutes").minutes(Minutes::from_seconds(r.seconds));
      out.key("spend").fixed(r.spend.micros(), 2);
    } else {
      out.key("minutes").minutes(Minutes::from_seconds(r.seconds));
      if (dimension == Dimension::user) out.key("name").string(r.extra);
      out.key("spend").fixed(r.spend.micros(), 2);
      out.key(dimension == Dimension::user ? "user" : "unit").string(r.name);
    }
    out.end_object();
  }
  out.end_array();
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
  if (n == 1) {
    Entry& e = *entries->front();
    e.spend += spend;
    e.seconds += call.seconds;
    e.calls += 1;
  } else {
    const Share spend_share(spend.micros(), n), seconds_share(call.seconds, n);
    for (std::int64_t i = 0; i < n; ++i) {
      Entry& e = *(*entries)[static_cast<std::size_t>(i)];
      e.spend += Money::from_micros(spend_share.of(i));
      e.seconds += seconds_share.of(i);
      e.calls += 1;
    }
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

void Chargeback::write(JsonText& out, const UsageTotals& totals) const {
  static constexpr std::string_view kNoUnit = "no unit", kOtherUnits = "other units";
  std::vector<Row> units;
  units.reserve(units_.size() + 2);
  for (const auto& [name, e] : units_) units.push_back({name, false, name, e.spend, e.seconds, e.calls, {}});
  if (no_unit_.calls > 0) units.push_back({kNoUnit, false, kNoUnit, no_unit_.spend, no_unit_.seconds, no_unit_.calls, {}});
  if (other_units_.calls > 0) {
    units.push_back({kOtherUnits, false, kOtherUnits, other_units_.spend, other_units_.seconds, other_units_.calls, {}});
  }

  std::vector<Row> users;
  users.reserve(totals.users.size());
  for (const auto& [key, u] : totals.users) users.push_back({key, false, key, u.spend, u.seconds, u.calls, u.name});

  // The two-letter codes the rows below view, and the code followed by the direction a destination sorts by.
  std::vector<std::string> codes, destination_names;
  codes.reserve(kCountryCount + 1);
  destination_names.reserve(2 * kCountryCount);
  for (int i = 0; i <= kCountryCount; ++i) codes.push_back(country_code(i));

  std::vector<Row> locations;
  for (int i = 0; i <= kCountryCount; ++i) {
    const Entry& e = by_location_[static_cast<std::size_t>(i)];
    if (e.calls == 0) continue;
    const std::string& code = codes[static_cast<std::size_t>(i)];
    locations.push_back({code, i == kUnknownCountry, code, e.spend, e.seconds, e.calls, {}});
  }

  std::vector<Row> destinations;
  for (int direction = 0; direction < 2; ++direction) {
    const auto& table = direction == 0 ? outbound_ : dial_in_;
    const std::string_view kind = direction == 0 ? "outbound" : "dial-in";
    for (int i = 0; i < kCountryCount; ++i) {
      const Entry& e = table[static_cast<std::size_t>(i)];
      if (e.calls == 0) continue;
      const std::string& code = codes[static_cast<std::size_t>(i)];
      destination_names.push_back(code + std::string(kind));
      destinations.push_back({code, false, destination_names.back(), e.spend, e.seconds, e.calls, kind});
    }
  }

  out.begin_object();
  out.key("by_destination");
  write_sorted(out, destinations, Dimension::destination);
  out.key("by_location");
  write_sorted(out, locations, Dimension::location);
  out.key("by_unit");
  write_sorted(out, units, Dimension::unit);
  out.key("by_user");
  write_sorted(out, users, Dimension::user);
  out.key("currency");
  if (totals.currencies.empty()) out.null();
  else out.string(totals.currencies.front().currency);
  out.key("split_rule").string(
      "A call listing several Administrative Units is split equally: its spend (in millionths) and seconds are "
      "divided by the number of units, and the remainder goes one millionth (one second) each to the first units "
      "the row lists. Each unit counts the call once. Users without a unit are under \"no unit\".");
  out.end_object();
}

}  // namespace ccredits
