#include "formats/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "ccredits/error.hpp"
#include "formats/csv_stops.hpp"

namespace ccredits {
namespace {

// Bytes that end a run of an unquoted field: the separator and the line ends.
std::array<bool, 256> unquoted_stops(char separator) {
  std::array<bool, 256> t{};
  t[static_cast<unsigned char>(separator)] = true;
  t[static_cast<unsigned char>('\n')] = true;
  t[static_cast<unsigned char>('\r')] = true;
  return t;
}

const char* find_unquoted_stop(const std::array<bool, 256>& stop, const char* p, const char* end) {
  // Unrolled by four: the common case is a run of ordinary bytes.
  while (end - p >= 4) {
    if (stop[static_cast<unsigned char>(p[0])]) return p;
    if (stop[static_cast<unsigned char>(p[1])]) return p + 1;
    if (stop[static_cast<unsigned char>(p[2])]) return p + 2;
    if (stop[static_cast<unsigned char>(p[3])]) return p + 3;
    p += 4;
  }
  while (p < end && !stop[static_cast<unsigned char>(*p)]) ++p;
  return p;
}

// The stops of a row in place, a 64-byte window at a time (csv_stops.hpp).
class StopWindow {
 public:
  StopWindow(char separator, const char* start) : separator_(separator), window_(start), window_end_(start) {}

  // The first stop in [q, end), or end; q never goes back between calls.
  const char* next(const char* q, const char* end) {
    if (q < window_end_) {
      const std::uint64_t ahead = bits_ >> (q - window_);
      if (ahead) return q + std::countr_zero(ahead);
      q = window_end_;
    }
    while (q < end) {
      const auto left = static_cast<std::size_t>(end - q);
      bits_ = left >= 64 ? csv_stops::stop_bits(q, separator_) : csv_stops::stop_bits_tail(q, left, separator_);
      window_ = q;
      window_end_ = q + std::min<std::size_t>(left, 64);
      if (bits_) return q + std::countr_zero(bits_);
      q = window_end_;
    }
    return end;
  }

 private:
  char separator_;
  const char* window_;
  const char* window_end_;
  std::uint64_t bits_ = 0;
};

}  // namespace

CsvReader::CsvReader(RowHandler on_row, std::size_t max_row_bytes, std::size_t max_fields, char separator)
    : on_row_(std::move(on_row)), max_row_bytes_(max_row_bytes), max_fields_(max_fields), separator_(separator),
      stops_(unquoted_stops(separator)) {}

void CsvReader::row_too_long() const {
  throw InputError("csv_row_too_large",
                   "A CSV row is longer than " + std::to_string(max_row_bytes_) + " bytes; is this the right file?",
                   {}, row_line_, 1);
}

void CsvReader::append(const char* data, std::size_t size) {
  if (size == 0) return;
  if (row_.size() + size > max_row_bytes_) row_too_long();
  row_.append(data, size);
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
    views_.resize(ends_.size());
    const char* base = row_.data();
    std::size_t start = 0;
    for (std::size_t k = 0; k < ends_.size(); ++k) {
      views_[k] = std::string_view(base + start, ends_[k] - start);
      start = ends_[k];
    }
    on_row_(CsvRow{views_, row_line_});
  }
  row_.clear();
  ends_.clear();
  row_has_content_ = false;
  state_ = State::field_start;
}

bool CsvReader::whole_row_in_place(const char*& p, const char* const end) {
  const char* q = p;
  long newlines = 0;
  // views_ is grown, never shrunk, here: a row writes its fields by index. Locals, not members, in the loop: the
  // compiler keeps them in registers.
  std::size_t fields = 0;
  std::string_view* out = views_.data();
  std::size_t room = views_.size();
  const char separator = separator_;
  const std::size_t max_fields = max_fields_;
  const auto add_field = [&](const char* data, std::size_t size) {
    if (fields == room) {
      views_.resize(std::max<std::size_t>(32, fields * 2));
      out = views_.data();
      room = views_.size();
    }
    out[fields++] = std::string_view(data, size);
  };
  unescaped_.clear();
  unescaped_fields_.clear();
  bool quoted_any = false;
  StopWindow stops(separator, p);
  for (;;) {
    if (q == end) return false;
    if (*q == '"') {
      quoted_any = true;
      const char* const content = q + 1;
      const char* s = content;
      bool doubled = false;
      const char* close;
      for (;;) {
        const void* found = std::memchr(s, '"', static_cast<std::size_t>(end - s));
        if (!found) return false;
        close = static_cast<const char*>(found);
        if (close + 1 == end) return false;  // cannot tell a closing quote from a doubled one yet
        if (close[1] != '"') break;
        doubled = true;
        s = close + 2;
      }
      newlines += static_cast<long>(std::count(content, close, '\n'));
      if (doubled) {
        // Inside the field quotes come in pairs (checked above): copy up to each pair's first, skip its second.
        const std::size_t offset = unescaped_.size();
        for (const char* c = content; c < close;) {
          const void* pair = std::memchr(c, '"', static_cast<std::size_t>(close - c));
          const char* run_end = pair ? static_cast<const char*>(pair) + 1 : close;
          unescaped_.append(c, static_cast<std::size_t>(run_end - c));
          c = pair ? run_end + 1 : close;
        }
        unescaped_fields_.emplace_back(fields, offset);
        add_field(nullptr, unescaped_.size() - offset);
      } else {
        add_field(content, static_cast<std::size_t>(close - content));
      }
      q = close + 1;
      if (q == end) return false;
      if (*q != separator && *q != '\n' && *q != '\r') return false;  // text after a closing quote: the byte loop keeps it
    } else {
      const char* stop = stops.next(q, end);
      if (stop == end) return false;
      add_field(q, static_cast<std::size_t>(stop - q));
      q = stop;
    }
    if (fields > max_fields) return false;  // the byte loop reports it with its message
    if (*q == separator) {
      ++q;
      continue;
    }
    break;
  }
  // A row longer than the limit goes to the byte loop, which counts its fields' bytes without separators and
  // quotes against the limit the way it does for a row cut across chunks, and reports one too long.
  if (static_cast<std::size_t>(q - p) > max_row_bytes_) return false;
  // *q ends the row: LF, or CR (its LF may be in the next chunk).
  bool cr_pending = false;
  if (*q == '\r') {
    if (q + 1 < end && q[1] == '\n') ++q;
    else if (q + 1 == end) cr_pending = true;
  }
  ++q;
  for (const auto& [field, offset] : unescaped_fields_) {
    views_[field] = std::string_view(unescaped_.data() + offset, views_[field].size());
  }
  row_line_ = line_;
  const bool blank = fields == 1 && views_[0].empty() && !quoted_any;
  if (!blank) on_row_(CsvRow{std::span<const std::string_view>(views_.data(), fields), row_line_});
  line_ += newlines + 1;
  row_line_ = line_;
  p = q;
  if (cr_pending) state_ = State::after_cr;
  return true;
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
  const char* p = chunk.data() + i;
  const char* const end = chunk.data() + chunk.size();
  while (p < end) {
    if (state_ == State::field_start && ends_.empty() && !row_has_content_ && whole_row_in_place(p, end)) continue;
    switch (state_) {
      case State::after_cr:
        state_ = State::field_start;
        if (*p == '\n') {  // CRLF already ended the row
          ++p;
          break;
        }
        [[fallthrough]];
      case State::field_start:
        if (*p == '"') {
          state_ = State::quoted;
          quote_line_ = line_;
          row_has_content_ = true;
          ++p;
          break;
        }
        state_ = State::unquoted;
        [[fallthrough]];
      case State::unquoted: {
        // A stray quote inside an unquoted field is kept as text, as spreadsheets do.
        const char* stop = find_unquoted_stop(stops_, p, end);
        append(p, static_cast<std::size_t>(stop - p));
        p = stop;
        if (p == end) return;
        const char c = *p++;
        if (c == separator_) {
          end_field();
          state_ = State::field_start;
        } else {
          end_row();
          ++line_;
          row_line_ = line_;
          if (c == '\r') state_ = State::after_cr;
        }
        break;
      }
      case State::quoted: {
        const void* found = std::memchr(p, '"', static_cast<std::size_t>(end - p));
        const char* stop = found ? static_cast<const char*>(found) : end;
        line_ += static_cast<long>(std::count(p, stop, '\n'));
        append(p, static_cast<std::size_t>(stop - p));
        p = stop;
        if (p == end) return;
        ++p;
        state_ = State::quote_in_quoted;
        break;
      }
      case State::quote_in_quoted: {
        const char c = *p++;
        if (c == '"') {
          append("\"", 1);
          state_ = State::quoted;
        } else if (c == separator_) {
          end_field();
          state_ = State::field_start;
        } else if (c == '\n' || c == '\r') {
          end_row();
          ++line_;
          row_line_ = line_;
          if (c == '\r') state_ = State::after_cr;
        } else {
          append(p - 1, 1);  // text after a closing quote: keep it rather than lose it
          state_ = State::unquoted;
        }
        break;
      }
    }
  }
}

void CsvReader::resume_at_line(long line) {
  line_ = line;
  row_line_ = line;
  at_file_start_ = false;
}

void CsvReader::finish() {
  if (state_ == State::quoted) {
    throw InputError("csv_unclosed_quote", "A quoted CSV field opened here is never closed.", {}, quote_line_, 1);
  }
  if (state_ != State::after_cr && (row_has_content_ || !ends_.empty())) end_row();
  state_ = State::field_start;
}

}  // namespace ccredits
