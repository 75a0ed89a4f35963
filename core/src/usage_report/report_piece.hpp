#pragma once
// A piece of a large CSV usage report read ahead as calls: whole rows after the header, read on one thread while
// the importer sums the pieces before it on another (files/parallel_usage_import.hpp). Reading a row (the CSV, the
// values, the call, its destination on the card) needs nothing from the rows before it; summing does, so the
// pieces are summed in the file's order, each row by the same code as a row read in place (UsageReportReader).
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "usage_report/report_rows.hpp"
#include "usage_report/usage_report_reader.hpp"

namespace ccredits {

struct ReportPiece {
  // The piece's text, a view of the file's: where a row starts, up to a row start or the file's end. It must
  // outlive the piece's rows, which view it.
  std::string_view bytes;
  bool at_file_end = false;

  // Read by read_report_piece: the rows in the file's order, lines counted from 1 at the piece's start.
  std::span<const ReadRow> rows() const { return {read_rows.data(), row_count}; }
  long lines = 0;  // lines the piece spans
  // Whether every row was read: false when the piece does not end at a row start (its start was then not one
  // either: a quoted field runs across it) or a row could not be read as CSV (too long, a quote never closed). The
  // importer then reads the piece and the rest of the file itself, which finds the rows or the error and its line.
  bool whole = false;

  // The rows are kept from piece to piece and written over, not built afresh: the first `row_count` are this
  // piece's.
  std::vector<ReadRow> read_rows;
  std::size_t row_count = 0;
  // The text of values that are not views of `bytes` (quoted fields with doubled quotes, unescaped by the CSV
  // reader in its own buffer), back to back. Reserved for the piece before its first row, so that it never moves
  // while rows view it: a row keeps at most two copies of a field (the user stands for the display name when the
  // UPN is empty), and a field unescaped is never longer than its text, so twice the piece's size is room enough.
  std::string kept;
};

// Reads the piece's rows with the file's header `columns` and finds destinations on `rerater`'s card.
void read_report_piece(ReportPiece& piece, const CsvColumns& columns, const CallRerater& rerater);

}  // namespace ccredits
