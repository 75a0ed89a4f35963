#pragma once
// Small ASCII text helpers: for the loaders, and for the numbers in sentences people read.
#include <string>
#include <string_view>

#include "ccredits/money.hpp"

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
// A number written for people: its whole part's digits grouped by threes ("1,234,567.89", "-12,345", "300,000"),
// as the page writes figures; "300000" is misread. Text that is not a plain decimal number comes back as it is.
std::string grouped_digits(std::string_view number);
// An amount in a sentence: to the cent, its digits grouped ("2,783.87"). Figures in JSON members stay plain.
inline std::string money_in_words(const Money& m) { return grouped_digits(m.to_string(2)); }

}  // namespace ccredits
