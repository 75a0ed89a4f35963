#pragma once
// A streaming RFC 4180 CSV reader: fed chunks of any size (a row may span chunks), it calls back once per row
// with the row's fields. Quoted fields, doubled quotes, embedded commas and newlines, CRLF or LF, a UTF-8 BOM.
// Memory is bounded by the longest row, not by the file.
// Speed: a row that ends inside the chunk is viewed in place, its fields' ends found 64 bytes at a time with SSE2
// natively (8 bytes at a time elsewhere) and quoted fields with memchr; other rows go through a byte loop that
// copies runs of plain bytes in one append. A usage report row of 25 fields costs a few hundred instructions.
#include <array>
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ccredits {

struct CsvRow {
  std::span<const std::string_view> fields;  // valid only during the callback
  long line;                                    // 1-based line where the row starts
};

class CsvReader {
 public:
  using RowHandler = std::function<void(const CsvRow&)>;
  // Rows longer than max_row_bytes or with more than max_fields fields throw InputError{"csv_row_too_large"}.
  // separator: ',' (RFC 4180), or ';' or tab as Excel writes CSV in locales with decimal commas.
  explicit CsvReader(RowHandler on_row, std::size_t max_row_bytes = 1 << 20, std::size_t max_fields = 4096,
                     char separator = ',');

  void feed(std::string_view chunk);
  // Ends the input: emits a last row without a final newline; an open quote is an error with its line.
  void finish();

  long lines_read() const { return line_; }
  std::size_t bytes_read() const { return bytes_; }
  // Whether the bytes fed so far end where a row starts (not inside a quoted field or a row): a reader given a
  // piece of a file that ends here has read exactly the piece's rows.
  bool at_row_start() const { return state_ == State::field_start && ends_.empty() && !row_has_content_; }
  // The next byte fed starts a row on `line` of a file whose rows before it were read elsewhere (by another reader
  // given that piece): lines count on from there and no byte-order mark is looked for. Only at a row start.
  void resume_at_line(long line);

 private:
  enum class State { field_start, unquoted, quoted, quote_in_quoted, after_cr };
  void append(const char* data, std::size_t size);
  void end_field();
  void end_row();
  void row_too_long() const;
  // The common case: a whole row inside the chunk, its fields viewed in place (no copy). False when the row
  // does not end inside the chunk or is unusual; nothing has changed then and the byte loop takes over.
  bool whole_row_in_place(const char*& p, const char* end);

  RowHandler on_row_;
  std::size_t max_row_bytes_;
  std::size_t max_fields_;
  char separator_;
  std::array<bool, 256> stops_;  // bytes that end an unquoted run
  State state_ = State::field_start;
  std::string row_;                      // the bytes of the current row's fields, back to back
  std::vector<std::size_t> ends_;        // end offset of each finished field in row_
  std::vector<std::string_view> views_;  // rebuilt per row for the callback
  std::string unescaped_;                // in-place rows: quoted fields with doubled quotes, unescaped
  std::vector<std::pair<std::size_t, std::size_t>> unescaped_fields_;  // (field index, offset in unescaped_)
  long line_ = 1;
  long row_line_ = 1;
  long quote_line_ = 0;
  std::size_t bytes_ = 0;
  bool at_file_start_ = true;
  bool row_has_content_ = false;
};

}  // namespace ccredits
