#include "formats/xml_reader.hpp"

#include <algorithm>
#include <cstdint>

#include "ccredits/error.hpp"

namespace ccredits {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool ends_name(char c) { return is_space(c) || c == '/' || c == '>' || c == '=' || c == '<' || c == '"' || c == '\''; }

std::string_view local_part(std::string_view qualified) {
  const std::size_t colon = qualified.find(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

XmlReader::XmlReader(std::string_view document, std::string part, std::string file, std::size_t max_depth)
    : doc_(document), part_(std::move(part)), file_(std::move(file)), max_depth_(max_depth) {
  if (doc_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

long XmlReader::line() const {
  const std::size_t at = std::min(pos_, doc_.size());
  return 1 + static_cast<long>(std::count(doc_.begin(), doc_.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

void XmlReader::fail(const std::string& why) const {
  throw InputError("bad_xml", "The part \"" + part_ + "\" of the workbook " + why + ".", file_, line());
}

void XmlReader::skip_space() {
  while (pos_ < doc_.size() && is_space(doc_[pos_])) ++pos_;
}

std::string_view XmlReader::read_name() {
  const std::size_t start = pos_;
  while (pos_ < doc_.size() && !ends_name(doc_[pos_])) ++pos_;
  if (pos_ == start) fail("has a malformed tag");
  return doc_.substr(start, pos_ - start);
}

void XmlReader::decode(std::string_view raw, std::string& out) const {
  out.clear();
  std::size_t i = 0;
  while (i < raw.size()) {
    const std::size_t amp = raw.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(raw.substr(i));
      break;
    }
    out.append(raw.substr(i, amp - i));
    const std::size_t semi = raw.find(';', amp);
    if (semi == std::string_view::npos || semi - amp > 12) fail("has a stray \"&\"");
    const std::string_view entity = raw.substr(amp + 1, semi - amp - 1);
    if (entity == "lt") out.push_back('<');
    else if (entity == "gt") out.push_back('>');
    else if (entity == "amp") out.push_back('&');
    else if (entity == "quot") out.push_back('"');
    else if (entity == "apos") out.push_back('\'');
    else if (entity.size() >= 2 && entity[0] == '#') {
      const bool hex = entity[1] == 'x' || entity[1] == 'X';
      const std::string_view digits = entity.substr(hex ? 2 : 1);
      std::uint32_t cp = 0;
      if (digits.empty()) fail("has an empty character reference");
      for (char c : digits) {
        std::uint32_t d;
        if (c >= '0' && c <= '9') d = static_cast<std::uint32_t>(c - '0');
        else if (hex && c >= 'a' && c <= 'f') d = static_cast<std::uint32_t>(c - 'a' + 10);
        else if (hex && c >= 'A' && c <= 'F') d = static_cast<std::uint32_t>(c - 'A' + 10);
        else fail("has a malformed character reference \"&" + std::string(entity) + ";\"");
        cp = cp * (hex ? 16 : 10) + d;
        if (cp > 0x10FFFF) fail("has a character reference past Unicode");
      }
      if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) fail("has a character reference to no character");
      append_utf8(out, cp);
    } else {
      fail("uses the entity \"&" + std::string(entity) + ";\", which XML does not define without a declaration");
    }
    i = semi + 1;
  }
}

const std::string* XmlReader::attribute(std::string_view local_name) {
  for (std::size_t i = 0; i < raw_attributes_.size(); ++i) {
    if (raw_attributes_[i].first != local_name) continue;
    decode(raw_attributes_[i].second, decoded_[i]);
    return &decoded_[i];
  }
  return nullptr;
}

XmlReader::Event XmlReader::next() {
  if (pending_end_) {
    pending_end_ = false;
    open_.pop_back();
    return Event::end;
  }
  for (;;) {
    if (pos_ >= doc_.size()) {
      if (!open_.empty()) fail("ends before <" + std::string(open_.back()) + "> is closed");
      if (!seen_root_) fail("has no elements");
      return Event::done;
    }
    if (doc_[pos_] != '<') {
      std::size_t stop = doc_.find('<', pos_);
      if (stop == std::string_view::npos) stop = doc_.size();
      const std::string_view raw = doc_.substr(pos_, stop - pos_);
      if (open_.empty()) {
        if (std::any_of(raw.begin(), raw.end(), [](char c) { return !is_space(c); })) {
          fail("has text outside its root element");
        }
        pos_ = stop;
        continue;
      }
      decode(raw, text_);
      pos_ = stop;
      return Event::text;
    }
    const std::string_view rest = doc_.substr(pos_);
    if (rest.substr(0, 2) == "<?") {
      const std::size_t stop = doc_.find("?>", pos_ + 2);
      if (stop == std::string_view::npos) fail("has an unclosed \"<?\"");
      pos_ = stop + 2;
      continue;
    }
    if (rest.substr(0, 4) == "<!--") {
      const std::size_t stop = doc_.find("-->", pos_ + 4);
      if (stop == std::string_view::npos) fail("has an unclosed comment");
      pos_ = stop + 3;
      continue;
    }
    if (rest.substr(0, 9) == "<![CDATA[") {
      const std::size_t stop = doc_.find("]]>", pos_ + 9);
      if (stop == std::string_view::npos) fail("has an unclosed CDATA section");
      if (open_.empty()) fail("has text outside its root element");
      text_.assign(doc_.substr(pos_ + 9, stop - pos_ - 9));
      pos_ = stop + 3;
      return Event::text;
    }
    if (rest.substr(0, 2) == "<!") {
      fail("declares a document type or entities, which Excel never writes; it is refused, and nothing in it is "
           "expanded");
    }
    if (rest.substr(0, 2) == "</") {
      pos_ += 2;
      const std::string_view qualified = read_name();
      skip_space();
      if (pos_ >= doc_.size() || doc_[pos_] != '>') fail("has a malformed closing tag");
      ++pos_;
      if (open_.empty() || open_.back() != qualified) {
        fail("closes <" + std::string(qualified) + "> where " +
             (open_.empty() ? std::string("nothing is open") : "<" + std::string(open_.back()) + "> is open"));
      }
      open_.pop_back();
      name_ = local_part(qualified);
      return Event::end;
    }
    ++pos_;
    const std::string_view qualified = read_name();
    raw_attributes_.clear();
    for (;;) {
      skip_space();
      if (pos_ >= doc_.size()) fail("ends inside a tag");
      if (doc_[pos_] == '>' || doc_.substr(pos_, 2) == "/>") break;
      const std::string_view attribute_name = read_name();
      skip_space();
      if (pos_ >= doc_.size() || doc_[pos_] != '=') fail("has an attribute without a value");
      ++pos_;
      skip_space();
      if (pos_ >= doc_.size() || (doc_[pos_] != '"' && doc_[pos_] != '\'')) fail("has an unquoted attribute");
      const char quote = doc_[pos_];
      const std::size_t stop = doc_.find(quote, pos_ + 1);
      if (stop == std::string_view::npos) fail("has an unclosed attribute value");
      raw_attributes_.emplace_back(local_part(attribute_name), doc_.substr(pos_ + 1, stop - pos_ - 1));
      pos_ = stop + 1;
    }
    const bool empty = doc_[pos_] == '/';
    pos_ += empty ? 2 : 1;
    if (open_.empty() && seen_root_) fail("has more than one root element");
    if (open_.size() >= max_depth_) {
      fail("nests elements more than " + std::to_string(max_depth_) + " deep, which no spreadsheet does");
    }
    seen_root_ = true;
    open_.push_back(qualified);
    decoded_.assign(raw_attributes_.size(), std::string());
    name_ = local_part(qualified);
    pending_end_ = empty;
    return Event::start;
  }
}

}  // namespace ccredits
