#include "formats/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ccredits/error.hpp"

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

// Where the vector paths below can read 8 or 16 bytes at once and take the first match from the low bits.
constexpr bool kLittleEndian = std::endian::native == std::endian::little;

// One bit in the high bit of each byte of `word` equal to the byte `b` repeated in `pattern`. A borrow can only
// mark bytes above a real match, so the lowest bit set is exact, which is all the callers use.
inline std::uint64_t equal_bytes(std::uint64_t word, std::uint64_t pattern) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u;
  const std::uint64_t x = word ^ pattern;
  return (x - kOnes) & ~x & kHigh;
}

// The first separator, CR or LF in [p, end), or end. Fields are short (a dozen bytes in a Teams export), so the
// scan looks at 16 bytes (SSE2 natively) or 8 bytes (elsewhere, the wasm build included) per step instead of one.
const char* find_unquoted_stop(const std::array<bool, 256>& stop, char separator, const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i sep = _mm_set1_epi8(separator), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, sep), _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
    const unsigned bits = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (bits) return p + std::countr_zero(bits);
    p += 16;
  }
#endif
  if constexpr (kLittleEndian) {
    constexpr std::uint64_t kOnes = 0x0101010101010101u;
    const std::uint64_t sep = kOnes * static_cast<unsigned char>(separator), lf = kOnes * '\n', cr = kOnes * '\r';
    while (end - p >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      const std::uint64_t hit = equal_bytes(word, sep) | equal_bytes(word, lf) | equal_bytes(word, cr);
      if (hit) return p + std::countr_zero(hit) / 8;
      p += 8;
    }
  }
  while (p < end && !stop[static_cast<unsigned char>(*p)]) ++p;
  return p;
}

// The stops ahead in a row. Natively a bitmap of the next 64 bytes (one bit per separator, CR or LF), so that each
// field costs a shift and a count of trailing zeros, and a row's bytes are compared 16 at a time once. Where there
// is no SSE2 (the wasm build), each field is scanned by find_unquoted_stop.
class StopWindow {
 public:
  StopWindow(const std::array<bool, 256>& stop, char separator, const char* start)
      : stop_(stop), separator_(separator), window_(start), window_end_(start) {
#if defined(__SSE2__)
    sep_ = _mm_set1_epi8(separator);
#endif
  }

  // The first stop in [q, end), or end; q never goes back between calls.
  const char* next(const char* q, const char* end) {
#if defined(__SSE2__)
    if (q < window_end_) {
      const std::uint64_t ahead = bits_ >> (q - window_);
      if (ahead) return q + std::countr_zero(ahead);
      q = window_end_;
    }
    for (;;) {
      if (end - q < 64) return find_unquoted_stop(stop_, separator_, q, end);
      load(q);
      if (bits_) return q + std::countr_zero(bits_);
      q = window_end_;
    }
#else
    return find_unquoted_stop(stop_, separator_, q, end);
#endif
  }

 private:
#if defined(__SSE2__)
  void load(const char* p) {
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    std::uint64_t bits = 0;
    for (int k = 0; k < 4; ++k) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
      const __m128i hit =
          _mm_or_si128(_mm_cmpeq_epi8(v, sep_), _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
      bits |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(hit))) << (16 * k);
    }
    window_ = p;
    window_end_ = p + 64;
    bits_ = bits;
  }
  __m128i sep_;
#endif

  const std::array<bool, 256>& stop_;
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
  std::size_t fields = 0;  // views_ is grown, never shrunk, here: a row writes its fields by index
  const auto add_field = [&](const char* data, std::size_t size) {
    if (fields == views_.size()) views_.resize(std::max<std::size_t>(32, fields * 2));
    views_[fields++] = std::string_view(data, size);
  };
  unescaped_.clear();
  unescaped_fields_.clear();
  bool quoted_any = false;
  StopWindow stops(stops_, separator_, p);
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
      if (*q != separator_ && *q != '\n' && *q != '\r') return false;  // text after a closing quote: the byte loop keeps it
    } else {
      const char* stop = stops.next(q, end);
      if (stop == end) return false;
      add_field(q, static_cast<std::size_t>(stop - q));
      q = stop;
    }
    if (fields > max_fields_) return false;  // the byte loop reports it with its message
    if (*q == separator_) {
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
        const char* stop = find_unquoted_stop(stops_, separator_, p, end);
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

void CsvReader::finish() {
  if (state_ == State::quoted) {
    throw InputError("csv_unclosed_quote", "A quoted CSV field opened here is never closed.", {}, quote_line_, 1);
  }
  if (state_ != State::after_cr && (row_has_content_ || !ends_.empty())) end_row();
  state_ = State::field_start;
}

}  // namespace ccredits
