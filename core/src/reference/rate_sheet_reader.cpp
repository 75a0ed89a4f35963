#include "reference/rate_sheet_reader.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "ccredits/error.hpp"
#include "numbers/text.hpp"
#include "reference/countries.hpp"
#include "reference/rate_sheet_csv.hpp"

namespace ccredits {
namespace {

constexpr std::array<std::string_view, kRateColumnCount> kColumnKeys = {
    "origin", "destination", "prefixes", "originating_type", "number_type", "per_minute", "connection", "country"};

// The currencies of Microsoft's rate workbook (core/DOMAIN.md §5).
constexpr std::array<std::string_view, 25> kCurrencies = {"ARS", "AUD", "BRL", "CAD", "CHF", "CNY", "DKK", "EUR", "GBP",
                                                          "HKD", "IDR", "INR", "JPY", "KRW", "MXN", "MYR", "NOK", "NZD",
                                                          "RUB", "SAR", "SEK", "TRY", "TWD", "USD", "ZAR"};

bool known_currency(std::string_view code) {
  return std::find(kCurrencies.begin(), kCurrencies.end(), code) != kCurrencies.end();
}

// Lower case, letters and digits only: "Prefix(es)" -> "prefixes", "Vorwahl(en)" -> "vorwahlen".
std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : to_lower_ascii(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

bool has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

// The first word of three capital letters that is one of the workbook's currencies: "Minutentarif in EUR (...)".
std::string currency_in(std::string_view header) {
  std::size_t i = 0;
  while (i < header.size()) {
    std::size_t j = i;
    while (j < header.size() && header[j] >= 'A' && header[j] <= 'Z') ++j;
    const bool word_start = i == 0 || !((header[i - 1] >= 'a' && header[i - 1] <= 'z') ||
                                        (header[i - 1] >= 'A' && header[i - 1] <= 'Z'));
    const bool word_end = j == header.size() || !(header[j] >= 'a' && header[j] <= 'z');
    if (j - i == 3 && word_start && word_end && known_currency(header.substr(i, 3))) {
      return std::string(header.substr(i, 3));
    }
    i = j == i ? i + 1 : j;
  }
  return {};
}

// English (Microsoft's headers, core/DOMAIN.md §5) and German (a German tenant's copy, §9) headers. The German words
// for the number types and the connection charge are recognised by their parts ("...typ", "Verbindung...").
std::optional<RateColumn> recognise(std::string_view header) {
  const std::string k = squeeze(header);
  const bool currency = !currency_in(header).empty();
  const bool type = has(k, "numbertype") || has(k, "nummerntyp") || (has(k, "typ") && k.size() < 40);
  if (k.rfind("perminuterate", 0) == 0 || has(k, "minutentarif") || has(k, "prominute") ||
      (currency && has(k, "minut"))) {
    return RateColumn::per_minute;
  }
  if (k.rfind("connectioncharge", 0) == 0 || has(k, "verbindung") ||
      (currency && (has(k, "charge") || has(k, "entgelt") || has(k, "gebhr") || has(k, "fee")))) {
    return RateColumn::connection;
  }
  if (type && (has(k, "originating") || has(k, "ursprung") || has(k, "herkunft") || has(k, "anrufer"))) {
    return RateColumn::originating_type;
  }
  if (type) return RateColumn::terminating_type;
  if (k == "origin" || k == "ursprung" || k == "herkunft" || k == "ursprungsland" || k == "herkunftsland") {
    return RateColumn::origin;
  }
  if (k == "destination" || k == "ziel" || k == "zielland") return RateColumn::destination;
  if (k == "prefixes" || k == "prefix" || k == "vorwahlen" || k == "vorwahl") return RateColumn::prefixes;
  if (k == "country" || k == "iso" || k == "countrycode" || k == "isocountrycode") return RateColumn::country;
  return std::nullopt;
}

bool german_header(const std::string& k) {
  for (std::string_view word : {"ziel", "vorwahl", "minutentarif", "ursprung", "herkunft", "verbindung", "nummerntyp"}) {
    if (has(k, word)) return true;
  }
  return false;
}

// The number type words of the English and the German sheets.
std::optional<NumberType> number_type_of(std::string_view text) {
  const std::string k = squeeze(text);
  if (k == "allenummerntypen" || k == "allerufnummerntypen" || k == "alle") return NumberType::all;
  if (k == "festnetz") return NumberType::wireline;
  if (k == "mobil" || k == "mobilfunk") return NumberType::wireless;
  return number_type_from_text(text);
}

// Currency symbols an amount may be written with, and the workbook currencies each can mean.
struct Symbol {
  std::string_view text;
  std::string_view currencies;
};
constexpr std::array<Symbol, 17> kSymbols = {{{"R$", "BRL"},
                                              {"US$", "USD"},
                                              {"A$", "AUD"},
                                              {"C$", "CAD"},
                                              {"HK$", "HKD"},
                                              {"NT$", "TWD"},
                                              {"NZ$", "NZD"},
                                              {"$", "USD AUD CAD HKD MXN NZD TWD ARS"},
                                              {"\xE2\x82\xAC", "EUR"},        // €
                                              {"\xC2\xA3", "GBP"},            // £
                                              {"\xC2\xA5", "JPY CNY"},        // ¥
                                              {"\xE2\x82\xB9", "INR"},        // ₹
                                              {"\xE2\x82\xA9", "KRW"},        // ₩
                                              {"\xE2\x82\xBA", "TRY"},        // ₺
                                              {"\xE2\x82\xBD", "RUB"},        // ₽
                                              {"kr", "DKK NOK SEK"},
                                              {"Fr.", "CHF"}}};

// Spaces, no-break spaces (U+00A0, U+202F) trimmed from both ends.
std::string_view trim_spaces(std::string_view s) {
  for (;;) {
    s = trim(s);
    if (s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
    else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
    else if (s.substr(0, 3) == "\xE2\x80\xAF") s.remove_prefix(3);
    else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xAF") s.remove_suffix(3);
    else return s;
  }
}

bool ends_with_word(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  const std::string tail = to_lower_ascii(s.substr(s.size() - word.size()));
  if (tail != word) return false;
  if (s.size() == word.size()) return true;
  const char before = s[s.size() - word.size() - 1];
  return !((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z'));
}

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "1.234" with '.' grouping thousands: 1 to 3 digits (not a lone leading 0), then groups of exactly 3.
bool grouped(std::string_view s, char group) {
  std::size_t start = 0;
  bool first = true;
  for (;;) {
    std::size_t stop = s.find(group, start);
    if (stop == std::string_view::npos) stop = s.size();
    const std::string_view part = s.substr(start, stop - start);
    if (!all_digits(part) || part.empty()) return false;
    if (first ? (part.size() > 3 || part[0] == '0') : part.size() != 3) return false;
    first = false;
    if (stop == s.size()) return true;
    start = stop + 1;
  }
}

}  // namespace

std::string_view rate_column_key(RateColumn c) { return kColumnKeys[static_cast<std::size_t>(c)]; }

std::optional<RateColumn> rate_column_from_key(std::string_view key) {
  for (std::size_t i = 0; i < kRateColumnCount; ++i) {
    if (kColumnKeys[i] == key) return static_cast<RateColumn>(i);
  }
  return std::nullopt;
}

bool ColumnMapping::empty() const {
  return currency.empty() &&
         std::all_of(headers.begin(), headers.end(), [](const std::vector<std::string>& h) { return h.empty(); });
}

ColumnMapping ColumnMapping::from_json(std::string_view text) {
  ColumnMapping mapping;
  if (trim(text).empty()) return mapping;
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (!doc.is_object()) throw InputError("bad_value", "The column mapping is not a JSON object.");
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    const std::string role = it.key();  // a copy: clang 14 lambdas cannot capture structured bindings
    const nlohmann::json& value = it.value();
    const auto add_one = [&](const nlohmann::json& header) {
      if (!header.is_string()) throw InputError("bad_value", "The column mapping's \"" + role + "\" is not text.");
      if (trim(header.get<std::string>()).empty()) return;
      mapping.add(role + "=" + header.get<std::string>());
    };
    if (value.is_array()) {
      for (const auto& header : value) add_one(header);
    } else if (!value.is_null()) {
      add_one(value);
    }
  }
  return mapping;
}

void ColumnMapping::add(std::string_view spec) {
  const std::size_t eq = spec.find('=');
  const std::string_view role = eq == std::string_view::npos ? spec : trim(spec.substr(0, eq));
  const std::string_view value = eq == std::string_view::npos ? std::string_view() : trim(spec.substr(eq + 1));
  if (role == "currency" && value.size() == 3) {
    currency = to_upper_ascii(value);
    return;
  }
  const auto column = rate_column_from_key(role);
  if (!column || value.empty()) {
    throw InputError("usage", "A column mapping is ROLE=HEADER with ROLE one of origin, destination, prefixes, "
                              "originating_type, number_type, per_minute, connection, country (or currency=EUR), "
                              "not \"" + std::string(spec) + "\".");
  }
  headers[static_cast<std::size_t>(*column)].emplace_back(value);
}

std::string column_letters(long column) {
  std::string letters;
  for (long n = column; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters;
}

RateSheetReader::RateSheetReader(std::string file, std::string sheet_label, char separator,
                                 const ColumnMapping* mapping)
    : file_(std::move(file)), sheet_label_(std::move(sheet_label)), separator_(separator), mapping_(mapping) {}

void RateSheetReader::fail(const std::string& code, const std::string& message, long line, long column) const {
  if (sheet_label_.empty()) throw InputError(code, message, file_, line, column);
  throw InputError(code, "Sheet \"" + sheet_label_ + "\", cell " + column_letters(column) + std::to_string(line) +
                             ": " + message, file_, line, column);
}

void RateSheetReader::fail_no_header() const {
  std::string found;
  for (const std::string& h : likely_headers_) found += (found.empty() ? "\"" : ", \"") + h + "\"";
  std::string message = "No header row with a destination and a per-minute rate column was found";
  if (!sheet_label_.empty()) message = "Sheet \"" + sheet_label_ + "\": " + message;
  message += found.empty() ? " (the sheet has no text)." : "; the headers found are " + found + ".";
  message += " Say which column is the destination, the prefixes, the origin, the originating and the terminating "
             "number type, the per-minute rate and the connection charge (and the currency when no header names it).";
  throw InputError("unknown_columns", message, file_, likely_headers_line_ ? likely_headers_line_ : 1, 1)
      .with_headers(likely_headers_);
}

bool RateSheetReader::try_header(const std::vector<SheetCell>& cells, long line) {
  std::array<long, kRateColumnCount> index{};
  bool german = false;
  long twice = 0;  // a column of a kind already seen: an error only if this row is the header
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string_view text = trim_spaces(cells[i].text);
    if (text.empty() || cells[i].number) continue;
    std::optional<RateColumn> c;
    if (mapping_) {
      for (std::size_t m = 0; m < kRateColumnCount && !c; ++m) {
        for (const std::string& named : mapping_->headers[m]) {
          if (!c && squeeze(named) == squeeze(text)) c = static_cast<RateColumn>(m);
        }
      }
    }
    if (!c) c = recognise(text);
    if (!c) continue;
    german = german || german_header(squeeze(text));
    const long col = static_cast<long>(i + 1);
    long& slot = index[static_cast<std::size_t>(*c)];
    if (slot != 0 && twice == 0) twice = col;
    if (slot == 0) slot = col;
  }
  const auto at = [&](RateColumn c) { return index[static_cast<std::size_t>(c)]; };
  if (at(RateColumn::destination) == 0 || at(RateColumn::per_minute) == 0) return false;
  if (twice != 0) {
    fail("bad_header", "The column \"" + std::string(trim_spaces(cells[static_cast<std::size_t>(twice - 1)].text)) +
                           "\" appears twice.", line, twice);
  }
  std::string listed;
  for (const SheetCell& cell : cells) {
    if (!trim_spaces(cell.text).empty()) listed += (listed.empty() ? "\"" : ", \"") + std::string(trim_spaces(cell.text)) + "\"";
  }
  if (at(RateColumn::terminating_type) == 0) {
    std::vector<std::string> found;
    for (const SheetCell& cell : cells) {
      if (!trim_spaces(cell.text).empty()) found.emplace_back(trim_spaces(cell.text));
    }
    try {
      fail("missing_column", "The header has no \"Terminating Number Type\" column (the headers are " + listed + ").",
           line, static_cast<long>(cells.size() + 1));
    } catch (const InputError& e) {
      throw e.with_headers(std::move(found));
    }
  }
  for (RateColumn c : {RateColumn::per_minute, RateColumn::connection}) {
    const long col = at(c);
    if (col == 0) continue;
    std::string code = currency_in(cells[static_cast<std::size_t>(col - 1)].text);
    if (code.empty() && mapping_) code = mapping_->currency;
    if (code.empty()) {
      fail("bad_header", "The header \"" + std::string(trim(cells[static_cast<std::size_t>(col - 1)].text)) +
                             "\" does not name a currency (expected e.g. \"... in USD ...\").",
           line, col);
    }
    if (!currency_.empty() && code != currency_) {
      fail("currency_mismatch", "The rate columns name two currencies, " + currency_ + " and " + code + ".", line, col);
    }
    currency_ = code;
  }
  index_ = index;
  header_width_ = cells.size();
  decimal_comma_ = german || separator_ == ';';
  header_found_ = true;
  return true;
}

void RateSheetReader::row(const std::vector<SheetCell>& cells, long line) {
  bool blank = true;
  for (const SheetCell& c : cells) blank = blank && trim_spaces(c.text).empty();
  if (blank) return;
  if (header_found_) {
    rows_.push_back(read_row(cells, line));
    return;
  }
  if (try_header(cells, line)) return;
  std::vector<std::string> texts;
  for (const SheetCell& c : cells) {
    if (!trim_spaces(c.text).empty()) texts.emplace_back(trim_spaces(c.text));
  }
  if (texts.size() > likely_headers_.size() && texts.size() <= 64) {
    likely_headers_ = std::move(texts);
    likely_headers_line_ = line;
  }
  if (!titled_) {
    for (const SheetCell& c : cells) {
      if (!titled_ && !c.number) titled_ = sheet_from_title(c.text);
    }
  }
}

std::string RateSheetReader::amount(const SheetCell& cell, long line, long column, const char* what) const {
  if (cell.number) return std::string(trim(cell.text));
  const std::string_view raw = trim_spaces(cell.text);
  std::string_view t = raw;
  const auto not_amount = [&](const std::string& why) {
    fail("bad_number", "\"" + std::string(raw) + "\" is not " + what + ": " + why + ".", line, column);
  };
  bool cents = false;
  for (std::string_view word : {"cents", "cent", "ct.", "ct", "\xC2\xA2"}) {
    if (!cents && ends_with_word(t, word)) {
      t = trim_spaces(t.substr(0, t.size() - word.size()));
      cents = true;
    }
  }
  // A currency code or symbol before or after the number; it must be the sheet's currency.
  for (int pass = 0; pass < 2; ++pass) {
    if (t.size() >= 3) {
      const std::string_view head = t.substr(0, 3), tail = t.substr(t.size() - 3);
      for (std::string_view code : {head, tail}) {
        if (!known_currency(code)) continue;
        if (code != currency_) not_amount("it is in " + std::string(code) + " but the sheet's header says " + currency_);
        t = trim_spaces(code.data() == t.data() ? t.substr(3) : t.substr(0, t.size() - 3));
        break;
      }
    }
    for (const Symbol& s : kSymbols) {
      const bool front = t.substr(0, s.text.size()) == s.text;
      const bool back = !front && t.size() >= s.text.size() && t.substr(t.size() - s.text.size()) == s.text;
      if (!front && !back) continue;
      if (std::string_view(s.currencies).find(currency_) == std::string_view::npos) {
        not_amount("\"" + std::string(s.text) + "\" is not a symbol of " + currency_ + ", the sheet's currency");
      }
      t = trim_spaces(front ? t.substr(s.text.size()) : t.substr(0, t.size() - s.text.size()));
      break;
    }
  }
  if (t.empty()) not_amount("it has no number");
  if (t.front() == '-') not_amount("a rate is never negative");
  const char point = decimal_comma_ ? ',' : '.';
  const char group = decimal_comma_ ? '.' : ',';
  const std::size_t at = t.find(point);
  const std::string_view whole = at == std::string_view::npos ? t : t.substr(0, at);
  const std::string_view fraction = at == std::string_view::npos ? std::string_view() : t.substr(at + 1);
  const std::string example = decimal_comma_ ? "0,024 or \"2,4 Cent\"" : "0.024";
  if (!all_digits(fraction) || (whole.empty() && fraction.empty())) {
    not_amount("expected a number such as " + example);
  }
  std::string digits;
  if (whole.find(group) != std::string_view::npos) {
    if (!grouped(whole, group)) {
      not_amount(std::string("this sheet's numbers use a decimal ") + (decimal_comma_ ? "comma" : "point") +
                 ", so \"" + group + "\" may only group thousands (expected a number such as " + example + ")");
    }
    for (char c : whole) {
      if (c != group) digits.push_back(c);
    }
  } else {
    if (!all_digits(whole)) not_amount("expected a number such as " + example);
    digits = std::string(whole);
  }
  if (digits.empty()) digits = "0";
  std::string frac(fraction);
  if (cents) {  // two places to the left: "2,4 Cent" is 0.024
    while (digits.size() < 3) digits.insert(digits.begin(), '0');
    frac = digits.substr(digits.size() - 2) + frac;
    digits.resize(digits.size() - 2);
  }
  return frac.empty() ? digits : digits + "." + frac;
}

RateRow RateSheetReader::read_row(const std::vector<SheetCell>& f, long line) const {
  // More fields than the header: a decimal comma or a stray separator shifted the row; never guess.
  for (std::size_t i = header_width_; i < f.size(); ++i) {
    if (!trim_spaces(f[i].text).empty()) {
      fail("bad_row", "This row has " + std::to_string(f.size()) + " fields but the header has " +
                          std::to_string(header_width_) + " (a decimal comma, or an unquoted comma?).",
           line, static_cast<long>(i + 1));
    }
  }
  const auto col = [&](RateColumn c) { return index_[static_cast<std::size_t>(c)]; };
  const auto field = [&](RateColumn c) -> std::string_view {
    const long i = col(c);
    if (i <= 0 || static_cast<std::size_t>(i) > f.size()) return {};
    return trim_spaces(f[static_cast<std::size_t>(i - 1)].text);
  };
  RateRow row;
  row.source_line = line;
  // Origin: "Any", "All", "*" or empty (German "Alle", "Beliebig"): calls from anywhere; else a country.
  const std::string_view origin = field(RateColumn::origin);
  const std::string lower = to_lower_ascii(origin);
  if (origin.empty() || origin == "*" || lower == "any" || lower == "all" || lower == "all origins" ||
      lower == "worldwide" || lower == "alle" || lower == "beliebig" || lower == "weltweit") {
    row.origin = "*";
  } else if (const Country* c = origin.size() == 2 ? shipped_countries().find(origin) : nullptr) {
    row.origin = c->code;
  } else if (const Country* n = shipped_countries().find_by_name(origin)) {
    row.origin = n->code;
  } else {
    fail("bad_value", "Unknown origin \"" + std::string(origin) + "\" (expected a country, or Any).", line,
         col(RateColumn::origin));
  }
  row.destination = std::string(field(RateColumn::destination));
  // Prefix(es): several prefixes in one cell, separated by commas, semicolons or spaces ("33, 336").
  std::string token;
  const std::string_view list = field(RateColumn::prefixes);
  for (std::size_t i = 0; i <= list.size(); ++i) {
    const char c = i < list.size() ? list[i] : ' ';
    if (c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!token.empty()) row.prefixes.push_back(token);
      token.clear();
    } else if (c >= '0' && c <= '9') {
      token.push_back(c);
    } else if (c == '+' && token.empty()) {
      continue;
    } else {
      fail("bad_value", "Prefix(es) must be digits separated by commas, not \"" + std::string(list) + "\".", line,
           col(RateColumn::prefixes));
    }
  }
  // The destination country: an explicit country column, else the country of the first prefix.
  if (const std::string_view cc = field(RateColumn::country); !cc.empty()) {
    const Country* c = cc.size() == 2 ? shipped_countries().find(cc) : shipped_countries().find_by_name(cc);
    if (!c) fail("bad_value", "Unknown country \"" + std::string(cc) + "\".", line, col(RateColumn::country));
    row.country = c->code;
  } else if (!row.prefixes.empty()) {
    const Country* c = shipped_countries().from_number(row.prefixes.front());
    if (!c) {
      fail("bad_value", "No country has the calling code of prefix " + row.prefixes.front() + ".", line,
           col(RateColumn::prefixes));
    }
    row.country = c->code;
  } else if (const Country* c = shipped_countries().find_by_name(row.destination)) {
    row.country = c->code;
  } else {
    fail("bad_value", "The row for \"" + row.destination +
                          "\" has no prefix and no country column, so its country is unknown.",
         line, col(RateColumn::prefixes) ? col(RateColumn::prefixes) : col(RateColumn::destination));
  }
  if (row.destination.empty()) row.destination = row.country;
  const std::string_view type = field(RateColumn::terminating_type);
  const auto nt = number_type_of(type);
  if (!nt) {
    fail("bad_value", "Terminating Number Type must be All Number Types, Wireline, Wireless or Premium, not \"" +
                          std::string(type) + "\".", line, col(RateColumn::terminating_type));
  }
  row.number_type = *nt;
  const auto money = [&](RateColumn c, const char* name) {
    const long i = col(c);
    if (i <= 0 || static_cast<std::size_t>(i) > f.size() || trim_spaces(f[static_cast<std::size_t>(i - 1)].text).empty()) {
      if (c == RateColumn::connection) return Money();
      fail("bad_number", std::string(name) + " is empty.", line, i);
    }
    const std::string text = amount(f[static_cast<std::size_t>(i - 1)], line, i, name);
    Money m;
    try {
      m = Money::parse(text, name);
    } catch (const InputError& e) {
      fail(e.code(), e.what(), line, i);
    }
    if (m.is_negative()) fail("bad_value", std::string(name) + " is negative.", line, i);
    return m;
  };
  row.per_minute = money(RateColumn::per_minute, "the per-minute rate");
  row.connection = money(RateColumn::connection, "the connection charge");
  return row;
}

}  // namespace ccredits
