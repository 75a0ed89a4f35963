// Calling Plan pools (core/DOMAIN.md §3, core/CONTRACT.md "Estimate"), expectations computed by hand in the comments.
#include <algorithm>
#include <catch2/catch.hpp>

#include "estimate_support.hpp"

using namespace ccredits;
using namespace estimate_test;

TEST_CASE("100 US Domestic users share 300,000 minutes; overage billed at the US rate", "[estimate][pools]") {
  // 100 x 3000 = 300,000 included; 320,000 used -> 20,000 over x 0.0190 = 380.00
  const Estimate e = run(R"({"licenses": [{"country": "US", "plan": "domestic", "users": 100}],
    "usage": [{"kind": "user_out", "from": "US", "to": "US", "minutes": 320000}]})");
  const PoolReport& p = pool(e, "calling_plan US domestic");
  CHECK(p.included == Minutes::whole(300000));
  CHECK(p.used == Minutes::whole(320000));
  CHECK(p.overage == Minutes::whole(20000));
  REQUIRE(e.lines.size() == 1);
  CHECK(e.lines[0].minutes == Minutes::whole(20000));
  CHECK(e.lines[0].use_case == "calling_plan_overage");
  CHECK(e.lines[0].amount == Money::parse("380"));
  CHECK(total(e) == "380.00");
  CHECK(use_case(e, "calling_plan_overage") == "380.00");
}

TEST_CASE("Usage inside the pool bills nothing", "[estimate][pools]") {
  const Estimate e = run(R"({"licenses": [{"country": "US", "plan": "domestic", "users": 100}],
    "usage": [{"kind": "user_out", "from": "US", "to": "US", "minutes": 250000}]})");
  CHECK(e.lines.empty());
  CHECK(pool(e, "calling_plan US domestic").overage.is_zero());
  CHECK(total(e) == "0.00");
}

TEST_CASE("US, PR and CA are one domestic area for US users; the overage is pro rata", "[estimate][pools]") {
  // 10 x 3000 = 30,000 included; 20,000 US + 10,000 CA + 6,000 PR = 36,000 used; 6,000 over = 1/6 of each line.
  // US 3333.333333 x 0.019 = 63.333333; CA 1666.666667 x 0.020 = 33.333333; PR 1000 x 0.021 = 21.00
  // exact sum 117.666666 -> 117.67
  const Estimate e = run(R"({"licenses": [{"country": "US", "plan": "domestic", "users": 10}],
    "usage": [{"kind": "user_out", "from": "US", "to": "US", "minutes": 20000},
              {"kind": "user_out", "from": "US", "to": "CA", "minutes": 10000},
              {"kind": "user_out", "from": "US", "to": "PR", "minutes": 6000}]})");
  CHECK(pool(e, "calling_plan US domestic").overage == Minutes::whole(6000));
  REQUIRE(e.lines.size() == 3);
  CHECK(e.lines[0].minutes == Minutes::parse("3333.333333"));
  CHECK(e.lines[0].amount == Money::parse("63.333333"));
  CHECK(e.lines[1].minutes == Minutes::parse("1666.666667"));
  CHECK(e.lines[1].amount == Money::parse("33.333333"));
  CHECK(e.lines[2].amount == Money::parse("21"));
  CHECK(e.monthly_total == Money::parse("117.666666"));
  CHECK(total(e) == "117.67");
}

TEST_CASE("Canadian users call the US inside their own pool", "[estimate][pools]") {
  // CA: 5 x 3000 = 15,000; 16,000 to the US -> 1,000 over x 0.019 = 19.00. The CA pool is not the US pool.
  const Estimate e = run(R"({"licenses": [{"country": "CA", "plan": "domestic", "users": 5},
                                          {"country": "US", "plan": "domestic", "users": 100}],
    "usage": [{"kind": "user_out", "from": "CA", "to": "US", "minutes": 16000}]})");
  CHECK(pool(e, "calling_plan CA domestic").overage == Minutes::whole(1000));
  CHECK(pool(e, "calling_plan US domestic").used.is_zero());
  CHECK(total(e) == "19.00");
}

TEST_CASE("International minutes on a Domestic plan are all billed", "[estimate][pools]") {
  // 1,000 min to a French landline x 0.024 = 24.00 although the US pool is unused.
  const Estimate e = run(R"({"licenses": [{"country": "US", "plan": "domestic", "users": 100}],
    "usage": [{"kind": "user_out", "from": "US", "to": "FR", "number_type": "wireline", "minutes": 1000}]})");
  REQUIRE(e.lines.size() == 1);
  CHECK(e.lines[0].pool.empty());
  CHECK(e.lines[0].use_case == "calling_plan_overage");
  CHECK(total(e) == "24.00");
  CHECK(pool(e, "calling_plan US domestic").used.is_zero());
}

TEST_CASE("Domestic+International: an international minute weighs allowance / 600", "[estimate][pools]") {
  SECTION("UK at the default 3000 minutes: weight 5") {
    // 10 x 3000 = 30,000; 20,000 GB + 4,000 FR x 5 = 40,000 weighted; 10,000 over = 1/4 of every line.
    // GB 5,000 x 0.022 = 110.00; FR 1,000 x 0.024 = 24.00 -> 134.00
    const Estimate e = run(R"({"licenses": [{"country": "GB", "plan": "domestic_international", "users": 10}],
      "usage": [{"kind": "user_out", "from": "GB", "to": "GB", "minutes": 20000},
                {"kind": "user_out", "from": "GB", "to": "FR", "number_type": "wireline", "minutes": 4000}]})");
    const PoolReport& p = pool(e, "calling_plan GB domestic_international");
    CHECK(p.included == Minutes::whole(30000));
    CHECK(p.international_weight == Minutes::whole(5));
    CHECK(p.used == Minutes::whole(40000));
    REQUIRE(e.lines.size() == 2);
    CHECK(e.lines[0].minutes == Minutes::whole(5000));
    CHECK(e.lines[1].minutes == Minutes::whole(1000));
    CHECK(total(e) == "134.00");
  }
  SECTION("UK at 1200 minutes (setting): weight 2") {
    // 10 x 1200 = 12,000; 20,000 + 4,000 x 2 = 28,000; 16,000 over = 4/7 of every line.
    // GB 11428.571429 x 0.022 = 251.428571; FR 2285.714286 x 0.024 = 54.857143 -> 306.285714 -> 306.29
    const Estimate e = run(R"({"licenses": [{"country": "GB", "plan": "domestic_international", "users": 10}],
      "settings": {"uk_domestic_minutes": 1200},
      "usage": [{"kind": "user_out", "from": "GB", "to": "GB", "minutes": 20000},
                {"kind": "user_out", "from": "GB", "to": "FR", "number_type": "wireline", "minutes": 4000}]})");
    CHECK(pool(e, "calling_plan GB domestic_international").international_weight == Minutes::whole(2));
    CHECK(e.lines[0].amount == Money::parse("251.428571"));
    CHECK(e.lines[1].amount == Money::parse("54.857143"));
    CHECK(total(e) == "306.29");
    CHECK(e.settings.values.uk_domestic_minutes == 1200);
    REQUIRE(e.settings.uk_domestic_minutes);
    CHECK(e.settings.uk_domestic_minutes->allowed.front() == "3000");
  }
  SECTION("Elsewhere 1200 minutes: Germany, weight 2, under the allowance") {
    // 1 x 1200; 500 DE + 300 JP x 2 = 1,100 weighted -> nothing billed
    const Estimate e = run(R"({"licenses": [{"country": "DE", "plan": "domestic_international", "users": 1}],
      "usage": [{"kind": "user_out", "from": "DE", "to": "DE", "minutes": 500},
                {"kind": "user_out", "from": "DE", "to": "JP", "minutes": 300}]})");
    CHECK(pool(e, "calling_plan DE domestic_international").used == Minutes::whole(1100));
    CHECK(total(e) == "0.00");
  }
}

TEST_CASE("Usage from a country with two plans is shared in proportion to users", "[estimate][pools]") {
  SECTION("Domestic and Pay-As-You-Go") {
    // 30 Domestic + 10 PAYG: 100,000 -> 75,000 to the 90,000 pool (nothing billed), 25,000 PAYG x 0.019 = 475.00
    const Estimate e = run(R"({"licenses": [{"country": "US", "plan": "domestic", "users": 30},
                                            {"country": "US", "plan": "payg", "users": 10}],
      "usage": [{"kind": "user_out", "from": "US", "to": "US", "minutes": 100000}]})");
    CHECK(pool(e, "calling_plan US domestic").used == Minutes::whole(75000));
    REQUIRE(e.lines.size() == 1);
    CHECK(e.lines[0].use_case == "payg_outbound");
    CHECK(e.lines[0].minutes == Minutes::whole(25000));
    CHECK(use_case(e, "payg_outbound") == "475.00");
    CHECK(total(e) == "475.00");
  }
  SECTION("Domestic and Domestic 240 in France, each its own pool") {
    // 3 Domestic (3,600) + 1 Domestic 240 (240): 8,000 -> 6,000 and 2,000.
    // 2,400 over x 0.024 = 57.60; 1,760 over x 0.024 = 42.24 -> 99.84
    const Estimate e = run(R"({"licenses": [{"country": "FR", "plan": "domestic", "users": 3},
                                            {"country": "FR", "plan": "domestic_240", "users": 1}],
      "usage": [{"kind": "user_out", "from": "FR", "to": "FR", "number_type": "wireline", "minutes": 8000}]})");
    CHECK(pool(e, "calling_plan FR domestic").overage == Minutes::whole(2400));
    CHECK(pool(e, "calling_plan FR domestic_240").overage == Minutes::whole(1760));
    CHECK(total(e) == "99.84");
  }
  SECTION("Licences of one plan entered twice are one pool") {
    const Estimate e = run(R"({"licenses": [{"country": "US", "plan": "domestic", "users": 60},
                                            {"country": "US", "plan": "domestic", "users": 40}],
      "usage": [{"kind": "user_out", "from": "US", "to": "US", "minutes": 320000}]})");
    CHECK(pool(e, "calling_plan US domestic").included == Minutes::whole(300000));
    CHECK(total(e) == "380.00");
  }
}

TEST_CASE("Domestic 120 is a per-user allowance, counted as users x 120 with a warning", "[estimate][pools]") {
  // 10 x 120 = 1,200; 1,500 used -> 300 x 0.026 = 7.80 (the DE row has a connection charge but no calls)
  const Estimate e = run(R"({"licenses": [{"country": "DE", "plan": "domestic_120", "users": 10}],
    "usage": [{"kind": "user_out", "from": "DE", "to": "DE", "minutes": 1500}]})");
  const PoolReport& p = pool(e, "calling_plan DE domestic_120");
  CHECK_FALSE(p.pooled);
  CHECK(p.included == Minutes::whole(1200));
  CHECK(total(e) == "7.80");
  CHECK(has_warning(e, "not pooled"));
}

TEST_CASE("Pay-As-You-Go bills every minute, with connection charges per call", "[estimate][payg]") {
  // 100 x 0.026 + 40 calls x 0.05 = 2.60 + 2.00 = 4.60
  const Estimate e = run(R"({"licenses": [{"country": "DE", "plan": "payg", "users": 5}],
    "usage": [{"kind": "user_out", "from": "DE", "to": "DE", "minutes": 100, "calls": 40}]})");
  REQUIRE(e.lines.size() == 1);
  CHECK(e.lines[0].calls == Minutes::whole(40));
  CHECK(e.lines[0].amount == Money::parse("4.60"));
  CHECK(use_case(e, "payg_outbound") == "4.60");
}

TEST_CASE("Connection charges follow the billed share of a pooled row", "[estimate][pools]") {
  // DE Domestic 1 user: 1,200 included; 2,400 used -> half billed: 1,200 x 0.026 = 31.20 + 50 of 100 calls x 0.05
  // = 2.50 -> 33.70
  const Estimate e = run(R"({"licenses": [{"country": "DE", "plan": "domestic", "users": 1}],
    "usage": [{"kind": "user_out", "from": "DE", "to": "DE", "minutes": 2400, "calls": 100}]})");
  REQUIRE(e.lines.size() == 1);
  CHECK(e.lines[0].calls == Minutes::whole(50));
  CHECK(total(e) == "33.70");
}

TEST_CASE("Users without a calling plan: a warning, not a charge", "[estimate][warnings]") {
  const Estimate e = run(R"({"licenses": [{"country": "GB", "plan": "none", "users": 5}],
    "usage": [{"kind": "user_out", "from": "GB", "to": "GB", "minutes": 100}]})");
  CHECK(e.lines.empty());
  CHECK(total(e) == "0.00");
  CHECK(has_warning(e, "cannot place PSTN calls"));
}

TEST_CASE("Usage from a country without licences is billed in full as Pay-As-You-Go, with a warning",
          "[estimate][warnings]") {
  // 100 x 0.07 = 7.00
  const Estimate e = run(R"({"licenses": [{"country": "US", "plan": "domestic", "users": 1}],
    "usage": [{"kind": "user_out", "from": "JP", "to": "JP", "minutes": 100}]})");
  REQUIRE(e.lines.size() == 1);
  CHECK(e.lines[0].use_case == "payg_outbound");
  CHECK(total(e) == "7.00");
  CHECK(has_warning(e, "no licences are entered for users in JP"));
  CHECK(has_warning(e, "its 100 minutes are billed in full"));
  // An imported report's monthly minutes, exact to the millionth, are said to the hundredth.
  const Estimate imported = run(R"({"licenses": [{"country": "US", "plan": "domestic", "users": 1}],
    "usage": [{"kind": "user_out", "from": "JP", "to": "JP", "minutes": "44.224962"}]})");
  CHECK(has_warning(imported, "its 44.22 minutes are billed in full"));
}

TEST_CASE("Usage from a country without licences is one warning for the country, however many rows", "[estimate][warnings]") {
  const Estimate e = run(R"({"licenses": [{"country": "US", "plan": "domestic", "users": 1}],
    "usage": [{"kind": "user_out", "from": "JP", "to": "JP", "minutes": 100},
              {"kind": "user_out", "from": "US", "to": "US", "minutes": 10},
              {"kind": "user_out", "from": "JP", "to": "US", "minutes": "50.5"},
              {"kind": "user_out", "from": "JP", "to": "GB", "minutes": 20}]})");
  std::vector<std::string> about_jp;
  for (const std::string& w : e.warnings) {
    if (w.find("users in JP") != std::string::npos) about_jp.push_back(w);
  }
  REQUIRE(about_jp.size() == 1);
  CHECK(about_jp[0] == "The 3 usage rows from JP (the first is row 1 of the usage): no licences are entered for users in "
                       "JP; their 170.5 minutes are billed in full as Pay-As-You-Go. Add the licences of the users in JP to "
                       "count their included minutes.");
  // Each row is still billed on its own line.
  CHECK(std::count_if(e.lines.begin(), e.lines.end(), [](const auto& l) { return l.use_case == "payg_outbound"; }) == 3);
}

TEST_CASE("Plans not sold in a country are flagged", "[estimate][warnings]") {
  const Estimate e = run(R"({"licenses": [{"country": "US", "plan": "domestic_240", "users": 1}]})");
  CHECK(has_warning(e, "not sold in US"));
}
