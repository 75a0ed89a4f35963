#include "formats/json_text.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace ccredits {
namespace {

// Bytes copied as they are: printable ASCII but '"' and '\', and the bytes of well-formed multi-byte UTF-8
// sequences (checked by utf8_length).
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return t;
}();

// Whether all eight bytes of w are kPlain ASCII: none below 0x20, none from 0x80, no '"' and no '\\' (the
// "has less than" and "has zero byte" word tests of Bit Twiddling Hacks, exact for these constants).
bool plain_word(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  const auto has_zero_byte = [&](std::uint64_t x) { return ((x - kOnes) & ~x & kHighs) != 0; };
  const bool below_space = ((w - kOnes * 0x20) & ~w & kHighs) != 0;
  return !below_space && (w & kHighs) == 0 && !has_zero_byte(w ^ (kOnes * '"')) && !has_zero_byte(w ^ (kOnes * '\\'));
}

// The length of the well-formed UTF-8 sequence at s[i] (Unicode Table 3-7: no overlong forms, no surrogates,
// nothing above U+10FFFF), or 0. nlohmann copies exactly these sequences unchanged.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  const auto tail = [&](std::size_t k) { return at(k) >= 0x80 && at(k) <= 0xBF; };
  const unsigned c = at(0);
  if (c >= 0xC2 && c <= 0xDF) return tail(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80;
    const unsigned hi = c == 0xED ? 0x9F : 0xBF;
    return at(1) >= lo && at(1) <= hi && tail(2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80;
    const unsigned hi = c == 0xF4 ? 0x8F : 0xBF;
    return at(1) >= lo && at(1) <= hi && tail(2) && tail(3) ? 4 : 0;
  }
  return 0;
}

}  // namespace

char* JsonText::room(std::size_t n) {
  if (size_ + n > capacity_) {
    buffer_.resize(std::max(capacity_ * 2, size_ + n));
    data_ = buffer_.data();
    capacity_ = buffer_.size();
  }
  char* at = data_ + size_;
  size_ += n;
  return at;
}

std::string JsonText::take() {
  buffer_.resize(size_);
  size_ = 0;
  data_ = nullptr;
  capacity_ = 0;
  return std::move(buffer_);
}

bool JsonText::comma() {
  if (after_key_) {
    after_key_ = false;
    return false;
  }
  if (levels_.empty()) return false;
  if (levels_.back().first) {
    levels_.back().first = false;
    return false;
  }
  return true;
}

// put and put_quoted copy byte by byte into the room they take: the tokens are short, and in wasm each memcpy is a
// call (most of the estimate's text is written here).
void JsonText::put(bool comma, std::string_view token, char suffix) {
  const std::size_t start = size_;
  char* const out = room(token.size() + 2);
  char* p = out;
  if (comma) *p++ = ',';
  for (char c : token) *p++ = c;
  if (suffix) *p++ = suffix;
  size_ = start + static_cast<std::size_t>(p - out);
}

void JsonText::put_quoted(bool comma, std::string_view s, char suffix) {
  const std::size_t start = size_;
  char* const out = room(s.size() + 4);
  char* p = out;
  if (comma) *p++ = ',';
  *p++ = '"';
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8, p += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (!plain_word(word)) break;
    std::memcpy(p, &word, 8);
  }
  for (char c : s.substr(i)) {
    if (!kPlain[static_cast<unsigned char>(c)]) {
      // Something to escape (or UTF-8 to check): the general route.
      size_ = start;
      if (comma) append(',');
      escaped(s);
      if (suffix) append(suffix);
      return;
    }
    *p++ = c;
  }
  *p++ = '"';
  if (suffix) *p++ = suffix;
  size_ = start + static_cast<std::size_t>(p - out);
}

void JsonText::escaped(std::string_view s) {
  // nlohmann's escapes with ensure_ascii off: '"', '\\', the short forms, \u00xx for other control characters;
  // everything else as it is.
  const std::size_t start = size_;
  append('"');
  std::size_t run = 0;  // start of the characters not yet copied
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (kPlain[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t n = utf8_length(s, i);
      if (n == 0) {
        // Invalid UTF-8 (a CSV sheet in another encoding): nlohmann's own replacement, so the text is its text.
        size_ = start;
        append(json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace));
        return;
      }
      i += n;
      continue;
    }
    append(s.substr(run, i - run));
    switch (c) {
      case '"': append("\\\""); break;
      case '\\': append("\\\\"); break;
      case '\b': append("\\b"); break;
      case '\f': append("\\f"); break;
      case '\n': append("\\n"); break;
      case '\r': append("\\r"); break;
      case '\t': append("\\t"); break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char code[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        append(std::string_view(code, sizeof code));
      }
    }
    run = ++i;
  }
  append(s.substr(run));
  append('"');
}

JsonText& JsonText::begin_object() {
  put(comma(), "{");
  levels_.push_back({});
  return *this;
}

JsonText& JsonText::end_object() {
  levels_.pop_back();
  append('}');
  return *this;
}

JsonText& JsonText::begin_array() {
  put(comma(), "[");
  levels_.push_back({});
  return *this;
}

JsonText& JsonText::end_array() {
  levels_.pop_back();
  append(']');
  return *this;
}

JsonText& JsonText::key(std::string_view key) {
  Level& level = levels_.back();
  assert(level.first || level.last_key < key);  // nlohmann's order, each key once
  put_quoted(comma(), key, ':');
  level.last_key = key;
  after_key_ = true;
  return *this;
}

JsonText& JsonText::string(std::string_view s) {
  put_quoted(comma(), s);
  return *this;
}

JsonText& JsonText::integer(std::int64_t n) {
  char buffer[24];
  char* end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
  put(comma(), std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
  return *this;
}

JsonText& JsonText::fixed(std::int64_t millionths, int decimals) {
  char text[kFixedTextSize];
  put_quoted(comma(), std::string_view(text, write_fixed(text, millionths, decimals)));
  return *this;
}

JsonText& JsonText::exact(std::int64_t millionths) {
  char text[kFixedTextSize];
  put_quoted(comma(), std::string_view(text, write_fixed_trimmed(text, millionths)));
  return *this;
}

JsonText& JsonText::boolean(bool b) {
  put(comma(), b ? "true" : "false");
  return *this;
}

JsonText& JsonText::null() {
  put(comma(), "null");
  return *this;
}

JsonText& JsonText::json_value_text(std::string_view text) {
  put(comma(), text);
  return *this;
}

JsonText& JsonText::minutes(Minutes m) {
  if (m.micros() % kFixedScale == 0) return integer(m.micros() / kFixedScale);
  // The double minutes_json() makes of the exact decimal, printed by the routine nlohmann's dump() uses for
  // every double (Grisu2, shortest round-trip form).
  char buffer[64];
  char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, minutes_as_double(m));
  put(comma(), std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
  return *this;
}

JsonText& JsonText::value(const json& v) {
  // Walks the document as dump() does (objects are std::maps: keys already in order).
  switch (v.type()) {
    case json::value_t::object:
      begin_object();
      for (auto it = v.cbegin(); it != v.cend(); ++it) key(it.key()).value(it.value());
      return end_object();
    case json::value_t::array:
      begin_array();
      for (const json& item : v) value(item);
      return end_array();
    case json::value_t::string:
      return string(v.get_ref<const std::string&>());
    case json::value_t::boolean:
      return boolean(v.get<bool>());
    case json::value_t::number_integer:
      return integer(v.get<std::int64_t>());
    default:
      // null, unsigned and floating-point numbers: nlohmann's own text.
      put(comma(), v.dump(-1, ' ', false, json::error_handler_t::replace));
      return *this;
  }
}

}  // namespace ccredits
