#pragma once
// A small pull reader of XML, enough for the parts of an .xlsx (SpreadsheetML): elements, attributes, text, the
// five predefined entities and numeric character references, comments, CDATA, processing instructions.
// A DOCTYPE (and so any entity declaration) is refused with a sentence, never expanded: the "billion laughs" and
// external entities cannot happen. Nesting deeper than a limit is refused too, so a hostile part costs at most
// one pass over its bytes. Names are reported without their namespace prefix ("x:row" -> "row").
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ccredits {

class XmlReader {
 public:
  enum class Event { start, end, text, done };

  // part: the name errors give ("xl/worksheets/sheet1.xml"); file: the file it came from.
  XmlReader(std::string_view document, std::string part, std::string file, std::size_t max_depth = 64);

  // The next event. A self-closing element gives start then end. Text between elements is given whole (entities
  // decoded, CDATA included); whitespace-only text is given too.
  Event next();

  // Of the current start or end event.
  std::string_view name() const { return name_; }
  // Of the current start event: the attribute's decoded value, or nullptr when absent (matched by local name).
  const std::string* attribute(std::string_view local_name);
  // Of the current text event.
  const std::string& text() const { return text_; }
  // Elements open after the current event (a start event counts its own element).
  std::size_t depth() const { return open_.size(); }
  // The 1-based line of the current position, for errors.
  long line() const;

  // Throws InputError "bad_xml" naming the part and line.
  [[noreturn]] void fail(const std::string& why) const;

 private:
  void decode(std::string_view raw, std::string& out) const;
  std::string_view read_name();
  void skip_space();

  std::string_view doc_;
  std::string part_;
  std::string file_;
  std::size_t max_depth_;
  std::size_t pos_ = 0;
  std::string_view name_;
  std::string text_;
  std::vector<std::pair<std::string_view, std::string_view>> raw_attributes_;  // local name, raw value
  std::vector<std::string> decoded_;
  std::vector<std::string_view> open_;
  bool pending_end_ = false;
  bool seen_root_ = false;
};

}  // namespace ccredits
