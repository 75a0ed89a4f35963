#pragma once
// Small ASCII text helpers used by the loaders.
#include <string>
#include <string_view>

namespace ccredits {

std::string to_upper_ascii(std::string_view s);
std::string to_lower_ascii(std::string_view s);
std::string_view trim(std::string_view s);
bool is_country_code(std::string_view s);  // two ASCII upper-case letters

}  // namespace ccredits
