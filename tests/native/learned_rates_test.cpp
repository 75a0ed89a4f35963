// Rates learned from a usage report's charged calls, and the report's charges per month by estimate use case
// (CONTRACT.md "Usage report import": learned_rates, report_basis). Expectations computed by hand.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "ccredits/usage_import.hpp"
#include "reference/rate_card.hpp"

using namespace ccredits;

namespace {

const char* const kCard = R"({
  "schema": "ccredits.rates/1", "currency": "USD", "effective": "2026-11-01", "source": "test", "illustrative": true,
  "billing_increment_seconds": 6,
  "sheets": {
    "dial_out_calls": [
      {"destination": "France", "country": "FR", "prefixes": ["33"], "number_type": "wireline", "per_minute": "0.0240"},
      {"destination": "France-Mobile", "country": "FR", "prefixes": ["336", "337"], "number_type": "wireless", "per_minute": "0.0890"},
      {"destination": "United States", "country": "US", "prefixes": ["1"], "number_type": "all", "per_minute": "0.0190"}
    ],
    "toll_free_in": [
      {"destination": "United States-Toll Free", "country": "US", "prefixes": ["1800"], "number_type": "all", "per_minute": "0.0280"}
    ]
  }
})";

const char* const kHeader =
    "UsageId,Call ID,Conference ID,User Location,Microsoft Entra ObjectId,UPN,User Display Name,Caller ID,Call Type,"
    "Call Direction,Number Type,Domestic/International,Destination Dialed,Destination Number,External Country,"
    "Start Time,End Time,Duration Seconds,Connection Fee,Charge,Currency,Capability,Operator,"
    "Source of Call Duration,Administrative Units\r\n";

// One 25-column row: the columns the importer reads, the others empty.
std::string row(const std::string& user, const std::string& type, const std::string& number_type,
                const std::string& number, const std::string& country, const std::string& start,
                const std::string& seconds, const std::string& fee, const std::string& charge,
                const std::string& capability) {
  return ",,,US,," + user + ",,," + type + ",," + number_type + ",,," + number + "," + country + "," + start +
         ",," + seconds + "," + fee + "," + charge + ",USD," + capability + ",,,\r\n";
}

std::string report() {
  std::string text = kHeader;
  text += row("a@contoso.com", "user_out", "user_geographic", "+33612345678", "FR", "2026-10-01T09:00:00Z", "61",
              "0.01", "0.0979", "MCOPSTNPP");   // 66 s billed
  text += row("b@contoso.com", "user_out", "user_geographic", "+33712345678", "FR", "2026-10-02T09:00:00Z", "30",
              "0", "0.0445", "MCOPSTNPP");
  text += row("a@contoso.com", "user_out", "user_geographic", "+33140000000", "FR", "2026-10-03T09:00:00Z", "100",
              "0", "0.04", "MCOPSTNPP");    // 102 s billed
  text += row("c@contoso.com", "conf_in", "service_toll_free", "+18005550100", "", "2026-10-04T09:00:00Z", "600",
              "0", "0.28", "MCOPSTNPP");
  text += row("d@contoso.com", "user_out", "user_geographic", "+12065550100", "US", "2026-10-30T09:00:00Z", "60",
              "0", "0.019", "MCOPSTN_PAYG_1");
  text += row("a@contoso.com", "user_out", "user_geographic", "+12065550101", "US", "2026-10-05T09:00:00Z", "300",
              "0", "0", "MCOPSTN1");  // inside the pool: not charged, teaches nothing
  return text;
}

json import(const RateCard* card, UsageImportSettings settings = {}) {
  UsageImporter importer(card, settings);
  importer.next_file("report.csv");
  importer.feed(report());
  return importer.finish();
}

const json& sheet_row(const json& card, const char* sheet, const char* country, const char* type) {
  for (const json& r : card["sheets"][sheet]) {
    if (r["country"] == country && r["number_type"] == type) return r;
  }
  FAIL("no learned row " << sheet << " " << country << " " << type);
  static const json none;
  return none;
}

}  // namespace

TEST_CASE("learned rates: charges divided by billed minutes, per destination and number type", "[usage][learned]") {
  const RateCard card = load_rate_card_json(kCard, "card.json");
  const json r = import(&card);
  const json& learned = r["learned_rates"];
  REQUIRE(learned.is_object());
  CHECK(learned["schema"] == "ccredits.rates/1");
  CHECK(learned["learned_from_report"] == true);
  CHECK(learned["illustrative"] == false);
  CHECK(learned["currency"] == "USD");
  CHECK(learned["effective"] == "2026-10-30");

  // FR mobile: (0.0979 + 0.0445) x 60 / (66 + 30) s = 0.089; fees 0.01 over 2 calls = 0.005.
  const json& mobile = sheet_row(learned, "dial_out_calls", "FR", "wireless");
  CHECK(mobile["per_minute"] == "0.089");
  CHECK(mobile["connection"] == "0.005");
  CHECK(mobile["calls"] == 2);
  CHECK(mobile["destination"] == "France-Mobile");
  CHECK(mobile["prefixes"] == json({"336", "337"}));
  // FR landline: 0.04 x 60 / 102 s = 0.0235294117..., rounded once, half up, to a millionth.
  CHECK(sheet_row(learned, "dial_out_calls", "FR", "wireline")["per_minute"] == "0.023529");
  CHECK(sheet_row(learned, "dial_out_calls", "US", "all")["per_minute"] == "0.019");
  CHECK(sheet_row(learned, "toll_free_in", "US", "all")["per_minute"] == "0.028");
  // The uncharged call in the pool taught nothing: US has one call.
  CHECK(sheet_row(learned, "dial_out_calls", "US", "all")["calls"] == 1);

  // The card format: it loads as a rate card.
  const RateCard again = load_rate_card_json(learned.dump(), "learned.json");
  CHECK(again.rows(Sheet::dial_out_calls).size() == 3);
  CHECK(again.rows(Sheet::dial_out_calls)[0].per_minute == Money::parse("0.023529"));
}

TEST_CASE("learned rates: without a card a destination's calls give one `all` rate", "[usage][learned]") {
  const json r = import(nullptr);
  const json& learned = r["learned_rates"];
  // FR: (0.0979 + 0.0445 + 0.04) x 60 / (66 + 30 + 102) s = 0.1824 x 60 / 198 = 0.0552727... -> 0.055273
  const json& fr = sheet_row(learned, "dial_out_calls", "FR", "all");
  CHECK(fr["per_minute"] == "0.055273");
  CHECK(fr["connection"] == "0.003333");  // 0.01 / 3
  CHECK(fr["destination"] == "FR");
  CHECK_FALSE(fr.contains("prefixes"));
}

TEST_CASE("learned rates: a charge that already holds the connection fee is not counted twice", "[usage][learned]") {
  UsageImportSettings settings;
  settings.charge_includes_connection_fee = true;
  const RateCard card = load_rate_card_json(kCard, "card.json");
  const json r = import(&card, settings);
  // (0.0979 - 0.01 + 0.0445) x 60 / 96 s = 0.1324 x 0.625 = 0.08275
  const json& mobile = sheet_row(r["learned_rates"], "dial_out_calls", "FR", "wireless");
  CHECK(mobile["per_minute"] == "0.08275");
  CHECK(mobile["connection"] == "0.005");
}

TEST_CASE("report basis: the charges per average month by estimate use case add up to the month's total",
          "[usage][learned]") {
  const json r = import(nullptr);
  const json& basis = r["report_basis"];
  CHECK(basis["currency"] == "USD");
  CHECK(basis["period"]["days"] == 30);
  // 0.4914 in 30 days x 30.4375 / 30 = 0.498565625 -> 0.498566, as actual.per_month (0.50) rounds it.
  CHECK(basis["monthly_total"] == "0.498566");
  CHECK(r["actual"]["USD"]["per_month"] == "0.50");
  CHECK(basis["charges"]["toll_free"] == "0.284083");             // 0.28 x 30.4375 / 30
  CHECK(basis["charges"]["calling_plan_overage"] == "0.195206");  // 0.1924 x 30.4375 / 30
  CHECK(basis["charges"]["payg_outbound"] == "0.019277");         // the rest: MCOPSTN_PAYG_1
  CHECK_FALSE(basis["charges"].contains("conference_dial_out"));
  // Distinct users per location, for the licence-group notice.
  CHECK(r["by_location"][0]["country"] == "US");
  CHECK(r["by_location"][0]["users"] == 4);
}
