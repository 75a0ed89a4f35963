#include "rate_files.hpp"

#include <fstream>

#include "ccredits/error.hpp"
#include "reference/rate_workbook.hpp"
#include "zip_entries.hpp"

namespace ccredits::cli {
namespace {

bool ends_with_ci(const std::string& s, std::string_view tail) {
  if (s.size() < tail.size()) return false;
  for (std::size_t i = 0; i < tail.size(); ++i) {
    char c = s[s.size() - tail.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != tail[i]) return false;
  }
  return true;
}

std::string head_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot_read", "Cannot open \"" + path + "\".", path);
  char head[8] = {};
  in.read(head, sizeof head);
  return std::string(head, static_cast<std::size_t>(in.gcount()));
}

class ZipFileParts : public WorkbookParts {
 public:
  explicit ZipFileParts(const std::string& path) : zip_(path, rate_workbook_zip_limits()) {}
  const ZipDirectory& directory() const override { return zip_.directory(); }
  std::string read(const ZipEntry& entry) override { return zip_.read(entry); }

 private:
  ZipFile zip_;
};

}  // namespace

RateFileKind rate_file_kind(const std::string& path) {
  if (ends_with_ci(path, ".csv")) return RateFileKind::csv_sheet;
  if (ends_with_ci(path, ".xlsx") || ends_with_ci(path, ".xlsm") || ends_with_ci(path, ".xls")) {
    return RateFileKind::workbook;
  }
  if (starts_like_ole(head_of(path))) return RateFileKind::workbook;
  return RateFileKind::json_card;
}

RateCard read_workbook_file(const std::string& path, const ColumnMapping* mapping) {
  check_rate_workbook_signature(head_of(path), path);
  ZipFileParts parts(path);
  return read_rate_workbook(parts, path, mapping);
}

InputError with_columns_hint(const InputError& e) {
  if (e.code() != "unknown_columns" && e.code() != "missing_column") return e;
  return InputError(e.code(), std::string(e.what()) +
                                  " On the command line: --columns ROLE=HEADER for each, e.g. "
                                  "--columns destination=\"Ziel\" --columns per_minute=\"Tarif\" --columns currency=EUR.",
                    e.file(), e.line(), e.column());
}

}  // namespace ccredits::cli
