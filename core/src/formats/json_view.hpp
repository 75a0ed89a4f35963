#pragma once
// A JSON document read in one pass into a flat array of nodes that point into its text: no value is copied or
// allocated while reading. The scenario reader uses it on every keystroke of the page: building a nlohmann document
// of a 200-row scenario took longer in wasm than rating, advice and output together (tests/bench/estimate_bench.cpp).
//
// JsonView accepts and rejects exactly the documents nlohmann's parser does for the ones it can vouch for alone:
// pure-ASCII strings without escapes, and numbers nlohmann reads without loss. Anything else (an escape, a
// non-ASCII byte, an exponent, a very long number) sets needs_full_check(), and the caller hands the whole text to
// parse_json, which both validates it and words the error a user sees (tests/fuzz/fuzz_json_view.cpp checks the
// agreement). Values the view cannot read plainly are converted with to_json() instead.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/json_input.hpp"

namespace ccredits {

class JsonValue;

class JsonView {
 public:
  enum class Kind : std::uint8_t { null, boolean, number, string, array, object };

  // Reads `text`. False when the text is not JSON as the view reads it (a syntax error, nesting deeper than
  // kMaxJsonDepth, or more than 4 GB); error_offset() then says where it stopped. `depth`: how deep the text's value
  // sits in a document it is part of (the nesting limit counts from that document's root).
  bool read(std::string_view text, int depth = 0);
  // Whether some part of the text needs nlohmann's checks (see above) before the document can be trusted.
  bool needs_full_check() const { return needs_full_check_; }
  std::size_t error_offset() const { return error_offset_; }

  JsonValue root() const;

 private:
  friend class JsonValue;
  struct Node {
    Kind kind;
    bool plain;            // string: ASCII, no escape; number: read exactly from its text (see json_view.cpp)
    std::uint32_t begin;   // offset of the value's text (a string's: after its opening quote)
    std::uint32_t end;     // offset after it (a string's: its closing quote)
    std::uint32_t after;   // index of the node after this value and everything inside it
    std::uint32_t size;    // members of an object, elements of an array
  };
  // Each parse_* appends its node(s) and returns false on a syntax error (error_offset_ set).
  bool parse_value(int depth);
  bool parse_container(Kind kind, int depth);
  bool parse_string();
  bool parse_number();
  bool parse_literal(std::string_view word, Kind kind);
  void skip_space();
  bool fail();

  std::string_view text_;
  std::size_t at_ = 0;
  std::vector<Node> nodes_;
  bool needs_full_check_ = false;
  std::size_t error_offset_ = 0;
};

// One value of a JsonView (which must outlive it). A default-constructed JsonValue is "absent".
class JsonValue {
 public:
  JsonValue() = default;
  bool present() const { return view_ != nullptr; }
  JsonView::Kind kind() const { return node().kind; }
  bool is_null() const { return kind() == JsonView::Kind::null; }
  bool is_object() const { return kind() == JsonView::Kind::object; }
  bool is_array() const { return kind() == JsonView::Kind::array; }
  bool is_string() const { return kind() == JsonView::Kind::string; }
  bool is_number() const { return kind() == JsonView::Kind::number; }
  // A number that is a whole number written without '.' or exponent (an integer to nlohmann).
  bool is_integer_text() const;
  // True for strings and numbers the view reads exactly from their text; others go through to_json().
  bool plain() const { return node().plain; }
  // The value's text as written; a string's without its quotes (escapes left as they are).
  std::string_view raw() const;
  // The value as a nlohmann document: for the few values the view does not read itself, and for error messages,
  // which quote values as nlohmann prints them.
  json to_json() const;
  // A string's text with its escapes resolved.
  std::string text() const;

  // The member named key (the last one, as nlohmann keeps the last of duplicate keys), or an absent value.
  // The value must be an object.
  JsonValue member(std::string_view key) const;
  // The members named keys[0..n) into found[0..n) in one pass over an object (the last of duplicate keys; a null
  // member as absent, as find_member reads it): for readers that look up several members of many objects.
  void members(const std::string_view* keys, std::size_t n, JsonValue* found) const;
  std::size_t size() const { return node().size; }
  // Calls fn(key text, value) for each member of an object, fn(index, value) for each element of an array.
  template <typename Fn>
  void for_each_member(Fn fn) const {
    std::uint32_t i = index_ + 1;
    for (std::uint32_t k = 0; k < node().size; ++k) {
      const JsonValue key(view_, i);
      const JsonValue value(view_, i + 1);
      fn(key, value);
      i = view_->nodes_[i + 1].after;
    }
  }
  template <typename Fn>
  void for_each_element(Fn fn) const {
    std::uint32_t i = index_ + 1;
    for (std::uint32_t k = 0; k < node().size; ++k) {
      fn(static_cast<std::size_t>(k), JsonValue(view_, i));
      i = view_->nodes_[i].after;
    }
  }

 private:
  friend class JsonView;
  JsonValue(const JsonView* view, std::uint32_t index) : view_(view), index_(index) {}
  const JsonView::Node& node() const { return view_->nodes_[index_]; }
  bool key_equals(std::string_view key) const;

  const JsonView* view_ = nullptr;
  std::uint32_t index_ = 0;
};

// Where a value sits, for error messages only: "usage[3]" and "minutes" make "usage[3].minutes" when a message
// needs it, not for every value read (in wasm each string operation is a call, and a scenario has thousands).
class ValuePath {
 public:
  // A whole path converts implicitly, from a string or a literal; it must outlive the ValuePath (a temporary
  // lives to the end of the call it is an argument of).
  ValuePath(const std::string& base) : base_(base) {}  // NOLINT
  ValuePath(const char* base) : base_(base) {}         // NOLINT
  ValuePath(std::string_view base, const char* field) : base_(base), field_(field) {}
  std::string text() const { return field_ ? std::string(base_) + "." + field_ : std::string(base_); }

 private:
  std::string_view base_;
  const char* field_ = nullptr;
};

// json_input.hpp's readers over a JsonView's values, for the scenario (defined in json_input.cpp). What the view
// reads plainly is converted from its text; any other value, and every error, goes through the json overloads, so
// the messages are the same. find_member returns an absent JsonValue where the json overload returns nullptr.
Money money_value(const JsonValue& v, const ValuePath& path);
Minutes minutes_value(const JsonValue& v, const ValuePath& path);
std::string text_value(const JsonValue& v, const ValuePath& path);
std::int64_t count_value(const JsonValue& v, const ValuePath& path);
bool bool_value(const JsonValue& v, const ValuePath& path);
JsonValue find_member(const JsonValue& obj, const char* key, const std::string& path);
JsonValue require_member(const JsonValue& obj, const char* key, const std::string& path);

// An object's members as nlohmann keeps them: in byte order of their keys, the last of duplicate keys, null members
// included. For readers that go through every member of a small object, so that which of two faults is reported,
// and the order of what they read, are the same as nlohmann's iteration gives. The value must be an object.
std::vector<std::pair<std::string, JsonValue>> members_in_key_order(const JsonValue& obj);

// Reads `text` into `view`, failing exactly as parse_json does (the same error codes, messages and locations): a
// text the view rejects or cannot vouch for goes through parse_json, whose error is the one thrown.
void read_json(JsonView& view, std::string_view text, const std::string& file);

}  // namespace ccredits
