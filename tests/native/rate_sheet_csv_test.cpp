#include <catch2/catch.hpp>

#include <regex>

#include "ccredits/calculator.hpp"
#include "reference/rate_lookup.hpp"
#include "ccredits/error.hpp"
#include "reference/rate_sheet_csv.hpp"

using namespace ccredits;

namespace {

const char* const kHeader =
    "Origin,Destination,Prefix(es),Originating Number Type,Terminating Number Type,"
    "Per Minute Rate in USD (Billed in Tenths of a Minute),Connection charge in USD\n";

InputError sheet_error(RateCard& card, std::optional<Sheet> sheet, const std::string& text,
                       const std::string& file = "Dial-out calls.csv") {
  try {
    add_rate_sheet_csv(card, sheet, text, file);
  } catch (const InputError& e) {
    return e;
  }
  FAIL("the sheet loaded");
  throw;
}

}  // namespace

TEST_CASE("A rate sheet CSV reads rows, currency from the header, several prefixes per field", "[csv][rates]") {
  RateCard card;
  const std::string text = std::string(kHeader) +
                           "Any,France,33,All Number Types,Wireline,0.0240,0\n"
                           "Any,France-Mobile,\"336, 337;338 +339\",All Number Types,Wireless,0.0890,0.0100\n"
                           "United States,\"Korea, Republic of\",82,All Number Types,All Number Types,0.0300,\n";
  const Sheet sheet = add_rate_sheet_csv(card, std::nullopt, text, "Dial-out calls.csv");
  CHECK(sheet == Sheet::dial_out_calls);
  CHECK(card.currency == "USD");
  const auto& rows = card.rows(Sheet::dial_out_calls);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].origin == "*");
  CHECK(rows[0].country == "FR");
  CHECK(rows[0].number_type == NumberType::wireline);
  CHECK(rows[0].per_minute == Money::parse("0.024"));
  CHECK(rows[1].prefixes == std::vector<std::string>{"336", "337", "338", "339"});
  CHECK(rows[1].connection == Money::parse("0.01"));
  CHECK(rows[1].source_line == 3);
  CHECK(rows[2].destination == "Korea, Republic of");
  CHECK(rows[2].origin == "US");
  CHECK(rows[2].country == "KR");
  CHECK(rows[2].connection.is_zero());
}

TEST_CASE("Rate sheet columns are found by name in any order; a country column wins", "[csv][rates]") {
  RateCard card;
  const std::string text =
      "Connection charge in EUR,Terminating Number Type,Prefix(es),Destination,ISO,"
      "Per Minute Rate in EUR (Billed in Tenths of a Minute),Origin\n"
      "0.0100,Wireless,26377,Zimbabwe-Mobile,ZW,0.2760,*\n"
      "0,Wireline,1787,Puerto Rico,,0.0193,Any\n";
  CHECK(add_rate_sheet_csv(card, Sheet::dial_out_audio, text, "rates.csv") == Sheet::dial_out_audio);
  CHECK(card.currency == "EUR");
  const auto& rows = card.rows(Sheet::dial_out_audio);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].country == "ZW");
  CHECK(rows[0].per_minute == Money::parse("0.276"));
  CHECK(rows[0].connection == Money::parse("0.01"));
  CHECK(rows[1].country == "PR");  // from the NANP area code 1787, not "1" (US)
}

TEST_CASE("The sheet comes from a title row or the file name", "[csv][rates]") {
  RateCard card;
  const std::string titled = std::string("Dial-in to toll free,,,\n\n") + kHeader +
                             "Any,United Kingdom,44800,All Number Types,All Number Types,0.0400,0\n";
  CHECK(add_rate_sheet_csv(card, std::nullopt, titled, "export.csv") == Sheet::toll_free_in);
  CHECK(add_rate_sheet_csv(card, std::nullopt, kHeader, "Dial-out Audio Rates.csv") == Sheet::dial_out_audio);
  CHECK(add_rate_sheet_csv(card, std::nullopt, kHeader, "x/Dial-in to toll.csv") == Sheet::toll_in);
  const InputError unknown = sheet_error(card, std::nullopt, kHeader, "export.csv");
  CHECK(unknown.code() == "unknown_sheet");
}

TEST_CASE("A missing column is an error with line and column", "[csv][rates][errors]") {
  RateCard card;
  const InputError e = sheet_error(card, std::nullopt,
                                   "Origin,Destination,Prefix(es),Per Minute Rate in USD (Billed in Tenths of a "
                                   "Minute)\nAny,France,33,0.0240\n");
  CHECK(e.code() == "missing_column");
  CHECK(e.file() == "Dial-out calls.csv");
  CHECK(e.line() == 1);
  CHECK(e.column() == 5);  // where the missing column would go
  CHECK(std::string(e.what()).find("Terminating Number Type") != std::string::npos);
}

TEST_CASE("A bad row is an error naming its line and field", "[csv][rates][errors]") {
  RateCard card;
  const InputError rate = sheet_error(card, std::nullopt, std::string(kHeader) +
                                                              "Any,France,33,All Number Types,Wireline,0.0240,0\n"
                                                              "Any,Germany,49,All Number Types,Wireline,0,026,0\n");
  CHECK(rate.line() == 3);
  CHECK(rate.code() == "bad_row");
  CHECK(rate.column() == 8);  // "0,026": the row has one field more than the header
  const InputError amount = sheet_error(card, std::nullopt, std::string(kHeader) +
                                                                "Any,France,33,All Number Types,Wireline,abc,0\n");
  CHECK(amount.line() == 2);
  CHECK(amount.column() == 6);
  const InputError prefix = sheet_error(card, std::nullopt, std::string(kHeader) +
                                                                "Any,France,33A,All Number Types,Wireline,0.0240,0\n");
  CHECK(prefix.line() == 2);
  CHECK(prefix.column() == 3);
  const InputError type = sheet_error(card, std::nullopt, std::string(kHeader) +
                                                              "Any,France,33,All Number Types,Satellite,0.0240,0\n");
  CHECK(type.line() == 2);
  CHECK(type.column() == 5);
  const InputError country = sheet_error(card, std::nullopt, std::string(kHeader) +
                                                                 "Any,Atlantis,,All Number Types,Wireline,0.0240,0\n");
  CHECK(country.line() == 2);
  CHECK(card.rows(Sheet::dial_out_calls).empty());
}

TEST_CASE("Currencies must agree: header columns and the loaded card", "[csv][rates][errors]") {
  RateCard card;
  card.currency = "GBP";
  const InputError mismatch = sheet_error(card, std::nullopt, kHeader);
  CHECK(mismatch.code() == "currency_mismatch");
  CHECK(std::string(mismatch.what()).find("USD") != std::string::npos);
  RateCard empty;
  const InputError mixed = sheet_error(empty, std::nullopt,
                                       "Destination,Prefix(es),Terminating Number Type,Per Minute Rate in USD,"
                                       "Connection charge in EUR\n");
  CHECK(mixed.code() == "currency_mismatch");
  CHECK(mixed.line() == 1);
  CHECK(mixed.column() == 5);
}

TEST_CASE("Calculator merges CSV sheets into the card and keeps it on a broken file", "[csv][calculator]") {
  Calculator calc;
  calc.load_rates(R"({"schema": "ccredits.rates/1", "currency": "USD", "sheets": {
    "dial_out_calls": [{"country": "FR", "prefixes": ["33"], "per_minute": "0.0240"}],
    "toll_in": [{"country": "US", "per_minute": "0.0100"}]}})", "card.json");
  const json info = calc.load_rate_sheet(std::string(kHeader) +
                                             "Any,Germany,49,All Number Types,Wireline,0.0260,0\n"
                                             "Any,Germany-Mobile,4915,All Number Types,Wireless,0.0800,0\n",
                                         "calls.csv", "dial_out_calls");
  CHECK(info["sheet"] == "dial_out_calls");
  CHECK(info["rows"]["dial_out_calls"] == 2);  // replaced, not appended
  CHECK(info["rows"]["toll_in"] == 1);         // other sheets kept
  CHECK(calc.rate_index().by_number(Sheet::dial_out_calls, "4915123") != nullptr);
  CHECK(calc.rate_index().by_number(Sheet::dial_out_calls, "33123") == nullptr);
  CHECK_THROWS_AS(calc.load_rate_sheet("Destination\nnot,a,sheet\n", "broken.csv", "dial_out_calls"), InputError);
  CHECK(calc.rates().rows(Sheet::dial_out_calls).size() == 2);
  CHECK_THROWS_AS(calc.load_rate_sheet(kHeader, "x.csv", "nonsense"), InputError);
}

TEST_CASE("A sheet in another currency than the card starts a new card; sheets of two currencies are refused",
          "[csv][calculator][currency]") {
  Calculator calc;
  calc.load_rates(R"({"schema": "ccredits.rates/1", "currency": "USD", "illustrative": true, "sheets": {
    "dial_out_calls": [{"country": "FR", "prefixes": ["33"], "per_minute": "0.0240"}],
    "toll_in": [{"country": "US", "per_minute": "0.0100"}]}})", "illustrative-usd.json");
  std::string eur_header = kHeader;
  for (std::size_t at; (at = eur_header.find("USD")) != std::string::npos;) eur_header.replace(at, 3, "EUR");
  const std::string eur_calls = eur_header + "Any,Germany,49,All Number Types,Wireline,0.0260,0\n";

  const json first = calc.load_rate_sheet(eur_calls, "Dial-out calls EUR.csv", "");
  CHECK(first["new_card"] == true);
  CHECK(first["currency"] == "EUR");
  CHECK(first["illustrative"] == false);  // nothing of the illustrative USD card is left in it
  CHECK(first["rows"]["dial_out_calls"] == 1);
  CHECK(first["rows"]["toll_in"] == 0);
  CHECK(calc.rate_index().by_number(Sheet::dial_out_calls, "33123") == nullptr);

  // A second sheet in EUR joins the new card.
  std::string eur_toll = eur_header;
  const json second = calc.load_rate_sheet(eur_toll + "Any,United States,1,All Number Types,All Number Types,0.0110,0\n",
                                           "Toll calls EUR.csv", "toll_in");
  CHECK(second["new_card"] == false);
  CHECK(second["rows"]["dial_out_calls"] == 1);
  CHECK(second["rows"]["toll_in"] == 1);

  // A USD sheet now would mix two currencies in one card: refused, naming both and the files, and the card stays.
  try {
    calc.load_rate_sheet(std::string(kHeader) + "Any,France,33,All Number Types,Wireline,0.0240,0\n",
                         "Dial-out calls USD.csv", "");
    FAIL("expected currency_mismatch");
  } catch (const InputError& e) {
    CHECK(e.code() == "currency_mismatch");
    const std::string message = e.what();
    CHECK(message.find("USD") != std::string::npos);
    CHECK(message.find("EUR") != std::string::npos);
    CHECK(message.find("Dial-out calls EUR.csv, Toll calls EUR.csv") != std::string::npos);
  }
  CHECK(calc.rates().currency == "EUR");
  CHECK(calc.rates().rows(Sheet::dial_out_calls).size() == 1);

  // A whole card starts again: then a sheet in yet another currency is a new card once more.
  calc.load_rates(R"({"schema": "ccredits.rates/1", "currency": "EUR", "sheets": {}})", "card.json");
  CHECK(calc.load_rate_sheet(std::string(kHeader) + "Any,France,33,All Number Types,Wireline,0.0240,0\n",
                             "Dial-out calls.csv", "")["new_card"] == true);
  CHECK(calc.rates().currency == "USD");
}

TEST_CASE("CSV as Excel saves it in other locales: ';' and decimal commas, German headers, Cent, BOM, CRLF",
          "[csv][rates][locale]") {
  RateCard card;
  const std::string german =
      "\xEF\xBB\xBF" "Dial-out calls;;;;;;\r\n;;;;;;\r\n"
      "Ursprung;Ziel;Vorwahl(en);Ursprungsnummerntyp;Zielnummerntyp;"
      "Minutentarif in EUR (Abrechnung in Zehnteln einer Minute);Verbindungsgeb\xC3\xBChr in EUR\r\n"
      "Alle;Frankreich;33;Alle Nummerntypen;Festnetz;0,024 \xE2\x82\xAC;0 \xE2\x82\xAC\r\n"
      "Alle;Frankreich-Mobil;\"336, 337\";Alle Nummerntypen;Mobil;8,9 Cent;1.234,5\r\n";
  CHECK(detect_csv_separator(german) == ';');
  CHECK(add_rate_sheet_csv(card, std::nullopt, german, "export.csv") == Sheet::dial_out_calls);
  CHECK(card.currency == "EUR");
  const auto& rows = card.rows(Sheet::dial_out_calls);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].per_minute == Money::parse("0.024"));
  CHECK(rows[0].number_type == NumberType::wireline);
  CHECK(rows[1].prefixes == std::vector<std::string>{"336", "337"});
  CHECK(rows[1].per_minute == Money::parse("0.089"));
  CHECK(rows[1].connection == Money::parse("1234.5"));  // '.' groups thousands where ',' is the decimal mark
}

TEST_CASE("CSV: tab separators, currency codes and symbols, English headers with ';'", "[csv][rates][locale]") {
  RateCard tab;
  add_rate_sheet_csv(tab, std::nullopt,
                     "Destination\tPrefix(es)\tTerminating Number Type\tPer Minute Rate in USD\n"
                     "France\t33\tWireline\t$0.024\nSpain\t34\tWireline\t0.0190 USD\n",
                     "Dial-out calls.csv");
  REQUIRE(tab.rows(Sheet::dial_out_calls).size() == 2);
  CHECK(tab.rows(Sheet::dial_out_calls)[0].per_minute == Money::parse("0.024"));
  CHECK(tab.rows(Sheet::dial_out_calls)[1].per_minute == Money::parse("0.019"));
  // English headers saved by a German Excel: ';' and decimal commas.
  RateCard semi;
  add_rate_sheet_csv(semi, std::nullopt,
                     "Destination;Prefix(es);Terminating Number Type;Per Minute Rate in GBP\n"
                     "France;33;Wireline;\xC2\xA3" "0,0210\n",
                     "Dial-out calls.csv");
  CHECK(semi.rows(Sheet::dial_out_calls)[0].per_minute == Money::parse("0.021"));
}

TEST_CASE("CSV: never a silent misread of an amount", "[csv][rates][locale][errors]") {
  RateCard card;
  // A decimal comma in a comma-separated English sheet, quoted: not thousands, so an error at its field.
  const InputError comma = sheet_error(card, std::nullopt, std::string(kHeader) +
                                                               "Any,France,33,All Number Types,Wireline,\"0,024\",0\n");
  CHECK(comma.code() == "bad_number");
  CHECK(comma.line() == 2);
  CHECK(comma.column() == 6);
  CHECK(std::string(comma.what()).find("decimal point") != std::string::npos);
  const InputError other = sheet_error(card, std::nullopt, std::string(kHeader) +
                                                               "Any,France,33,All Number Types,Wireline,0.024 EUR,0\n");
  CHECK(other.column() == 6);
  CHECK(std::string(other.what()).find("in EUR but the sheet's header says USD") != std::string::npos);
  const InputError euro = sheet_error(card, std::nullopt, std::string(kHeader) +
                                                              "Any,France,33,All Number Types,Wireline,\xE2\x82\xAC" "0.024,0\n");
  CHECK(euro.code() == "bad_number");
}

TEST_CASE("CSV: unrecognised columns list the headers found; a mapping reads them", "[csv][rates][locale]") {
  RateCard card;
  const std::string text = "Land;Nummernbereich;Art;Preis pro Min.\nFrankreich;33;Festnetz;0,024\n";
  const InputError e = sheet_error(card, std::nullopt, text);
  CHECK(e.code() == "unknown_columns");
  CHECK(std::string(e.what()).find("\"Land\", \"Nummernbereich\", \"Art\", \"Preis pro Min.\"") != std::string::npos);
  // The page shows this sentence: people's words, no snake_case ids.
  CHECK_FALSE(std::regex_search(std::string(e.what()), std::regex("\\b[a-z]+(_[a-z0-9]+)+\\b")));
  const InputError missing = sheet_error(card, std::nullopt, "Destination,Per Minute Rate in USD\nFrance,abc\n");
  CHECK(missing.code() == "missing_column");
  CHECK_FALSE(std::regex_search(std::string(missing.what()), std::regex("\\b[a-z]+(_[a-z0-9]+)+\\b")));
  ColumnMapping mapping;
  mapping.add("destination=Land");
  mapping.add("prefixes=Nummernbereich");
  mapping.add("number_type=Art");
  mapping.add("per_minute=Preis pro Min.");
  mapping.add("currency=eur");
  CHECK_THROWS_AS(mapping.add("price=Preis"), InputError);
  add_rate_sheet_csv(card, std::nullopt, text, "Dial-out calls.csv", &mapping);
  CHECK(card.currency == "EUR");
  REQUIRE(card.rows(Sheet::dial_out_calls).size() == 1);
  CHECK(card.rows(Sheet::dial_out_calls)[0].per_minute == Money::parse("0.024"));
}

TEST_CASE("CSV: the unrecognised headers travel in the error; a mapping as JSON reads them", "[csv][rates][locale]") {
  RateCard card;
  const std::string text = "Tarife 2026\n\nLand;Nummernbereich;Art;Preis pro Min.\nFrankreich;33;Festnetz;0,024\n";
  const InputError e = sheet_error(card, std::nullopt, text);
  CHECK(e.headers() == std::vector<std::string>{"Land", "Nummernbereich", "Art", "Preis pro Min."});
  const json err = error_object(e)["error"];
  CHECK(err["headers"] == json::array({"Land", "Nummernbereich", "Art", "Preis pro Min."}));
  // Copies that add the file keep the headers.
  CHECK(e.in_file("x.csv").headers().size() == 4);
  const InputError missing = sheet_error(card, std::nullopt, "Destination,Per Minute Rate in USD\nFrance,abc\n");
  CHECK(missing.headers() == std::vector<std::string>{"Destination", "Per Minute Rate in USD"});
  CHECK(error_object(InputError("bad_value", "x"))["error"].count("headers") == 0);

  Calculator calc;
  const json info = calc.load_rate_sheet_with_columns(
      text, "Dial-out calls.csv", "",
      R"({"destination": "Land", "prefixes": ["Nummernbereich"], "number_type": "Art", "per_minute": "Preis pro Min.",
          "connection": "", "origin": null, "currency": "EUR"})");
  CHECK(info["currency"] == "EUR");
  CHECK(info["sheet_rows"] == 1);
  // The card as loaded, as JSON: loading that text again gives the same text (the page hashes it).
  const std::string card_text = calc.rates_json();
  CHECK(json::parse(card_text)["currency"] == "EUR");
  Calculator again;
  CHECK_THROWS_AS(again.rates_json(), InputError);
  again.load_rates(card_text, "card.json");
  CHECK(again.rates_json() == card_text);
  // Without the per-minute rate the headers are still not a rate sheet's.
  try {
    calc.load_rate_sheet_with_columns(text, "Dial-out calls.csv", "", R"({"destination": "Land", "currency": "EUR"})");
    FAIL("expected unknown_columns");
  } catch (const InputError& again) {
    CHECK(again.code() == "unknown_columns");
    CHECK(again.headers().size() == 4);
  }
  CHECK_THROWS_AS(calc.load_rate_sheet_with_columns(text, "x.csv", "", R"({"price": "Preis"})"), InputError);
  CHECK_THROWS_AS(calc.load_rate_sheet_with_columns(text, "x.csv", "", R"({"destination": 3})"), InputError);
  CHECK_THROWS_AS(calc.load_rate_sheet_with_columns(text, "x.csv", "", "[1]"), InputError);
}

TEST_CASE("Column mapping: one role may have several headers", "[csv][rates][locale]") {
  ColumnMapping mapping = ColumnMapping::from_json(R"({"destination": ["Land", "Ziel"], "currency": "EUR"})");
  CHECK(mapping.headers[static_cast<std::size_t>(RateColumn::destination)].size() == 2);
  CHECK(mapping.currency == "EUR");
  CHECK(ColumnMapping::from_json("").empty());
}
