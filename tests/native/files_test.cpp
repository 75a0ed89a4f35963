// The command line's files (ccredits/files.hpp). A usage report file is mapped and read in pieces on several
// threads (files/parallel_usage_import.hpp), which must give the document, or the error, of the same report fed to
// one reader: for pieces of every size, so that pieces start inside quoted fields, inside CRLF pairs, on blank lines
// and on bad rows, and with one to three reading threads. A pipe (a report or a rate card) is read once, as it comes.
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/stat.h>

#include "ccredits/calculator.hpp"
#include "ccredits/error.hpp"
#include "ccredits/files.hpp"
#include "ccredits/usage_import.hpp"
#include "files/parallel_usage_import.hpp"
#include "reference/rate_card.hpp"
#include "source_files.hpp"
#include "usage_report/usage_report_reader.hpp"

using namespace ccredits;

namespace {

const RateCard& shipped_card() {
  static const RateCard card =
      load_rate_card_json(read_source_file("rates/illustrative-usd.json"), "illustrative-usd.json");
  return card;
}

// A 25-column export of `rows` calls from a fixed seed: users whose names hold commas and quotes, administrative
// units with doubled quotes and line feeds inside quotes, every call type, charges, failed and bad rows, blank lines,
// and LF or CRLF line ends.
std::string generated_report(int rows, std::uint32_t seed, bool crlf) {
  const auto next = [&seed](std::uint32_t n) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % n;
  };
  const char* const eol = crlf ? "\r\n" : "\n";
  const char* const types[] = {"user_out", "user_in", "conf_out", "conf_in", "ucap_in", "ByotIn", "user_out_transfer"};
  const char* const countries[] = {"US", "FR", "GB", "DE", "JP"};
  const char* const numbers[] = {"+14255550100", "+33612345678", "+442071234567", "+18005550199", "+4930123456",
                                 "+81312345678"};
  std::string text =
      "UsageId,Call ID,Conference ID,User Location,Microsoft Entra ObjectId,UPN,User Display Name,Caller ID,Call "
      "Type,Call Direction,Number Type,Domestic/International,Destination Dialed,Destination Number,External "
      "Country,Start Time,End Time,Duration Seconds,Connection Fee,Charge,Currency,Capability,Operator,Source of Call "
      "Duration,Administrative Units";
  text += eol;
  for (int i = 0; i < rows; ++i) {
    const std::uint32_t kind = next(40);
    if (kind == 0) {
      text += eol;  // a blank line
      continue;
    }
    if (kind == 1) {
      text += "only,three,fields";  // a row that cannot be read as columns
      text += eol;
      continue;
    }
    const std::uint32_t user = next(9);
    const std::string upn = user == 8 ? "" : "user" + std::to_string(user) + "@contoso.com";
    const std::string name = user % 3 == 0 ? "\"Doe, Jane \"\"J" + std::to_string(user) + "\"\"\""
                                           : "User " + std::to_string(user);
    const char* const country = countries[next(5)];
    const char* const type = types[next(7)];
    const std::string day = std::to_string(10 + next(19));
    const std::string start = kind == 2 ? "yesterday" : "2026-10-" + day + "T" + std::to_string(10 + next(12)) + ":0" +
                                                            std::to_string(next(10)) + ":00Z";
    const std::string seconds = std::to_string(next(900));
    const std::string charge = next(3) == 0 ? "0" : "0." + std::to_string(100000 + next(900000));
    std::string units;
    switch (next(4)) {
      case 0: units = "\"\"\"Sales, EMEA\"\";Ops\""; break;
      case 1: units = std::string("\"Field") + eol + "Ops\""; break;
      case 2: units = "Finance"; break;
      default: break;
    }
    text += std::to_string(i) + ",c" + std::to_string(i) + ",," + country + ",oid," + upn + "," + name +
            ",+14255550100," + type + ",Outbound,user_geographic,International,," + numbers[next(6)] + "," +
            country + "," + start + ",," + seconds + ",0.000000," + charge + ",USD,MCOPSTN1,Microsoft,Microsoft," +
            units;
    if (i + 1 < rows || next(2) == 0) text += eol;  // the last row may end without a line end
  }
  return text;
}

struct Outcome {
  std::string document;
  std::string error;  // code, file, line, column and message of an InputError
  bool operator==(const Outcome&) const = default;
};

template <typename Feed>
Outcome import_with(const std::string& text, const RateCard* card, Feed&& feed) {
  Outcome out;
  try {
    UsageReportReader reader(card);
    reader.next_file("report.csv");
    feed(reader, text);
    out.document = reader.finish();
  } catch (const InputError& e) {
    out.error = e.code() + " " + e.file() + ":" + std::to_string(e.line()) + ":" + std::to_string(e.column()) + " " +
                e.what();
  }
  return out;
}

Outcome one_reader(const std::string& text, const RateCard* card) {
  return import_with(text, card, [](UsageReportReader& r, const std::string& t) { r.feed(t); });
}

Outcome in_pieces(const std::string& text, const RateCard* card, std::size_t piece_bytes, unsigned threads) {
  return import_with(text, card, [&](UsageReportReader& r, const std::string& t) {
    import_usage_text(r, t, ParallelImportOptions{piece_bytes, threads});
  });
}

}  // namespace

TEST_CASE("a report read in pieces on several threads gives the one reader's document", "[usage][parallel]") {
  const bool crlf = GENERATE(false, true);
  const RateCard* card = GENERATE(static_cast<const RateCard*>(nullptr), &shipped_card());
  const std::string text = generated_report(600, crlf ? 7u : 11u, crlf);
  const Outcome expected = one_reader(text, card);
  REQUIRE(expected.error.empty());
  REQUIRE(expected.document.find("\"rows_used\":") != std::string::npos);
  for (const std::size_t piece_bytes : {1, 2, 3, 5, 17, 64, 301, 1024, 4096, 100000}) {
    for (const unsigned threads : {1u, 2u, 3u}) {
      INFO("pieces of " << piece_bytes << " bytes, " << threads << " reading threads");
      CHECK(in_pieces(text, card, piece_bytes, threads) == expected);
    }
  }
}

TEST_CASE("a report read in pieces reports the one reader's error at the same line", "[usage][parallel]") {
  const std::string report = generated_report(300, 5u, false);
  SECTION("a quote never closed in the last row") {
    const std::string text = report + (report.back() == '\n' ? "" : "\n") + "1,c,,US,oid,u@x,\"open quote";
    const Outcome expected = one_reader(text, nullptr);
    REQUIRE(expected.error.find("csv_unclosed_quote") == 0);
    for (const std::size_t piece_bytes : {3, 64, 999, 8192}) {
      CHECK(in_pieces(text, nullptr, piece_bytes, 2) == expected);
    }
  }
  SECTION("a row past the CSV reader's limit in a later piece") {
    const std::size_t cut = report.find('\n', report.size() / 2) + 1;
    const std::string text = report.substr(0, cut) + std::string((1 << 20) + 10, 'x') + "\n" + report.substr(cut);
    const Outcome expected = one_reader(text, nullptr);
    REQUIRE(expected.error.find("csv_row_too_large") == 0);
    for (const std::size_t piece_bytes : {4096, 65536, 1 << 20}) {
      CHECK(in_pieces(text, nullptr, piece_bytes, 2) == expected);
    }
  }
  SECTION("a charge past the largest exact amount, found while summing") {
    std::string text = report;
    if (text.back() != '\n') text += "\n";
    for (int i = 0; i < 3; ++i) {
      text += "x,c,,US,oid,big@contoso.com,Big,+1,user_out,Outbound,user_geographic,International,,+33612345678,FR,"
              "2026-10-20T10:00:00Z,,60,0,9000000000000.000000,USD,MCOPSTN1,Microsoft,Microsoft,\n";
    }
    const Outcome expected = one_reader(text, nullptr);
    REQUIRE(expected.error.find("report.csv:") != std::string::npos);
    REQUIRE(expected.error.find(":0:") == std::string::npos);  // located at its line
    for (const std::size_t piece_bytes : {5, 256, 4096}) CHECK(in_pieces(text, nullptr, piece_bytes, 3) == expected);
  }
}

TEST_CASE("Graph JSON and files without a header read in pieces are fed as they come", "[usage][parallel]") {
  const std::string json =
      R"({"value": [{"callType": "user_out", "startDateTime": "2026-10-01T09:00:00Z", "duration": 60,)"
      R"( "charge": 0.1, "currency": "USD", "userPrincipalName": "a@contoso.com", "calleeNumber": "+33612345678"}]})";
  for (const std::string& text : {json, std::string("\n\n\n"), std::string(), std::string("Call Type,Start Time\n")}) {
    INFO(text);
    const Outcome expected = one_reader(text, nullptr);
    for (const std::size_t piece_bytes : {1, 7, 4096}) CHECK(in_pieces(text, nullptr, piece_bytes, 2) == expected);
  }
}

namespace {

// A file of the system's temporary folder, removed at the end of the test.
struct TemporaryPath {
  explicit TemporaryPath(const std::string& name) : path(std::filesystem::temp_directory_path() / name) {
    std::filesystem::remove_all(path);
  }
  ~TemporaryPath() { std::filesystem::remove_all(path); }
  std::filesystem::path path;
};

std::string document_of_file(const std::string& path) {
  UsageImporter importer(&shipped_card());
  import_usage_file(importer, path);
  return importer.finish_text();
}

std::string document_fed(const std::string& name, const std::string& text) {
  UsageImporter importer(&shipped_card());
  importer.next_file(name);
  importer.feed(text);
  return importer.finish_text();
}

// What `read(path)` returns for `path`, a named pipe, while another thread writes `text` into it.
template <typename Read>
std::string through_pipe(const std::string& path, const std::string& text, Read&& read) {
  std::thread writer([&] {
    std::ofstream out(path, std::ios::binary);
    out << text;
  });
  try {
    const std::string result = read(path);
    writer.join();
    return result;
  } catch (...) {
    writer.join();
    throw;
  }
}

std::string document_through_pipe(const std::string& path, const std::string& text) {
  return through_pipe(path, text, document_of_file);
}

}  // namespace

TEST_CASE("a report file is read mapped, in pieces, to the document of its bytes fed", "[usage][parallel]") {
  const std::string text = generated_report(3000, 3u, true);
  const TemporaryPath file("ccredits-usage-file-test.csv");
  {
    std::ofstream out(file.path, std::ios::binary);
    out << text;
  }
  CHECK(document_of_file(file.path.string()) == document_fed(file.path.string(), text));
}

TEST_CASE("a report through a pipe is read as it comes, its first bytes included", "[usage][parallel]") {
  const std::string text = generated_report(2000, 9u, false);
  const TemporaryPath fifo("ccredits-usage-file-test.fifo");
  REQUIRE(::mkfifo(fifo.path.c_str(), 0600) == 0);
  CHECK(document_through_pipe(fifo.path.string(), text) == document_fed(fifo.path.string(), text));
  SECTION("a zip through a pipe is refused with a sentence that says what to do") {
    try {
      document_through_pipe(fifo.path.string(), std::string("PK\x03\x04", 4) + std::string(100, 'z'));
      FAIL("a piped zip was read");
    } catch (const InputError& e) {
      CHECK(e.code() == "usage_zip_not_file");
      CHECK(std::string(e.what()).find("save it as a file") != std::string::npos);
    }
  }
}

TEST_CASE("a folder given as the report is named as a folder", "[usage]") {
  const TemporaryPath folder("ccredits-usage-file-test-folder");
  std::filesystem::create_directory(folder.path);
  try {
    document_of_file(folder.path.string());
    FAIL("a folder was read as a report");
  } catch (const InputError& e) {
    CHECK(e.code() == "cannot_read");
    CHECK(std::string(e.what()).find("is a folder") != std::string::npos);
  }
}

TEST_CASE("a rate card through a pipe keeps its first bytes", "[rates]") {
  const TemporaryPath fifo("ccredits-rate-file-test.fifo");
  REQUIRE(::mkfifo(fifo.path.c_str(), 0600) == 0);
  const std::string card = read_source_file("rates/illustrative-usd.json");
  const std::string checked = through_pipe(fifo.path.string(), card, [](const std::string& path) {
    return check_rate_file(path, nullptr).dump();
  });
  CHECK(checked.find("\"currency\":\"USD\"") != std::string::npos);
  CHECK(checked.find("\"dial_out_calls\":{\"prefixes\"") != std::string::npos);
}

TEST_CASE("a password-protected workbook under another name is refused with the workbook's sentence", "[rates]") {
  const TemporaryPath file("ccredits-rate-file-test.bin");
  {
    std::ofstream out(file.path, std::ios::binary);
    out << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(1024, '\0');
  }
  try {
    check_rate_file(file.path.string(), nullptr);
    FAIL("a protected workbook was read");
  } catch (const InputError& e) {
    CHECK(e.code() == "workbook_encrypted");
  }
}
