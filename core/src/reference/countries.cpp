#include "reference/countries.hpp"

#include <algorithm>

#include "ccredits/error.hpp"
#include "formats/json_input.hpp"
#include "numbers/text.hpp"

namespace ccredits {

extern const char* const kShippedCountriesJson;  // generated from rates/countries.json (countries_data.cpp.in)

CountryTable CountryTable::parse(std::string_view text, const std::string& file) {
  const json doc = parse_json(text, file);
  try {
    CountryTable table;
    const std::string schema = text_value(require_member(doc, "schema", ""), "schema");
    if (schema != "ccredits.countries/1") {
      throw InputError("bad_schema", "This is not a ccredits country list (schema \"" + schema + "\").");
    }
    const json& list = require_member(doc, "countries", "");
    if (!list.is_array()) throw InputError("bad_value", "\"countries\" should be a list.");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = "countries[" + std::to_string(i) + "]";
      Country c;
      c.code = text_value(require_member(list[i], "code", path), path + ".code");
      if (!is_country_code(c.code)) throw InputError("bad_value", "\"" + path + ".code\" must be two capital letters.");
      if (table.find(c.code)) throw InputError("bad_value", "\"" + path + ".code\" repeats " + c.code + ".");
      c.name = text_value(require_member(list[i], "name", path), path + ".name");
      const json& codes = require_member(list[i], "calling_codes", path);
      if (!codes.is_array()) throw InputError("bad_value", "\"" + path + ".calling_codes\" should be a list.");
      for (std::size_t k = 0; k < codes.size(); ++k) {
        const std::string p = path + ".calling_codes[" + std::to_string(k) + "]";
        std::string digits = text_value(codes[k], p);
        if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) {
          throw InputError("bad_value", "\"" + p + "\" must be digits.");
        }
        c.calling_codes.push_back(std::move(digits));
      }
      table.countries_.push_back(std::move(c));
    }
    std::vector<std::pair<std::string, std::string>> primary;
    if (const json* p = find_member(doc, "primary", "")) {
      if (!p->is_object()) throw InputError("bad_value", "\"primary\" should map calling codes to countries.");
      for (auto it = p->begin(); it != p->end(); ++it) primary.emplace_back(it.key(), text_value(*it, "primary." + it.key()));
    }
    for (std::size_t i = 0; i < table.countries_.size(); ++i) {
      for (const std::string& code : table.countries_[i].calling_codes) {
        auto same = std::find_if(table.codes_.begin(), table.codes_.end(), [&](const auto& e) { return e.first == code; });
        if (same == table.codes_.end()) {
          table.codes_.emplace_back(code, i);
          continue;
        }
        auto chosen = std::find_if(primary.begin(), primary.end(), [&](const auto& e) { return e.first == code; });
        if (chosen == primary.end()) {
          throw InputError("bad_value", "Calling code " + code + " is shared by " + table.countries_[same->second].code +
                                            " and " + table.countries_[i].code + " without a \"primary\" entry.");
        }
        if (chosen->second == table.countries_[i].code) same->second = i;
      }
    }
    std::sort(table.codes_.begin(), table.codes_.end());
    return table;
  } catch (const InputError& e) {
    throw e.in_file(file);
  }
}

const Country* CountryTable::find(std::string_view code) const {
  const std::string upper = to_upper_ascii(trim(code));
  for (const Country& c : countries_) {
    if (c.code == upper) return &c;
  }
  return nullptr;
}

const Country* CountryTable::find_by_name(std::string_view name) const {
  const std::string lower = to_lower_ascii(trim(name));
  for (const Country& c : countries_) {
    if (to_lower_ascii(c.name) == lower) return &c;
  }
  return nullptr;
}

const Country* CountryTable::from_number(std::string_view digits) const {
  // Calling codes are at most 7 digits: probe each length, longest first.
  for (std::size_t length = std::min<std::size_t>(digits.size(), 7); length > 0; --length) {
    const std::string_view head = digits.substr(0, length);
    auto it = std::lower_bound(codes_.begin(), codes_.end(), head,
                               [](const auto& e, std::string_view k) { return std::string_view(e.first) < k; });
    if (it != codes_.end() && it->first == head) return &countries_[it->second];
  }
  return nullptr;
}

const CountryTable& shipped_countries() {
  static const CountryTable table = CountryTable::parse(kShippedCountriesJson, "rates/countries.json");
  return table;
}

std::string e164_digits(std::string_view number, const std::string& what) {
  std::string digits;
  const std::string_view t = trim(number);
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    // "+44 (0)20 ...": the national trunk 0 written in brackets is not dialled from abroad.
    if (c == '(' && t.substr(i, 3) == "(0)" && !digits.empty()) {
      i += 2;
      continue;
    }
    if (c >= '0' && c <= '9') digits.push_back(c);
    else if (c == '*' && !digits.empty()) digits.push_back(c);
    else if (c == '+' && i == 0) continue;
    else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') continue;
    else {
      throw InputError("bad_number", what + " \"" + std::string(t) +
                                         "\" is not a phone number in E.164 form (like +33 6 12 34 56 78).");
    }
  }
  if (digits.empty() || digits[0] == '*') {
    throw InputError("bad_number", what + " \"" + std::string(t) + "\" has no digits.");
  }
  const std::size_t masked = digits.find('*');
  if (masked != std::string::npos && digits.find_first_not_of('*', masked) != std::string::npos) {
    throw InputError("bad_number", what + " \"" + std::string(t) + "\" has digits after a masked '*' part.");
  }
  return digits;
}

}  // namespace ccredits
