// Reading a piece of a large CSV usage report ahead (report_piece.hpp).
#include "usage_report/report_piece.hpp"

#include "ccredits/error.hpp"
#include "formats/csv_reader.hpp"

namespace ccredits {
namespace {

// The call's text values must outlive the CSV reader's row buffers: a value outside the piece's text is copied into
// `kept`. False if it would not fit (never, by the bound in report_piece.hpp): `kept` must not move.
bool keep_values(ReportPiece& piece, UsageCall& call) {
  const char* const begin = piece.bytes.data();
  const char* const end = begin + piece.bytes.size();
  for (std::string_view* value : {&call.currency, &call.user, &call.display_name, &call.capability,
                                  &call.destination_number, &call.external_country, &call.administrative_units}) {
    if (value->empty() || (value->data() >= begin && value->data() + value->size() <= end)) continue;
    if (piece.kept.size() + value->size() > piece.kept.capacity()) return false;
    const std::size_t at = piece.kept.size();
    piece.kept.append(*value);
    *value = std::string_view(piece.kept).substr(at, value->size());
  }
  return true;
}

}  // namespace

void read_report_piece(ReportPiece& piece, const CsvColumns& columns, const CallRerater& rerater) {
  piece.row_count = 0;
  piece.lines = 0;
  piece.whole = false;
  piece.kept.clear();
  piece.kept.reserve(2 * piece.bytes.size());
  bool kept_all = true;
  UsageValues values{};
  std::string reason;
  CsvReader csv([&](const CsvRow& csv_row) {
    if (piece.row_count == piece.read_rows.size()) piece.read_rows.emplace_back();
    ReadRow& row = piece.read_rows[piece.row_count++];
    row.line = csv_row.line;
    if (!columns.values_of(csv_row, values, reason)) {
      row.outcome = RowOutcome::skipped;
      row.reason = std::move(reason);
      return;
    }
    read_row(values, row);
    find_destination(rerater, row);
    if (row.outcome == RowOutcome::call && !keep_values(piece, row.call)) kept_all = false;
  });
  csv.resume_at_line(1);
  try {
    csv.feed(piece.bytes);
    if (piece.at_file_end) csv.finish();
  } catch (const InputError&) {
    return;  // not whole: the importer reads this piece itself and reports the error at its line
  }
  piece.whole = kept_all && csv.at_row_start();
  piece.lines = csv.lines_read() - 1;
}

}  // namespace ccredits
