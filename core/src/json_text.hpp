#pragma once
// Writes JSON text straight into a string, byte for byte as nlohmann's dump(-1, ' ', false, replace) writes the
// same document (keys in byte order, no spaces, invalid UTF-8 replaced). For the estimate's large parts (lines,
// pools), where building a nlohmann document only to dump it cost most of an estimate (tests/bench/).
// Members must be written in the order nlohmann sorts keys (std::map: byte order); Debug builds assert it.
#include <string>
#include <string_view>
#include <vector>

#include "ccredits/json_input.hpp"
#include "ccredits/money.hpp"

namespace ccredits {

class JsonText {
 public:
  explicit JsonText(std::size_t reserve = 0) { out_.reserve(reserve); }

  JsonText& begin_object();
  JsonText& end_object();
  JsonText& begin_array();
  JsonText& end_array();
  // The next member's key; `key` must outlive the object being written (a literal or a long-lived string).
  JsonText& key(std::string_view key);

  JsonText& string(std::string_view s);
  JsonText& integer(std::int64_t n);
  JsonText& boolean(bool b);
  JsonText& null();
  // As minutes_json() dumps: an integer when whole, else the number nlohmann prints for the nearest double.
  JsonText& minutes(Minutes m);
  // A (small) nlohmann document, dumped in place.
  JsonText& value(const json& v);

  const std::string& text() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void separate();  // the comma before a value, unless it follows its key or opens its container
  void quoted(std::string_view s);  // a JSON string, escaped as nlohmann escapes it

  std::string out_;
  struct Level {
    bool first = true;
    std::string_view last_key;  // Debug check of the member order
  };
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace ccredits
