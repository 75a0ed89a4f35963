// EstimateSession: the changes it returns, applied as estimate_session.hpp documents, give exactly the document
// Calculator::estimate_text returns for the same scenario; unchanged lines and members are left out.
#include <catch2/catch.hpp>

#include <random>

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

  explicit SessionFixture(const std::string& card = estimate_test::kTestCard) {
    calc.load_rates(card, "card.json");
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


namespace {

// An edit as an admin makes one, to the last good scenario: most inside one usage row (what the session reads alone),
// some anywhere else (licences, conferencing, settings, rows added or removed, the text's layout), some invalid.
std::string random_edit(const std::string& text, std::mt19937& random) {
  json s = json::parse(text);
  json& usage = s["usage"];
  const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  json& row = usage[pick(usage.size())];
  static const char* const kCountries[] = {"US", "GB", "FR", "DE", "JP", "CA", "MX", "ZZ", "AU", "NL"};
  static const char* const kPlans[] = {"domestic", "domestic_120", "domestic_240", "domestic_international", "payg", "none"};
  const std::size_t what = pick(100);
  if (what < 35) {
    row["minutes"] = pick(60000);
  } else if (what < 40) {
    row["minutes"] = "12abc";
  } else if (what < 45) {
    row[row.contains("country") ? "country" : "to"] = kCountries[pick(std::size(kCountries))];
  } else if (what < 50) {
    row["number_type"] = std::string(pick(2) ? "wireline" : "wireless");
  } else if (what < 55) {
    row["calls"] = pick(3000);
  } else if (what < 62 && usage.size() > 1) {
    usage.erase(pick(usage.size()));
  } else if (what < 69) {
    const json copy = usage[pick(usage.size())];
    usage.insert(usage.begin() + static_cast<std::ptrdiff_t>(pick(usage.size() + 1)), copy);
  } else if (what < 75) {
    s["licenses"][pick(s["licenses"].size())]["users"] = pick(400);
  } else if (what < 81) {
    s["licenses"][pick(s["licenses"].size())]["plan"] = kPlans[pick(std::size(kPlans))];
  } else if (what < 86) {
    s["conferencing"][pick(2) ? "standard" : "pay_per_minute"] = pick(3) == 0 ? 0 : pick(500);
  } else if (what < 89) {
    s["settings"]["dial_out_pool_basis"] = pick(2) ? "purchased" : "assigned";
  } else {
    // The text itself: a space inside a row, or a row's closing brace taken out (no longer JSON).
    std::string out = s.dump();
    std::size_t at = out.find("\"usage\":[");
    for (std::size_t n = pick(usage.size()) + 1; n > 0 && at != std::string::npos; --n) at = out.find('{', at + 1);
    if (at == std::string::npos) return out;
    if (what < 96) return out.insert(at + 1, " ");
    return out.erase(out.find('}', at), 1);
  }
  return s.dump();
}

}  // namespace

TEST_CASE("estimate session: random edits of the 200-row scenario, each the whole estimate of its text", "[estimate_session]") {
  SessionFixture f(read_source_file("tests/bench/bench-rates.json"));
  std::string text = json::parse(read_source_file("tests/bench/scenario-200.json")).dump();
  f.update(text);
  std::mt19937 random(16);
  int errors = 0;
  for (int i = 0; i < 400; ++i) {
    INFO("edit " << i);
    const std::string next = random_edit(text, random);
    std::string whole_error;
    try {
      f.calc.estimate_text(next);
    } catch (const InputError& e) {
      whole_error = e.path() + ": " + e.what();
    }
    if (whole_error.empty()) {
      f.update(next);  // checks the patched result against the whole estimate
      text = next;
      continue;
    }
    ++errors;
    try {
      f.session.update(f.calc, next, f.serial);
      FAIL("the session accepted what a whole estimate refuses: " << whole_error);
    } catch (const InputError& e) {
      CHECK(e.path() + ": " + e.what() == whole_error);
    }
  }
  CHECK(errors > 20);
  CHECK(errors < 200);
}

namespace {

// The bench card with every third connection charge raised: some of the 200-row scenario's lines price differently.
std::string other_bench_card() {
  std::string card = read_source_file("tests/bench/bench-rates.json");
  const std::string free_call = R"("connection": "0.0000")";
  std::size_t n = 0;
  for (std::size_t at = card.find(free_call); at != std::string::npos; at = card.find(free_call, at + 1)) {
    if (++n % 3 == 0) card.replace(at, free_call.size(), R"("connection": "0.0200")");
  }
  return card;
}

}  // namespace

// The session does not price again a line whose charge is unchanged: it names the earlier line (rating/estimate.hpp
// PricedLines). These edits also change what those lines were priced at: the card (a line priced at another card is
// never taken), and what the caller holds (a line named from the earlier estimate is sent whole when the caller has
// lost it).
TEST_CASE("estimate session: random edits with the card changed and results lost, each the whole estimate of its text",
          "[estimate_session]") {
  const std::string cards[] = {read_source_file("tests/bench/bench-rates.json"), other_bench_card()};
  SessionFixture f(cards[0]);
  std::size_t card = 0;
  std::string text = json::parse(read_source_file("tests/bench/scenario-200.json")).dump();
  f.update(text);
  std::mt19937 random(23);
  int card_changes = 0;
  int lost = 0;
  for (int i = 0; i < 400; ++i) {
    INFO("edit " << i);
    const std::size_t what = random() % 100;
    if (what < 6) {
      card = 1 - card;
      f.calc.load_rates(cards[card], "card.json");
      ++card_changes;
    } else if (what < 10) {
      f.serial = 0;
      f.held = json::object();
      ++lost;
    }
    const std::string next = random_edit(text, random);
    bool valid = true;
    try {
      f.calc.estimate_text(next);
    } catch (const InputError&) {
      valid = false;
    }
    if (valid) {
      f.update(next);
      text = next;
    } else {
      f.update(text);  // the card may have changed: the last good text again
    }
  }
  CHECK(card_changes > 10);
  CHECK(lost > 5);
}

TEST_CASE("estimate session: another calculator's lines are not taken, whatever its card", "[estimate_session]") {
  SessionFixture f(read_source_file("tests/bench/bench-rates.json"));
  const std::string text = json::parse(read_source_file("tests/bench/scenario-200.json")).dump();
  f.update(text);
  Calculator other;
  other.load_rates(other_bench_card(), "other.json");
  other.load_plans(read_source_file("rates/plans.json"), "plans.json");
  const json changes = json::parse(f.session.update(other, text, f.serial));
  CHECK_FALSE(changes.at("lines").empty());
  f.held = test::apply_estimate_changes(f.held, changes);
  f.serial = changes.at("serial");
  CHECK(f.held_text() == other.estimate_text(text));
  f.update(text);  // back to the first calculator
}

TEST_CASE("estimate session: lines priced at a report's learned rates are not taken as priced at the card",
          "[estimate_session]") {
  SessionFixture f;
  const std::string usage =
      R"({"licenses": [{"country": "US", "plan": "payg", "users": 1}], "usage": [{"kind": "user_out", "from": "US", "to": "FR",
          "number_type": "wireless", "minutes": 1000, "calls": 100}])";
  const std::string plain = usage + "}";
  const std::string with_report = usage + R"(, "report": {"currency": "USD", "charges": {"payg_outbound": "100.00"},
      "period": {"from": "2026-10-01", "to": "2026-10-28", "days": 28},
      "rates": {"schema": "ccredits.rates/1", "currency": "USD", "effective": "2026-10-28",
        "source": "Learned from the charged calls of your usage report", "illustrative": false, "learned_from_report": true,
        "billing_increment_seconds": 6, "sheets": {"dial_out_calls": [
        {"origin": "*", "destination": "France", "country": "FR", "number_type": "all", "per_minute": "0.05",
         "connection": "0.01", "calls": 40, "billed_minutes": 400}]}},
      "baseline": {"licenses": [{"country": "US", "plan": "payg", "users": 1}],
        "usage": [{"kind": "user_out", "from": "US", "to": "FR", "number_type": "wireless", "minutes": 900, "calls": 100}]}}})";
  f.update(plain);
  f.update(with_report);  // the report's charges, and the 100 more minutes at the learned rate
  CHECK(f.last_changes.at("line_count") == 2);
  f.update(plain);
  CHECK(f.last_changes.at("line_count") == 1);
  CHECK(f.last_changes.at("lines").size() == 1);
  f.update(plain);
  CHECK(f.last_changes.at("lines").empty());
}
