#pragma once
// libFuzzer target: JsonView (the scenario's reader) against nlohmann's parser through parse_json. The view must
// accept exactly the texts parse_json accepts, unless it asks for parse_json's check (needs_full_check), read every
// value as the json readers read the same value from nlohmann's document, and walk each object's members as
// nlohmann keeps them.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "formats/json_view.hpp"
#include "fuzz_harness.hpp"

namespace ccredits::fuzz::json_view_detail {

// What a reader makes of a value: its result, or the error it throws (code and message).
template <typename Read>
std::string outcome(Read&& read) {
  try {
    return "= " + read();
  } catch (const InputError& e) {
    return "! " + e.code() + " " + e.what();
  }
}

inline void compare(const JsonValue& v, const json& j, const std::string& path) {
  using Kind = JsonView::Kind;
  const Kind expected = j.is_null() ? Kind::null
                        : j.is_boolean() ? Kind::boolean
                        : j.is_number()  ? Kind::number
                        : j.is_string()  ? Kind::string
                        : j.is_array()   ? Kind::array
                                         : Kind::object;
  if (v.kind() != expected) finding(path + ": the view reads another kind of value than nlohmann");
  if (v.is_number() || v.is_string()) {
    const auto minutes_view = outcome([&] { return minutes_value(v, path).to_string(); });
    const auto minutes_dom = outcome([&] { return minutes_value(j, path).to_string(); });
    if (minutes_view != minutes_dom) finding(path + ": minutes " + minutes_view + " vs " + minutes_dom);
    const auto count_view = outcome([&] { return std::to_string(count_value(v, path)); });
    const auto count_dom = outcome([&] { return std::to_string(count_value(j, path)); });
    if (count_view != count_dom) finding(path + ": count " + count_view + " vs " + count_dom);
    const auto text_view = outcome([&] { return text_value(v, path); });
    const auto text_dom = outcome([&] { return text_value(j, path); });
    if (text_view != text_dom) finding(path + ": text " + text_view + " vs " + text_dom);
    const auto money_view = outcome([&] { return money_value(v, path).to_exact_string(); });
    const auto money_dom = outcome([&] { return money_value(j, path).to_exact_string(); });
    if (money_view != money_dom) finding(path + ": money " + money_view + " vs " + money_dom);
  } else if (v.kind() == Kind::boolean || v.is_null()) {
    const auto bool_view = outcome([&] { return std::string(bool_value(v, path) ? "true" : "false"); });
    const auto bool_dom = outcome([&] { return std::string(bool_value(j, path) ? "true" : "false"); });
    if (bool_view != bool_dom) finding(path + ": true/false " + bool_view + " vs " + bool_dom);
  } else if (v.is_array()) {
    if (v.size() != j.size()) finding(path + ": arrays of different sizes");
    v.for_each_element([&](std::size_t i, const JsonValue& e) { compare(e, j[i], path + "[" + std::to_string(i) + "]"); });
  } else if (v.is_object()) {
    // members_in_key_order must give nlohmann's members in nlohmann's order (byte order, the last of duplicates),
    // and member() each of them.
    const auto members = members_in_key_order(v);
    if (members.size() != j.size()) finding(path + ": members_in_key_order gives another number of members");
    std::size_t i = 0;
    for (auto it = j.begin(); it != j.end() && i < members.size(); ++it, ++i) {
      if (members[i].first != it.key()) finding(path + ": members_in_key_order gives \"" + members[i].first + "\" for \"" + it.key() + "\"");
      if (!v.member(it.key()).present()) finding(path + "." + it.key() + ": missing from the view");
      compare(members[i].second, it.value(), path + "." + it.key());
    }
  }
}

}  // namespace ccredits::fuzz::json_view_detail

namespace ccredits::fuzz {

inline int one_json_view(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  JsonView view;
  const bool read = view.read(text);
  std::optional<json> dom;
  try {
    dom = parse_json(text, "fuzz.json");
  } catch (const InputError&) {
  }
  if (read && !view.needs_full_check() && !dom) finding("the view accepted a text parse_json rejects");
  if (!read && dom) finding("the view rejected a text parse_json accepts");
  if (read && dom) json_view_detail::compare(view.root(), *dom, "root");
  return 0;
}

}  // namespace ccredits::fuzz
