#include <catch2/catch.hpp>

#include "ccredits/error.hpp"
#include "formats/xml_reader.hpp"

using namespace ccredits;

namespace {

// The events as text: "<a x=1>", "'text'", "</a>".
std::string events(std::string_view doc) {
  XmlReader x(doc, "part.xml", "book.xlsx");
  std::string out;
  for (auto e = x.next(); e != XmlReader::Event::done; e = x.next()) {
    if (e == XmlReader::Event::start) {
      out += "<" + std::string(x.name());
      if (const std::string* v = x.attribute("v")) out += " v=" + *v;
      out += ">";
    } else if (e == XmlReader::Event::end) {
      out += "</" + std::string(x.name()) + ">";
    } else {
      out += "'" + x.text() + "'";
    }
  }
  return out;
}

InputError xml_error(std::string_view doc) {
  try {
    events(doc);
  } catch (const InputError& e) {
    return e;
  }
  FAIL("the XML was accepted");
  throw;
}

}  // namespace

TEST_CASE("XML reader: elements, attributes, text, entities, CDATA, comments, prefixes", "[xml]") {
  CHECK(events(R"(<?xml version="1.0"?><!-- c --><x:a v='1 &amp; 2'><b/>t&lt;&#65;&#x20AC;<![CDATA[<raw>]]></x:a>)") ==
        "<a v=1 & 2><b></b>'t<A\xE2\x82\xAC''<raw>'</a>");
}

TEST_CASE("XML reader: malformed or hostile documents are located errors", "[xml][errors]") {
  CHECK(xml_error("<a><b></a>").code() == "bad_xml");
  CHECK(xml_error("<a>").code() == "bad_xml");
  CHECK(xml_error("<a>&unknown;</a>").code() == "bad_xml");
  CHECK(xml_error("<a>&#0;</a>").code() == "bad_xml");
  CHECK(xml_error("<a>&#x110000;</a>").code() == "bad_xml");
  CHECK(xml_error("<a/><b/>").code() == "bad_xml");
  CHECK(xml_error("").code() == "bad_xml");
  const InputError doctype = xml_error("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>");
  CHECK(doctype.line() == 2);
  CHECK(doctype.file() == "book.xlsx");
  CHECK(std::string(doctype.what()).find("part.xml") != std::string::npos);
  std::string deep;
  for (int i = 0; i < 65; ++i) deep += "<a>";
  CHECK(std::string(xml_error(deep).what()).find("more than 64 deep") != std::string::npos);
}
