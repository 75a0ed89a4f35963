// The PSTN usage report importer (core/DOMAIN.md §7, `pstn-usage-report.md`; output: core/CONTRACT.md `usage`).
#include "usage_report/usage_report_reader.hpp"

#include <algorithm>

#include "ccredits/error.hpp"
#include "numbers/text.hpp"

namespace ccredits {
namespace {

// The page that documents Charge and Connection Fee as separate columns (core/DOMAIN.md §8), for the spend setting.
constexpr const char* kSpendSettingSource =
    "Microsoft Teams PSTN usage report "
    "(https://learn.microsoft.com/en-us/microsoftteams/teams-analytics-and-reports/pstn-usage-report)";

constexpr int kCountryCount = 26 * 26;
constexpr int kUnknownCountry = kCountryCount;  // the extra slot for rows without a usable country
// No PSTN call lasts a week; a larger Duration is a corrupt value (e.g. 99999999999999), skipped, not summed.
constexpr std::int64_t kMaxCallSeconds = 7 * 24 * 3600;

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

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

// The code as a view into `buffer`, no allocation: in the per-row path of the wasm build every live std::string
// turns later calls into slow exception-aware calls (Emscripten's JS exception handling).
std::string_view country_view(int index, std::array<char, 2>& buffer) {
  if (index < 0 || index >= kCountryCount) return "*";
  buffer = {static_cast<char>('A' + index / 26), static_cast<char>('A' + index % 26)};
  return std::string_view(buffer.data(), 2);
}

// The dialable digits of a number: '+', spaces and dashes dropped, a masked tail of '*' kept (by_number
// ignores it and matches the visible prefix, core/DOMAIN.md §7 masked numbers).
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

std::string quoted(std::string_view s) {
  std::string out = "\"";
  out.append(s.substr(0, 40));
  if (s.size() > 40) out += "…";
  return out + "\"";
}

Sheet sheet_for(UseCase u) {
  switch (u) {
    case UseCase::conf_out: return Sheet::dial_out_audio;
    case UseCase::toll_free_in: return Sheet::toll_free_in;
    case UseCase::toll_in: return Sheet::toll_in;
    default: return Sheet::dial_out_calls;
  }
}

enum class Service { none = 0, conferencing, auto_attendant };

std::uint64_t scenario_key(UseCase u, int from, int to, NumberType type, Service service) {
  return static_cast<std::uint64_t>(u) | static_cast<std::uint64_t>(from) << 4 |
         static_cast<std::uint64_t>(to) << 14 | static_cast<std::uint64_t>(type) << 24 |
         static_cast<std::uint64_t>(service) << 26;
}

// Howard Hinnant's days_from_civil.
int days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

bool digits_at(std::string_view s, std::size_t pos, std::size_t count, int& value) {
  value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

json minutes_of(std::int64_t seconds) { return minutes_json(Minutes::from_seconds(seconds)); }

// The estimate's use cases (rating/estimate.hpp kUseCases, in that order) a charge is counted under: outbound calls
// of a Pay-As-You-Go licence (Capability MCOPSTN_PAYG_*) are payg_outbound, other charged outbound calls overage
// of a Calling Plan; meeting dial-out, toll-free and toll dial-in (pay-per-minute conferencing) as DOMAIN.md §2.
constexpr const char* kChargeUseCases[kChargeUseCaseCount] = {"toll_free", "conference_dial_out", "calling_plan_overage",
                                                              "payg_outbound", "pay_per_minute_conferencing"};
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

UsageReportReader::UsageReportReader(const RateCard* rates, UsageImportSettings settings)
    : rates_(rates), settings_(settings), by_location_(kCountryCount + 1), by_destination_(kCountryCount + 1) {
  if (rates_) index_ = std::make_unique<RateIndex>(*rates_);
  column_of_.fill(-1);
}

UsageReportReader::~UsageReportReader() = default;

void UsageReportReader::skip(long line, std::string reason) {
  ++skipped_count_;
  if (skipped_.size() < settings_.max_skipped_listed) {
    json s = {{"line", line}, {"reason", std::move(reason)}};
    if (!file_.empty()) s["file"] = file_;
    skipped_.push_back(std::move(s));
  }
}

void UsageReportReader::next_file(const std::string& name) {
  if (csv_) {
    try {
      csv_->finish();
    } catch (const InputError& e) {
      throw located(e);
    }
  }
  csv_.reset();
  call_line_ = 0;
  if (mode_ == Mode::csv) mode_ = Mode::unknown;
  have_header_ = false;
  file_ = name;
}

void UsageReportReader::feed(std::string_view chunk) {
  bytes_ += chunk.size();
  if (mode_ == Mode::unknown) {
    // The first byte that is not a BOM or white space tells CSV from JSON; until then, hold the bytes.
    json_text_.append(chunk);
    std::size_t i = json_text_.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (i < json_text_.size() && (json_text_[i] == ' ' || json_text_[i] == '\n' || json_text_[i] == '\r' ||
                                     json_text_[i] == '\t')) {
      ++i;
    }
    // Excel's "Unicode text" and some editors write UTF-16; read as bytes it would only say "no Call Type column".
    if (json_text_.compare(0, 2, "\xFF\xFE") == 0 || json_text_.compare(0, 2, "\xFE\xFF") == 0) {
      throw InputError("usage_encoding",
                       "This report is UTF-16 text; ccredits reads the export as Teams writes it, UTF-8 CSV. In Excel, "
                       "save it as \"CSV UTF-8 (comma delimited)\" and import that file.",
                       file_, 1, 1);
    }
    const bool maybe_bom = (json_text_[0] == '\xEF' && json_text_.size() < 3) ||
                           ((json_text_[0] == '\xFF' || json_text_[0] == '\xFE') && json_text_.size() < 2);
    if (i == json_text_.size() || maybe_bom) return;
    if (json_text_[i] == '{' || json_text_[i] == '[') {
      mode_ = Mode::json;
      format_ = "graph-json";
      // The limit holds however the input is cut: the held bytes may already be the whole file.
      check_json_size(json_text_.size());
      return;
    }
    mode_ = Mode::csv;
    csv_ = std::make_unique<CsvReader>([this](const CsvRow& row) { on_csv_row(row); });
    std::string held;
    held.swap(json_text_);
    chunk = held;
    try {
      csv_->feed(chunk);
    } catch (const InputError& e) {
      throw located(e);
    }
    return;
  }
  if (mode_ == Mode::json) {
    check_json_size(json_text_.size() + chunk.size());
    json_text_.append(chunk);
    return;
  }
  try {
    csv_->feed(chunk);
  } catch (const InputError& e) {
    throw located(e);
  }
}

InputError UsageReportReader::located(const InputError& e) const {
  // A sum passing the largest exact amount (Money, fixed_point.hpp) is thrown without a place: it is the call
  // being added.
  const InputError in_file = e.in_file(file_);
  return in_file.line() == 0 && call_line_ > 0 ? in_file.at(call_line_, 0) : in_file;
}

void UsageReportReader::check_json_size(std::size_t size) const {
  if (size <= settings_.max_json_bytes) return;
  const std::size_t limit = settings_.max_json_bytes;
  const std::string amount = limit >= (1u << 20) ? std::to_string(limit >> 20) + " MB" : std::to_string(limit) + " bytes";
  throw InputError("usage_json_too_large",
                   "Graph getPstnCalls JSON over " + amount +
                       ": export the report as CSV instead, or import the pages one by one.",
                   file_);
}

void UsageReportReader::read_header(const CsvRow& row) {
  column_of_.fill(-1);
  header_fields_ = row.fields.size();
  for (std::size_t i = 0; i < row.fields.size(); ++i) {
    // UTF-16 without its byte-order mark: every other byte of the header's names is NUL.
    if (row.fields[i].find('\0') != std::string_view::npos) {
      throw InputError("usage_encoding",
                       "This report's header holds NUL bytes: it is probably UTF-16 text. ccredits reads the export "
                       "as Teams writes it, UTF-8 CSV; in Excel, save it as \"CSV UTF-8 (comma delimited)\".",
                       file_, row.line, 1);
    }
    if (auto c = usage_column_from_header(row.fields[i])) {
      int& slot = column_of_[static_cast<std::size_t>(*c)];
      if (slot < 0) slot = static_cast<int>(i);
    }
  }
  for (UsageColumn required : {UsageColumn::call_type, UsageColumn::start_time, UsageColumn::duration}) {
    if (column_of_[static_cast<std::size_t>(required)] < 0) {
      throw InputError("usage_missing_column",
                       "This is not a Teams PSTN usage report: its header has no \"" +
                           std::string(usage_column_name(required)) +
                           "\" column (Teams admin center > Analytics & reports > PSTN and SMS usage > Export).",
                       file_, row.line, 1);
    }
  }
  const bool has_external = column_of_[static_cast<std::size_t>(UsageColumn::external_country)] >= 0;
  std::string format = "csv";
  if (header_fields_ == 25 && has_external) format = "csv-25";
  else if (header_fields_ == 20 && !has_external) format = "csv-20";
  if (format_.empty()) format_ = format;
  else if (format_ != format) format_ = "csv-mixed";
  have_header_ = true;
}

void UsageReportReader::on_csv_row(const CsvRow& row) {
  if (!have_header_) {
    read_header(row);
    return;
  }
  if (row.fields.size() != header_fields_) {
    ++rows_;
    skip(row.line, std::to_string(row.fields.size()) + " fields where the header has " +
                       std::to_string(header_fields_));
    return;
  }
  std::array<std::string_view, kUsageColumnCount> values{};
  for (std::size_t c = 0; c < kUsageColumnCount; ++c) {
    if (column_of_[c] >= 0) values[c] = row.fields[static_cast<std::size_t>(column_of_[c])];
  }
  add_call(values, row.line);
}

void UsageReportReader::add_call(const std::array<std::string_view, kUsageColumnCount>& values, long line) {
  ++rows_;
  call_line_ = line;
  auto value = [&](UsageColumn c) { return trim(values[static_cast<std::size_t>(c)]); };

  const std::string_view call_type = value(UsageColumn::call_type);
  const auto category = call_category_from_text(call_type);
  if (!category) {
    skip(line, call_type.empty() ? "no Call Type" : "unknown Call Type " + quoted(call_type));
    return;
  }
  // A call that did not connect (Direct Routing reports: Success = No, no Start time) is a failed call, not a bad
  // row: counted, never priced.
  const std::string_view success = value(UsageColumn::success);
  if (success.size() >= 2 && success.size() <= 5) {
    const std::string word = to_lower_ascii(success);
    if (word == "no" || word == "false") {
      ++failed_calls_;
      if (*category == CallCategory::direct_routing) ++failed_direct_routing_calls_;
      return;
    }
  }
  int day = 0;
  if (!parse_iso_day(value(UsageColumn::start_time), day)) {
    skip(line, "bad Start Time " + quoted(value(UsageColumn::start_time)) + " (expected ISO 8601, e.g. 2026-10-01T13:45:12Z)");
    return;
  }
  const std::string_view duration_text = value(UsageColumn::duration);
  std::int64_t seconds = 0;
  if (!parse_duration_seconds(duration_text, seconds)) {
    skip(line, (!duration_text.empty() && duration_text[0] == '-' ? "negative duration " : "bad duration ") +
                   quoted(duration_text));
    return;
  }
  if (seconds > kMaxCallSeconds) {
    skip(line, "duration " + quoted(duration_text) + " is longer than a week");
    return;
  }
  Money charge, connection;
  for (auto [column, target] : {std::pair{UsageColumn::charge, &charge},
                                std::pair{UsageColumn::connection_fee, &connection}}) {
    const std::string_view text = value(column);
    if (text.empty()) continue;  // Direct Routing rows and free calls leave it blank
    try {
      *target = Money::parse(text, usage_column_name(column));
    } catch (const InputError& e) {
      skip(line, e.what());
      return;
    }
  }
  const bool direct_routing = *category == CallCategory::direct_routing;
  const std::string_view currency = value(UsageColumn::currency);
  const bool charged = !direct_routing && (!charge.is_zero() || !connection.is_zero());
  if (charged && currency.empty()) {
    skip(line, "a charge without a Currency");
    return;
  }

  const UseCase use_case = use_case_of(*category, is_toll_free_number_type(value(UsageColumn::number_type)));
  const auto uc = static_cast<std::size_t>(use_case);
  ++rows_used_;
  if (rows_used_ == 1 || day < first_day_) first_day_ = day;
  if (rows_used_ == 1 || day > last_day_) last_day_ = day;
  by_use_case_[uc].seconds += seconds;
  by_use_case_[uc].calls += 1;

  // Spend (core/DOMAIN.md §8 setting: Charge + Connection Fee unless the Charge already holds the fee).
  // Direct Routing rows are counted but never priced: their carrier bills them.
  const Money spend = settings_.charge_includes_connection_fee ? charge : charge + connection;
  bool main_currency = true;
  if (charged) {
    auto it = std::find_if(currencies_.begin(), currencies_.end(),
                           [&](const CurrencyTotals& t) { return t.currency == currency; });
    if (it == currencies_.end()) {
      currencies_.push_back(CurrencyTotals{std::string(currency), {}, {}, 0});
      it = currencies_.end() - 1;
    }
    it->charge += charge;
    it->connection += connection;
    it->calls += 1;
    main_currency = it == currencies_.begin();
  }
  DayTotals& d = by_day_[day];
  d.seconds += seconds;
  d.calls += 1;
  if (charged && main_currency) {
    d.spend += spend;
    charges_by_use_case_[static_cast<std::size_t>(charge_use_case(use_case, value(UsageColumn::capability)))] += spend;
  }

  const int location = country_index(value(UsageColumn::user_location));
  by_location_[static_cast<std::size_t>(location)][uc].seconds += seconds;
  by_location_[static_cast<std::size_t>(location)][uc].calls += 1;

  // Users: a hash map capped at max_tracked_users distinct users (memory bounded by the cap, not the file).
  std::string_view user = value(UsageColumn::upn);
  if (user.empty()) user = value(UsageColumn::display_name);
  if (!user.empty()) {
    user_key_.assign(user);
    auto it = users_.find(user_key_);
    if (it == users_.end() && users_.size() < settings_.max_tracked_users) {
      it = users_.emplace(user_key_, UserTotals{std::string(value(UsageColumn::display_name)), location, 0, 0, {}}).first;
    }
    if (it != users_.end()) {
      it->second.seconds += seconds;
      it->second.calls += 1;
      if (charged && main_currency) it->second.spend += spend;
    } else {
      other_users_.seconds += seconds;
      other_users_.calls += 1;
    }
  }

  if (!is_scenario_kind(use_case)) return;

  // Destination and rate: the number's longest prefix on the use case's sheet (masked tail ignored), else the
  // country and `all` type; the origin is the user's location (a row for that origin beats '*').
  std::array<char, 2> origin_buffer, place_buffer;
  const std::string_view origin = country_view(location, origin_buffer);
  const Sheet sheet = sheet_for(use_case);
  std::array<char, 40> buffer;
  const std::string_view digits = number_digits(value(UsageColumn::destination_number), buffer);
  const RateRow* rate = nullptr;
  if (index_ && !digits.empty()) rate = index_->by_number(sheet, digits, origin);
  const bool outbound = use_case == UseCase::user_out || use_case == UseCase::conf_out;
  int place = outbound ? country_index(value(UsageColumn::external_country)) : kUnknownCountry;
  if (place == kUnknownCountry && rate) place = country_index(rate->country);
  if (place == kUnknownCountry && !outbound) place = location;  // toll-free / toll number: the user's country
  if (index_ && !rate && place != kUnknownCountry) {
    rate = index_->by_country(sheet, country_view(place, place_buffer), NumberType::all, origin);
  }
  const NumberType type = rate ? rate->number_type : NumberType::all;
  if (outbound && place != kUnknownCountry) {
    by_destination_[static_cast<std::size_t>(place)][static_cast<std::size_t>(type)].seconds += seconds;
    by_destination_[static_cast<std::size_t>(place)][static_cast<std::size_t>(type)].calls += 1;
  }
  if (place == kUnknownCountry || (use_case == UseCase::user_out && location == kUnknownCountry)) {
    ++unknown_destination_calls_;
  } else {
    const Service service = use_case != UseCase::toll_free_in ? Service::none
                            : *category == CallCategory::conf_in ? Service::conferencing
                                                                 : Service::auto_attendant;
    const int from = use_case == UseCase::user_out ? location : 0;
    Totals& t = scenario_[scenario_key(use_case, from, place, outbound ? type : NumberType::all, service)];
    t.seconds += seconds;
    t.calls += 1;
  }

  if (charged && main_currency && place != kUnknownCountry) {
    // What was really paid for this destination (learned_rates.hpp), billed in the card's increments.
    const int increment = rates_ ? rates_->billing_increment_seconds : settings_.billing_increment_seconds;
    const Money usage_charge = settings_.charge_includes_connection_fee ? charge - connection : charge;
    learned_.add(sheet, country_view(place, place_buffer), outbound ? type : NumberType::all, rate, usage_charge,
                 connection, billed_seconds(seconds, increment));
  }
  if (!index_) return;
  if (!rate) {
    ++rerated_.unpriced_calls[uc];
    return;
  }
  // The one pricing rule (rate_lookup.hpp): 6-second increments per call (core/DOMAIN.md §5 and §8) + connection.
  const CallPrice price = price_call(*rate, seconds, rates_->billing_increment_seconds);
  rerated_.by_use_case[uc] += price.total();
  rerated_.billed_seconds[uc] += price.billed_seconds;
  ++rerated_.priced_calls[uc];
  if (charged) {
    rerated_.charged_calls_rerated += price.total();
    ++rerated_.charged_calls;
  }
}

void UsageReportReader::finish_json() {
  const json doc = parse_json(json_text_, file_.empty() ? "report" : file_);
  std::string().swap(json_text_);
  const json* rows = &doc;
  if (doc.is_object()) {
    rows = find_member(doc, "value", "");
    if (!rows) throw InputError("usage_not_report", "This JSON has no \"value\" list of getPstnCalls rows.", file_);
  }
  if (!rows->is_array()) throw InputError("usage_not_report", "\"value\" should be a list of getPstnCalls rows.", file_);
  // The Audio Conferencing dial-out summary (Graph getPstnOnlineMeetingDialoutReport) has totals per organizer, not
  // calls: said what it is instead of reading its rows as calls without a type.
  for (const json& row : *rows) {
    if (row.is_object() && (row.contains("totalCallCharge") || row.contains("destinationContext"))) {
      throw InputError("usage_dialout_summary",
                       "This is the Audio Conferencing dial-out summary (Microsoft Graph "
                       "getPstnOnlineMeetingDialoutReport): it gives each organizer's total dial-out calls, seconds "
                       "and charge, not one row per call, so it cannot be read as a usage report. For the calls, "
                       "export the PSTN usage report (Teams admin center > Analytics & reports > PSTN and SMS usage > "
                       "Export) or use Graph getPstnCalls.",
                       file_);
    }
  }
  std::array<std::string, kUsageColumnCount> text;
  std::array<std::string_view, kUsageColumnCount> values;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const json& row = (*rows)[i];
    for (auto& t : text) t.clear();
    if (row.is_object()) {
      for (auto it = row.begin(); it != row.end(); ++it) {
        const auto column = usage_column_from_header(it.key());
        if (!column || it->is_null()) continue;
        text[static_cast<std::size_t>(*column)] = it->is_string() ? it->get<std::string>() : it->dump();
      }
    }
    for (std::size_t c = 0; c < kUsageColumnCount; ++c) values[c] = text[c];
    add_call(values, static_cast<long>(i + 1));
  }
  have_header_ = true;
}

json UsageReportReader::finish() {
  if (mode_ == Mode::unknown && !json_text_.empty()) {
    // Only white space was seen: treat as an empty CSV.
    json_text_.clear();
  }
  try {
    if (mode_ == Mode::json) {
      finish_json();
    } else if (csv_) {
      csv_->finish();
    }
  } catch (const InputError& e) {
    throw located(e);
  }
  if (!have_header_) {
    throw InputError("usage_empty", "The report is empty: no header row was found.", file_);
  }
  try {
    return result();
  } catch (const InputError& e) {
    throw e.in_file(file_);  // a total or a per-month figure past the largest exact amount
  }
}

json UsageReportReader::result() const {
  json out;
  out["format"] = format_;
  out["rows"] = rows_;
  out["rows_used"] = rows_used_;
  out["skipped"] = skipped_;
  out["skipped_count"] = skipped_count_;
  out["failed_calls"] = failed_calls_;
  // Direct Routing calls are billed by the customer's own carrier (core/DOMAIN.md §2.7): said, so that a Direct Routing
  // export is not read as a report of calls credits pay for.
  json notices = json::array();
  const std::int64_t direct_routing_calls =
      by_use_case_[static_cast<std::size_t>(UseCase::direct_routing)].calls + failed_direct_routing_calls_;
  if (direct_routing_calls > 0 && direct_routing_calls == rows_used_ + failed_calls_) {
    notices.push_back("This is a Direct Routing report: its " + std::to_string(direct_routing_calls) +
                      " calls are billed by your carrier, not from Communication Credits, so none of them is priced "
                      "here. Export the PSTN usage report of your Calling Plans (Teams admin center > Analytics & "
                      "reports > PSTN and SMS usage > Export) to see what credits pay for.");
  } else if (direct_routing_calls > 0) {
    notices.push_back(std::to_string(direct_routing_calls) +
                      " Direct Routing calls are billed by your carrier, not from Communication Credits: they are "
                      "counted but not priced.");
  }
  if (failed_calls_ > 0) {
    notices.push_back(std::to_string(failed_calls_) + " calls did not connect (Success: No): they are counted as "
                      "failed calls and cost nothing.");
  }
  out["notices"] = std::move(notices);
  const int days = rows_used_ > 0 ? last_day_ - first_day_ + 1 : 0;
  out["period"] = rows_used_ > 0 ? json{{"from", iso_date(first_day_)}, {"to", iso_date(last_day_)}, {"days", days}}
                                 : json(nullptr);
  out["settings"] = {{"spend", settings_.charge_includes_connection_fee ? "charge" : "charge + connection fee"},
                     {"source", kSpendSettingSource}};

  json actual = json::object();
  for (const CurrencyTotals& c : currencies_) {
    const Money total = settings_.charge_includes_connection_fee ? c.charge : c.charge + c.connection;
    // Per average month (30.4375 days), the same basis as scenario_usage, so it compares with the projection.
    const Money per_month = days > 0 ? total.scaled(304375, wide_int(10000) * days) : Money();
    actual[c.currency] = {{"charge", c.charge.to_string(2)},
                          {"connection", c.connection.to_string(2)},
                          {"total", total.to_string(2)},
                          {"per_month", per_month.to_string(2)},
                          {"calls", c.calls}};
  }
  out["actual"] = actual;

  json minutes = json::object(), calls = json::object();
  for (int u = 0; u < kUseCaseCount; ++u) {
    const std::string key(use_case_key(static_cast<UseCase>(u)));
    minutes[key] = minutes_of(by_use_case_[static_cast<std::size_t>(u)].seconds);
    calls[key] = by_use_case_[static_cast<std::size_t>(u)].calls;
  }
  out["minutes"] = minutes;
  out["calls"] = calls;

  // Distinct users per User Location (of the users tracked: users_cap), so the page can offer a licence group.
  std::vector<std::int64_t> users_at(kCountryCount + 1, 0);
  for (const auto& [key, u] : users_) ++users_at[static_cast<std::size_t>(u.location)];
  json locations = json::array();
  for (int i = 0; i <= kCountryCount; ++i) {
    const auto& per = by_location_[static_cast<std::size_t>(i)];
    std::int64_t s = 0, n = 0;
    json by_uc = json::object();
    for (int u = 0; u < kUseCaseCount; ++u) {
      const Totals& t = per[static_cast<std::size_t>(u)];
      if (t.calls == 0) continue;
      s += t.seconds;
      n += t.calls;
      by_uc[std::string(use_case_key(static_cast<UseCase>(u)))] = minutes_of(t.seconds);
    }
    if (n == 0) continue;
    locations.push_back({{"country", i == kUnknownCountry ? json(nullptr) : json(country_code(i))},
                         {"minutes", minutes_of(s)}, {"calls", n}, {"minutes_by_use_case", by_uc},
                         {"users", users_at[static_cast<std::size_t>(i)]}});
  }
  out["by_location"] = locations;

  struct Dest {
    int country;
    int type;
    Totals t;
  };
  std::vector<Dest> dests;
  for (int i = 0; i < kCountryCount; ++i) {
    for (int k = 0; k < 4; ++k) {
      const Totals& t = by_destination_[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)];
      if (t.calls > 0) dests.push_back({i, k, t});
    }
  }
  std::stable_sort(dests.begin(), dests.end(), [](const Dest& a, const Dest& b) { return a.t.seconds > b.t.seconds; });
  json destinations = json::array();
  for (const Dest& d : dests) {
    destinations.push_back({{"country", country_code(d.country)},
                            {"number_type", number_type_key(static_cast<NumberType>(d.type))},
                            {"minutes", minutes_of(d.t.seconds)}, {"calls", d.t.calls}});
  }
  out["by_destination"] = destinations;
  out["top_destinations"] = json::array();
  for (std::size_t i = 0; i < destinations.size() && i < settings_.top_count; ++i) {
    out["top_destinations"].push_back(destinations[i]);
  }

  json per_day = json::array();
  if (days > kMaxPerDayDays) {
    out["per_day_note"] = "The report's calls span " + std::to_string(days) + " days (" + iso_date(first_day_) +
                          " to " + iso_date(last_day_) + "); the day-by-day series is given for at most " +
                          std::to_string(kMaxPerDayDays) + " days. Check the Start Time of the outlying calls.";
  } else if (rows_used_ > 0) {
    for (int day = first_day_; day <= last_day_; ++day) {
      auto it = by_day_.find(day);
      const DayTotals none;
      const DayTotals& t = it == by_day_.end() ? none : it->second;
      per_day.push_back({{"date", iso_date(day)}, {"calls", t.calls}, {"minutes", minutes_of(t.seconds)},
                         {"spend", t.spend.to_string(2)}});
    }
  }
  out["per_day"] = per_day;
  out["per_day_currency"] = currencies_.empty() ? json(nullptr) : json(currencies_.front().currency);

  std::vector<const std::pair<const std::string, UserTotals>*> users;
  users.reserve(users_.size());
  for (const auto& u : users_) users.push_back(&u);
  const std::size_t top = std::min(settings_.top_count, users.size());
  std::partial_sort(users.begin(), users.begin() + static_cast<std::ptrdiff_t>(top), users.end(),
                    [](const auto* a, const auto* b) {
                      if (a->second.seconds != b->second.seconds) return a->second.seconds > b->second.seconds;
                      return a->first < b->first;
                    });
  json top_users = json::array();
  for (std::size_t i = 0; i < top; ++i) {
    top_users.push_back({{"user", users[i]->first}, {"name", users[i]->second.name},
                         {"minutes", minutes_of(users[i]->second.seconds)}, {"calls", users[i]->second.calls},
                         {"spend", users[i]->second.spend.to_string(2)}});
  }
  out["top_users"] = top_users;
  out["users_tracked"] = users_.size();
  out["users_cap"] = settings_.max_tracked_users;
  out["other_users"] = {{"minutes", minutes_of(other_users_.seconds)}, {"calls", other_users_.calls}};

  // Scenario rows per average month (30.4375 days = 365.25 / 12) of the period covered.
  std::vector<std::pair<std::uint64_t, Totals>> rows(scenario_.begin(), scenario_.end());
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  json scenario = json::array();
  for (const auto& [key, t] : rows) {
    if (days == 0) break;
    const auto use_case = static_cast<UseCase>(key & 0xF);
    const int from = static_cast<int>((key >> 4) & 0x3FF);
    const int place = static_cast<int>((key >> 14) & 0x3FF);
    const auto type = static_cast<NumberType>((key >> 24) & 0x3);
    const auto service = static_cast<Service>((key >> 26) & 0x3);
    json r = {{"kind", use_case_key(use_case)}};
    if (use_case == UseCase::user_out) r["from"] = country_code(from);
    if (use_case == UseCase::user_out || use_case == UseCase::conf_out) {
      r["to"] = country_code(place);
      r["number_type"] = number_type_key(type);
    } else {
      r["country"] = country_code(place);
    }
    if (service != Service::none) r["service"] = service == Service::conferencing ? "conferencing" : "auto_attendant";
    r["minutes"] = minutes_json(Minutes::from_seconds(t.seconds).scaled(304375, wide_int(10000) * days));
    r["calls"] = static_cast<std::int64_t>(divide_round_half_up(wide_int(t.calls) * 304375, wide_int(10000) * days));
    scenario.push_back(std::move(r));
  }
  out["scenario_usage"] = scenario;
  out["scenario_usage_basis"] = "minutes and calls per average month of 30.4375 days over the period covered";
  out["unknown_destination_calls"] = unknown_destination_calls_;

  out["learned_rates"] = nullptr;
  out["report_basis"] = nullptr;
  if (!currencies_.empty() && days > 0) {
    const std::string& currency = currencies_.front().currency;
    const std::string period = iso_date(first_day_) + " to " + iso_date(last_day_);
    if (!learned_.empty()) {
      out["learned_rates"] = learned_.to_rate_card(
          currency, iso_date(last_day_),
          "Learned from the charged calls of your usage report" + (file_.empty() ? std::string() : " " + file_) +
              " (" + period + "): per destination and number type, the charges divided by the billed minutes, "
              "and the connection fees divided by the calls.",
          rates_ ? rates_->billing_increment_seconds : settings_.billing_increment_seconds);
    }
    // The charges per average month (30.4375 days), the scenario's `report.charges` (rating/report_basis.hpp).
    // The month's total is divided once, as actual.per_month is; the use cases share it exactly (the last takes
    // the remainder), so they add up to that total to the millionth.
    Money total;
    for (const Money& m : charges_by_use_case_) total += m;
    const Money per_month = total.scaled(304375, wide_int(10000) * days);
    json charges = json::object();
    Money given;
    int last = -1;
    for (int u = 0; u < kChargeUseCaseCount; ++u) {
      if (!charges_by_use_case_[static_cast<std::size_t>(u)].is_zero()) last = u;
    }
    for (int u = 0; u <= last; ++u) {
      const Money m = charges_by_use_case_[static_cast<std::size_t>(u)];
      if (m.is_zero()) continue;
      const Money part = u == last ? per_month - given : m.scaled(304375, wide_int(10000) * days);
      given += part;
      charges[kChargeUseCases[u]] = part.to_exact_string();
    }
    out["report_basis"] = {{"currency", currency},
                           {"charges", std::move(charges)},
                           {"monthly_total", per_month.to_exact_string()},
                           {"period", {{"from", iso_date(first_day_)}, {"to", iso_date(last_day_)}, {"days", days}}},
                           {"file", file_}};
  }

  if (!index_) {
    out["rerated"] = nullptr;
  } else {
    json by_uc = json::object();
    Money total;
    std::int64_t priced = 0, unpriced = 0;
    for (int u = 0; u <= static_cast<int>(UseCase::toll_in); ++u) {
      const auto k = static_cast<std::size_t>(u);
      total += rerated_.by_use_case[k];
      priced += rerated_.priced_calls[k];
      unpriced += rerated_.unpriced_calls[k];
      by_uc[std::string(use_case_key(static_cast<UseCase>(u)))] = {
          {"amount", rerated_.by_use_case[k].to_string(2)}, {"calls", rerated_.priced_calls[k]},
          {"unpriced_calls", rerated_.unpriced_calls[k]}, {"billed_minutes", minutes_of(rerated_.billed_seconds[k])}};
    }
    out["rerated"] = {
        {"currency", rates_->currency},
        {"effective", rates_->effective},
        {"illustrative", rates_->illustrative},
        {"increment_seconds", rates_->billing_increment_seconds},
        {"basis", "every call of a billable use case at the card's rate, before included minutes"},
        {"total", total.to_string(2)},
        {"by_use_case", by_uc},
        {"priced_calls", priced},
        {"unpriced_calls", unpriced},
        {"charged_calls", {{"calls", rerated_.charged_calls}, {"rerated", rerated_.charged_calls_rerated.to_string(2)}}}};
  }
  return out;
}

}  // namespace ccredits
