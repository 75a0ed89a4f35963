#pragma once
// Countries and their E.164 calling codes (rates/countries.json: ITU-T E.164 + ISO 3166-1 alpha-2).
// Used for country pickers with names and to find the country of a dialled number or a rate-sheet prefix.
#include <string>
#include <string_view>
#include <vector>

namespace ccredits {

struct Country {
  std::string code;  // ISO alpha-2
  std::string name;
  std::vector<std::string> calling_codes;  // E.164 digits; NANP members other than the US list their area codes
};

class CountryTable {
 public:
  // Parses rates/countries.json ("ccredits.countries/1"); errors name the file and the JSON path.
  static CountryTable parse(std::string_view text, const std::string& file);

  const std::vector<Country>& all() const { return countries_; }
  const Country* find(std::string_view code) const;  // by ISO alpha-2, case-insensitive
  const Country* find_by_name(std::string_view name) const;  // case-insensitive, exact name
  // The country whose calling code is the longest prefix of the digits (shared codes: the file's "primary").
  const Country* from_number(std::string_view digits) const;

 private:
  std::vector<Country> countries_;
  std::vector<std::pair<std::string, std::size_t>> codes_;  // calling code -> country index, sorted by code
};

// rates/countries.json as compiled into the core (the build embeds the file; see core/CMakeLists.txt).
const CountryTable& shipped_countries();

// The digits of a dialled number: "+33 (0)6-12 34" -> "3361234" (no spaces, dashes, dots, brackets or a bracketed
// trunk 0), keeping a masked tail of '*'. Throws InputError naming `what` when anything else is in it.
std::string e164_digits(std::string_view number, const std::string& what);

}  // namespace ccredits
