// Audio Conferencing pools, pay-per-minute and toll-free (core/DOMAIN.md §2, §4), expectations computed by hand.
#include <catch2/catch.hpp>

#include "ccredits/error.hpp"
#include "estimate_support.hpp"

using namespace ccredits;
using namespace estimate_test;

TEST_CASE("Zone A dial-out uses 60 minutes per standard licence; the overage is pro rata", "[estimate][conf]") {
  // 10 x 60 = 600; FR 500 + GB 300 = 800; 200 over = 1/4: FR 125 x 0.05 = 6.25; GB 75 x 0.04 = 3.00 -> 9.25
  const Estimate e = run(R"({"conferencing": {"standard": 10},
    "usage": [{"kind": "conf_out", "to": "FR", "minutes": 500}, {"kind": "conf_out", "to": "GB", "minutes": 300}]})");
  const PoolReport& p = pool(e, "conference_dial_out A");
  CHECK(p.included == Minutes::whole(600));
  CHECK(p.overage == Minutes::whole(200));
  REQUIRE(e.lines.size() == 2);
  CHECK(e.lines[0].minutes == Minutes::whole(125));
  CHECK(e.lines[0].sheet == Sheet::dial_out_audio);
  CHECK(e.lines[1].minutes == Minutes::whole(75));
  CHECK(use_case(e, "conference_dial_out") == "9.25");
  CHECK(total(e) == "9.25");
}

TEST_CASE("US/CA dial-out uses the USA/CAN pool first, then the Zone A pool", "[estimate][conf]") {
  // US+CA pool 5 x 60 = 300: US 500 + CA 100 = 600 -> 300 over, half left: US 250, CA 50.
  // Zone A pool 10 x 60 = 600: FR 400 + US 250 + CA 50 = 700 -> 100 over = 1/7:
  // FR 57.142857 x 0.05 = 2.857143; US 35.714286 x 0.03 = 1.071429; CA 7.142857 x 0.032 = 0.228571
  // exact 4.157143 -> 4.16
  const Estimate e = run(R"({"conferencing": {"standard": 10, "us_ca_dial_out": 5},
    "usage": [{"kind": "conf_out", "to": "US", "minutes": 500}, {"kind": "conf_out", "to": "CA", "minutes": 100},
              {"kind": "conf_out", "to": "FR", "minutes": 400}]})");
  const PoolReport& us_ca = pool(e, "conference_dial_out US+CA");
  CHECK(us_ca.included == Minutes::whole(300));
  CHECK(us_ca.used == Minutes::whole(600));
  CHECK(us_ca.overage == Minutes::whole(300));
  const PoolReport& a = pool(e, "conference_dial_out A");
  CHECK(a.used == Minutes::whole(700));
  CHECK(a.overage == Minutes::whole(100));
  REQUIRE(e.lines.size() == 3);
  CHECK(e.lines[0].country == "US");
  CHECK(e.lines[0].amount == Money::parse("1.071429"));
  CHECK(e.lines[1].amount == Money::parse("0.228571"));
  CHECK(e.lines[2].amount == Money::parse("2.857143"));
  CHECK(e.monthly_total == Money::parse("4.157143"));
  CHECK(total(e) == "4.16");
}

TEST_CASE("The pool basis setting picks assigned or purchased licences", "[estimate][conf]") {
  // purchased 20 -> 1,200 minutes: 1,000 to FR inside; assigned 10 -> 600: 400 over x 0.05 = 20.00
  const char* usage = R"("usage": [{"kind": "conf_out", "to": "FR", "minutes": 1000}])";
  const Estimate assigned = run(std::string(R"({"conferencing": {"standard": {"assigned": 10, "purchased": 20}},)") + usage + "}");
  const Estimate purchased = run(std::string(R"({"conferencing": {"standard": {"assigned": 10, "purchased": 20}},
    "settings": {"dial_out_pool_basis": "purchased"},)") + usage + "}");
  CHECK(total(assigned) == "20.00");
  CHECK(total(purchased) == "0.00");
}

TEST_CASE("Non-Zone-A and premium dial-out are always billed", "[estimate][conf]") {
  // ZW: 300 x 0.35 + 10 calls x 0.10 = 106.00; FR premium 10 x 1.00 = 10.00; the 6,000-minute pool stays unused.
  const Estimate e = run(R"({"conferencing": {"standard": 100},
    "usage": [{"kind": "conf_out", "to": "ZW", "minutes": 300, "calls": 10},
              {"kind": "conf_out", "to": "FR", "number_type": "premium", "minutes": 10}]})");
  CHECK(pool(e, "conference_dial_out A").used.is_zero());
  REQUIRE(e.lines.size() == 2);
  CHECK(e.lines[0].amount == Money::parse("106"));
  CHECK(e.lines[1].destination == "France-Premium");
  CHECK(total(e) == "116.00");
}

TEST_CASE("Pay-per-minute conferencing bills dial-out and toll dial-in; toll-free is toll-free", "[estimate][conf]") {
  // FR dial-out 100 x 0.05 = 5.00 and US toll dial-in 1000 x 0.01 = 10.00 -> 15.00 pay-per-minute;
  // US toll-free 200 x 0.025 = 5.00 -> total 20.00
  const Estimate e = run(R"({"conferencing": {"pay_per_minute": 5},
    "usage": [{"kind": "conf_out", "to": "FR", "minutes": 100}, {"kind": "toll_in", "country": "US", "minutes": 1000},
              {"kind": "toll_free_in", "country": "US", "service": "conferencing", "minutes": 200}]})");
  CHECK(use_case(e, "pay_per_minute_conferencing") == "15.00");
  CHECK(use_case(e, "toll_free") == "5.00");
  CHECK(total(e) == "20.00");
}

TEST_CASE("Toll dial-in is free on standard licences and shared by licences when mixed", "[estimate][conf]") {
  const Estimate standard = run(R"({"conferencing": {"standard": 10},
    "usage": [{"kind": "toll_in", "country": "US", "minutes": 1000}]})");
  CHECK(standard.lines.empty());
  // 15 standard + 5 pay-per-minute: a quarter of 1,000 = 250 x 0.01 = 2.50
  const Estimate mixed = run(R"({"conferencing": {"standard": 15, "pay_per_minute": 5},
    "usage": [{"kind": "toll_in", "country": "US", "minutes": 1000}]})");
  CHECK(total(mixed) == "2.50");
}

TEST_CASE("Toll-free minutes are all billed at the toll-free rate of the number's country", "[estimate][toll_free]") {
  // US 5,000 x 0.025 = 125.00; GB 1,000 x 0.06 = 60.00 -> 185.00
  const Estimate e = run(R"({"usage": [
    {"kind": "toll_free_in", "country": "US", "service": "auto_attendant", "minutes": 5000},
    {"kind": "toll_free_in", "country": "GB", "service": "call_queue", "minutes": 1000}]})");
  REQUIRE(e.lines.size() == 2);
  CHECK(e.lines[0].service == "auto_attendant");
  CHECK(e.lines[0].sheet == Sheet::toll_free_in);
  CHECK(use_case(e, "toll_free") == "185.00");
}

TEST_CASE("A missing rate is an error naming the destination and the sheet", "[estimate][errors]") {
  try {
    run(R"({"usage": [{"kind": "conf_out", "to": "JP", "minutes": 10}]})");
    FAIL("estimated without a rate");
  } catch (const InputError& e) {
    CHECK(e.code() == "missing_rate");
    CHECK_THAT(e.what(), Catch::Contains("JP") && Catch::Contains("Dial-out Audio Rates") &&
                             Catch::Contains("row 1 of the usage") && !Catch::Contains("dial_out_audio"));
    CHECK(e.path() == "usage[0]");
  }
}

TEST_CASE("Rounding: sub-cent amounts are rounded once, on the exact total", "[estimate][rounding]") {
  SECTION("Three lines of 0.0049 show 0.00 each but total 0.0147 -> 0.01") {
    const Estimate e = run(R"({"licenses": [{"country": "US", "plan": "payg", "users": 1}],
      "usage": [{"kind": "user_out", "from": "US", "to": "MX", "minutes": 1},
                {"kind": "user_out", "from": "US", "to": "MX", "minutes": 1},
                {"kind": "user_out", "from": "US", "to": "MX", "minutes": 1}]})");
    REQUIRE(e.lines.size() == 3);
    CHECK(e.lines[0].amount.to_string(2) == "0.00");
    CHECK(e.monthly_total == Money::parse("0.0147"));
    CHECK(total(e) == "0.01");
  }
  SECTION("Half a cent rounds up") {
    // FR toll dial-in 2 min x 0.0025 = 0.005 -> 0.01
    const Estimate e = run(R"({"conferencing": {"pay_per_minute": 1},
      "usage": [{"kind": "toll_in", "country": "FR", "minutes": 2}]})");
    CHECK(e.monthly_total == Money::parse("0.005"));
    CHECK(total(e) == "0.01");
  }
  SECTION("Two lines of 0.0025 each show 0.00 but total 0.005 -> 0.01") {
    const Estimate e = run(R"({"conferencing": {"pay_per_minute": 1},
      "usage": [{"kind": "toll_in", "country": "FR", "minutes": 1}, {"kind": "toll_in", "country": "FR", "minutes": 1}]})");
    CHECK(e.lines[0].amount.to_string(2) == "0.00");
    CHECK(e.lines[1].amount.to_string(2) == "0.00");
    CHECK(total(e) == "0.01");
  }
  SECTION("A fraction of a minute") {
    // 0.1 min x 0.0049 = 0.00049 exactly
    const Estimate e = run(R"({"licenses": [{"country": "US", "plan": "payg", "users": 1}],
      "usage": [{"kind": "user_out", "from": "US", "to": "MX", "minutes": "0.1"}]})");
    CHECK(e.monthly_total == Money::parse("0.00049"));
    CHECK(total(e) == "0.00");
  }
}

TEST_CASE("The scenario's currency must match the rate card", "[estimate][errors]") {
  CHECK_THROWS_WITH(run(R"({"currency": "EUR", "usage": []})"), Catch::Contains("EUR"));
  CHECK(total(run(R"({"currency": "usd", "usage": []})")) == "0.00");
}

TEST_CASE("Minutes of any number type to a country priced per type say which types to choose", "[estimate][errors]") {
  // The test card prices FR only as wireline and wireless; "all" never falls back to one of them (core/CONTRACT.md).
  try {
    run(R"({"usage": [{"kind": "user_out", "from": "US", "to": "FR", "number_type": "all", "minutes": 10}]})");
    FAIL("estimated without an FR all rate");
  } catch (const InputError& e) {
    CHECK(e.code() == "missing_rate");
    CHECK_THAT(e.what(), Catch::Contains("FR (all)") && Catch::Contains("per number type (wireline, wireless)"));
  }
  // A type the card has is priced: 10 x 0.0890 = 0.89.
  const Estimate e = run(R"({"usage": [{"kind": "user_out", "from": "US", "to": "FR", "number_type": "wireless", "minutes": 10}]})");
  CHECK(total(e) == "0.89");
}

TEST_CASE("Premium dial-out to the US and Canada is billed and leaves the USA/CAN pool to other rows", "[estimate][conf]") {
  // Both dial-out pools cover non-premium numbers only (core/DOMAIN.md §4). USA/CAN pool 1 x 60 = 60 minutes:
  // CA premium 100 x 0.032 (CA's `all` row) = 3.20 billed; the 60 non-premium US minutes fit the pool exactly.
  const Estimate e = run(R"({"conferencing": {"us_ca_dial_out": 1, "standard": 1},
    "usage": [{"kind": "conf_out", "to": "CA", "number_type": "premium", "minutes": 100},
              {"kind": "conf_out", "to": "US", "minutes": 60}]})");
  const PoolReport& us_ca = pool(e, "conference_dial_out US+CA");
  CHECK(us_ca.used == Minutes::whole(60));
  CHECK(us_ca.overage.is_zero());
  CHECK(pool(e, "conference_dial_out A").used.is_zero());
  REQUIRE(e.lines.size() == 1);
  CHECK(e.lines[0].country == "CA");
  CHECK(e.lines[0].minutes == Minutes::whole(100));
  CHECK(e.lines[0].pool.empty());
  CHECK(total(e) == "3.20");
}
