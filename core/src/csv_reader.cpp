#include "ccredits/csv_reader.hpp"

#include "ccredits/error.hpp"

namespace ccredits {

CsvReader::CsvReader(RowHandler on_row, std::size_t max_row_bytes, std::size_t max_fields)
    : on_row_(std::move(on_row)), max_row_bytes_(max_row_bytes), max_fields_(max_fields) {}

void CsvReader::push(char c) {
  if (row_.size() >= max_row_bytes_) {
    throw InputError("csv_row_too_large",
                     "A CSV row is longer than " + std::to_string(max_row_bytes_) + " bytes; is this the right file?",
                     {}, row_line_, 1);
  }
  row_.push_back(c);
  row_has_content_ = true;
}

void CsvReader::end_field() {
  if (ends_.size() >= max_fields_) {
    throw InputError("csv_row_too_large",
                     "A CSV row has more than " + std::to_string(max_fields_) + " columns; is this the right file?",
                     {}, row_line_, 1);
  }
  ends_.push_back(row_.size());
}

void CsvReader::end_row() {
  end_field();
  // A blank line (one empty field, nothing quoted) is not a row.
  if (row_has_content_ || ends_.size() > 1) {
    views_.clear();
    std::size_t start = 0;
    for (std::size_t end : ends_) {
      views_.emplace_back(row_.data() + start, end - start);
      start = end;
    }
    on_row_(CsvRow{views_, row_line_});
  }
  row_.clear();
  ends_.clear();
  row_has_content_ = false;
  state_ = State::field_start;
}

void CsvReader::feed(std::string_view chunk) {
  std::size_t i = 0;
  if (at_file_start_) {
    // Skip a UTF-8 BOM, even one split across the first chunks.
    static constexpr std::string_view kBom = "\xEF\xBB\xBF";
    while (i < chunk.size() && bytes_ + i < 3 && chunk[i] == kBom[bytes_ + i]) ++i;
    if (bytes_ + i >= 3 || (i < chunk.size())) at_file_start_ = false;
  }
  bytes_ += chunk.size();
  for (; i < chunk.size(); ++i) {
    const char c = chunk[i];
    switch (state_) {
      case State::after_cr:
        state_ = State::field_start;
        if (c == '\n') break;  // CRLF already ended the row
        [[fallthrough]];
      case State::field_start:
        if (c == '"') {
          state_ = State::quoted;
          quote_line_ = line_;
          row_has_content_ = true;
          break;
        }
        state_ = State::unquoted;
        [[fallthrough]];
      case State::unquoted:
        if (c == ',') {
          end_field();
          state_ = State::field_start;
        } else if (c == '\n' || c == '\r') {
          end_row();
          ++line_;
          row_line_ = line_;
          if (c == '\r') state_ = State::after_cr;
        } else {
          push(c);  // a stray quote inside an unquoted field is kept as text, as spreadsheets do
        }
        break;
      case State::quoted:
        if (c == '"') {
          state_ = State::quote_in_quoted;
        } else {
          if (c == '\n') ++line_;
          push(c);
        }
        break;
      case State::quote_in_quoted:
        if (c == '"') {
          push('"');
          state_ = State::quoted;
        } else if (c == ',') {
          end_field();
          state_ = State::field_start;
        } else if (c == '\n' || c == '\r') {
          end_row();
          ++line_;
          row_line_ = line_;
          if (c == '\r') state_ = State::after_cr;
        } else {
          push(c);  // text after a closing quote: keep it rather than lose it
          state_ = State::unquoted;
        }
        break;
    }
  }
}

void CsvReader::finish() {
  if (state_ == State::quoted) {
    throw InputError("csv_unclosed_quote", "A quoted CSV field opened here is never closed.", {}, quote_line_, 1);
  }
  if (state_ != State::after_cr && (row_has_content_ || !ends_.empty())) end_row();
  state_ = State::field_start;
}

}  // namespace ccredits
