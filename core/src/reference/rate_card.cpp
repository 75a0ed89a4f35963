#include "reference/rate_card.hpp"

#include "ccredits/error.hpp"
#include "formats/json_input.hpp"
#include "formats/json_view.hpp"
#include "numbers/text.hpp"

namespace ccredits {
namespace {

constexpr std::array<std::string_view, kSheetCount> kSheetKeys = {"dial_out_calls", "dial_out_audio", "toll_free_in",
                                                                  "toll_in"};
constexpr std::array<std::string_view, kSheetCount> kSheetTitles = {"Dial-out calls", "Dial-out Audio Rates",
                                                                    "Dial-in to toll free", "Dial-in to toll"};
constexpr std::array<std::string_view, 4> kNumberTypeKeys = {"all", "wireline", "wireless", "premium"};

RateRow row_from_json(const JsonValue& j, const std::string& path) {
  RateRow row;
  if (const JsonValue v = find_member(j, "origin", path); v.present()) row.origin = to_upper_ascii(text_value(v, path + ".origin"));
  if (row.origin != "*" && !is_country_code(row.origin)) {
    throw InputError("bad_value", "\"" + path + ".origin\" must be \"*\" or a two-letter country code, not \"" +
                                      row.origin + "\".");
  }
  if (const JsonValue v = find_member(j, "destination", path); v.present()) row.destination = text_value(v, path + ".destination");
  row.country = to_upper_ascii(text_value(require_member(j, "country", path), path + ".country"));
  if (!is_country_code(row.country)) {
    throw InputError("bad_value", "\"" + path + ".country\" must be a two-letter country code, not \"" +
                                      row.country + "\".");
  }
  if (row.destination.empty()) row.destination = row.country;
  if (const JsonValue v = find_member(j, "prefixes", path); v.present()) {
    if (!v.is_array()) throw InputError("bad_value", "\"" + path + ".prefixes\" should be a list of digit strings.");
    v.for_each_element([&](std::size_t i, const JsonValue& prefix) {
      const std::string p = path + ".prefixes[" + std::to_string(i) + "]";
      std::string digits = text_value(prefix, p);
      if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) {
        throw InputError("bad_value", "\"" + p + "\" must be digits only (E.164 without '+'), not \"" + digits + "\".");
      }
      row.prefixes.push_back(std::move(digits));
    });
  }
  if (const JsonValue v = find_member(j, "number_type", path); v.present()) {
    const std::string t = text_value(v, path + ".number_type");
    auto nt = number_type_from_text(t);
    if (!nt) {
      throw InputError("bad_value", "\"" + path + ".number_type\" must be all, wireline, wireless or premium, not \"" +
                                        t + "\".");
    }
    row.number_type = *nt;
  }
  row.per_minute = money_value(require_member(j, "per_minute", path), path + ".per_minute");
  if (const JsonValue v = find_member(j, "connection", path); v.present()) row.connection = money_value(v, path + ".connection");
  if (row.per_minute.is_negative() || row.connection.is_negative()) {
    throw InputError("bad_value", "\"" + path + "\" has a negative rate.");
  }
  return row;
}

}  // namespace

std::string_view sheet_key(Sheet s) { return kSheetKeys[static_cast<std::size_t>(s)]; }
std::string_view sheet_title(Sheet s) { return kSheetTitles[static_cast<std::size_t>(s)]; }

std::optional<Sheet> sheet_from_key(std::string_view key) {
  for (std::size_t i = 0; i < kSheetCount; ++i) {
    if (kSheetKeys[i] == key) return static_cast<Sheet>(i);
  }
  return std::nullopt;
}

std::string_view number_type_key(NumberType t) { return kNumberTypeKeys[static_cast<std::size_t>(t)]; }

std::optional<NumberType> number_type_from_text(std::string_view text) {
  // Lower-cased in a stack buffer, not a std::string: every usage row of every estimate passes here.
  text = trim(text);
  char lower[24];
  if (text.size() > sizeof lower) return std::nullopt;  // longer than any of the words below
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view t(lower, text.size());
  if (t == "all" || t == "all number types" || t == "any" || t.empty()) return NumberType::all;
  if (t == "wireline" || t == "landline" || t == "fixed" || t == "geographic") return NumberType::wireline;
  if (t == "wireless" || t == "mobile") return NumberType::wireless;
  if (t == "premium") return NumberType::premium;
  return std::nullopt;
}

std::string rate_card_json_text(const RateCard& card) {
  json sheets = json::object();
  for (std::size_t i = 0; i < kSheetCount; ++i) {
    json rows = json::array();
    for (const RateRow& r : card.sheets[i]) {
      rows.push_back({{"origin", r.origin}, {"destination", r.destination}, {"country", r.country},
                      {"prefixes", r.prefixes}, {"number_type", std::string(number_type_key(r.number_type))},
                      {"per_minute", r.per_minute.to_exact_string()}, {"connection", r.connection.to_exact_string()}});
    }
    sheets[std::string(kSheetKeys[i])] = std::move(rows);
  }
  return json{{"schema", "ccredits.rates/1"}, {"currency", card.currency}, {"effective", card.effective},
              {"source", card.source}, {"illustrative", card.illustrative},
              {"billing_increment_seconds", card.billing_increment_seconds}, {"sheets", std::move(sheets)}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

RateCard load_rate_card_json(std::string_view text, const std::string& file) {
  JsonView view;
  read_json(view, text, file);
  return rate_card_from_json(view.root(), file);
}

RateCard rate_card_from_json(const JsonValue& doc, const std::string& file) {
  try {
    RateCard card;
    const std::string schema = text_value(require_member(doc, "schema", ""), "schema");
    if (schema != "ccredits.rates/1") {
      throw InputError("bad_schema", "This is not a ccredits rate card (schema \"" + schema +
                                         "\", expected \"ccredits.rates/1\").");
    }
    card.currency = to_upper_ascii(text_value(require_member(doc, "currency", ""), "currency"));
    if (card.currency.size() != 3) {
      throw InputError("bad_value", "\"currency\" must be an ISO 4217 code like USD, not \"" + card.currency + "\".");
    }
    if (const JsonValue v = find_member(doc, "effective", ""); v.present()) card.effective = text_value(v, "effective");
    if (const JsonValue v = find_member(doc, "source", ""); v.present()) card.source = text_value(v, "source");
    if (const JsonValue v = find_member(doc, "illustrative", ""); v.present()) card.illustrative = bool_value(v, "illustrative");
    if (const JsonValue v = find_member(doc, "billing_increment_seconds", ""); v.present()) {
      const auto inc = count_value(v, "billing_increment_seconds");
      if (inc < 1 || inc > 3600) {
        throw InputError("bad_value", "\"billing_increment_seconds\" must be between 1 and 3600.");
      }
      card.billing_increment_seconds = static_cast<int>(inc);
    }
    const JsonValue sheets = require_member(doc, "sheets", "");
    if (!sheets.is_object()) throw InputError("bad_value", "\"sheets\" should be an object of the four rate sheets.");
    for (const auto& member : members_in_key_order(sheets)) {
      const std::string& key = member.first;  // a named variable, not a structured binding: the lambda below uses it
      const JsonValue& list = member.second;
      auto sheet = sheet_from_key(key);
      if (!sheet) {
        throw InputError("bad_value", "Unknown sheet \"" + key +
                                          "\" (expected dial_out_calls, dial_out_audio, toll_free_in, toll_in).");
      }
      if (!list.is_array()) throw InputError("bad_value", "\"sheets." + key + "\" should be a list of rows.");
      auto& rows = card.rows(*sheet);
      rows.reserve(list.size());
      list.for_each_element([&](std::size_t i, const JsonValue& row) {
        rows.push_back(row_from_json(row, "sheets." + key + "[" + std::to_string(i) + "]"));
      });
    }
    return card;
  } catch (const InputError& e) {
    throw e.in_file(file);
  }
}

}  // namespace ccredits
