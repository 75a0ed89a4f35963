// The PSTN usage report importer (core/DOMAIN.md §7, §8; core/CONTRACT.md `usage`). Expectations computed by hand.
#include <catch2/catch.hpp>

#include <map>

#include "ccredits/error.hpp"
#include "reference/rate_card.hpp"
#include "scenario/scenario.hpp"
#include "ccredits/usage_import.hpp"
#include "usage_report/usage_report_reader.hpp"

using namespace ccredits;

namespace {

const char* const kRates = R"({
  "schema": "ccredits.rates/1", "currency": "USD", "effective": "2026-11-01", "source": "test", "illustrative": true,
  "billing_increment_seconds": 6,
  "sheets": {
    "dial_out_calls": [
      {"origin": "*", "destination": "France", "country": "FR", "prefixes": ["33"], "number_type": "wireline", "per_minute": "0.0240", "connection": "0"},
      {"origin": "*", "destination": "France-Mobile", "country": "FR", "prefixes": ["336", "337"], "number_type": "wireless", "per_minute": "0.0890", "connection": "0.0100"},
      {"origin": "*", "destination": "United States", "country": "US", "prefixes": ["1"], "number_type": "all", "per_minute": "0.0190", "connection": "0"}
    ],
    "dial_out_audio": [
      {"origin": "*", "destination": "France", "country": "FR", "prefixes": ["33"], "number_type": "all", "per_minute": "0.0350", "connection": "0"}
    ],
    "toll_free_in": [
      {"origin": "*", "destination": "United States", "country": "US", "prefixes": ["1800"], "number_type": "all", "per_minute": "0.0280", "connection": "0"}
    ],
    "toll_in": []
  }
})";

const RateCard& card() {
  static const RateCard c = load_rate_card_json(kRates, "test-rates.json");
  return c;
}

const std::vector<std::string> kHeader25 = {
    "UsageId", "Call ID", "Conference ID", "User Location", "Microsoft Entra ObjectId", "UPN", "User Display Name",
    "Caller ID", "Call Type", "Call Direction", "Number Type", "Domestic/International", "Destination Dialed",
    "Destination Number", "External Country", "Start Time", "End Time", "Duration Seconds", "Connection Fee",
    "Charge", "Currency", "Capability", "Operator", "Source of Call Duration", "Administrative Units"};
const std::vector<std::string> kHeader20 = {
    "UsageId", "Call ID", "Conference ID", "User Location", "AAD ObjectId", "UPN", "User Display Name", "Caller ID",
    "Call Type", "Number Type", "Domestic/International", "Destination Dialed", "Destination Number", "Start Time",
    "End Time", "Duration Seconds", "Connection Fee", "Charge", "Currency", "Capability"};

using Call = std::map<std::string, std::string>;

std::string csv_field(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string report(const std::vector<std::string>& header, const std::vector<Call>& calls) {
  std::string text;
  for (std::size_t i = 0; i < header.size(); ++i) text += (i ? "," : "") + header[i];
  text += "\r\n";
  for (const Call& call : calls) {
    for (std::size_t i = 0; i < header.size(); ++i) {
      auto it = call.find(header[i]);
      text += (i ? "," : "") + csv_field(it == call.end() ? "" : it->second);
    }
    text += "\r\n";
  }
  return text;
}

Call call(std::string type, std::string number, std::string seconds, std::string charge = "0",
          std::string start = "2026-10-01T09:00:00Z") {
  return {{"Call Type", type}, {"Destination Number", number}, {"Duration Seconds", seconds}, {"Charge", charge},
          {"Connection Fee", "0"}, {"Currency", "USD"}, {"Start Time", start}, {"User Location", "US"},
          {"UPN", "jane@contoso.com"}, {"User Display Name", "Doe, Jane \"JD\""}, {"Number Type", "user_geographic"}};
}

json import_text(std::string_view text, std::size_t chunk = 1 << 20, const RateCard* rates = &card(),
                 UsageImportSettings settings = {}) {
  UsageImporter importer(rates, settings);
  for (std::size_t i = 0; i < text.size(); i += chunk) importer.feed(text.substr(i, chunk));
  return importer.finish();
}

}  // namespace

TEST_CASE("usage: columns are found by header name, including the online grid's names", "[usage]") {
  const std::string text =
      "Call type,Called to,User's location,Start time,Duration,Cost,Currency\n"
      "user_out,+33140000000,US,2026-10-05T10:00:00Z,120,0.05,USD\n";
  const json r = import_text(text);
  CHECK(r["rows"] == 1);
  CHECK(r["rows_used"] == 1);
  CHECK(r["minutes"]["user_out"] == 2);
  CHECK(r["actual"]["USD"]["total"] == "0.05");
  // FR wireline 0.0240 x 120 s = 0.048
  CHECK(r["rerated"]["total"] == "0.05");
  CHECK(r["by_destination"][0]["country"] == "FR");
  CHECK(r["by_destination"][0]["number_type"] == "wireline");
}

TEST_CASE("usage: a file without Call Type is refused with the line of its header", "[usage][errors]") {
  try {
    import_text("a,b,c\n1,2,3\n");
    FAIL("accepted");
  } catch (const InputError& e) {
    CHECK(e.code() == "usage_missing_column");
    CHECK(e.line() == 1);
  }
}

TEST_CASE("usage: the 20- and the 25-column exports give the same figures", "[usage]") {
  std::vector<Call> calls = {call("user_out", "+33140000000", "60", "0.024"),
                             call("user_out", "+33612345678", "61", "0.0979"),
                             call("conf_in", "+18005550100", "300"), call("user_in", "+14255550100", "30")};
  calls[2]["Number Type"] = "service_toll_free";
  std::vector<Call> with_country = calls;
  for (auto& c : with_country) c["External Country"] = c["Destination Number"].rfind("+33", 0) == 0 ? "FR" : "US";
  json a = import_text(report(kHeader25, with_country));
  json b = import_text(report(kHeader20, calls));
  CHECK(a["format"] == "csv-25");
  CHECK(b["format"] == "csv-20");
  a.erase("format");
  b.erase("format");
  CHECK(a == b);
  CHECK(a["minutes"]["user_out"] == json::parse("2.016667"));  // 121 s
  CHECK(a["minutes"]["toll_free_in"] == 5);
  CHECK(a["minutes"]["inbound"] == json::parse("0.5"));
  CHECK(a["calls"]["user_out"] == 2);
}

TEST_CASE("usage: Graph getPstnCalls JSON rows", "[usage][graph]") {
  const std::string text = R"({"@odata.context": "x", "value": [
    {"id": "1", "callType": "user_out", "startDateTime": "2026-10-02T08:00:00Z", "duration": 90, "charge": 0.036,
     "connectionCharge": 0.01, "currency": "USD", "calleeNumber": "+33612345678", "usageCountryCode": "US",
     "userPrincipalName": "a@contoso.com", "licenseCapability": "MCOPSTNPP"},
    {"id": "2", "callType": "conf_out", "startDateTime": "2026-10-03T08:00:00Z", "duration": 60, "charge": 0,
     "currency": "USD", "calleeNumber": "+33140000000", "usageCountryCode": "US"}]})";
  const json r = import_text(text);
  CHECK(r["format"] == "graph-json");
  CHECK(r["rows_used"] == 2);
  CHECK(r["minutes"]["user_out"] == json::parse("1.5"));
  CHECK(r["minutes"]["conf_out"] == 1);
  CHECK(r["actual"]["USD"]["charge"] == "0.04");      // 0.036
  CHECK(r["actual"]["USD"]["connection"] == "0.01");
  CHECK(r["actual"]["USD"]["total"] == "0.05");       // 0.046
  // user_out: FR mobile 0.0890 x 90 s = 0.1335 + 0.0100; conf_out: dial_out_audio FR 0.0350 x 60 s = 0.035
  CHECK(r["rerated"]["by_use_case"]["user_out"]["amount"] == "0.14");
  CHECK(r["rerated"]["by_use_case"]["conf_out"]["amount"] == "0.04");
  CHECK(r["rerated"]["total"] == "0.18");  // 0.1785
  CHECK(r["period"]["days"] == 2);
}

TEST_CASE("usage: every chunk size gives the same result", "[usage][chunks]") {
  std::vector<Call> calls;
  for (int i = 0; i < 12; ++i) {
    Call c = call(i % 3 ? "user_out" : "conf_in", "+3314000000" + std::to_string(i), std::to_string(30 + i * 7),
                  "0.0" + std::to_string(i), "2026-10-0" + std::to_string(1 + i % 9) + "T10:00:00Z");
    c["User Display Name"] = "Name, with comma\nand a \"quote\" " + std::to_string(i);
    c["UPN"] = "user" + std::to_string(i % 4) + "@contoso.com";
    calls.push_back(c);
  }
  const std::string text = "\xEF\xBB\xBF" + report(kHeader25, calls);
  const json whole = import_text(text);
  CHECK(whole["rows_used"] == 12);
  CHECK(whole["skipped_count"] == 0);
  for (std::size_t chunk = 1; chunk <= 97; ++chunk) {
    INFO("chunk " << chunk);
    CHECK(import_text(text, chunk) == whole);
  }
}

TEST_CASE("usage: bad rows are skipped with line and reason, the rest is used", "[usage][errors]") {
  std::vector<Call> calls = {
      call("user_out", "+33140000000", "60"),                            // line 2
      call("user_out", "+33140000000", "60", "0", "2026-13-01T00:00Z"),  // line 3: bad date
      call("user_out", "+33140000000", "-5"),                            // line 4
      call("teleport_out", "+33140000000", "60"),                        // line 5
      call("user_out", "+33140000000", "99999999999999"),                // line 6
      call("user_out", "+33140000000", "60", "abc"),                     // line 7
      call("user_out", "+33140000000", "60", "0.10"),                    // line 8
  };
  calls[6]["Currency"] = "";  // a charge without a currency
  calls[0]["User Display Name"] = "Two\nlines";  // the next row starts on line 4
  const json r = import_text(report(kHeader25, calls));
  CHECK(r["rows"] == 7);
  CHECK(r["rows_used"] == 1);
  CHECK(r["skipped_count"] == 6);
  REQUIRE(r["skipped"].size() == 6);
  CHECK(r["skipped"][0]["line"] == 4);
  CHECK(r["skipped"][0]["reason"].get<std::string>().find("Start Time") != std::string::npos);
  CHECK(r["skipped"][1]["line"] == 5);
  CHECK(r["skipped"][1]["reason"].get<std::string>().find("negative duration") != std::string::npos);
  CHECK(r["skipped"][2]["reason"].get<std::string>().find("unknown Call Type \"teleport_out\"") != std::string::npos);
  CHECK(r["skipped"][3]["reason"].get<std::string>().find("longer than a week") != std::string::npos);
  CHECK(r["skipped"][4]["reason"].get<std::string>().find("Charge \"abc\"") != std::string::npos);
  CHECK(r["skipped"][5]["line"] == 9);
  CHECK(r["minutes"]["user_out"] == 1);

  UsageImportSettings settings;
  settings.max_skipped_listed = 2;
  const json capped = import_text(report(kHeader25, calls), 1 << 20, &card(), settings);
  CHECK(capped["skipped"].size() == 2);
  CHECK(capped["skipped_count"] == 6);
}

TEST_CASE("usage: masked numbers are re-rated on their visible digits, per call in 6-second increments", "[usage]") {
  // +33 6 12 34 5*** -> prefix 336, France-Mobile 0.0890/min + 0.0100 per call.
  // 61 s -> 66 s billed: 0.0890 x 66 / 60 = 0.0979, + 0.0100 = 0.1079; twice = 0.2158.
  const json r = import_text(report(kHeader25, {call("user_out", "+33612345***", "61"),
                                                call("user_out", "+33612345***", "61")}));
  CHECK(r["rerated"]["by_use_case"]["user_out"]["calls"] == 2);
  CHECK(r["rerated"]["by_use_case"]["user_out"]["billed_minutes"] == json::parse("2.2"));
  CHECK(r["rerated"]["total"] == "0.22");
  CHECK(r["by_destination"][0]["number_type"] == "wireless");
  CHECK(r["scenario_usage"][0]["to"] == "FR");
}

TEST_CASE("usage: Direct Routing rows are counted, never priced", "[usage]") {
  Call dr = call("dr_out", "+33140000000", "120", "5.00");
  const json r = import_text(report(kHeader25, {dr, call("user_out", "+33140000000", "60", "0.02")}));
  CHECK(r["minutes"]["direct_routing"] == 2);
  CHECK(r["calls"]["direct_routing"] == 1);
  CHECK(r["actual"]["USD"]["total"] == "0.02");
  CHECK(r["rerated"]["priced_calls"] == 1);
  CHECK(r["scenario_usage"].size() == 1);
}

TEST_CASE("usage: spend is Charge + Connection Fee unless set otherwise (core/DOMAIN.md §8)", "[usage]") {
  Call c = call("user_out", "+33140000000", "60", "1.20");
  c["Connection Fee"] = "0.10";
  const std::string text = report(kHeader25, {c, c});
  const json r = import_text(text);
  CHECK(r["actual"]["USD"]["charge"] == "2.40");
  CHECK(r["actual"]["USD"]["connection"] == "0.20");
  CHECK(r["actual"]["USD"]["total"] == "2.60");
  UsageImportSettings settings;
  settings.charge_includes_connection_fee = true;
  CHECK(import_text(text, 1 << 20, &card(), settings)["actual"]["USD"]["total"] == "2.40");
}

TEST_CASE("usage: period and the per-day series cover every day, empty ones included", "[usage]") {
  const json r = import_text(report(kHeader25, {call("user_out", "+33140000000", "60", "0.50", "2026-10-03T23:59:59Z"),
                                                call("user_out", "+33140000000", "120", "0.25", "2026-10-01T00:00:00Z")}));
  CHECK(r["period"] == json{{"from", "2026-10-01"}, {"to", "2026-10-03"}, {"days", 3}});
  REQUIRE(r["per_day"].size() == 3);
  CHECK(r["per_day"][0] == json{{"date", "2026-10-01"}, {"calls", 1}, {"minutes", 2}, {"spend", "0.25"}});
  CHECK(r["per_day"][1] == json{{"date", "2026-10-02"}, {"calls", 0}, {"minutes", 0}, {"spend", "0.00"}});
  CHECK(r["per_day"][2]["spend"] == "0.50");
}

TEST_CASE("usage: calls decades apart give no day-by-day series, and say why", "[usage][hostile]") {
  // Found by fuzz_usage_import: two calls 100 years apart made an 8 KB report a 2.5 MB result.
  const json r = import_text(report(kHeader25, {call("user_out", "+33140000000", "60", "0.50", "2000-01-01T10:00:00Z"),
                                                call("user_out", "+33140000000", "60", "0.50", "2100-12-31T10:00:00Z")}));
  CHECK(r["period"]["days"] == 36890);
  CHECK(r["per_day"] == json::array());
  CHECK(r["per_day_note"].get<std::string>().find("36890 days (2000-01-01 to 2100-12-31)") != std::string::npos);
  // The longest period still listed day by day.
  const json longest = import_text(report(kHeader25, {call("user_out", "+33140000000", "60", "0.50", "2026-01-01T10:00:00Z"),
                                                      call("user_out", "+33140000000", "60", "0.50", "2027-02-04T10:00:00Z")}));
  CHECK(longest["period"]["days"] == ccredits::kMaxPerDayDays);
  CHECK(longest["per_day"].size() == static_cast<std::size_t>(ccredits::kMaxPerDayDays));
  CHECK_FALSE(longest.contains("per_day_note"));
}

TEST_CASE("usage: scenario rows per average month, readable as a scenario", "[usage]") {
  // 28 days covered; US user -> FR wireline 600 s = 10 min; per month: 10 x 30.4375 / 28 = 10.870535714 -> 10.870536.
  Call a = call("user_out", "+33140000000", "600", "0", "2026-10-01T10:00:00Z");
  Call b = call("conf_in", "+18005550100", "0", "0", "2026-10-28T10:00:00Z");
  b["Number Type"] = "service_toll_free";
  const json r = import_text(report(kHeader25, {a, b}));
  REQUIRE(r["scenario_usage"].size() == 2);
  CHECK(r["scenario_usage"][0] == json{{"kind", "user_out"}, {"from", "US"}, {"to", "FR"}, {"number_type", "wireline"},
                                       {"minutes", json::parse("10.870536")}, {"calls", 1}});
  CHECK(r["scenario_usage"][1] == json{{"kind", "toll_free_in"}, {"country", "US"}, {"service", "conferencing"},
                                       {"minutes", 0}, {"calls", 1}});
  const Scenario s = parse_scenario(json{{"usage", r["scenario_usage"]}}.dump(), "from-report");
  REQUIRE(s.usage.size() == 2);
  CHECK(s.usage[0].minutes == Minutes::parse("10.870536"));
}

TEST_CASE("usage: top users come from a capped table", "[usage]") {
  std::vector<Call> calls;
  for (int i = 0; i < 5; ++i) {
    Call c = call("user_out", "+33140000000", std::to_string(60 * (i + 1)));
    c["UPN"] = "u" + std::to_string(i) + "@contoso.com";
    calls.push_back(c);
  }
  UsageImportSettings settings;
  settings.max_tracked_users = 3;
  settings.top_count = 2;
  const json r = import_text(report(kHeader25, calls), 1 << 20, &card(), settings);
  CHECK(r["users_tracked"] == 3);
  CHECK(r["top_users"].size() == 2);
  CHECK(r["top_users"][0]["user"] == "u2@contoso.com");  // 3 min, the largest of the first three
  CHECK(r["top_users"][0]["name"] == "Doe, Jane \"JD\"");
  CHECK(r["other_users"]["minutes"] == 9);               // u3 + u4: 4 + 5
}

TEST_CASE("usage: durations and dates", "[usage]") {
  std::int64_t s = 0;
  CHECK((parse_duration_seconds("312", s) && s == 312));
  CHECK((parse_duration_seconds("0:05:12", s) && s == 312));
  CHECK((parse_duration_seconds("312.0", s) && s == 312));
  CHECK_FALSE(parse_duration_seconds("31.5", s));
  CHECK_FALSE(parse_duration_seconds("-1", s));
  int day = 0;
  CHECK((parse_iso_day("2026-10-01T00:00:00Z", day) && iso_date(day) == "2026-10-01"));
  CHECK((parse_iso_day("2024-02-29 10:00", day) && iso_date(day) == "2024-02-29"));
  CHECK_FALSE(parse_iso_day("2026-02-29T00:00:00Z", day));
  CHECK_FALSE(parse_iso_day("10/01/2026", day));
}

TEST_CASE("usage: Graph JSON larger than the cap is refused, not buffered without end", "[usage][graph][errors]") {
  UsageImportSettings settings;
  settings.max_json_bytes = 64;
  UsageImporter importer(&card(), settings);
  importer.feed("{\"value\": [");
  try {
    importer.feed(std::string(100, ' '));
    FAIL("accepted");
  } catch (const InputError& e) {
    CHECK(e.code() == "usage_json_too_large");
  }
}

TEST_CASE("usage: a Direct Routing export is recognised, its failed calls counted, nothing priced", "[usage]") {
  // The Direct Routing export's shape (26 columns, "AAD ObjectId", "Success", no Charge), with invented values.
  const std::string header =
      "CorrelationId,AAD ObjectId,UPN,Display Name,User country,External Country,Invite time,Start time,Failure time,"
      "End time,Duration (seconds),Success,Caller Number,Callee Number,Call type,Call Direction,Azure region for Media,"
      "Azure region for Signaling,Final SIP code,Final Microsoft subcode,Final SIP Phrase,SBC FQDN,Media bypass,"
      "Shared correlation ID,Administrative Units,Transfer or Correlation ID\n";
  const std::string answered =
      "0001,,ana@contoso.com,Ana,FR,FR,2026-10-01T09:00:00.0000000Z,2026-10-01T09:00:02.0000000Z,,"
      "2026-10-01T09:05:02.0000000Z,300,Yes,+3314000****,+33612345678,ByotOut,Outbound,EUWE,EUWE,0,540000,BYE,"
      "sbc.contoso.com,No,0001,,\n";
  const std::string failed =
      "0002,,,,FR,FR,2026-10-01T10:00:00.0000000Z,,2026-10-01T10:00:00.0000000Z,,0,No,+3314000****,+33140000001,"
      "ByotIn,Inbound,,EUWE,404,511404,Not found,sbc.contoso.com,No,0002,,\n";
  const json r = import_text(header + answered + failed + failed);
  CHECK(r["rows"] == 3);
  CHECK(r["skipped_count"] == 0);
  CHECK(r["failed_calls"] == 2);
  CHECK(r["calls"]["direct_routing"] == 1);
  CHECK(r["rerated"]["total"] == "0.00");
  REQUIRE(r["notices"].size() == 2);
  CHECK_THAT(r["notices"][0].get<std::string>(),
             Catch::StartsWith("This is a Direct Routing report: its 3 calls are billed by your carrier, not from "
                               "Communication Credits"));
  CHECK_THAT(r["notices"][1].get<std::string>(), Catch::StartsWith("2 calls did not connect"));

  // One call: the sentences say "1 call", not "1 calls".
  const json one = import_text(header + failed);
  REQUIRE(one["notices"].size() == 2);
  CHECK_THAT(one["notices"][0].get<std::string>(),
             Catch::StartsWith("This is a Direct Routing report: its 1 call is billed by your carrier"));
  CHECK_THAT(one["notices"][1].get<std::string>(), Catch::StartsWith("1 call did not connect (Success: No)"));

  // Counts of four digits or more are grouped as the page writes counts: "1,001 calls".
  std::string many = header;
  for (int i = 0; i < 1001; ++i) many += failed;
  const json grouped = import_text(many);
  REQUIRE(grouped["notices"].size() == 2);
  CHECK_THAT(grouped["notices"][0].get<std::string>(),
             Catch::StartsWith("This is a Direct Routing report: its 1,001 calls are billed by your carrier"));
  CHECK_THAT(grouped["notices"][1].get<std::string>(), Catch::StartsWith("1,001 calls did not connect (Success: No)"));
}

TEST_CASE("usage: the Audio Conferencing dial-out summary is refused with a sentence saying what it is", "[usage]") {
  const std::string summary = R"({"value": [{"userPrincipalName": "sam@contoso.com", "usageLocation": "DE",
    "destinationContext": "International", "currency": "EUR", "totalCalls": 3, "totalCallCharge": 1.25,
    "totalCallSeconds": 400}]})";
  try {
    import_text(summary);
    FAIL("the dial-out summary was read as calls");
  } catch (const InputError& e) {
    CHECK(e.code() == "usage_dialout_summary");
    CHECK_THAT(e.what(), Catch::StartsWith("This is the Audio Conferencing dial-out summary"));
  }
}

TEST_CASE("usage: a getPstnCalls row with \"destinationContext\": null is a call, not the dial-out summary", "[usage]") {
  // Microsoft's own getPstnCalls example gives every row "destinationContext": null.
  const std::string page = R"({"value": [{"id": "9c4984c7", "callId": "1835317186_112562680@61.221.3.176",
    "userPrincipalName": "richard.malk@contoso.com", "startDateTime": "2019-11-01T00:00:08.2589935Z", "duration": 219,
    "charge": 0.00, "callType": "user_in", "currency": "USD", "calleeNumber": "+1234567890", "usageCountryCode": "US",
    "connectionCharge": 0.00, "destinationContext": null, "destinationName": "United States"}]})";
  const json r = import_text(page);
  CHECK(r["format"] == "graph-json");
  CHECK(r["rows_used"] == 1);
  CHECK(r["calls"]["inbound"] == 1);
}
