#include <catch2/catch.hpp>

#include "formats/csv_reader.hpp"
#include "formats/csv_stops.hpp"
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

TEST_CASE("CSV: the 64-byte stop bitmaps mark exactly the separator, CR and LF", "[csv]") {
  // Every byte value in every position, and bytes that differ from a stop in one bit or by a borrow.
  std::uint32_t seed = 7;
  const std::string tricky = std::string(",;\t\n\r\x0b\x0c\x0e\x2b\x2d\x3a\x3c\x00\x80\xff\xac\x8a\x8d", 18);
  for (int round = 0; round < 2000; ++round) {
    char block[64];
    for (char& c : block) {
      seed = seed * 1103515245u + 12345u;
      c = round % 2 ? static_cast<char>(seed >> 16) : tricky[(seed >> 16) % tricky.size()];
    }
    for (const char separator : {',', ';', '\t'}) {
      std::uint64_t expected = 0;
      for (int i = 0; i < 64; ++i) {
        if (block[i] == separator || block[i] == '\n' || block[i] == '\r') expected |= std::uint64_t{1} << i;
      }
      CHECK(csv_stops::stop_bits_portable(block, separator) == expected);
      CHECK(csv_stops::stop_bits(block, separator) == expected);
      const std::size_t size = (seed >> 8) % 64;
      CHECK(csv_stops::stop_bits_tail(block, size, separator) == (expected & ((std::uint64_t{1} << size) - 1)));
    }
  }
}
