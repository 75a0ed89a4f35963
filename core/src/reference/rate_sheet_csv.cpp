// Microsoft's rate workbook, one sheet saved as CSV (core/DOMAIN.md §5: sheets "Dial-in to toll free", "Dial-in to
// toll", "Dial-out calls", "Dial-out Audio Rates"; §9: the German copy). The CSV front end of RateSheetReader.
#include "reference/rate_sheet_csv.hpp"

#include <array>

#include "ccredits/error.hpp"
#include "formats/csv_reader.hpp"
#include "numbers/text.hpp"

namespace ccredits {
namespace {

// Lower case, letters and digits only: "Dial-out Audio Rates" -> "dialoutaudiorates".
std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : to_lower_ascii(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

}  // namespace

std::optional<Sheet> sheet_from_title(std::string_view title) {
  std::string t = squeeze(title);
  if (t.size() > 3 && t.compare(t.size() - 3, 3, "csv") == 0) t.resize(t.size() - 3);
  if (contains(t, "tollfree")) return Sheet::toll_free_in;
  if (contains(t, "tollin") || contains(t, "dialintotoll") || t == "toll") return Sheet::toll_in;
  if (contains(t, "audio") || contains(t, "conferenc")) return Sheet::dial_out_audio;
  if (contains(t, "dialout") || contains(t, "calls")) return Sheet::dial_out_calls;
  return std::nullopt;
}

char detect_csv_separator(std::string_view text) {
  static constexpr std::array<char, 3> kCandidates = {',', ';', '\t'};
  std::array<std::size_t, 3> widest{};
  std::array<std::size_t, 3> on_line{};
  bool quoted = false;
  int lines = 0;
  for (std::size_t i = 0; i < text.size() && lines < 30; ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') {
      ++lines;
      on_line = {};
      continue;
    }
    for (std::size_t k = 0; k < kCandidates.size(); ++k) {
      if (c == kCandidates[k]) widest[k] = std::max(widest[k], ++on_line[k]);
    }
  }
  std::size_t best = 0;
  for (std::size_t k = 1; k < kCandidates.size(); ++k) {
    if (widest[k] > widest[best]) best = k;
  }
  return kCandidates[best];
}

Sheet add_rate_sheet_csv(RateCard& card, std::optional<Sheet> sheet, std::string_view text, const std::string& file,
                         const ColumnMapping* mapping) {
  const char separator = detect_csv_separator(text);
  RateSheetReader reader(file, "", separator, mapping);
  std::vector<SheetCell> cells;
  CsvReader csv(
      [&](const CsvRow& r) {
        cells.clear();
        for (std::string_view f : r.fields) cells.push_back(SheetCell{f, false});
        reader.row(cells, r.line);
      },
      1 << 20, 4096, separator);
  try {
    csv.feed(text);
    csv.finish();
  } catch (const InputError& e) {
    throw e.in_file(file);
  }
  if (!reader.has_header()) reader.fail_no_header();
  if (!sheet) sheet = reader.titled();
  if (!sheet) {
    // The file name, without its folders: "Dial-out calls.csv".
    const std::size_t slash = file.find_last_of("/\\");
    sheet = sheet_from_title(slash == std::string::npos ? file : file.substr(slash + 1));
  }
  if (!sheet) {
    throw InputError("unknown_sheet", "Cannot tell which rate sheet this is; name the file after the sheet "
                                      "(e.g. \"Dial-out calls.csv\") or choose the sheet.", file);
  }
  if (!card.currency.empty() && card.currency != reader.currency()) {
    throw InputError("currency_mismatch", "This sheet is in " + reader.currency() + " but the loaded rates are in " +
                                              card.currency + "; load sheets of one currency.", file);
  }
  card.currency = reader.currency();
  auto& target = card.rows(*sheet);
  auto& rows = reader.rows();
  target.insert(target.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
  return *sheet;
}

}  // namespace ccredits
