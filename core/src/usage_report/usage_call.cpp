// Reading one usage report row as a call (core/DOMAIN.md §7).
#include "usage_report/usage_call.hpp"

#include "ccredits/error.hpp"
#include "numbers/text.hpp"

namespace ccredits {
namespace {

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string quoted(std::string_view s) {
  std::string out = "\"";
  out.append(s.substr(0, 40));
  if (s.size() > 40) out += "…";
  return out + "\"";
}

}  // namespace

// Howard Hinnant's days_from_civil.
int days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

namespace {

bool digits_at(std::string_view s, std::size_t pos, std::size_t count, int& value) {
  value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

int country_index(std::string_view s) {
  s = trim(s);
  if (s.size() != 2) return kUnknownCountry;
  const char a = upper(s[0]), b = upper(s[1]);
  if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') return kUnknownCountry;
  return (a - 'A') * 26 + (b - 'A');
}

std::string country_code(int index) {
  if (index < 0 || index >= kCountryCount) return "";
  return std::string{static_cast<char>('A' + index / 26), static_cast<char>('A' + index % 26)};
}

std::string_view country_view(int index, std::array<char, 2>& buffer) {
  if (index < 0 || index >= kCountryCount) return "*";
  buffer = {static_cast<char>('A' + index / 26), static_cast<char>('A' + index % 26)};
  return std::string_view(buffer.data(), 2);
}

std::string_view number_digits(std::string_view text, std::array<char, 40>& buffer) {
  std::size_t n = 0;
  for (char c : text) {
    if ((c >= '0' && c <= '9') || c == '*' || c == 'x' || c == 'X') {
      if (n == buffer.size()) break;
      buffer[n++] = c;
    }
  }
  return std::string_view(buffer.data(), n);
}
bool parse_iso_day(std::string_view text, int& day) {
  text = trim(text);
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return false;
  int y, m, d;
  if (!digits_at(text, 0, 4, y) || !digits_at(text, 5, 2, m) || !digits_at(text, 8, 2, d)) return false;
  if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > kDays[m - 1] || (m == 2 && d == 29 && !leap)) return false;
  day = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return true;
}

int parse_iso_minute(std::string_view text) {
  text = trim(text);
  int h, m;
  if (text.size() < 16 || text[13] != ':' || !digits_at(text, 11, 2, h) || !digits_at(text, 14, 2, m)) return -1;
  return h < 24 && m < 60 ? h * 60 + m : -1;
}

std::string iso_date(int day) {
  // Howard Hinnant's civil_from_days.
  const int z = day + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y0 = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int y = y0 + (m <= 2);
  char buf[16];
  buf[0] = static_cast<char>('0' + y / 1000 % 10);
  buf[1] = static_cast<char>('0' + y / 100 % 10);
  buf[2] = static_cast<char>('0' + y / 10 % 10);
  buf[3] = static_cast<char>('0' + y % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + m / 10);
  buf[6] = static_cast<char>('0' + m % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + d / 10);
  buf[9] = static_cast<char>('0' + d % 10);
  return std::string(buf, 10);
}

bool parse_duration_seconds(std::string_view text, std::int64_t& seconds) {
  text = trim(text);
  if (text.empty()) return false;
  std::int64_t total = 0, part = 0;
  int colons = 0, digits = 0;
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      if (++digits > 15) return seconds = kMaxCallSeconds + 1, true;  // absurd, reported as too long
      part = part * 10 + (c - '0');
    } else if (c == ':' && colons < 2 && digits > 0) {
      total = total * 60 + part;
      part = 0;
      digits = 0;
      ++colons;
    } else if (c == '.') {
      // "312.0": only a zero fraction is a whole number of seconds
      for (std::size_t j = i + 1; j < text.size(); ++j) {
        if (text[j] != '0') return false;
      }
      break;
    } else {
      return false;
    }
  }
  if (digits == 0) return false;
  seconds = colons == 0 ? part : total * 60 + part;
  return true;
}

RowOutcome read_usage_call(const UsageValues& values, UsageCall& call, std::string& reason) {
  auto value = [&](UsageColumn c) { return trim(values[static_cast<std::size_t>(c)]); };

  const std::string_view call_type = value(UsageColumn::call_type);
  const auto category = call_category_from_text(call_type);
  if (!category) {
    reason = call_type.empty() ? "no Call Type" : "unknown Call Type " + quoted(call_type);
    return RowOutcome::skipped;
  }
  call.category = *category;
  // A call that did not connect (Direct Routing reports: Success = No, no Start time) is a failed call, not a bad
  // row: counted, never priced.
  const std::string_view success = value(UsageColumn::success);
  if (success.size() >= 2 && success.size() <= 5) {
    const std::string word = to_lower_ascii(success);
    if (word == "no" || word == "false") return RowOutcome::failed_call;
  }
  if (!parse_iso_day(value(UsageColumn::start_time), call.day)) {
    reason = "bad Start Time " + quoted(value(UsageColumn::start_time)) +
             " (expected ISO 8601, e.g. 2026-10-01T13:45:12Z)";
    return RowOutcome::skipped;
  }
  call.minute = parse_iso_minute(value(UsageColumn::start_time));
  const std::string_view duration_text = value(UsageColumn::duration);
  if (!parse_duration_seconds(duration_text, call.seconds)) {
    reason = (!duration_text.empty() && duration_text[0] == '-' ? "negative duration " : "bad duration ") +
             quoted(duration_text);
    return RowOutcome::skipped;
  }
  if (call.seconds > kMaxCallSeconds) {
    reason = "duration " + quoted(duration_text) + " is longer than a week";
    return RowOutcome::skipped;
  }
  call.charge = Money();
  call.connection = Money();
  for (auto [column, target] : {std::pair{UsageColumn::charge, &call.charge},
                                std::pair{UsageColumn::connection_fee, &call.connection}}) {
    const std::string_view text = value(column);
    if (text.empty()) continue;  // Direct Routing rows and free calls leave it blank
    try {
      *target = Money::parse(text, usage_column_name(column));
    } catch (const InputError& e) {
      reason = e.what();
      return RowOutcome::skipped;
    }
  }
  const bool direct_routing = *category == CallCategory::direct_routing;
  call.currency = value(UsageColumn::currency);
  call.charged = !direct_routing && (!call.charge.is_zero() || !call.connection.is_zero());
  if (call.charged && call.currency.empty()) {
    reason = "a charge without a Currency";
    return RowOutcome::skipped;
  }
  // Only dial-in calls are told toll-free from toll by their Number Type (use_case_of): the others skip reading it.
  const bool dial_in = *category == CallCategory::conf_in || *category == CallCategory::ucap_in;
  call.use_case = use_case_of(*category, dial_in && is_toll_free_number_type(value(UsageColumn::number_type)));
  call.location = country_index(value(UsageColumn::user_location));
  call.display_name = value(UsageColumn::display_name);
  call.user = value(UsageColumn::upn);
  if (call.user.empty()) call.user = call.display_name;
  call.capability = value(UsageColumn::capability);
  call.destination_number = value(UsageColumn::destination_number);
  call.external_country = value(UsageColumn::external_country);
  call.administrative_units = value(UsageColumn::administrative_units);
  return RowOutcome::call;
}

}  // namespace ccredits
