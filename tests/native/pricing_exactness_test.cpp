// The shipped USD card on the cases an independent model of the rules disagreed on: premium dial-out and the
// dial-out pools, connection charges of rows without minutes, calls shared between plans with the exact fraction.
#include <catch2/catch.hpp>

#include "ccredits/error.hpp"
#include "estimate_support.hpp"

using namespace ccredits;
using namespace estimate_test;

namespace {

struct ShippedUsd {
  RateCard card = load_rate_card_json(read_source_file("rates/illustrative-usd.json"), "illustrative-usd.json");
  RateIndex index{card};
};

Estimate run_usd(const std::string& scenario) {
  static const ShippedUsd usd;
  const Plans& plans = fixture().plans;
  return compute_estimate(parse_scenario(scenario, "scenario.json", &plans), usd.index, plans);
}

}  // namespace

TEST_CASE("Premium meeting dial-out to Canada is billed in full, not taken from the USA/CAN pool", "[estimate][conf]") {
  // 100 x 0.0219 = 2.19 (core/DOMAIN.md §4: both dial-out pools cover non-premium numbers only).
  const Estimate e = run_usd(R"({"conferencing": {"us_ca_dial_out": 1}, "usage": [{"kind": "conf_out", "to": "CA",
    "number_type": "premium", "minutes": 100}]})");
  CHECK(total(e) == "2.19");
  CHECK(pool(e, "conference_dial_out US+CA").used.is_zero());
}

TEST_CASE("A row of calls without minutes, billed in full, pays its connection charges", "[estimate]") {
  // Pay-As-You-Go in DE to a Nigerian mobile: 45 calls x 0.01 = 0.45.
  const Estimate e = run_usd(R"({"licenses": [{"country": "DE", "plan": "payg", "users": 1}],
    "usage": [{"kind": "user_out", "from": "DE", "to": "NG", "number_type": "wireless", "minutes": 0, "calls": 45}]})");
  CHECK(total(e) == "0.45");
  REQUIRE(e.lines.size() == 1);
  CHECK(e.lines[0].minutes.is_zero());
  CHECK(e.lines[0].calls == Minutes::whole(45));
}

TEST_CASE("Calls without minutes in a pool pay connection charges only for the pool's overage", "[estimate]") {
  // Test card, DE 0.05 a call. Pool 1 x 1,200 DE minutes; 2,400 minutes to DE use it twice over: half is billed,
  // so half of the 100 calls of the row without minutes: 50 x 0.05 = 2.50, plus 1,200 x 0.026 = 31.20.
  const Estimate e = run(R"({"licenses": [{"country": "DE", "plan": "domestic", "users": 1}],
    "usage": [{"kind": "user_out", "from": "DE", "to": "DE", "minutes": 2400},
              {"kind": "user_out", "from": "DE", "to": "DE", "minutes": 0, "calls": 100}]})");
  CHECK(e.monthly_total == Money::parse("33.70"));
  const Estimate inside = run(R"({"licenses": [{"country": "DE", "plan": "domestic", "users": 1}],
    "usage": [{"kind": "user_out", "from": "DE", "to": "DE", "minutes": 0, "calls": 100}]})");
  CHECK(inside.monthly_total.is_zero());
  CHECK(inside.lines.empty());
}

TEST_CASE("Calls are shared between plans with the exact fraction of users, not with rounded minutes", "[estimate]") {
  // US: 1 Pay-As-You-Go user and 2 Domestic users; 3,000 calls to a Zimbabwean mobile at 0.01 a call: one third on
  // Pay-As-You-Go (10.00), two thirds billed as Domestic international overage (20.00). The 0.0001 minutes cost
  // less than a cent.
  const Estimate e = run_usd(R"({"licenses": [{"country": "US", "plan": "payg", "users": 1},
                                             {"country": "US", "plan": "domestic", "users": 2}],
    "usage": [{"kind": "user_out", "from": "US", "to": "ZW", "number_type": "wireless", "minutes": 0.0001,
               "calls": 3000}]})");
  CHECK(use_case(e, "payg_outbound") == "10.00");
  CHECK(use_case(e, "calling_plan_overage") == "20.00");
  REQUIRE(e.lines.size() == 2);
  CHECK(e.lines[0].calls + e.lines[1].calls == Minutes::whole(3000));
}

TEST_CASE("Calls of a row shared with pay-per-minute conferencing licences use the exact licence fraction",
          "[estimate][conf]") {
  // 1 standard licence and 2 pay-per-minute: ZW (outside Zone A, always billed), 0.0001 minutes, 3,000 calls at 0.10:
  // 1,000 calls on the pooled licence (100.00) and 2,000 pay-per-minute (200.00).
  const Estimate e = run(R"({"conferencing": {"standard": 1, "pay_per_minute": 2},
    "usage": [{"kind": "conf_out", "to": "ZW", "minutes": 0.0001, "calls": 3000}]})");
  CHECK(use_case(e, "conference_dial_out") == "100.00");
  CHECK(use_case(e, "pay_per_minute_conferencing") == "200.00");
}

TEST_CASE("Meeting dial-out without a number type is priced at the country's highest non-premium rate",
          "[estimate][conf]") {
  // India, 7,000 minutes, no licences: wireline and wireless are both 0.0633 -> 443.10 (wireline, the first kept).
  const Estimate india = run_usd(R"({"usage": [{"kind": "conf_out", "to": "IN", "minutes": 7000}]})");
  CHECK(total(india) == "443.10");
  REQUIRE(india.lines.size() == 1);
  CHECK(india.lines[0].number_type == NumberType::wireline);
  CHECK_THAT(india.lines[0].note, Catch::Contains("highest non-premium rate for India"));
  // Egypt: wireline 0.1610, wireless 0.1955 + 0.01 a call -> wireless: 100 x 0.1955 + 10 x 0.01 = 19.65.
  const Estimate egypt = run_usd(R"({"usage": [{"kind": "conf_out", "to": "EG", "minutes": 100, "calls": 10}]})");
  CHECK(total(egypt) == "19.65");
  REQUIRE(egypt.lines.size() == 1);
  CHECK(egypt.lines[0].number_type == NumberType::wireless);
  // A row with its number type keeps it and has no note.
  const Estimate typed = run_usd(R"({"usage": [{"kind": "conf_out", "to": "EG", "number_type": "wireline", "minutes": 100}]})");
  CHECK(total(typed) == "16.10");
  CHECK(typed.lines[0].note.empty());
}

TEST_CASE("User calls without a number type to a country priced per type still ask for the type", "[estimate]") {
  try {
    run_usd(R"({"licenses": [{"country": "US", "plan": "payg", "users": 1}],
      "usage": [{"kind": "user_out", "from": "US", "to": "IN", "minutes": 10}]})");
    FAIL("a user call of no number type to India was priced");
  } catch (const InputError& e) {
    CHECK(e.code() == "missing_rate");
  }
}
