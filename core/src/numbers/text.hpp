#pragma once
// Small ASCII text helpers used by the loaders.
#include <string>
#include <string_view>

namespace ccredits {

std::string to_upper_ascii(std::string_view s);
std::string to_lower_ascii(std::string_view s);
// Inline: the usage importer trims each of a report row's values.
inline std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}
bool is_country_code(std::string_view s);  // two ASCII upper-case letters

}  // namespace ccredits
