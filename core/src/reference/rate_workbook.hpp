#pragma once
// Microsoft's rate workbook as downloaded (.xlsx, core/DOMAIN.md §5 and §9): the four rate sheets at once, each found
// by its name or by its title and header rows, read by the same RateSheetReader as a sheet saved as CSV. The zip
// directory and the XML are read here; the caller only inflates the entries this reader asks for (zlib in the
// CLI, DecompressionStream in the page), so the core stays free of zlib and runs in wasm.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

// The parts handed over already inflated, for a caller that cannot be called back synchronously (the page's
// worker inflates with the asynchronous DecompressionStream): the directory first, then each part wanted() names,
// then read_rate_workbook.
class InflatedWorkbookParts : public WorkbookParts {
 public:
  InflatedWorkbookParts(std::string_view directory, const ZipEnd& end, std::uint64_t file_size, std::string file);
  InflatedWorkbookParts(const InflatedWorkbookParts&) = delete;  // wanted() points into the directory
  InflatedWorkbookParts& operator=(const InflatedWorkbookParts&) = delete;
  // The parts a workbook is read from: every .xml and .rels entry, checked against the workbook's limits.
  const std::vector<const ZipEntry*>& wanted() const { return wanted_; }
  // One part's inflated bytes; more than its directory declares is a zip bomb.
  void add(const std::string& name, std::string bytes);

  const ZipDirectory& directory() const override { return directory_; }
  std::string read(const ZipEntry& entry) override;

 private:
  ZipDirectory directory_;
  std::vector<const ZipEntry*> wanted_;
  std::vector<std::pair<const ZipEntry*, std::string>> parts_;
};

// The card the workbook holds: its currency (sheets of two currencies are an error naming both), the rows of
// each of the four sheets it has. Errors name the file, the sheet and the cell.
RateCard read_rate_workbook(WorkbookParts& parts, const std::string& file, const ColumnMapping* mapping = nullptr);

}  // namespace ccredits
