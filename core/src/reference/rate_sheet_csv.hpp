#pragma once
// One sheet of Microsoft's rate workbook saved as CSV (core/DOMAIN.md §5 and §9; core/CONTRACT.md "Rate card"), as Excel
// saves it in any locale: ',' or ';' or tab separators, a BOM, CRLF, English or German headers. The rows are
// read by rate_sheet_reader.hpp, the reader the workbook uses too.
#include <optional>
#include <string>
#include <string_view>

#include "reference/rate_card.hpp"
#include "reference/rate_sheet_reader.hpp"

namespace ccredits {

// The sheet a file holds, from Microsoft's sheet title or a file name ("Dial-out Audio Rates.csv",
// "dial_out_audio", "toll free"...). nullopt when it cannot tell.
std::optional<Sheet> sheet_from_title(std::string_view title);

// Appends the rows of one CSV sheet to card.rows(sheet). The sheet, when not given, comes from a title row above
// the header or from the file name. Columns are found by header name, in any order; the currency comes from the
// rate header and must match card.currency when the card has one (an empty card takes it). Any bad row is an
// error naming file, line and column (the field's 1-based index): no row is silently dropped. mapping: which
// header is which column, when the headers are not recognised (else the error lists the headers found).
// Returns the sheet the rows went to.
Sheet add_rate_sheet_csv(RateCard& card, std::optional<Sheet> sheet, std::string_view text, const std::string& file,
                         const ColumnMapping* mapping = nullptr);

// The separator of a CSV sheet: the one of ',' ';' and tab that splits the widest of its first lines (quoted
// text not counted); ',' when none does.
char detect_csv_separator(std::string_view text);

}  // namespace ccredits
