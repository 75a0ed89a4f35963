// EstimateSession: the changes it returns, applied as estimate_session.hpp documents, give exactly the document
// Calculator::estimate_text returns for the same scenario; unchanged lines and members are left out.
#include <catch2/catch.hpp>

#include "ccredits/calculator.hpp"
#include "ccredits/error.hpp"
#include "ccredits/estimate_session.hpp"
#include "output/estimate_text.hpp"
#include "../fuzz/estimate_changes.hpp"
#include "estimate_support.hpp"

using namespace ccredits;

namespace {

struct SessionFixture {
  Calculator calc;
  EstimateSession session;
  json held;                 // the result the caller holds
  std::uint64_t serial = 0;  // and its number
  json last_changes;

  SessionFixture() {
    calc.load_rates(estimate_test::kTestCard, "test-card.json");
    calc.load_plans(read_source_file("rates/plans.json"), "plans.json");
  }

  // One update as the page's façade makes it: send the serial held, apply what comes back. Every update must
  // rebuild exactly the whole estimate of the same scenario.
  void update(const std::string& scenario) {
    last_changes = json::parse(session.update(calc, scenario, serial));
    REQUIRE((last_changes.at("after") == 0 || last_changes.at("after") == serial));
    held = test::apply_estimate_changes(held, last_changes);
    serial = last_changes.at("serial");
    CHECK(held_text() == calc.estimate_text(scenario));
  }

  std::string held_text() const { return held.dump(-1, ' ', false, json::error_handler_t::replace); }
};

std::string scenario(const std::string& fr_minutes, bool with_japan = true) {
  return R"({"licenses":[{"country":"US","plan":"payg","users":5},{"country":"FR","plan":"payg","users":3}],
    "usage":[{"kind":"user_out","from":"US","to":"US","minutes":1000},
             {"kind":"user_out","from":"FR","to":"FR","number_type":"wireless","minutes":)" + fr_minutes + R"(},
             {"kind":"user_out","from":"US","to":"MX","minutes":40})" +
         (with_japan ? R"(,{"kind":"user_out","from":"US","to":"JP","minutes":25})" : "") + R"(,
             {"kind":"toll_free_in","country":"US","service":"call_queue","minutes":300}]})";
}

}  // namespace

TEST_CASE("estimate session: the first update holds the whole estimate", "[estimate_session]") {
  SessionFixture f;
  f.update(scenario("200"));
  CHECK(f.last_changes.at("after") == 0);
  CHECK(f.serial == 1);
  CHECK(f.last_changes.at("lines").size() == 5);
}

TEST_CASE("estimate session: a changed row sends its line and the members it moves, nothing else", "[estimate_session]") {
  SessionFixture f;
  f.update(scenario("200"));
  f.update(scenario("210"));
  CHECK(f.last_changes.at("after") == 1);
  REQUIRE(f.last_changes.at("lines").size() == 1);
  CHECK(f.last_changes.at("lines")[0].at(0) == 1);  // usage[1], the FR row
  CHECK(f.last_changes.at("lines")[0].at(1).at("amount") == "18.69");  // 210 x 0.0890
  const json& set = f.last_changes.at("set");
  CHECK(set.contains("monthly_total"));
  CHECK(set.contains("by_use_case"));
  CHECK_FALSE(set.contains("currency"));
  CHECK_FALSE(set.contains("settings"));
  CHECK_FALSE(set.contains("eligibility"));
}

TEST_CASE("estimate session: the same scenario again changes nothing", "[estimate_session]") {
  SessionFixture f;
  f.update(scenario("200"));
  f.update(scenario("200"));
  CHECK(f.last_changes.at("lines").empty());
  CHECK(f.last_changes.at("set").empty());
  CHECK(f.last_changes.at("removed").empty());
  CHECK(f.last_changes.at("line_count") == 5);
}

TEST_CASE("estimate session: rows removed and added cut and grow the lines", "[estimate_session]") {
  SessionFixture f;
  f.update(scenario("200"));
  f.update(scenario("200", false));
  CHECK(f.last_changes.at("line_count") == 4);
  // The toll-free line moves up one place: it is sent again, at its new index.
  REQUIRE(f.last_changes.at("lines").size() == 1);
  CHECK(f.last_changes.at("lines")[0].at(0) == 3);
  f.update(scenario("200"));
  CHECK(f.last_changes.at("line_count") == 5);
}

TEST_CASE("estimate session: bad input is an error that leaves the session as it was", "[estimate_session]") {
  SessionFixture f;
  f.update(scenario("200"));
  CHECK_THROWS_AS(f.session.update(f.calc, scenario("-5"), f.serial), InputError);
  CHECK_THROWS_AS(f.session.update(f.calc, "{\"usage\": [", f.serial), InputError);
  f.update(scenario("250"));
  CHECK(f.last_changes.at("after") == 1);  // against the last good result, which the caller still holds
  CHECK(f.last_changes.at("lines").size() == 1);
}

TEST_CASE("estimate session: a caller holding another result gets the whole estimate", "[estimate_session]") {
  SessionFixture f;
  f.update(scenario("200"));
  f.update(scenario("210"));
  f.serial = 1;  // the caller lost the second result
  f.held = json::object();
  f.update(scenario("220"));
  CHECK(f.last_changes.at("after") == 0);
  CHECK(f.last_changes.at("lines").size() == 5);
  CHECK(f.serial == 3);
}

TEST_CASE("estimate session: new rates re-send the lines they price", "[estimate_session]") {
  SessionFixture f;
  f.update(scenario("200"));
  std::string card = estimate_test::kTestCard;
  const std::string mexico = R"("per_minute": "0.0049")";
  card.replace(card.find(mexico), mexico.size(), R"("per_minute": "0.0100")");
  f.calc.load_rates(card, "other-card.json");
  f.update(scenario("200"));
  REQUIRE(f.last_changes.at("lines").size() == 1);
  CHECK(f.last_changes.at("lines")[0].at(1).at("destination") == "Mexico");
}

