#include "formats/json_view.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

#include "ccredits/error.hpp"

namespace ccredits {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A number whose text nlohmann turns into the same decimal the view reads from the text itself: a non-negative
// integer of up to 18 digits (an exact int64 either way), or a non-negative decimal without exponent of at most 15
// significant digits that nlohmann prints back without exponent (json_input.cpp's number_text: dump() writes the
// shortest round-trip form, which for up to 15 significant digits is the written value, and switches to
// exponent notation below 0.0001 and from 10^15 on).
bool plain_number(std::string_view t) {
  if (t.empty() || t[0] == '-') return false;
  const std::size_t point = t.find('.');
  if (point == std::string_view::npos) return t.size() <= 18;
  const std::string_view whole = t.substr(0, point);
  const std::string_view fraction = t.substr(point + 1);
  if (whole.size() > 15) return false;
  std::size_t leading_zeros = 0;  // of the fraction, when the whole part is 0
  if (whole == "0") {
    while (leading_zeros < fraction.size() && fraction[leading_zeros] == '0') ++leading_zeros;
    if (leading_zeros == fraction.size()) return true;  // 0.000: zero
    if (leading_zeros > 3) return false;
    return fraction.size() - leading_zeros <= 15;
  }
  return whole.size() + fraction.size() <= 15;
}

}  // namespace

bool JsonView::fail() {
  error_offset_ = at_;
  return false;
}

void JsonView::skip_space() {
  while (at_ < text_.size()) {
    const char c = text_[at_];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
    ++at_;
  }
}

bool JsonView::read(std::string_view text, int depth) {
  text_ = text;
  at_ = 0;
  nodes_.clear();
  needs_full_check_ = false;
  error_offset_ = 0;
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) return fail();
  nodes_.reserve(text.size() / 16 + 4);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") at_ = 3;  // a UTF-8 byte order mark, which nlohmann skips too
  skip_space();
  if (!parse_value(depth)) return false;
  skip_space();
  if (at_ == text_.size()) return true;
  // nlohmann's lexer takes a NUL byte for the end of the input and ignores what follows, except for parse_json's
  // nesting check, which reads the whole text: let parse_json judge such a text.
  if (text_[at_] != '\0') return fail();
  needs_full_check_ = true;
  return true;
}

bool JsonView::parse_value(int depth) {
  if (at_ >= text_.size()) return fail();
  switch (text_[at_]) {
    case '{': return parse_container(Kind::object, depth + 1);
    case '[': return parse_container(Kind::array, depth + 1);
    case '"': return parse_string();
    case 't': return parse_literal("true", Kind::boolean);
    case 'f': return parse_literal("false", Kind::boolean);
    case 'n': return parse_literal("null", Kind::null);
    default: return parse_number();
  }
}

bool JsonView::parse_container(Kind kind, int depth) {
  if (depth > kMaxJsonDepth) return fail();
  const std::size_t index = nodes_.size();
  nodes_.push_back({kind, false, static_cast<std::uint32_t>(at_), 0, 0, 0});
  const char close = kind == Kind::object ? '}' : ']';
  ++at_;
  skip_space();
  std::uint32_t count = 0;
  if (at_ < text_.size() && text_[at_] == close) {
    ++at_;
  } else {
    for (;;) {
      if (kind == Kind::object) {
        if (at_ >= text_.size() || text_[at_] != '"' || !parse_string()) return fail();
        skip_space();
        if (at_ >= text_.size() || text_[at_] != ':') return fail();
        ++at_;
        skip_space();
      }
      if (!parse_value(depth)) return false;
      ++count;
      skip_space();
      if (at_ >= text_.size()) return fail();
      if (text_[at_] == ',') {
        ++at_;
        skip_space();
        continue;
      }
      if (text_[at_] != close) return fail();
      ++at_;
      break;
    }
  }
  Node& node = nodes_[index];
  node.end = static_cast<std::uint32_t>(at_);
  node.after = static_cast<std::uint32_t>(nodes_.size());
  node.size = count;
  return true;
}

bool JsonView::parse_string() {
  const std::size_t begin = ++at_;
  bool plain = true;
  for (;;) {
    if (at_ >= text_.size()) return fail();
    const auto c = static_cast<unsigned char>(text_[at_]);
    if (c == '"') break;
    if (c < 0x20) return fail();  // a raw control character: invalid in JSON
    if (c == '\\') {
      // Escapes (and their validity) are nlohmann's to check; skip the escaped character so \" does not end it.
      plain = false;
      if (++at_ >= text_.size()) return fail();
    } else if (c >= 0x80) {
      plain = false;  // UTF-8, whose well-formedness nlohmann checks
    }
    ++at_;
  }
  if (!plain) needs_full_check_ = true;
  const auto offset = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back({Kind::string, plain, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(at_),
                    offset + 1, 0});
  ++at_;
  return true;
}

bool JsonView::parse_number() {
  // RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  const std::size_t begin = at_;
  auto digits = [&] {
    const std::size_t from = at_;
    while (at_ < text_.size() && is_digit(text_[at_])) ++at_;
    return at_ > from;
  };
  if (at_ < text_.size() && text_[at_] == '-') ++at_;
  if (at_ < text_.size() && text_[at_] == '0') {
    ++at_;
  } else if (!digits()) {
    return fail();
  }
  if (at_ < text_.size() && text_[at_] == '.') {
    ++at_;
    if (!digits()) return fail();
  }
  bool exponent = false;
  if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
    exponent = true;
    ++at_;
    if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-')) ++at_;
    if (!digits()) return fail();
  }
  const std::string_view t = text_.substr(begin, at_ - begin);
  // nlohmann rejects numbers beyond a double's range (1e309, or 309 digits): only it may say so.
  if (exponent || t.size() > 300) needs_full_check_ = true;
  const auto offset = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back({Kind::number, !exponent && plain_number(t), static_cast<std::uint32_t>(begin),
                    static_cast<std::uint32_t>(at_), offset + 1, 0});
  return true;
}

bool JsonView::parse_literal(std::string_view word, Kind kind) {
  if (text_.substr(at_, word.size()) != word) return fail();
  const auto offset = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back({kind, true, static_cast<std::uint32_t>(at_), static_cast<std::uint32_t>(at_ + word.size()),
                    offset + 1, 0});
  at_ += word.size();
  return true;
}

JsonValue JsonView::root() const { return JsonValue(this, 0); }

bool JsonValue::is_integer_text() const {
  if (!is_number()) return false;
  return raw().find_first_of(".eE") == std::string_view::npos;
}

std::string_view JsonValue::raw() const {
  const JsonView::Node& n = node();
  return view_->text_.substr(n.begin, n.end - n.begin);
}

json JsonValue::to_json() const {
  const JsonView::Node& n = node();
  // A string's node excludes its quotes.
  const std::size_t begin = is_string() ? n.begin - 1 : n.begin;
  const std::size_t end = is_string() ? n.end + 1 : n.end;
  const std::string_view t = view_->text_.substr(begin, end - begin);
  return json::parse(t.begin(), t.end());
}

std::string JsonValue::text() const {
  if (plain()) return std::string(raw());
  return to_json().get<std::string>();
}

bool JsonValue::key_equals(std::string_view key) const {
  const JsonView::Node& n = node();
  if (!n.plain) return text() == key;
  // members() asks each key against every name it looks for: most differ in length or first byte, and are told
  // apart here without a call to memcmp (a call each in wasm).
  const std::size_t size = n.end - n.begin;
  if (size != key.size()) return false;
  const char* at = view_->text_.data() + n.begin;
  return size == 0 || (at[0] == key[0] && std::memcmp(at, key.data(), size) == 0);
}

void JsonValue::members(const std::string_view* keys, std::size_t n, JsonValue* found) const {
  for (std::size_t i = 0; i < n; ++i) found[i] = JsonValue();
  for_each_member([&](const JsonValue& k, const JsonValue& v) {
    for (std::size_t i = 0; i < n; ++i) {
      if (k.key_equals(keys[i])) {
        found[i] = v.is_null() ? JsonValue() : v;
        break;
      }
    }
  });
}

JsonValue JsonValue::member(std::string_view key) const {
  JsonValue found;
  for_each_member([&](const JsonValue& k, const JsonValue& v) {
    if (k.key_equals(key)) found = v;
  });
  return found;
}

std::vector<std::pair<std::string, JsonValue>> members_in_key_order(const JsonValue& obj) {
  std::vector<std::pair<std::string, JsonValue>> members;
  members.reserve(obj.size());
  obj.for_each_member([&](const JsonValue& key, const JsonValue& value) { members.emplace_back(key.text(), value); });
  std::stable_sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  // Of equal keys, now side by side in document order, the last one stays.
  std::vector<std::pair<std::string, JsonValue>> kept;
  kept.reserve(members.size());
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (i + 1 < members.size() && members[i + 1].first == members[i].first) continue;
    kept.push_back(std::move(members[i]));
  }
  return kept;
}

void read_json(JsonView& view, std::string_view text, const std::string& file) {
  const bool read = view.read(text);
  if (read && !view.needs_full_check()) return;
  parse_json(text, file);  // throws the error a user sees for any text the view rejects
  if (!read) {
    // nlohmann accepted what the view did not: a bug in the view (the json_view fuzz target looks for these).
    auto [line, column] = line_and_column(text, view.error_offset());
    throw InputError("bad_json", "The file is not valid JSON.", file, line, column);
  }
}

}  // namespace ccredits
