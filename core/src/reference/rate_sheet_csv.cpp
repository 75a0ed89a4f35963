// Microsoft's rate workbook, one sheet saved as CSV (DOMAIN.md §5: sheets "Dial-in to toll free", "Dial-in to
// toll", "Dial-out calls", "Dial-out Audio Rates"; columns Origin, Destination, Prefix(es), Originating Number Type,
// Terminating Number Type, "Per Minute Rate in {CUR} (Billed in Tenths of a Minute)", "Connection charge in {CUR}").
#include "reference/rate_sheet_csv.hpp"

#include <array>

#include "reference/countries.hpp"
#include "formats/csv_reader.hpp"
#include "ccredits/error.hpp"
#include "numbers/text.hpp"

namespace ccredits {
namespace {

// Lower case, letters and digits only: "Prefix(es)" -> "prefixes", "Dial-out Audio Rates" -> "dialoutaudiorates".
std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : to_lower_ascii(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

enum Column { origin, destination, prefixes, originating_type, terminating_type, per_minute, connection, country,
              column_count };

struct Header {
  std::array<long, column_count> index{};  // 1-based field index, 0 when absent
  std::string currency;
  std::size_t fields = 0;
};

// "Per Minute Rate in USD (Billed in Tenths of a Minute)" / "Connection charge in USD" -> "USD".
std::string currency_after_in(std::string_view header, long column, long line, const std::string& file) {
  const std::string lower = to_lower_ascii(header);
  const std::size_t at = lower.find(" in ");
  std::string code;
  if (at != std::string::npos) code = to_upper_ascii(trim(header.substr(at + 4, 4)));
  if (code.size() != 3 || code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos) {
    throw InputError("bad_header", "The header \"" + std::string(header) +
                                       "\" does not name a currency (expected e.g. \"... in USD ...\").",
                     file, line, column);
  }
  return code;
}

std::optional<Header> read_header(const std::vector<std::string_view>& fields, long line, const std::string& file) {
  Header h;
  h.fields = fields.size();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string key = squeeze(fields[i]);
    const long col = static_cast<long>(i + 1);
    Column c;
    if (key == "origin") c = origin;
    else if (key == "destination") c = destination;
    else if (key == "prefixes" || key == "prefix") c = prefixes;
    else if (key == "originatingnumbertype") c = originating_type;
    else if (key == "terminatingnumbertype" || key == "numbertype") c = terminating_type;
    else if (key.rfind("perminuterate", 0) == 0) c = per_minute;
    else if (key.rfind("connectioncharge", 0) == 0) c = connection;
    else if (key == "country" || key == "iso" || key == "countrycode" || key == "isocountrycode") c = country;
    else continue;
    if (h.index[c] != 0) {
      throw InputError("bad_header", "The column \"" + std::string(trim(fields[i])) + "\" appears twice.", file, line,
                       col);
    }
    h.index[c] = col;
    if (c == per_minute || c == connection) {
      const std::string cur = currency_after_in(fields[i], col, line, file);
      if (!h.currency.empty() && cur != h.currency) {
        throw InputError("currency_mismatch", "The rate columns name two currencies, " + h.currency + " and " + cur +
                                                  ".", file, line, col);
      }
      h.currency = cur;
    }
  }
  // A header row names at least the destination and the rate; rows above it are titles.
  if (h.index[destination] == 0 && h.index[per_minute] == 0) return std::nullopt;
  static constexpr std::array<std::pair<Column, const char*>, 3> required = {
      {{destination, "Destination"}, {per_minute, "Per Minute Rate in XXX (Billed in Tenths of a Minute)"},
       {terminating_type, "Terminating Number Type"}}};
  for (const auto& [c, name] : required) {
    if (h.index[c] == 0) {
      throw InputError("missing_column", std::string("The header has no \"") + name + "\" column.", file, line,
                       static_cast<long>(fields.size() + 1));
    }
  }
  return h;
}

std::string_view field(const std::vector<std::string_view>& fields, long index) {
  if (index <= 0 || static_cast<std::size_t>(index) > fields.size()) return {};
  return trim(fields[static_cast<std::size_t>(index - 1)]);
}

// "Any", "All", "*" or empty: calls from anywhere; else a country code or a country name.
std::string origin_code(std::string_view text, long line, long column, const std::string& file) {
  const std::string lower = to_lower_ascii(text);
  if (text.empty() || text == "*" || lower == "any" || lower == "all" || lower == "all origins" ||
      lower == "worldwide") {
    return "*";
  }
  if (const Country* c = shipped_countries().find(text); c && text.size() == 2) return c->code;
  if (const Country* c = shipped_countries().find_by_name(text)) return c->code;
  throw InputError("bad_value", "Unknown origin \"" + std::string(text) + "\" (expected a country, or Any).", file,
                   line, column);
}

RateRow read_row(const Header& h, const std::vector<std::string_view>& f, long line, const std::string& file) {
  // More fields than the header: a decimal comma or a stray separator shifted the row; never guess.
  for (std::size_t i = h.fields; i < f.size(); ++i) {
    if (!trim(f[i]).empty()) {
      throw InputError("bad_row", "This row has " + std::to_string(f.size()) + " fields but the header has " +
                                      std::to_string(h.fields) + " (a decimal comma, or an unquoted comma?).",
                       file, line, static_cast<long>(i + 1));
    }
  }
  RateRow row;
  row.source_line = line;
  row.origin = origin_code(field(f, h.index[origin]), line, h.index[origin], file);
  row.destination = std::string(field(f, h.index[destination]));
  // Prefix(es): several prefixes in one quoted field, separated by commas, semicolons or spaces.
  std::string token;
  const std::string_view list = field(f, h.index[prefixes]);
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
      throw InputError("bad_value", "Prefix(es) must be digits separated by commas, not \"" + std::string(list) +
                                        "\".", file, line, h.index[prefixes]);
    }
  }
  // The destination country: an explicit country column, else the country of the first prefix.
  if (const std::string_view cc = field(f, h.index[country]); !cc.empty()) {
    const Country* c = cc.size() == 2 ? shipped_countries().find(cc) : shipped_countries().find_by_name(cc);
    if (!c) throw InputError("bad_value", "Unknown country \"" + std::string(cc) + "\".", file, line, h.index[country]);
    row.country = c->code;
  } else if (!row.prefixes.empty()) {
    const Country* c = shipped_countries().from_number(row.prefixes.front());
    if (!c) {
      throw InputError("bad_value", "No country has the calling code of prefix " + row.prefixes.front() + ".", file,
                       line, h.index[prefixes]);
    }
    row.country = c->code;
  } else if (const Country* c = shipped_countries().find_by_name(row.destination)) {
    row.country = c->code;
  } else {
    throw InputError("bad_value", "The row for \"" + row.destination +
                                      "\" has no prefix and no country column, so its country is unknown.",
                     file, line, h.index[prefixes] ? h.index[prefixes] : h.index[destination]);
  }
  if (row.destination.empty()) row.destination = row.country;
  const std::string_view type = field(f, h.index[terminating_type]);
  const auto nt = number_type_from_text(type);
  if (!nt) {
    throw InputError("bad_value", "Terminating Number Type must be All Number Types, Wireline, Wireless or Premium, "
                                  "not \"" + std::string(type) + "\".", file, line, h.index[terminating_type]);
  }
  row.number_type = *nt;
  const auto money = [&](Column c, const char* name) {
    const std::string_view text = field(f, h.index[c]);
    if (text.empty() && c == connection) return Money();
    try {
      const Money m = Money::parse(text, name);
      if (m.is_negative()) throw InputError("bad_value", std::string(name) + " is negative.");
      return m;
    } catch (const InputError& e) {
      throw InputError(e.code(), e.what(), file, line, h.index[c]);
    }
  };
  row.per_minute = money(per_minute, "the per-minute rate");
  row.connection = money(connection, "the connection charge");
  return row;
}

}  // namespace

std::optional<Sheet> sheet_from_title(std::string_view title) {
  std::string t = squeeze(title);
  if (t.size() > 3 && t.compare(t.size() - 3, 3, "csv") == 0) t.resize(t.size() - 3);
  if (contains(t, "tollfree")) return Sheet::toll_free_in;
  if (contains(t, "tollin") || contains(t, "dialintotoll") || t == "toll") return Sheet::toll_in;
  if (contains(t, "audio") || contains(t, "conferenc")) return Sheet::dial_out_audio;
  if (contains(t, "dialout") || contains(t, "calls")) return Sheet::dial_out_calls;
  return std::nullopt;
}

Sheet add_rate_sheet_csv(RateCard& card, std::optional<Sheet> sheet, std::string_view text, const std::string& file) {
  std::optional<Header> header;
  std::optional<Sheet> titled;
  std::vector<RateRow> rows;
  CsvReader reader([&](const CsvRow& r) {
    bool blank = true;
    for (std::string_view f : r.fields) blank = blank && trim(f).empty();
    if (blank) return;
    if (!header) {
      header = read_header(r.fields, r.line, file);
      if (!header && !titled) {
        for (std::string_view f : r.fields) {
          if (!titled) titled = sheet_from_title(f);
        }
      }
      return;
    }
    rows.push_back(read_row(*header, r.fields, r.line, file));
  });
  try {
    reader.feed(text);
    reader.finish();
  } catch (const InputError& e) {
    throw e.in_file(file);
  }
  if (!header) {
    throw InputError("missing_column", "No header row with \"Destination\" and \"Per Minute Rate in ...\" was found.",
                     file, 1, 1);
  }
  if (!sheet) sheet = titled;
  if (!sheet) {
    // The file name, without its folders: "Dial-out calls.csv".
    const std::size_t slash = file.find_last_of("/\\");
    sheet = sheet_from_title(slash == std::string::npos ? file : file.substr(slash + 1));
  }
  if (!sheet) {
    throw InputError("unknown_sheet", "Cannot tell which rate sheet this is; name the file after the sheet "
                                      "(e.g. \"Dial-out calls.csv\") or choose the sheet.", file);
  }
  if (!card.currency.empty() && card.currency != header->currency) {
    throw InputError("currency_mismatch", "This sheet is in " + header->currency + " but the loaded rates are in " +
                                              card.currency + "; load sheets of one currency.", file);
  }
  card.currency = header->currency;
  auto& target = card.rows(*sheet);
  target.insert(target.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
  return *sheet;
}

}  // namespace ccredits
