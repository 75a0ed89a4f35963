// JsonView, the scenario's reader: it must read what nlohmann reads and fail where parse_json fails, with
// parse_json's error. (tests/fuzz/fuzz_json_view.hpp checks the same agreement on arbitrary input.)
#include <catch2/catch.hpp>
#include <string>

#include "ccredits/error.hpp"
#include "formats/json_view.hpp"

using ccredits::InputError;
using ccredits::JsonValue;
using ccredits::JsonView;

namespace {

// The error parse_json throws for text, as "code line:column message".
std::string parse_json_error(std::string_view text) {
  try {
    ccredits::parse_json(text, "f.json");
  } catch (const InputError& e) {
    return e.code() + " " + std::to_string(e.line()) + ":" + std::to_string(e.column()) + " " + e.what();
  }
  return "accepted";
}

std::string read_json_error(std::string_view text) {
  JsonView view;
  try {
    ccredits::read_json(view, text, "f.json");
  } catch (const InputError& e) {
    return e.code() + " " + std::to_string(e.line()) + ":" + std::to_string(e.column()) + " " + e.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("JsonView reads objects, arrays and plain values without copying", "[json_view]") {
  const std::string text = R"( {"usage": [{"kind": "user_out", "minutes": 12.5}, {"minutes": "3"}], "n": null,
                                "ok": true, "users": 40} )";
  JsonView view;
  REQUIRE(view.read(text));
  CHECK_FALSE(view.needs_full_check());
  const JsonValue root = view.root();
  REQUIRE(root.is_object());
  CHECK(root.size() == 4);
  const JsonValue usage = root.member("usage");
  REQUIRE(usage.is_array());
  CHECK(usage.size() == 2);
  std::string seen;
  usage.for_each_element([&](std::size_t i, const JsonValue& row) {
    const JsonValue kind = row.member("kind");
    seen += std::to_string(i) + ":" + (kind.present() ? kind.text() : "-") + ":" +
            ccredits::minutes_value(row.member("minutes"), "minutes").to_string() + " ";
  });
  CHECK(seen == "0:user_out:12.5 1:-:3 ");
  CHECK(root.member("n").is_null());
  CHECK_FALSE(ccredits::find_member(root, "n", "").present());  // null reads as absent, as find_member(json)
  CHECK(ccredits::count_value(root.member("users"), "users") == 40);
  CHECK_FALSE(root.member("missing").present());
}

TEST_CASE("JsonView keeps the last of duplicate keys, as nlohmann does", "[json_view]") {
  JsonView view;
  REQUIRE(view.read(R"({"a": 1, "a": 2})"));
  CHECK(view.root().member("a").raw() == "2");
  CHECK(ccredits::json::parse(R"({"a": 1, "a": 2})")["a"] == 2);
}

TEST_CASE("JsonView reads numbers plainly only where nlohmann's text is the same decimal", "[json_view]") {
  const auto plain = [](const std::string& number) {
    JsonView view;
    REQUIRE(view.read(number));
    return view.root().plain();
  };
  CHECK(plain("0"));
  CHECK(plain("1000000000"));
  CHECK(plain("12.50"));
  CHECK(plain("0.0001"));       // nlohmann prints 0.0001
  CHECK_FALSE(plain("0.00001")); // nlohmann prints 1e-05
  CHECK(plain("123456789012345"));
  CHECK_FALSE(plain("1234567890123456.5"));  // more than 15 significant digits
  CHECK_FALSE(plain("-3"));     // negative: the json reader words the error
  CHECK_FALSE(plain("1e3"));
  // Whatever the route, the readers give the json readers' answers.
  for (const std::string& number :
       std::initializer_list<std::string>{"0.00001", "-3", "1e3", "1.5", "12.3456789", "99999999999999.9", "\"7\""}) {
    JsonView view;
    REQUIRE(view.read(number));
    const ccredits::json dom = ccredits::json::parse(number);
    const auto outcome = [](auto&& read) {
      try {
        return "= " + read();
      } catch (const InputError& e) {
        return "! " + std::string(e.what());
      }
    };
    INFO(number);
    CHECK(outcome([&] { return ccredits::minutes_value(view.root(), "m").to_string(); }) ==
          outcome([&] { return ccredits::minutes_value(dom, "m").to_string(); }));
    CHECK(outcome([&] { return std::to_string(ccredits::count_value(view.root(), "c")); }) ==
          outcome([&] { return std::to_string(ccredits::count_value(dom, "c")); }));
  }
}

TEST_CASE("JsonView leaves escapes and non-ASCII text to nlohmann", "[json_view]") {
  const std::string text = "{\"k\\u0069nd\": \"caf\xC3\xA9\", \"to\": \"\\\"US\\\"\"}";
  JsonView view;
  REQUIRE(view.read(text));
  CHECK(view.needs_full_check());
  CHECK(view.root().member("kind").text() == "caf\xC3\xA9");
  CHECK(view.root().member("to").text() == "\"US\"");
  CHECK(read_json_error(text) == "accepted");
  CHECK(read_json_error("{\"a\": \"\\uD800\"}") == parse_json_error("{\"a\": \"\\uD800\"}"));  // lone surrogate
  CHECK(read_json_error("{\"a\": \"\xC0\xAF\"}") == parse_json_error("{\"a\": \"\xC0\xAF\"}"));   // overlong UTF-8
}

TEST_CASE("read_json fails exactly as parse_json does", "[json_view]") {
  const std::string deep = std::string(100, '[') + std::string(100, ']');
  for (const std::string& text :
       {std::string(""), std::string("{"), std::string("{\"a\" 1}"), std::string("[1,]"), std::string("01"),
        std::string("{\"a\": tru}"), std::string("{\"a\": 1e309}"), std::string("\"a\tb\""), std::string("[1] x"),
        deep, std::string(400, '9'), std::string("{\"schema\":1}\n\0 after a NUL", 26),
        std::string("\xEF\xBB\xBF{}")}) {
    INFO(text.substr(0, 40));
    CHECK(read_json_error(text) == parse_json_error(text));
  }
}
