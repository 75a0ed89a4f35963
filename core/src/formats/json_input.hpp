#pragma once
// Reading JSON documents someone else wrote: errors carry the file, line and column, and say in words what
// was expected. Numbers that become Money or Minutes are read from their decimal text, never as binary floats.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "ccredits/error.hpp"
#include "ccredits/money.hpp"

namespace ccredits {

using json = nlohmann::json;

// Parses a whole document. Rejects nesting deeper than kMaxJsonDepth before building anything.
inline constexpr int kMaxJsonDepth = 64;
json parse_json(std::string_view text, const std::string& file);

// Line and column (1-based) of a byte offset in text.
std::pair<long, long> line_and_column(std::string_view text, std::size_t byte_offset);

// A value at `path` (e.g. "licenses[2].users") as Money / Minutes / text / integer, with a clear error.
// Money accepts a JSON string or number ("0.024" or 0.024, read from its shortest decimal form).
// A field's path as the input spells it ("usage[3].minutes") in words for people ("the minutes of row 4 of the
// usage"; `capital` for the start of a sentence), and as the error object's list (["usage", 3, "minutes"]).
std::string field_words(std::string_view path, bool capital = false);
json path_list(std::string_view path);

// An InputError about a field: the sentence in words, and the field's path as data.
InputError field_error(const std::string& code, const std::string& path, const std::string& sentence);

Money money_value(const json& v, const std::string& path);
Minutes minutes_value(const json& v, const std::string& path);
std::string text_value(const json& v, const std::string& path);
std::int64_t count_value(const json& v, const std::string& path);  // non-negative integer
bool bool_value(const json& v, const std::string& path);

// obj[key] if present and not null, else nullptr. Throws if obj is not an object.
const json* find_member(const json& obj, const char* key, const std::string& path);
const json& require_member(const json& obj, const char* key, const std::string& path);

// Minutes as a JSON number: an integer when whole, else the exact decimal (at most 6 places).
json minutes_json(const Minutes& m);
// The double nearest to the minutes' exact decimal value (what strtod reads from their text).
double minutes_as_double(const Minutes& m);

}  // namespace ccredits
