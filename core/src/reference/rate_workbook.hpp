#pragma once
// Microsoft's rate workbook as downloaded (.xlsx, DOMAIN.md §5 and §9): the four rate sheets at once, each found
// by its name or by its title and header rows, read by the same RateSheetReader as a sheet saved as CSV. The zip
// directory and the XML are read here; the caller only inflates the entries this reader asks for (zlib in the
// CLI, DecompressionStream in the page), so the core stays free of zlib and runs in wasm.
#include <string>
#include <string_view>

#include "formats/zip_archive.hpp"
#include "reference/rate_card.hpp"
#include "reference/rate_sheet_reader.hpp"

namespace ccredits {

// What a rate workbook may cost: real ones are a few MB of XML.
ZipLimits rate_workbook_zip_limits();

// Throws InputError when the first bytes are not an .xlsx: a password-protected workbook (an OLE compound file)
// gets "save it without a password".
void check_rate_workbook_signature(std::string_view head, const std::string& file);

// The workbook's parts, inflated on request.
class WorkbookParts {
 public:
  virtual ~WorkbookParts() = default;
  virtual const ZipDirectory& directory() const = 0;
  // The unpacked bytes of one entry of directory() (already checked with check_readable by the reader).
  virtual std::string read(const ZipEntry& entry) = 0;
};

// The card the workbook holds: its currency (sheets of two currencies are an error naming both), the rows of
// each of the four sheets it has. Errors name the file, the sheet and the cell.
RateCard read_rate_workbook(WorkbookParts& parts, const std::string& file, const ColumnMapping* mapping = nullptr);

}  // namespace ccredits
