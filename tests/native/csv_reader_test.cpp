#include <catch2/catch.hpp>

#include "formats/csv_reader.hpp"
#include "ccredits/error.hpp"

using namespace ccredits;

namespace {

struct Collected {
  std::vector<std::vector<std::string>> rows;
  std::vector<long> lines;
};

Collected read_in_chunks(std::string_view text, std::size_t chunk) {
  Collected out;
  CsvReader reader([&](const CsvRow& row) {
    out.rows.emplace_back(row.fields.begin(), row.fields.end());
    out.lines.push_back(row.line);
  });
  for (std::size_t i = 0; i < text.size(); i += chunk) reader.feed(text.substr(i, chunk));
  reader.finish();
  return out;
}

}  // namespace

TEST_CASE("CSV: RFC 4180 fields at every chunk size", "[csv]") {
  const std::string text =
      "\xEF\xBB\xBF" "a,b,c\r\n"
      "1,\"x, y\",\"say \"\"hi\"\"\"\r\n"
      "2,\"two\nlines\",\r\n"
      "\n"
      "3,,last";
  for (std::size_t chunk : {1, 2, 3, 5, 7, 64}) {
    INFO("chunk " << chunk);
    const Collected c = read_in_chunks(text, chunk);
    REQUIRE(c.rows.size() == 4);
    CHECK(c.rows[0] == std::vector<std::string>{"a", "b", "c"});
    CHECK(c.rows[1] == std::vector<std::string>{"1", "x, y", "say \"hi\""});
    CHECK(c.rows[2] == std::vector<std::string>{"2", "two\nlines", ""});
    CHECK(c.rows[3] == std::vector<std::string>{"3", "", "last"});
    CHECK(c.lines == std::vector<long>{1, 2, 3, 6});
  }
}

TEST_CASE("CSV: LF and CRLF give the same rows; a trailing newline adds none", "[csv]") {
  CHECK(read_in_chunks("a,b\nc,d\n", 3).rows == read_in_chunks("a,b\r\nc,d\r\n", 3).rows);
  CHECK(read_in_chunks("a,b\nc,d\n", 3).rows.size() == 2);
  CHECK(read_in_chunks("\"\"\n", 1).rows == std::vector<std::vector<std::string>>{{""}});
}

TEST_CASE("CSV: an unclosed quote is an error at the line it opened", "[csv][errors]") {
  try {
    read_in_chunks("a,b\n1,\"open\n2,3\n", 4);
    FAIL("accepted");
  } catch (const InputError& e) {
    CHECK(e.code() == "csv_unclosed_quote");
    CHECK(e.line() == 2);
  }
}

TEST_CASE("CSV: rows too wide or too long are refused, not buffered without end", "[csv][errors]") {
  std::string wide(200, ',');
  CsvReader reader([](const CsvRow&) {}, 1 << 20, 100);
  CHECK_THROWS_AS(reader.feed(wide + "\n"), InputError);
  CsvReader long_rows([](const CsvRow&) {}, 10, 100);
  CHECK_THROWS_AS(long_rows.feed("12345678901234567890\n"), InputError);
}

TEST_CASE("CSV: the row length limit is the same whether a row arrives whole or in pieces", "[csv][errors]") {
  // One byte over the limit, unquoted and quoted: refused both ways; at the limit, read both ways.
  for (const std::string_view row : {std::string_view("12345678901\n"), std::string_view("\"1234567890\",1\n")}) {
    CsvReader whole([](const CsvRow&) {}, 10, 100);
    CHECK_THROWS_AS(whole.feed(row), InputError);
    CsvReader pieces([](const CsvRow&) {}, 10, 100);
    CHECK_THROWS_AS([&] { for (char c : row) pieces.feed(std::string_view(&c, 1)); }(), InputError);
  }
  long rows = 0;
  CsvReader whole([&](const CsvRow&) { ++rows; }, 10, 100);
  whole.feed("1234567890\n\"12345\",67\n");
  CHECK(rows == 2);
}
