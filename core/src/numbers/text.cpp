#include "numbers/text.hpp"

namespace ccredits {

std::string to_upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_country_code(std::string_view s) {
  return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

std::string grouped_digits(std::string_view number) {
  const std::size_t begin = !number.empty() && (number[0] == '-' || number[0] == '+') ? 1 : 0;
  std::size_t end = begin;
  while (end < number.size() && number[end] >= '0' && number[end] <= '9') ++end;
  const bool plain = end > begin && (end == number.size() || number[end] == '.');
  std::string out(number);
  if (!plain) return out;
  for (std::size_t at = end; at > begin + 3; at -= 3) out.insert(at - 3, 1, ',');
  return out;
}

}  // namespace ccredits
