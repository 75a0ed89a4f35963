#pragma once
// Which header of a rate sheet is which column, for sheets whose headers are not recognised (core/CONTRACT.md
// "Rate card"): the CLI's --columns ROLE=HEADER, the page's column-mapping step.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ccredits {

enum class RateColumn { origin, destination, prefixes, originating_type, terminating_type, per_minute, connection,
                        country, count };
inline constexpr std::size_t kRateColumnCount = static_cast<std::size_t>(RateColumn::count);

// A role may have several headers (a workbook's sheets may name the same column differently); a header named here
// wins over the recognised names.
struct ColumnMapping {
  std::array<std::vector<std::string>, kRateColumnCount> headers;
  std::string currency;  // for a sheet whose headers name none
  bool empty() const;
  // Adds one "role=header" (or "currency=EUR"). Throws InputError "usage" naming the roles.
  void add(std::string_view role_equals_header);
  // {"destination": "Ziel", "per_minute": ["Tarif", "Preis"], "currency": "EUR"}, as the page sends it. Throws
  // InputError "bad_value" for a role it does not know or a value that is not text.
  static ColumnMapping from_json(std::string_view text);
};

}  // namespace ccredits
