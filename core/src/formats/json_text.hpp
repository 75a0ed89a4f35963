#pragma once
// Writes JSON text straight into a string, byte for byte as nlohmann's dump(-1, ' ', false, replace) writes the
// same document (keys in byte order, no spaces, invalid UTF-8 replaced). For the estimate, where building a
// nlohmann document only to dump it cost most of an estimate (tests/bench/estimate_bench.cpp), and for the usage
// document's chargeback, which lists every user of a report.
// Members must be written in the order nlohmann sorts keys (std::map: byte order); Debug builds assert it.
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "formats/json_input.hpp"
#include "ccredits/money.hpp"

namespace ccredits {

class JsonText {
 public:
  explicit JsonText(std::size_t reserve = 0) : buffer_(reserve, '\0'), data_(buffer_.data()), capacity_(reserve) {}
  JsonText(const JsonText&) = delete;
  JsonText& operator=(const JsonText&) = delete;

  JsonText& begin_object();
  JsonText& end_object();
  JsonText& begin_array();
  JsonText& end_array();
  // The next member's key; `key` must outlive the object being written (a literal or a long-lived string).
  JsonText& key(std::string_view key);

  JsonText& string(std::string_view s);
  JsonText& integer(std::int64_t n);
  // A fixed-point amount as a JSON string: Money::to_string(decimals)'s text, or to_exact_string()'s (exact).
  JsonText& fixed(std::int64_t millionths, int decimals);
  JsonText& exact(std::int64_t millionths);
  JsonText& boolean(bool b);
  JsonText& null();
  // A value already written as nlohmann's dump() writes it (a value of the plan data), copied as it is.
  JsonText& json_value_text(std::string_view text);
  // As minutes_json() dumps: an integer when whole, else the number nlohmann prints for the nearest double.
  JsonText& minutes(Minutes m);
  // A nlohmann document, written as its dump() would be.
  JsonText& value(const json& v);

  std::string_view text() const { return std::string_view(data_, size_); }
  std::string take();

 private:
  // Whether a ',' goes before the next value (not after its key, not first in its container).
  bool comma();
  // [','] token [suffix] in one append (few, larger appends: each is a call in wasm).
  void put(bool comma, std::string_view token, char suffix = '\0');
  // [','] "s" [suffix], escaped as nlohmann escapes it.
  void put_quoted(bool comma, std::string_view s, char suffix = '\0');
  void escaped(std::string_view s);
  // The text is written through a raw pointer into a buffer grown by doubling: std::string::append is a call
  // with its own checks, and an estimate makes tens of thousands of them.
  char* room(std::size_t n);  // n more bytes at the end, to be written
  void append(std::string_view s) { std::memcpy(room(s.size()), s.data(), s.size()); }
  void append(char c) { *room(1) = c; }

  std::string buffer_;  // [0, size_) written; the rest is room
  char* data_;          // buffer_.data() and buffer_.size(), kept here: in wasm each std::string accessor is a call
  std::size_t capacity_;
  std::size_t size_ = 0;
  struct Level {
    bool first = true;
    std::string_view last_key;  // Debug check of the member order
  };
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace ccredits
