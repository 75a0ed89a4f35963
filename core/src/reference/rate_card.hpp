#pragma once
// A rate card: Microsoft's four rate sheets for one currency (core/CONTRACT.md "Rate card", core/DOMAIN.md §5).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ccredits/money.hpp"
#include "formats/json_view.hpp"

namespace ccredits {

enum class Sheet { dial_out_calls = 0, dial_out_audio, toll_free_in, toll_in };
inline constexpr std::size_t kSheetCount = 4;
std::string_view sheet_key(Sheet s);                // "dial_out_calls"
std::string_view sheet_title(Sheet s);              // Microsoft's sheet name, "Dial-out calls"
std::optional<Sheet> sheet_from_key(std::string_view key);

enum class NumberType { all = 0, wireline, wireless, premium };
std::string_view number_type_key(NumberType t);      // "wireline"
std::optional<NumberType> number_type_from_text(std::string_view text);  // also Microsoft's "All Number Types"

struct RateRow {
  std::string origin = "*";   // "*" or ISO alpha-2 of the calling party
  std::string destination;    // Microsoft's destination name, e.g. "France-Mobile"
  std::string country;        // ISO alpha-2 of the destination
  std::vector<std::string> prefixes;  // E.164 digits without '+'
  NumberType number_type = NumberType::all;
  Money per_minute;
  Money connection;
  long source_line = 0;       // line in the file it was read from (0 when unknown)
};

struct RateCard {
  std::string currency;
  std::string effective;
  std::string source;
  bool illustrative = false;
  int billing_increment_seconds = 6;
  std::array<std::vector<RateRow>, kSheetCount> sheets;

  const std::vector<RateRow>& rows(Sheet s) const { return sheets[static_cast<std::size_t>(s)]; }
  std::vector<RateRow>& rows(Sheet s) { return sheets[static_cast<std::size_t>(s)]; }
};

// core/CONTRACT.md's JSON format. Errors name the file, and line/column for JSON syntax errors.
RateCard load_rate_card_json(std::string_view text, const std::string& file);
// The card in that format (a workbook read once, then loaded as a card wherever cards load: the page's module,
// its import worker). load_rate_card_json of it gives the same card, source lines aside.
std::string rate_card_json_text(const RateCard& card);
// The same from a value of a document being read (a card inside a scenario: the rates learned from a usage report).
RateCard rate_card_from_json(const JsonValue& doc, const std::string& file);

}  // namespace ccredits
