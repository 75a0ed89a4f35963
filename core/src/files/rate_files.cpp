// Rate files from disk (ccredits/files.hpp): a JSON card, one sheet saved as CSV, or Microsoft's workbook as
// downloaded (.xlsx: the zip inflated here, its parts read by reference/rate_workbook.hpp).
#include <fstream>
#include <optional>
#include <sstream>

#include "ccredits/error.hpp"
#include "ccredits/files.hpp"
#include "files/zip_file.hpp"
#include "reference/rate_card.hpp"
#include "reference/rate_sheet_csv.hpp"
#include "reference/rate_workbook.hpp"

namespace ccredits {
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

enum class RateFileKind { json_card, csv_sheet, workbook };

// By extension (.csv, .xlsx/.xlsm); anything else is a JSON card (json_card_text).
RateFileKind rate_file_kind(const std::string& path) {
  if (ends_with_ci(path, ".csv")) return RateFileKind::csv_sheet;
  if (ends_with_ci(path, ".xlsx") || ends_with_ci(path, ".xlsm") || ends_with_ci(path, ".xls")) {
    return RateFileKind::workbook;
  }
  return RateFileKind::json_card;
}

// A JSON card's text, unless the bytes are a password-protected workbook's (an OLE file) saved under another name,
// which is refused with the workbook's sentence. Read once, so that a card through a pipe keeps its first bytes.
std::string json_card_text(const std::string& path) {
  std::string text = read_file(path);
  if (starts_like_ole(text)) check_rate_workbook_signature(text, path);
  return text;
}

// Microsoft's rate workbook. A password-protected file is refused ("save it without a password").
RateCard read_workbook_file(const std::string& path, const ColumnMapping* mapping) {
  check_rate_workbook_signature(head_of(path), path);
  ZipFileParts parts(path);
  return read_rate_workbook(parts, path, mapping);
}

}  // namespace

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot_read", "Cannot open \"" + path + "\".", path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

json load_rate_file(Calculator& calc, const std::string& path, const ColumnMapping* mapping) {
  switch (rate_file_kind(path)) {
    case RateFileKind::csv_sheet: return calc.load_rate_sheet(read_file(path), path, "", mapping);
    case RateFileKind::workbook: return calc.load_rate_card(read_workbook_file(path, mapping), path);
    case RateFileKind::json_card: break;
  }
  return calc.load_rates(json_card_text(path), path);
}

json check_rate_file(const std::string& path, const ColumnMapping* mapping) {
  RateCard card;
  switch (rate_file_kind(path)) {
    case RateFileKind::csv_sheet: add_rate_sheet_csv(card, std::nullopt, read_file(path), path, mapping); break;
    case RateFileKind::workbook: card = read_workbook_file(path, mapping); break;
    case RateFileKind::json_card: card = load_rate_card_json(json_card_text(path), path); break;
  }
  return check_rate_card(card, path);
}

}  // namespace ccredits
