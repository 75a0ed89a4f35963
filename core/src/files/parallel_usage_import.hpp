#pragma once
// A usage report file imported on every core: its rows are read (CSV, values, call, destination on the card) in
// pieces on one thread per other core, while this thread sums the pieces in the file's order (and reads the next
// piece itself rather than wait for one), so the usage document is byte for byte the one a single thread writes.
// Reading is about two thirds of a row's work and summing a third: two cores import about 1.7 times as fast as one
// (tests/bench/README.md). Native builds only; the page's importer runs in one Web Worker.
//
// A piece ends after a line feed, so it starts where a row starts unless a quoted field holds that line feed. The
// first piece is read here, the usual way, which finds the header; each later piece is read from a row start and
// is summed only if its reading also ends at one, which proves its start was one (the first piece's start is). A
// piece that does not, or whose rows cannot be read as CSV, is read here again with the rest of the file, one piece
// after the other, the usual way: the rows, or the error and its line, are then the single thread's.
#include <cstddef>
#include <string_view>

#include "usage_report/usage_report_reader.hpp"

namespace ccredits {

struct ParallelImportOptions {
  std::size_t piece_bytes = std::size_t{1} << 20;
  // Threads that read pieces besides this one, which sums them and reads pieces while it would wait; 0: one per
  // other core. With a single core, the file is read on this thread alone.
  unsigned reading_threads = 0;
};

// Feeds the whole of `text` (a file's, mapped: mapped_file.hpp) to `reader` (after reader.next_file), its CSV
// pieces read ahead as above; Graph JSON, a file whose header is not in its first piece and a single core are fed
// piece after piece.
void import_usage_text(UsageReportReader& reader, std::string_view text, const ParallelImportOptions& options = {});

}  // namespace ccredits
