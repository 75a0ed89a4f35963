#include "formats/json_input.hpp"

#include <charconv>
#include <cstdlib>
#include <tuple>
#include <vector>

#include "ccredits/error.hpp"
#include "formats/json_view.hpp"

namespace ccredits {
namespace {

std::string type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "true/false";
    case json::value_t::string: return "text";
    case json::value_t::array: return "a list";
    case json::value_t::object: return "an object";
    default: return "a number";
  }
}

[[noreturn]] void wrong_type(const json& v, const std::string& path, const std::string& expected) {
  throw field_error("bad_value", path, field_words(path, true) + " should be " + expected + ", not " + type_name(v) + ".");
}

struct PathPart {
  std::string_view name;  // empty for an index
  std::size_t index = 0;
};

std::vector<PathPart> path_parts(std::string_view path) {
  std::vector<PathPart> parts;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '.') {
      ++i;
    } else if (path[i] == '[') {
      const std::size_t close = path.find(']', i);
      if (close == std::string_view::npos) break;
      PathPart p;
      std::from_chars(path.data() + i + 1, path.data() + close, p.index);
      parts.push_back(p);
      i = close + 1;
    } else {
      const std::size_t end = std::min(path.find('.', i), path.find('[', i));
      parts.push_back({path.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i), 0});
      i = end == std::string_view::npos ? path.size() : end;
    }
  }
  return parts;
}

// The words for one member name of the scenario, plans or rate card formats (core/CONTRACT.md).
std::string member_words(std::string_view name) {
  static const std::pair<std::string_view, std::string_view> kWords[] = {
      {"usage", "the usage"},
      {"licenses", "the licences"},
      {"number_type", "number type"},
      {"to", "destination"},
      {"from", "licence country (from)"},
      {"users", "number of users"},
      {"conferencing", "the Audio Conferencing licences"},
      {"standard", "standard licences"},
      {"us_ca_dial_out", "dial-out to USA/CAN licences"},
      {"pay_per_minute", "pay-per-minute licences"},
      {"billing", "the billing answers"},
      {"calling_account", "account of the calling subscriptions"},
      {"default_account", "default billing account"},
      {"organization_country", "organization's country"},
      {"ea_billing_country", "Enterprise Agreement billing country"},
      {"tenant_country", "tenant's country"},
      {"funding", "the funding"},
      {"daily_profile", "daily profile"},
      {"settings", "the settings"},
      {"uk_domestic_minutes", "UK domestic minutes setting"},
      {"spend_includes_connection_fee", "setting for whether the spend includes the connection fee"},
      {"billing_increment_seconds", "billing increment setting"},
      {"dial_out_pool_basis", "dial-out pool basis setting"},
      {"minimum_purchase", "minimum purchase setting"},
      {"what_if", "the what-if"},
      {"plan_changes", "the plan changes"},
      {"sheets", "the rate sheets"},
      {"dial_out_calls", "the Dial-out calls sheet"},
      {"dial_out_audio", "the Dial-out Audio Rates sheet"},
      {"toll_free_in", "the Dial-in to toll free sheet"},
      {"toll_in", "the Dial-in to toll sheet"},
      {"per_minute", "per-minute rate"},
      {"connection", "connection charge"},
      {"calling_plans", "the Calling Plans"},
      {"included_minutes", "included minutes"},
  };
  for (const auto& [key, words] : kWords) {
    if (key == name) return std::string(words);
  }
  std::string words(name);
  for (char& c : words) {
    if (c == '_') c = ' ';
  }
  return words;
}

// "row 4 of the usage", "licence row 2", "item 3 of the plan changes".
std::string item_words(std::string_view list, std::size_t index) {
  const std::string n = std::to_string(index + 1);
  if (list == "usage") return "row " + n + " of the usage";
  if (list == "licenses") return "licence row " + n;
  if (list == "plan_changes") return "plan change " + n;
  if (list == "dial_out_calls" || list == "dial_out_audio" || list == "toll_free_in" || list == "toll_in") {
    return "row " + n + " of " + member_words(list);
  }
  const std::string of = member_words(list);
  return "item " + n + " of " + (of.rfind("the ", 0) == 0 ? of : "the " + of);
}

// The decimal text of a JSON number: integers exactly; floats from their shortest round-trip form, which is
// the text the author wrote for any number with up to 15 significant digits.
std::string number_text(const json& v, const std::string& path, const std::string& expected) {
  // Integers as dump() prints them, without dump()'s serializer set-up (this runs for every usage row).
  char digits[24];
  if (v.is_number_unsigned()) {
    return std::string(digits, std::to_chars(digits, digits + sizeof digits, v.get<std::uint64_t>()).ptr);
  }
  if (v.is_number_integer()) {
    return std::string(digits, std::to_chars(digits, digits + sizeof digits, v.get<std::int64_t>()).ptr);
  }
  if (v.is_number_float()) {
    std::string s = v.dump();
    if (s.find_first_of("eE") != std::string::npos || s == "null") {
      throw field_error("bad_number", path, field_words(path, true) + " (" + s + ") is out of range for " + expected + ".");
    }
    return s;
  }
  if (v.is_string()) return v.get<std::string>();
  wrong_type(v, path, expected);
}

// "is" or "are" after a field's words: plural when the phrase's head noun (before its first " of ") ends in a
// plural s ("the rate sheets", "the minutes of row 4 of the usage"; not "number of users", "dial-out pool basis").
std::string_view verb_for(std::string_view words) {
  const std::string_view head = words.substr(0, words.find(" of "));
  const bool plural = head.size() >= 2 && head.back() == 's' && !head.ends_with("ss") && !head.ends_with("is") &&
                      !head.ends_with("us");
  return plural ? "are" : "is";
}

}  // namespace

std::string field_words(std::string_view path, bool capital) {
  const std::vector<PathPart> parts = path_parts(path);
  // From the innermost part out: "the minutes" "of row 4 of the usage".
  std::vector<std::string> phrases;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const bool list_next = i + 1 < parts.size() && parts[i + 1].name.empty();
    if (parts[i].name.empty()) continue;
    if (list_next) {
      phrases.push_back(item_words(parts[i].name, parts[i + 1].index));
    } else {
      // A plan change's "from" and "to" are plans, not countries.
      const bool plan_change = i >= 2 && parts[i - 2].name == "plan_changes";
      const std::string w = plan_change && parts[i].name == "to"     ? std::string("new plan")
                            : plan_change && parts[i].name == "from" ? std::string("current plan")
                                                                     : member_words(parts[i].name);
      phrases.push_back(w.rfind("the ", 0) == 0 ? w : "the " + w);
    }
  }
  std::string words;
  for (auto it = phrases.rbegin(); it != phrases.rend(); ++it) words += (words.empty() ? "" : " of ") + *it;
  if (words.empty()) words = "the document";
  if (capital && words[0] >= 'a' && words[0] <= 'z') words[0] = char(words[0] - 'a' + 'A');
  return words;
}

json path_list(std::string_view path) {
  json list = json::array();
  for (const PathPart& p : path_parts(path)) {
    if (p.name.empty()) list.push_back(p.index);
    else list.push_back(std::string(p.name));
  }
  return list;
}

InputError field_error(const std::string& code, const std::string& path, const std::string& sentence) {
  return InputError(code, sentence).with_path(path);
}

std::pair<long, long> line_and_column(std::string_view text, std::size_t byte_offset) {
  long line = 1;
  long column = 1;
  const std::size_t end = std::min(byte_offset, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // count characters, not UTF-8 continuation bytes
    }
  }
  return {line, column};
}

json parse_json(std::string_view text, const std::string& file) {
  // Depth check first: a hostile document nested 100,000 deep must not exhaust the stack anywhere.
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) {
        auto [line, column] = line_and_column(text, i);
        throw InputError("json_too_deep",
                         "The JSON is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep.", file,
                         line, column);
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    // nlohmann reports the byte after the offending token (1-based); point at the token itself.
    const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
    auto [line, column] = line_and_column(text, at);
    std::string why = e.what();
    const auto pos = why.find("syntax error");
    if (pos != std::string::npos) why = why.substr(pos);
    throw InputError("bad_json", "The file is not valid JSON (" + why + ").", file, line, column);
  } catch (const json::out_of_range& e) {
    // "number overflow parsing '1e309'": locate the number so the author can find it.
    std::string why = e.what();
    long line = 0;
    long column = 0;
    const auto open = why.find('\'');
    const auto close = why.rfind('\'');
    if (open != std::string::npos && close > open + 1) {
      const auto at = text.find(why.substr(open + 1, close - open - 1));
      if (at != std::string_view::npos) std::tie(line, column) = line_and_column(text, at);
    }
    throw InputError("bad_number", "A number in the file is too large to read (" +
                                       why.substr(why.find(']') == std::string::npos ? 0 : why.find(']') + 2) + ").",
                     file, line, column);
  }
}

Money money_value(const json& v, const std::string& path) {
  try {
    return Money::parse(number_text(v, path, "an amount like \"0.0240\""), field_words(path, true));
  } catch (const InputError& e) {
    throw e.with_path(path);
  }
}

Minutes minutes_value(const json& v, const std::string& path) {
  // A JSON number may carry binary-float noise past the 6th decimal (see ExtraDecimals); a string must not.
  const ExtraDecimals extra = v.is_number_float() ? ExtraDecimals::round_half_up : ExtraDecimals::reject;
  Minutes m;
  try {
    m = Minutes::from_micros(parse_fixed(number_text(v, path, "a number of minutes"), field_words(path, true), extra));
  } catch (const InputError& e) {
    throw e.with_path(path);
  }
  if (m.is_negative()) {
    throw field_error("bad_value", path, field_words(path, true) + " cannot be negative (" + m.to_string() + ").");
  }
  return m;
}

std::string text_value(const json& v, const std::string& path) {
  if (!v.is_string()) wrong_type(v, path, "text");
  return v.get<std::string>();
}

std::int64_t count_value(const json& v, const std::string& path) {
  if (v.is_number_unsigned()) {
    if (v.get<std::uint64_t>() > 1'000'000'000ULL)
      throw field_error("bad_value", path, field_words(path, true) + " is implausibly large (" + v.dump() + ").");
    return static_cast<std::int64_t>(v.get<std::uint64_t>());
  }
  if (v.is_number_integer()) {
    if (v.get<std::int64_t>() < 0)
      throw field_error("bad_value", path, field_words(path, true) + " cannot be negative (" + v.dump() + ").");
    return v.get<std::int64_t>();
  }
  if (v.is_number_float()) {
    throw field_error("bad_value", path, field_words(path, true) + " must be a whole number, not " + v.dump() + ".");
  }
  wrong_type(v, path, "a whole number");
}

bool bool_value(const json& v, const std::string& path) {
  if (!v.is_boolean()) wrong_type(v, path, "true or false");
  return v.get<bool>();
}

const json* find_member(const json& obj, const char* key, const std::string& path) {
  if (!obj.is_object()) wrong_type(obj, path, "an object");
  auto it = obj.find(std::string_view(key));  // a string_view key: no strlen in every comparison of the lookup
  if (it == obj.end() || it->is_null()) return nullptr;
  return &*it;
}

const json& require_member(const json& obj, const char* key, const std::string& path) {
  const json* v = find_member(obj, key, path);
  const std::string where = path.empty() ? std::string(key) : path + "." + key;
  if (!v) {
    const std::string words = field_words(where, true);
    throw field_error("missing_value", where, words + " " + std::string(verb_for(words)) + " required but missing.");
  }
  return *v;
}

Money money_value(const JsonValue& v, const ValuePath& path) {
  // A plain number has at most 15 significant digits, so its text and nlohmann's shortest form of the double read
  // from it are the same decimal; anything else, and every error, takes the json route.
  if (v.plain() && (v.is_number() || v.is_string())) {
    try {
      return Money::parse(v.raw(), "");
    } catch (const InputError&) {
      // worded below, from the value as nlohmann reads it
    }
  }
  return money_value(v.to_json(), path.text());
}

Minutes minutes_value(const JsonValue& v, const ValuePath& path) {
  if (v.plain() && (v.is_number() || v.is_string())) {
    const ExtraDecimals extra = v.is_number() && !v.is_integer_text() ? ExtraDecimals::round_half_up
                                                                       : ExtraDecimals::reject;
    try {
      const Minutes m = Minutes::from_micros(parse_fixed(v.raw(), "", extra));
      if (!m.is_negative()) return m;
    } catch (const InputError&) {
      // worded below, from the value as nlohmann reads it
    }
  }
  return minutes_value(v.to_json(), path.text());
}

std::string text_value(const JsonValue& v, const ValuePath& path) {
  if (v.is_string()) return v.text();
  return text_value(v.to_json(), path.text());
}

std::int64_t count_value(const JsonValue& v, const ValuePath& path) {
  if (v.plain() && v.is_integer_text()) {
    std::int64_t n = 0;
    const std::string_view t = v.raw();
    const auto [end, error] = std::from_chars(t.data(), t.data() + t.size(), n);
    if (error == std::errc() && end == t.data() + t.size() && n >= 0 && n <= 1'000'000'000) return n;
  }
  return count_value(v.to_json(), path.text());
}

bool bool_value(const JsonValue& v, const ValuePath& path) {
  if (v.kind() == JsonView::Kind::boolean) return v.raw() == "true";
  return bool_value(v.to_json(), path.text());
}

JsonValue find_member(const JsonValue& obj, const char* key, const std::string& path) {
  if (!obj.is_object()) find_member(obj.to_json(), key, path);  // throws: not an object
  const JsonValue v = obj.member(key);
  if (!v.present() || v.is_null()) return {};
  return v;
}

JsonValue require_member(const JsonValue& obj, const char* key, const std::string& path) {
  const JsonValue v = find_member(obj, key, path);
  if (!v.present()) require_member(obj.to_json(), key, path);  // throws: missing
  return v;
}

double minutes_as_double(const Minutes& m) {
  // The double nearest to the exact decimal, as nlohmann's own lexer reads its text (strtod), e.g. 12.5.
  // Below 2^53 millionths both the count and 10^6 are exact doubles, and IEEE division rounds the exact quotient
  // to the nearest double: the same double strtod gives, without strtod's cost (in wasm it works in software
  // long double) on every line of every estimate. Larger counts take the text route.
  constexpr std::int64_t kExactInDouble = std::int64_t{1} << 53;
  if (m.micros() > -kExactInDouble && m.micros() < kExactInDouble) {
    return static_cast<double>(m.micros()) / static_cast<double>(kFixedScale);
  }
  return std::strtod(m.to_string().c_str(), nullptr);
}

json minutes_json(const Minutes& m) {
  if (m.micros() % kFixedScale == 0) return m.micros() / kFixedScale;
  // dump() prints the double back as the same shortest text.
  return minutes_as_double(m);
}

}  // namespace ccredits
