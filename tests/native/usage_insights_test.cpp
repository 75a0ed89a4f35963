// Chargeback, toll-fraud and anomaly flags, trend and forecast of an imported report (core/CONTRACT.md), on
// generated reports whose totals the generator knows and whose anomalies it injects one at a time.
#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ccredits/error.hpp"
#include "ccredits/money.hpp"
#include "ccredits/usage_import.hpp"
#include "advice/funding_planner.hpp"
#include "numbers/text.hpp"
#include "reference/rate_card.hpp"
#include "usage_report/usage_call.hpp"
#include "usage_report/call_sample.hpp"
#include "usage_report/usage_chargeback.hpp"

using namespace ccredits;

namespace {

const char* const kHeader =
    "UsageId,Call ID,Conference ID,User Location,Microsoft Entra ObjectId,UPN,User Display Name,Caller ID,Call Type,"
    "Call Direction,Number Type,Domestic/International,Destination Dialed,Destination Number,External Country,"
    "Start Time,End Time,Duration Seconds,Connection Fee,Charge,Currency,Capability,Operator,Source of Call Duration,"
    "Administrative Units\r\n";

std::string micros_text(std::int64_t micros) { return Money::from_micros(micros).to_exact_string(); }

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// An ordinary tenant: 20 users calling on working days, 09:00 to 17:00 UTC, the United States (included, no charge)
// and the United Kingdom (charged 0.024 a minute in 6-second increments), over September and October 2026.
// Units: users 0-9 "Sales", 10-14 list two units ("Ops;\"Finance, EU\""), 15-19 none.
struct Tenant {
  std::string text = kHeader;
  std::map<std::string, std::int64_t> unit_spend;  // expected, by the split rule
  std::map<std::string, std::int64_t> unit_seconds;
  std::map<std::string, std::int64_t> month_spend;  // "2026-09" -> micros
  std::int64_t total_spend = 0;
  std::uint32_t seed = 12345;
  int rows = 0;

  std::uint32_t next() { return seed = seed * 1664525u + 1013904223u; }
  static std::string user(int u) { return "u" + two(u) + "@contoso.com"; }
  static std::string units_of(int u) { return u < 10 ? "Sales" : u < 15 ? "Ops;\"Finance, EU\"" : ""; }

  // One outbound call; `charge` in micros.
  void call(int u, const std::string& date, int hour, int minute, std::int64_t seconds, const std::string& number,
            const std::string& country, std::int64_t charge) {
    const std::string start = date + "T" + two(hour) + ":" + two(minute) + ":00Z";
    const std::string units = units_of(u);
    text += "id" + std::to_string(rows) + ",c" + std::to_string(rows) + ",,US,oid," + user(u) + ",User " + two(u) +
            ",+14255550100,user_out,Outbound,user_geographic," + (country == "US" ? "Domestic" : "International") +
            ",," + number + "," + country + "," + start + "," + start + "," + std::to_string(seconds) + ",0," +
            micros_text(charge) + ",USD," + (charge > 0 ? "MCOPSTNPP" : "MCOPSTN1") + ",Microsoft,Microsoft," +
            (units.find('"') != std::string::npos ? "\"" + std::string("Ops;\"\"Finance, EU\"\"") + "\"" : units) +
            "\r\n";
    ++rows;
    total_spend += charge;
    month_spend[date.substr(0, 7)] += charge;
    // The split rule, written out independently: equal shares, the remainder to the first units listed.
    const std::vector<std::string> list = u < 10 ? std::vector<std::string>{"Sales"}
                                          : u < 15 ? std::vector<std::string>{"Ops", "Finance, EU"}
                                                   : std::vector<std::string>{"no unit"};
    const auto n = static_cast<std::int64_t>(list.size());
    for (std::int64_t i = 0; i < n; ++i) {
      unit_spend[list[static_cast<std::size_t>(i)]] += charge / n + (i < charge % n ? 1 : 0);
      unit_seconds[list[static_cast<std::size_t>(i)]] += seconds / n + (i < seconds % n ? 1 : 0);
    }
  }
  static std::int64_t uk_charge(std::int64_t seconds) { return (seconds + 5) / 6 * 6 * 400; }

  Tenant() {
    // 2026-09-01 is a Tuesday.
    for (int day = 0; day < 61; ++day) {
      const int weekday = (2 + day) % 7;  // 0 = Sunday
      if (weekday == 0 || weekday == 6) continue;
      const std::string date = day < 30 ? "2026-09-" + two(day + 1) : "2026-10-" + two(day - 29);
      for (int u = 0; u < 20; ++u) {
        for (int k = 0; k < 3; ++k) {
          call(u, date, 9 + static_cast<int>(next() % 8), static_cast<int>(next() % 60), 30 + next() % 570,
               "+1425555" + std::to_string(1000 + next() % 9000), "US", 0);
        }
        const std::int64_t seconds = 60 + next() % 540;
        call(u, date, 9 + static_cast<int>(next() % 8), static_cast<int>(next() % 60), seconds,
             "+44207946" + std::to_string(1000 + next() % 9000), "GB", uk_charge(seconds));
      }
    }
  }
};

json import(const std::string& text) {
  UsageImporter importer(static_cast<const RateCard*>(nullptr));
  importer.feed(text);
  return importer.finish();
}

std::set<std::string> kinds(const json& r) {
  std::set<std::string> out;
  for (const json& f : r["flags"]) out.insert(f["kind"].get<std::string>());
  return out;
}

json only_flag(const json& r, const std::string& kind) {
  REQUIRE(kinds(r) == std::set<std::string>{kind});
  return r["flags"][0];
}

}  // namespace

TEST_CASE("insights: an ordinary generated report raises no flag", "[usage][flags]") {
  const json r = import(Tenant().text);
  CHECK(r["rows_used"] == 4 * 20 * 44);
  CHECK(r["flags"] == json::array());
  CHECK(r["flag_settings"]["off_hours_calls_per_day"] == 10);
}

TEST_CASE("insights: chargeback by unit adds up to the known totals, split exactly", "[usage][chargeback]") {
  Tenant t;
  const json r = import(t.text);
  const json& units = r["chargeback"]["by_unit"];
  REQUIRE(units.size() == 4);
  std::int64_t sum = 0;
  for (const json& u : units) {
    const std::string name = u["unit"];
    INFO(name);
    CHECK(u["spend"] == Money::from_micros(t.unit_spend.at(name)).to_string(2));
    CHECK(u["minutes"] == minutes_json(Minutes::from_seconds(t.unit_seconds.at(name))));
    sum += t.unit_spend.at(name);
  }
  CHECK(sum == t.total_spend);
  CHECK(units[0]["unit"] == "Sales");  // 10 users: the largest spend
  CHECK(r["chargeback"]["by_user"].size() == 20);
  CHECK(r["chargeback"]["by_destination"][0]["country"] == "GB");
  CHECK(r["chargeback"]["by_destination"][0]["spend"] == Money::from_micros(t.total_spend).to_string(2));
  CHECK(r["chargeback"]["by_location"][0]["country"] == "US");
}

TEST_CASE("insights: a call listing several units is split with the remainder to the first units", "[usage][chargeback]") {
  CHECK(split_administrative_units("\"Sales, EMEA\";Ops") == std::vector<std::string>{"Sales, EMEA", "Ops"});
  CHECK(split_administrative_units(" A , B;A ;; ") == std::vector<std::string>{"A", "B"});
  CHECK(split_administrative_units("  ").empty());
  // 0.10 among three units: 33334 + 33333 + 33333 micros.
  const std::string text = std::string(kHeader) +
                           "1,1,,US,o,a@x.com,A,+1,user_out,Outbound,user_geographic,International,,+442079460000,GB,"
                           "2026-10-05T10:00:00Z,2026-10-05T10:01:00Z,7,0,0.1,USD,MCOPSTNPP,Microsoft,Microsoft,"
                           "\"B;A;C\"\r\n";
  const json r = import(text);
  const json& units = r["chargeback"]["by_unit"];
  REQUIRE(units.size() == 3);
  CHECK(units[0]["unit"] == "B");  // listed first: gets the extra millionth and second
  CHECK(units[0]["minutes"] == minutes_json(Minutes::from_seconds(3)));
  CHECK(units[1]["minutes"] == minutes_json(Minutes::from_seconds(2)));
  CHECK(units[0]["calls"] == 1);
  CHECK(units[1]["calls"] == 1);
}

TEST_CASE("insights: a user whose calls list different units is charged to each call's own units", "[usage][chargeback]") {
  // The chargeback remembers each user's last units field: a field that changes from one call to the next must
  // still be read, and one seen before must find its units again.
  std::string text = kHeader;
  const char* const fields[] = {"A", "B", "A;B", "", "A", "B", "B;A"};
  for (int i = 0; i < 7; ++i) {
    text += std::to_string(i) + "," + std::to_string(i) + ",,US,o,a@x.com,A,+1,user_out,Outbound,user_geographic," +
            "International,,+442079460000,GB,2026-10-05T10:0" + std::to_string(i) + ":00Z,2026-10-05T10:09:00Z," +
            "60,0,1,USD,MCOPSTNPP,Microsoft,Microsoft," + fields[i] + "\r\n";
  }
  const json r = import(text);
  std::map<std::string, std::pair<std::string, std::int64_t>> units;
  for (const json& u : r["chargeback"]["by_unit"]) units[u["unit"]] = {u["spend"], u["calls"]};
  // A and B: 1 alone, 0.5 in "A;B", 1 alone again, 0.5 in "B;A"; no unit: the call without a field.
  CHECK(units == std::map<std::string, std::pair<std::string, std::int64_t>>{
                     {"A", {"3.00", 4}}, {"B", {"3.00", 4}}, {"no unit", {"1.00", 1}}});
}

TEST_CASE("insights: each injected anomaly is flagged with its account and calls", "[usage][flags]") {
  SECTION("a burst of calls at night on a Saturday") {
    Tenant t;
    for (int i = 0; i < 12; ++i) t.call(3, "2026-10-10", 2, i * 4, 120, "+4420794600" + two(i), "GB", Tenant::uk_charge(120));
    const json f = only_flag(import(t.text), "off_hours_burst");
    CHECK(f["account"] == "u03@contoso.com");
    CHECK(f["calls_total"] == 12);
    // The calls from the one that reached the threshold (the 10th of the night) on: the 10th, 11th and 12th.
    REQUIRE(f["calls"].size() == 3);
    CHECK(f["calls"][0]["time"] == "2026-10-10 02:36 UTC");
    CHECK(f["calls"][0]["number"] == "+442079460009");
    CHECK(f["calls"][0]["charge"] == "0.05");
    CHECK(f["calls"][2]["time"] == "2026-10-10 02:44 UTC");
    CHECK(f["figure"] == "12 calls in one day, costing USD 0.58");
    CHECK(f["see"][0]["url"] == "https://learn.microsoft.com/en-us/microsoftteams/outbound-calling-restriction-policies");
    CHECK(f["why"].get<std::string>().find("12 outbound calls on 2026-10-10") != std::string::npos);
  }
  SECTION("a burst listed latest first: the calls read from the threshold on are the earliest of the night") {
    Tenant t;
    for (int i = 13; i >= 0; --i) t.call(3, "2026-10-10", 2, i * 4, 120, "+4420794600" + two(i), "GB", Tenant::uk_charge(120));
    const json f = only_flag(import(t.text), "off_hours_burst");
    CHECK(f["calls_total"] == 14);
    REQUIRE(f["calls"].size() == 5);
    for (int i = 0; i < 5; ++i) CHECK(f["calls"][i]["time"] == "2026-10-10 02:" + two(i * 4) + " UTC");
  }
  SECTION("off-hours user-days below the threshold raise nothing and keep no calls") {
    Tenant t;
    for (int u = 0; u < 5; ++u) {
      for (int i = 0; i < 9; ++i) t.call(u, "2026-10-10", 3, i * 5, 60, "+4420794601" + two(i), "GB", 0);
    }
    const json r = import(t.text);
    for (const json& f : r["flags"]) CHECK(f["kind"] != "off_hours_burst");
  }
  SECTION("a call to a satellite number") {
    Tenant t;
    t.call(4, "2026-10-07", 11, 0, 60, "+881612345678", "", 0);
    const json f = only_flag(import(t.text), "premium_destination");
    CHECK(f["account"] == "u04@contoso.com");
    CHECK(f["calls"][0]["number"] == "+881612345678");
    CHECK(f["calls"][0]["time"] == "2026-10-07 11:00 UTC");
  }
  SECTION("a rate per minute above the threshold") {
    Tenant t;
    t.call(4, "2026-10-07", 11, 0, 60, "+447000000000", "GB", 2500000);  // 2.50 for one minute
    const json f = only_flag(import(t.text), "premium_destination");
    CHECK(f["account"] == "u04@contoso.com");
    CHECK(f["figure"].get<std::string>().find("up to USD 2.50 a minute") != std::string::npos);
  }
  SECTION("a user spending far above their peers") {
    Tenant t;
    for (int d = 1; d <= 20; ++d) {
      t.call(5, "2026-10-" + two(d), 10, 0, 6000, "+44207946" + std::to_string(5000 + d), "GB", Tenant::uk_charge(6000));
    }
    const json r = import(t.text);
    const json f = only_flag(r, "user_spend");
    CHECK(f["account"] == "u05@contoso.com");
    CHECK(f["calls"][0]["charge"] == "2.40");  // the costliest first
    CHECK(f["calls"].size() == 5);
  }
  SECTION("a destination country first called late in the period") {
    Tenant t;
    t.call(6, "2026-10-20", 14, 30, 300, "+81312345678", "JP", 500000);
    t.call(6, "2026-10-21", 14, 30, 300, "+81312345679", "JP", 500000);
    const json f = only_flag(import(t.text), "new_destination_country");
    CHECK(f["account"] == "u06@contoso.com");
    CHECK(f["calls_total"] == 2);
    CHECK(f["calls"][0]["time"] == "2026-10-20 14:30 UTC");
    CHECK(f["figure"] == "2 calls to JP, costing USD 1.00");
  }
  SECTION("a very long call") {
    Tenant t;
    t.call(7, "2026-10-08", 10, 0, 4 * 3600, "+14255550123", "US", 0);
    const json f = only_flag(import(t.text), "long_call");
    CHECK(f["account"] == "u07@contoso.com");
    CHECK(f["calls"][0]["minutes"] == 240);
  }
  SECTION("many short calls to one number in a day") {
    Tenant t;
    for (int i = 0; i < 20; ++i) t.call(8, "2026-10-09", 11, i, 5, "+14255550199", "US", 0);
    const json f = only_flag(import(t.text), "short_calls_to_one_number");
    CHECK(f["account"] == "u08@contoso.com");
    CHECK(f["calls_total"] == 20);
    CHECK(f["calls"][0]["number"] == "+14255550199");
  }
  SECTION("a day far above the usual day") {
    Tenant t;
    for (int u = 0; u < 10; ++u) {
      for (int k = 0; k < 2; ++k) t.call(u, "2026-10-14", 10 + k, u, 600, "+4420794699" + two(u), "GB", 5000000);
    }
    const json f = only_flag(import(t.text), "day_spend");
    CHECK(f["account"].is_null());
    CHECK(f["calls"].size() == 5);
    CHECK(f["calls"][0]["charge"] == "5.00");
    CHECK(f["why"].get<std::string>().find("2026-10-14") != std::string::npos);
  }
}

TEST_CASE("insights: thresholds are settings", "[usage][flags]") {
  Tenant t;
  t.call(7, "2026-10-08", 10, 0, 2 * 3600, "+14255550123", "US", 0);
  CHECK(import(t.text)["flags"] == json::array());  // 120 minutes: under the default 180
  UsageImportSettings settings;
  read_usage_flag_settings(R"({"long_call_minutes": 90})", settings.flags, "flags.json");
  UsageImporter importer(static_cast<const RateCard*>(nullptr), settings);
  importer.feed(t.text);
  const json r = importer.finish();
  CHECK(kinds(r) == std::set<std::string>{"long_call"});
  CHECK(r["flag_settings"]["long_call_minutes"] == 90);
  CHECK_THROWS_AS(read_usage_flag_settings(R"({"long_call_minute": 90})", settings.flags, "f"), InputError);
  CHECK_THROWS_AS(read_usage_flag_settings(R"({"user_spend_minimum": 5})", settings.flags, "f"), InputError);
  CHECK_THROWS_AS(read_usage_flag_settings("{", settings.flags, "f"), InputError);
}

TEST_CASE("insights: monthly trend and a 12-month forecast with a range", "[usage][trend]") {
  Tenant t;
  const json r = import(t.text);
  const json& trend = r["trend"];
  REQUIRE(trend["months"].size() == 2);
  CHECK(trend["months"][0]["month"] == "2026-09");
  CHECK(trend["months"][0]["spend"] == Money::from_micros(t.month_spend.at("2026-09")).to_string(2));
  CHECK(trend["months"][1]["spend"] == Money::from_micros(t.month_spend.at("2026-10")).to_string(2));
  CHECK(trend["months"][1]["complete"] == false);  // the last call is on 2026-10-30, a Friday
  const json& months = trend["forecast"]["months"];
  REQUIRE(months.size() == 12);
  CHECK(months[0]["month"] == "2026-11");
  CHECK(months[11]["month"] == "2027-10");
  for (const json& m : months) {
    const Money spend = Money::parse(m["spend"].get<std::string>());
    CHECK(Money::parse(m["low"].get<std::string>()) <= spend);
    CHECK(spend <= Money::parse(m["high"].get<std::string>()));
    CHECK(spend.micros() > 0);
  }
  // No weekend calls in the report: the shape gives weekends nothing.
  CHECK(trend["forecast"]["weekday_shape"]["saturday"] == "0.000");
  // A flat tenant: each forecast month is within a tenth of the observed September's spend per working day.
  const double sept = static_cast<double>(t.month_spend.at("2026-09")) / 22;  // 22 working days
  const double nov = static_cast<double>(Money::parse(months[0]["spend"].get<std::string>()).micros()) / 21;  // 21 in 2026-11
  CHECK(nov > sept * 0.9);
  CHECK(nov < sept * 1.1);
}

TEST_CASE("insights: the forecast's exact months give the planner the forecast's total", "[usage][trend]") {
  // The page hands the planner each month's spend_exact: its 12 months then add up to the total the insights show,
  // the exact sum rounded once, not the sum of 12 rounded months.
  Tenant t;
  const json r = import(t.text);
  const json& forecast = r["trend"]["forecast"];
  PlannerInput in;
  in.monthly_spend = Money::parse(r["trend"]["months"][0]["spend"].get<std::string>());
  in.minimum_purchase = Money::parse("50");
  Money exact, rounded;
  for (const json& m : forecast["months"]) {
    const Money month = Money::parse(m["spend_exact"].get<std::string>());
    CHECK(month.to_string(2) == m["spend"].get<std::string>());
    exact += month;
    rounded += Money::parse(m["spend"].get<std::string>());
    in.monthly_forecast.push_back(month);
  }
  CHECK(exact.to_string(2) == forecast["total"].get<std::string>());
  const FundingPlan plan = plan_funding(in);
  CHECK(plan.horizon_spend == exact);
  CHECK(plan.horizon_spend.to_string(2) == forecast["total"].get<std::string>());
  CHECK_THAT(plan.explanation[0], Catch::EndsWith("add up to " + money_in_words(exact) + " USD."));
  INFO("the sum of the rounded months: " << rounded.to_exact_string());
}

TEST_CASE("insights: the pooled earliest calls keep what a CallList keeps, ties in arrival order", "[usage][flags]") {
  // Many groups fed interleaved calls in a scrambled order with repeated minutes: each pooled list must equal a
  // CallList(earliest) fed the same calls.
  EarliestCalls pool;
  std::vector<EarliestCalls::Head> heads(7);
  std::vector<CallList> lists(7, CallList(CallList::Keep::earliest));
  std::uint32_t state = 12345;
  auto next = [&] { return state = state * 1103515245u + 12345u, static_cast<int>((state >> 16) % 1000); };
  for (int i = 0; i < 2000; ++i) {
    const std::size_t g = static_cast<std::size_t>(next() % 7);
    const int day = 20000 + next() % 3, minute = next() % 4;
    const CallSample call(day, minute, i, Money::from_micros(i), nullptr, "+44" + std::to_string(i));
    pool.add(heads[g], call);
    lists[g].add(call);
    REQUIRE(pool.wants(heads[g], day, minute) == lists[g].wants(day, minute, Money()));
  }
  for (std::size_t g = 0; g < heads.size(); ++g) REQUIRE(pool.to_json(heads[g]) == lists[g].to_json());
}
