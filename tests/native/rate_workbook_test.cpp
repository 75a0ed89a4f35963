// Microsoft's rate workbook as downloaded (.xlsx), read by the core (reference/rate_workbook.hpp), and the
// hostile workbooks: each a clear error, fast.
#include <catch2/catch.hpp>

#include <tuple>

#include "ccredits/calculator.hpp"
#include "ccredits/error.hpp"
#include "ccredits/rate_workbook.hpp"
#include "workbook_support.hpp"

using namespace ccredits;
using namespace ccredits::test;

namespace {

const std::vector<std::string> kEnglishHeader = {
    "Origin", "Destination", "Prefix(es)", "Originating Number Type", "Terminating Number Type",
    "Per Minute Rate in EUR (Billed in Tenths of a Minute)", "Connection charge in EUR"};
const std::vector<std::string> kGermanHeader = {
    "Ursprung", "Ziel", "Vorwahl(en)", "Ursprungsnummerntyp", "Zielnummerntyp",
    "Minutentarif in EUR (Abrechnung in Zehnteln einer Minute)", "Verbindungsgeb&#xFC;hr in EUR"};

InputError workbook_error(const std::string& bytes) {
  try {
    read_workbook_bytes(bytes);
  } catch (const InputError& e) {
    return e;
  }
  FAIL("the workbook loaded");
  throw;
}

std::string calls_sheet(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::vector<std::string>> all = {{"Dial-out calls"}, {}, kEnglishHeader};
  all.insert(all.end(), rows.begin(), rows.end());
  return worksheet(all);
}

}  // namespace

TEST_CASE("A workbook: four sheets by name, title and blank rows, shared strings, numbers as numbers",
          "[workbook][rates]") {
  // Shared strings 0..: the header of the toll-free sheet.
  const std::vector<std::string> shared = {"Any", "United Kingdom", "All Number Types", "Destination",
                                           "Prefix(es)", "Terminating Number Type",
                                           "Per Minute Rate in EUR (Billed in Tenths of a Minute)"};
  const std::string toll_free = R"(<worksheet><sheetData><row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>5</v></c><c r="D2" t="s"><v>6</v></c></row><row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>44800</v></c><c r="C3" t="s"><v>2</v></c><c r="D3"><v>4.0000000000000001E-2</v></c></row></sheetData></worksheet>)";
  const std::string bytes = stored_zip(workbook_parts(
      {{"Read me", worksheet({{"Rates exclude tax."}})},
       {"Dial-out calls", calls_sheet({{"Any", "France", "33", "All Number Types", "Wireline", "#2.4E-2", "#0"},
                                       {"Any", "France-Mobile", "336, 337", "All Number Types", "Wireless",
                                        "#0.089000000000000003", ""}})},
       {"Dial-out Audio Rates", worksheet({kEnglishHeader, {"Any", "Germany", "#49", "All Number Types", "Wireline",
                                                            "#0.0265", "#0.01"}})},
       {"Dial-in to toll free", toll_free},
       {"Dial-in to toll", worksheet({kEnglishHeader, {"Any", "France", "33", "", "All Number Types", "#0.0035"}})}},
      shared));
  const RateCard card = read_workbook_bytes(bytes);
  CHECK(card.currency == "EUR");
  const auto& calls = card.rows(Sheet::dial_out_calls);
  REQUIRE(calls.size() == 2);
  CHECK(calls[0].per_minute == Money::parse("0.024"));
  CHECK(calls[0].source_line == 4);
  CHECK(calls[1].prefixes == std::vector<std::string>{"336", "337"});
  CHECK(calls[1].per_minute == Money::parse("0.089"));  // binary noise past the sixth decimal rounded away
  CHECK(calls[1].number_type == NumberType::wireless);
  REQUIRE(card.rows(Sheet::dial_out_audio).size() == 1);
  CHECK(card.rows(Sheet::dial_out_audio)[0].connection == Money::parse("0.01"));
  REQUIRE(card.rows(Sheet::toll_free_in).size() == 1);
  CHECK(card.rows(Sheet::toll_free_in)[0].country == "GB");
  CHECK(card.rows(Sheet::toll_free_in)[0].per_minute == Money::parse("0.04"));
  CHECK(card.rows(Sheet::toll_in).size() == 1);
}

TEST_CASE("A German workbook: sheets found by their title rows, amounts as text with decimal commas, Cent",
          "[workbook][rates]") {
  const std::string bytes = stored_zip(workbook_parts(
      {{"Tabelle1", worksheet({{"Dial-out calls"}, {"Stand 2026-12"}, {}, kGermanHeader,
                               {"Alle", "Frankreich", "33", "Alle Nummerntypen", "Festnetz", "0,024 &#x20AC;", "0 &#x20AC;"},
                               {"Alle", "Frankreich-Mobil", "336, 337", "Alle Nummerntypen", "Mobil", "8,9 Cent", ""},
                               {"Alle", "Deutschland", "49", "Alle Nummerntypen", "Festnetz", "EUR 0,0265", "#0"}})},
       {"Tabelle2", worksheet({{"Dial-in to toll"}, kGermanHeader,
                               {"Alle", "Frankreich", "33", "", "Alle Nummerntypen", "#0.0035", ""}})}}));
  const RateCard card = read_workbook_bytes(bytes);
  CHECK(card.currency == "EUR");
  const auto& calls = card.rows(Sheet::dial_out_calls);
  REQUIRE(calls.size() == 3);
  CHECK(calls[0].per_minute == Money::parse("0.024"));
  CHECK(calls[0].number_type == NumberType::wireline);
  CHECK(calls[1].per_minute == Money::parse("0.089"));
  CHECK(calls[1].number_type == NumberType::wireless);
  CHECK(calls[2].per_minute == Money::parse("0.0265"));
  CHECK(card.rows(Sheet::toll_in).size() == 1);
}

TEST_CASE("A workbook: a value that is not an amount is an error at its sheet and cell", "[workbook][errors]") {
  const InputError e = workbook_error(stored_zip(workbook_parts(
      {{"Dial-out calls", calls_sheet({{"Any", "France", "33", "All Number Types", "Wireline", "0.024", "0"},
                                       {"Any", "Spain", "34", "All Number Types", "Wireline", "n/a", "0"}})}})));
  CHECK(e.code() == "bad_number");
  CHECK(e.line() == 5);
  CHECK(e.column() == 6);
  CHECK(std::string(e.what()).find("Sheet \"Dial-out calls\", cell F5") != std::string::npos);
  const InputError symbol = workbook_error(stored_zip(workbook_parts(
      {{"Dial-out calls", calls_sheet({{"Any", "France", "33", "All Number Types", "Wireline", "$0.024", "0"}})}})));
  CHECK(symbol.code() == "bad_number");
  CHECK(std::string(symbol.what()).find("not a symbol of EUR") != std::string::npos);
}

TEST_CASE("A workbook whose sheets are in two currencies names both", "[workbook][errors]") {
  std::vector<std::string> usd = kEnglishHeader;
  usd[5] = "Per Minute Rate in USD (Billed in Tenths of a Minute)";
  usd[6] = "Connection charge in USD";
  const InputError e = workbook_error(stored_zip(workbook_parts(
      {{"Dial-out calls", calls_sheet({{"Any", "France", "33", "All Number Types", "Wireline", "#0.024", "#0"}})},
       {"Dial-in to toll", worksheet({usd, {"Any", "France", "33", "", "All Number Types", "#0.0035", ""}})}})));
  CHECK(e.code() == "currency_mismatch");
  CHECK(std::string(e.what()).find("EUR") != std::string::npos);
  CHECK(std::string(e.what()).find("USD") != std::string::npos);
}

TEST_CASE("A rate sheet whose columns are not recognised lists the headers found", "[workbook][errors]") {
  const InputError e = workbook_error(stored_zip(workbook_parts(
      {{"Dial-out calls", worksheet({{"Land", "Nummer", "Preis"}, {"France", "33", "#0.024"}})}})));
  CHECK(e.code() == "unknown_columns");
  CHECK(std::string(e.what()).find("\"Land\", \"Nummer\", \"Preis\"") != std::string::npos);
}

// A hostile workbook is refused at a limit (rows, sizes) rather than read to its end: the messages name the limit.
// How fast that is, is a benchmark's business (tests/bench/workbook-load-cli.mjs), not a wall clock in a test that
// runs under sanitizers on a shared machine; a hang would still be stopped by ctest's timeout.
TEST_CASE("Hostile workbooks: each a clear error at a limit", "[workbook][hostile]") {
  const std::string calls = calls_sheet({{"Any", "France", "33", "All Number Types", "Wireline", "#0.024", "#0"}});
  SECTION("a password-protected workbook (an OLE compound file)") {
    std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    ole += std::string(512, '\0');
    const InputError e = workbook_error(ole);
    CHECK(e.code() == "workbook_encrypted");
    CHECK(std::string(e.what()).find("without a password") != std::string::npos);
  }
  SECTION("not a zip at all") { CHECK(workbook_error("Origin,Destination\n").code() == "bad_workbook"); }
  SECTION("a zip bomb: an entry declaring 2 GB from a few bytes") {
    const InputError e = workbook_error(stored_zip(workbook_parts({{"Dial-out calls", calls}}), 2000000000));
    CHECK(e.code() == "bad_zip");
    CHECK(std::string(e.what()).find("zip bomb") != std::string::npos);
  }
  SECTION("an entry name leading outside the archive") {
    ZipParts parts = workbook_parts({{"Dial-out calls", calls}});
    parts.emplace_back("../../etc/evil.xml", "<x/>");
    const InputError e = workbook_error(stored_zip(parts));
    CHECK(e.code() == "bad_zip");
    CHECK(std::string(e.what()).find("outside the archive") != std::string::npos);
  }
  SECTION("a sheet whose part is outside the package") {
    ZipParts parts = workbook_parts({{"Dial-out calls", calls}});
    for (auto& [name, data] : parts) {
      if (name == "xl/_rels/workbook.xml.rels") {
        data.replace(data.find("worksheets/sheet1.xml"), 21, "../../../secret.xml");
      }
    }
    const InputError e = workbook_error(stored_zip(parts));
    CHECK(e.code() == "bad_workbook");
    CHECK(std::string(e.what()).find("outside") != std::string::npos);
  }
  SECTION("wrong content types: a Word document") {
    const InputError e = workbook_error(stored_zip(workbook_parts(
        {{"Dial-out calls", calls}}, {},
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")));
    CHECK(e.code() == "bad_workbook");
    CHECK(std::string(e.what()).find("not an Excel workbook") != std::string::npos);
  }
  SECTION("an entity declaration (billion laughs) is refused, never expanded") {
    const std::string laughs = R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>)";
    const InputError e = workbook_error(stored_zip(workbook_parts({{"Dial-out calls", laughs}})));
    CHECK(e.code() == "bad_xml");
    CHECK(std::string(e.what()).find("document type or entities") != std::string::npos);
  }
  SECTION("XML nested 100,000 deep") {
    std::string deep = "<worksheet>";
    for (int i = 0; i < 100000; ++i) deep += "<a>";
    for (int i = 0; i < 100000; ++i) deep += "</a>";
    deep += "</worksheet>";
    const InputError e = workbook_error(stored_zip(workbook_parts({{"Dial-out calls", deep}})));
    CHECK(e.code() == "bad_xml");
    CHECK(std::string(e.what()).find("nests elements more than") != std::string::npos);
  }
  SECTION("100,000 columns") {
    std::string wide = R"(<worksheet><sheetData><row r="1">)";
    for (int i = 0; i < 100000; ++i) wide += "<c t=\"inlineStr\"><is><t>x</t></is></c>";
    wide += "</row></sheetData></worksheet>";
    const InputError e = workbook_error(stored_zip(workbook_parts({{"Dial-out calls", wide}})));
    CHECK(e.code() == "bad_workbook");
    CHECK(std::string(e.what()).find("not part of a rate sheet") != std::string::npos);
  }
  SECTION("a million rows") {
    std::string tall = R"(<worksheet><sheetData>)";
    for (int i = 1; i <= 1000000; ++i) tall += "<row r=\"" + std::to_string(i) + "\"/>";
    tall += "</sheetData></worksheet>";
    const InputError e = workbook_error(stored_zip(workbook_parts({{"Dial-out calls", tall}})));
    CHECK(e.code() == "bad_workbook");
    CHECK(std::string(e.what()).find("more than 250000 rows") != std::string::npos);
  }
}

TEST_CASE("A workbook whose parts are handed over inflated, as the page's worker does", "[workbook][rates]") {
  const std::string bytes = stored_zip(workbook_parts(
      {{"Read me", worksheet({{"Notes"}})},
       {"Dial-out calls", calls_sheet({{"Any", "France", "33", "All Number Types", "Wireline", "#0.024", "#0"}})}}));
  const std::size_t tail = std::min<std::size_t>(bytes.size(), kZipTailSize);
  const ZipEnd end = find_zip_end(std::string_view(bytes).substr(bytes.size() - tail), bytes.size(), "rates.xlsx");
  InflatedWorkbookParts parts(std::string_view(bytes).substr(end.directory_offset, end.directory_size), end,
                              bytes.size(), "rates.xlsx");
  CHECK(parts.wanted().size() == 6);  // content types, two .rels, the workbook, two sheets
  for (const ZipEntry* entry : parts.wanted()) {
    const std::uint64_t start =
        parts.directory().data_offset(*entry, std::string_view(bytes).substr(entry->local_offset, kZipLocalHeaderSize));
    parts.add(entry->name, bytes.substr(start, entry->packed));
  }
  const RateCard card = read_rate_workbook(parts, "rates.xlsx");
  CHECK(card.currency == "EUR");
  CHECK(card.rows(Sheet::dial_out_calls).size() == 1);
  // More bytes than the directory declares: the worker's inflater lied, or the zip did.
  const ZipEntry* first = parts.wanted().front();
  try {
    parts.add(first->name, std::string(first->unpacked + 1, 'x'));
    FAIL("an oversized part was accepted");
  } catch (const InputError& e) {
    CHECK(e.code() == "bad_zip");
  }
  CHECK_THROWS_AS(parts.add("xl/media/image1.png", "x"), InputError);
}

TEST_CASE("A workbook's card written as a JSON card loads back the same", "[workbook][rates]") {
  const RateCard card = read_workbook_bytes(stored_zip(workbook_parts(
      {{"Dial-out calls", calls_sheet({{"Any", "France", "33, 336", "All Number Types", "Wireless", "#2.4E-2", "#0.01"},
                                       {"FR", "Spain", "34", "All Number Types", "Wireline", "#0.019", ""}})}})));
  const RateCard back = load_rate_card_json(rate_card_json_text(card), "card.json");
  CHECK(back.currency == "EUR");
  CHECK(back.source == card.source);
  for (std::size_t s = 0; s < kSheetCount; ++s) {
    REQUIRE(back.sheets[s].size() == card.sheets[s].size());
    for (std::size_t i = 0; i < card.sheets[s].size(); ++i) {
      const RateRow& a = card.sheets[s][i];
      const RateRow& b = back.sheets[s][i];
      CHECK(std::tie(a.origin, a.destination, a.country, a.prefixes, a.number_type) ==
            std::tie(b.origin, b.destination, b.country, b.prefixes, b.number_type));
      CHECK(a.per_minute == b.per_minute);
      CHECK(a.connection == b.connection);
    }
  }
}

TEST_CASE("RateWorkbookReader: the page module's route, step by step, gives the card as JSON", "[workbook][rates]") {
  const std::string bytes = stored_zip(workbook_parts(
      {{"Dial-out calls", calls_sheet({{"Any", "France", "33", "All Number Types", "Wireline", "#0.024", "#0"}})}}));
  RateWorkbookReader reader("rates.xlsx", bytes.size());
  reader.check_signature(std::string_view(bytes).substr(0, 8));
  const json end = reader.end(std::string_view(bytes).substr(bytes.size() - std::min<std::size_t>(bytes.size(), kZipTailSize)));
  const json directory = reader.directory(
      std::string_view(bytes).substr(end["directory_offset"].get<std::size_t>(), end["directory_size"].get<std::size_t>()));
  REQUIRE(directory["parts"].size() == 5);
  for (const json& part : directory["parts"]) {
    const auto name = part["name"].get<std::string>();
    const json start = reader.data_offset(
        name, std::string_view(bytes).substr(part["local_offset"].get<std::size_t>(), kZipLocalHeaderSize));
    reader.add_part(name, bytes.substr(start["start"].get<std::size_t>(), part["packed"].get<std::size_t>()));
  }
  const RateCard card = load_rate_card_json(reader.card_json(), "card.json");
  CHECK(card.currency == "EUR");
  CHECK(card.rows(Sheet::dial_out_calls).size() == 1);
  RateWorkbookReader locked("locked.xlsx", 8);
  CHECK_THROWS_AS(locked.check_signature(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)), InputError);
}
