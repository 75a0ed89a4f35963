// JsonText writes the estimate's JSON text directly; it must be byte for byte what nlohmann's dump() writes.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "formats/json_input.hpp"
#include "formats/json_text.hpp"

using ccredits::json;
using ccredits::JsonText;
using ccredits::Minutes;

namespace {

std::string dumped(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string one_string(const std::string& s) {
  JsonText out;
  out.begin_array().string(s).end_array();
  return out.take();
}

}  // namespace

TEST_CASE("JsonText escapes strings as nlohmann does", "[json_text]") {
  // Hand-written expectations: quote, backslash, the short escapes, \u00xx (lower-case hex), DEL and UTF-8 as is.
  CHECK(one_string("plain text") == R"(["plain text"])");
  CHECK(one_string("a\"b\\c") == R"(["a\"b\\c"])");
  CHECK(one_string("\b\f\n\r\t") == R"(["\b\f\n\r\t"])");
  CHECK(one_string(std::string("\x01\x1f", 2)) == R"(["\u0001\u001f"])");
  CHECK(one_string("\x7f") == "[\"\x7f\"]");
  CHECK(one_string("caf\xc3\xa9 \xf0\x9f\x98\x80 \xc2\xa7") == "[\"caf\xc3\xa9 \xf0\x9f\x98\x80 \xc2\xa7\"]");
  CHECK(one_string(std::string(200, 'x')) == "[\"" + std::string(200, 'x') + "\"]");
  // Invalid UTF-8 (Latin-1, a truncated sequence, an overlong form, a surrogate, above U+10FFFF): as nlohmann
  // replaces it with U+FFFD.
  for (const std::string bad : {"Fran\xe7" "e", "x\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "a\xff\xfe b"}) {
    INFO(bad);
    CHECK(one_string(bad) == dumped(json::array({bad})));
    CHECK(one_string(bad).find("\xef\xbf\xbd") != std::string::npos);
  }
  // Every single byte and every two-byte pair after a lead byte, against nlohmann.
  for (int a = 0; a < 256; ++a) {
    for (int b = 0x70; b < 0xC8; ++b) {
      const std::string s = {'<', static_cast<char>(a), static_cast<char>(b), '>'};
      REQUIRE(one_string(s) == dumped(json::array({s})));
    }
  }
}

TEST_CASE("JsonText escapes every byte at every offset of a long string, eight bytes at a time or not", "[json_text]") {
  // put_quoted checks eight bytes at a time: each byte value at each position of 1..17-byte strings.
  for (std::size_t length = 1; length <= 17; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (int c = 0; c < 256; ++c) {
        std::string s(length, 'a');
        s[at] = static_cast<char>(c);
        REQUIRE(one_string(s) == dumped(json::array({s})));
      }
    }
  }
}

TEST_CASE("JsonText writes minutes as minutes_json dumps them", "[json_text][minutes]") {
  auto minutes_text = [](std::int64_t micros) {
    JsonText out;
    out.begin_array().minutes(Minutes::from_micros(micros)).end_array();
    return out.take();
  };
  // Hand-written: whole minutes as integers, decimals shortest, small values in nlohmann's exponent form.
  CHECK(minutes_text(12'000'000) == "[12]");
  CHECK(minutes_text(12'500'000) == "[12.5]");
  CHECK(minutes_text(1'234'567) == "[1.234567]");
  CHECK(minutes_text(100) == "[0.0001]");
  CHECK(minutes_text(10) == "[1e-05]");
  CHECK(minutes_text(1) == "[1e-06]");
  CHECK(minutes_text(0) == "[0]");
  // Against nlohmann, across magnitudes up to int64 (beyond 2^53 millionths the text route is taken).
  std::uint64_t x = 88172645463325252ULL;
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    const std::int64_t micros = static_cast<std::int64_t>(x >> (1 + i % 63));
    REQUIRE(minutes_text(micros) == dumped(json::array({ccredits::minutes_json(Minutes::from_micros(micros))})));
  }
}

TEST_CASE("minutes_as_double is the double strtod reads from the exact decimal", "[json_text][minutes]") {
  auto by_text = [](std::int64_t micros) {
    return std::strtod(Minutes::from_micros(micros).to_string().c_str(), nullptr);
  };
  const std::int64_t limit = std::int64_t{1} << 53;
  for (std::int64_t micros : {std::int64_t{1}, std::int64_t{3}, std::int64_t{7}, std::int64_t{100001},
                              std::int64_t{123456789}, limit - 1, limit, limit + 1, -limit + 1,
                              std::int64_t{9'223'372'036'854'775'807}}) {
    INFO(micros);
    CHECK(ccredits::minutes_as_double(Minutes::from_micros(micros)) == by_text(micros));
  }
  std::uint64_t x = 2463534242ULL;
  for (int i = 0; i < 200000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    const std::int64_t micros = static_cast<std::int64_t>(x >> (11 + i % 50));
    REQUIRE(ccredits::minutes_as_double(Minutes::from_micros(micros)) == by_text(micros));
  }
}

TEST_CASE("JsonText writes members in nlohmann's key order with values of any kind", "[json_text]") {
  const json doc = json::parse(R"({"b": [1, -2, 3.25, true, false, null, "x"], "a": {"z": {}, "y": []},
                                   "big": 18446744073709551615, "c": "\u00e9"})");
  JsonText out;
  out.begin_object();
  out.key("a").begin_object().key("y").begin_array().end_array().key("z").begin_object().end_object().end_object();
  out.key("b").begin_array().integer(1).integer(-2).json_value_text("3.25").boolean(true).boolean(false).null();
  out.string("x").end_array();
  out.key("big").json_value_text("18446744073709551615");
  out.key("c").string("\u00e9");
  out.end_object();
  CHECK(out.text() == R"({"a":{"y":[],"z":{}},"b":[1,-2,3.25,true,false,null,"x"],"big":18446744073709551615,"c":"é"})");
  CHECK(out.text() == dumped(doc));
}
