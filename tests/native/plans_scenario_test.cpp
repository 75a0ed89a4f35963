// rates/plans.json and the scenario parser: the data as core/DOMAIN.md states it, and located errors.
#include <catch2/catch.hpp>

#include "ccredits/error.hpp"
#include "estimate_support.hpp"
#include "reference/countries.hpp"

using namespace ccredits;
using namespace estimate_test;

namespace {

InputError scenario_error(const std::string& text) {
  try {
    parse_scenario(text, "scenario.json", &fixture().plans);
  } catch (const InputError& e) {
    return e;
  }
  FAIL("the scenario was accepted");
  throw;
}

}  // namespace

TEST_CASE("The shipped plans.json holds core/DOMAIN.md's numbers and lists", "[plans]") {
  const Plans& p = fixture().plans;
  const Settings d = p.defaults;
  CHECK(p.included_minutes(Plan::domestic, "US", d) == 3000);
  CHECK(p.included_minutes(Plan::domestic, "PR", d) == 3000);
  CHECK(p.included_minutes(Plan::domestic, "CA", d) == 3000);
  CHECK(p.included_minutes(Plan::domestic, "GB", d) == 3000);
  CHECK(p.included_minutes(Plan::domestic, "FR", d) == 1200);
  CHECK(p.included_minutes(Plan::domestic_international, "DE", d) == 1200);
  CHECK(p.included_minutes(Plan::domestic_120, "DE", d) == 120);
  CHECK(p.included_minutes(Plan::domestic_240, "DE", d) == 240);
  CHECK(p.included_minutes(Plan::payg, "US", d) == 0);
  Settings uk1200 = d;
  uk1200.uk_domestic_minutes = 1200;
  CHECK(p.included_minutes(Plan::domestic, "GB", uk1200) == 1200);
  CHECK(p.plan(Plan::domestic_international).international_minutes == 600);
  CHECK_FALSE(p.plan(Plan::domestic_120).pooled);
  CHECK(p.plan(Plan::domestic_120).capability == "MCOPSTN8");
  CHECK(p.plan(Plan::domestic_240).pooled);
  CHECK(p.is_domestic("US", "CA"));
  CHECK(p.is_domestic("CA", "US"));
  CHECK(p.is_domestic("US", "PR"));
  CHECK(p.is_domestic("PR", "US"));
  CHECK_FALSE(p.is_domestic("US", "MX"));
  CHECK_FALSE(p.is_domestic("GB", "IE"));
  CHECK(p.zone_a.size() == 44);
  CHECK(p.in_zone_a("ZA"));
  CHECK_FALSE(p.in_zone_a("ZW"));
  CHECK(p.conf_standard.minutes_per_licence == 60);
  CHECK(p.conf_us_ca.destinations == std::set<std::string>{"US", "CA"});
  CHECK(p.no_credit_countries == std::set<std::string>{"CN", "IN", "RU", "KR", "TW"});
  CHECK(d.minimum_purchase == 50);
  CHECK(p.minimum_purchase_quote == "even the minimum of $50");
  REQUIRE(p.payg_zone_of("GB"));
  CHECK(p.payg_zone_of("GB")->zone == "1");
  CHECK(p.payg_zone_of("MX")->zone == "Mexico");
  CHECK(d.uk_domestic_minutes == 3000);
  CHECK(d.spend_includes_connection_fee);
  CHECK(d.billing_increment_seconds == 6);
  CHECK(d.dial_out_pool_basis == "assigned");
}

TEST_CASE("Broken plan data names the file and the place", "[plans][errors]") {
  std::string text = read_source_file("rates/plans.json");
  const auto at = text.find("\"included_minutes\": {\"default\": 240}");
  REQUIRE(at != std::string::npos);
  text.replace(at, std::string("\"included_minutes\": {\"default\": 240}").size(), "\"included\": 240");
  try {
    load_plans(text, "plans.json");
    FAIL("loaded");
  } catch (const InputError& e) {
    CHECK(e.file() == "plans.json");
    CHECK(e.path() == "calling_plans.domestic_240.included_minutes");
  CHECK_THAT(e.what(), Catch::Contains("included minutes of the domestic 240 of the Calling Plans"));
  }
  try {
    load_plans("{\n\"schema\": \"ccredits.plans/1\",\n  \"effective\": ,\n}", "plans.json");
    FAIL("loaded");
  } catch (const InputError& e) {
    CHECK(e.code() == "bad_json");
    CHECK(e.line() == 3);
  }
}

TEST_CASE("A scenario reads licences, conferencing, usage, settings, currency, billing, funding and the what-if", "[scenario]") {
  const Scenario s = parse_scenario(R"({"schema": "ccredits.scenario/1",
    "licenses": [{"country": "us", "plan": "domestic", "users": 100}, {"country": "DE", "plan": "payg", "users": 5}],
    "conferencing": {"standard": 50, "us_ca_dial_out": {"assigned": 3, "purchased": 4}, "pay_per_minute": 0},
    "usage": [{"kind": "toll_free_in", "country": "US", "service": "call_queue", "minutes": 5000}],
    "settings": {"uk_domestic_minutes": 1200, "dial_out_pool_basis": "purchased"},
    "currency": "usd",
    "billing": {"calling_account": "mosa"}, "funding": {"mode": "one_time", "months": 3, "daily_profile": ["1.50", 2]},
    "what_if": {"plan_changes": [{"from": "domestic", "to": "payg", "country": "US"}]}})",
                                    "scenario.json", &fixture().plans);
  REQUIRE(s.licenses.size() == 2);
  CHECK(s.licenses[0].country == "US");
  CHECK(s.licenses[0].plan == Plan::domestic);
  CHECK(s.licenses[1].users == 5);
  CHECK(s.conferencing.standard.assigned == 50);
  CHECK(s.conferencing.us_ca_dial_out.for_basis("purchased") == 4);
  CHECK(s.usage[0].service == "call_queue");
  const Settings applied = s.settings.applied_to(fixture().plans.defaults);
  CHECK(applied.uk_domestic_minutes == 1200);
  CHECK(applied.dial_out_pool_basis == "purchased");
  CHECK(applied.billing_increment_seconds == 6);
  CHECK(s.currency == "USD");
  CHECK(s.billing.calling_account == AccountType::mosa);
  CHECK(s.billing.channel == Channel::unknown);
  CHECK(s.funding.mode == FundingMode::one_time);
  CHECK(s.funding.months == 3);
  CHECK(s.funding.daily_profile == std::vector<Money>{Money::parse("1.5"), Money::parse("2")});
  REQUIRE(s.what_if);
  REQUIRE(s.what_if->plan_changes.size() == 1);
  CHECK(s.what_if->plan_changes[0].from == Plan::domestic);
  CHECK(s.what_if->plan_changes[0].to == Plan::payg);
  CHECK(s.what_if->plan_changes[0].country == "US");
  CHECK_FALSE(parse_scenario("{}", "scenario.json").what_if);
}

// Objects a reader goes through member by member are read as nlohmann keeps them (json_view.hpp
// members_in_key_order): the last of duplicate keys, and the first fault in key order.
TEST_CASE("Duplicate keys: the last one counts, in settings, licence prices and a report's charges", "[scenario]") {
  const Scenario s = parse_scenario(R"({"settings": {"uk_domestic_minutes": -1, "uk_domestic_minutes": 1200},
    "licence_prices": {"calling_plans": {"payg": "x", "payg": "4.00"}},
    "report": {"currency": "USD", "charges": {"toll_free": "1", "payg_outbound": "2", "toll_free": "3"}}})",
                                    "scenario.json", &fixture().plans);
  CHECK(s.settings.uk_domestic_minutes == 1200);
  CHECK(s.licence_prices.calling_plans.at(Plan::payg) == Money::parse("4"));
  REQUIRE(s.report);
  REQUIRE(s.report->charges.size() == 2);
  CHECK(s.report->charges[0] == std::pair<std::string, Money>("payg_outbound", Money::parse("2")));  // key order
  CHECK(s.report->charges[1] == std::pair<std::string, Money>("toll_free", Money::parse("3")));
  CHECK(s.report->monthly_total == Money::parse("5"));
  try {
    parse_scenario(R"({"settings": {"uk_domestic_minutes": -1, "billing_increment_seconds": -1}})", "scenario.json",
                   &fixture().plans);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.path() == "settings.billing_increment_seconds");
  }
}

// Errors carry the field as data (path) and a sentence in words: no internal path like usage[0] in the message.
TEST_CASE("Scenario errors carry the file and the JSON path", "[scenario][errors]") {
  const InputError country = scenario_error(R"({"licenses": [{"country": "ZZ", "plan": "domestic", "users": 1}]})");
  CHECK(country.code() == "unknown_country");
  CHECK(country.file() == "scenario.json");
  CHECK(country.path() == "licenses[0].country");
  CHECK_THAT(country.what(), Catch::StartsWith("The country of licence row 1 ") && !Catch::Contains("licenses["));

  const InputError shape = scenario_error(R"({"usage": [{"kind": "conf_out", "to": "France", "minutes": 1}]})");
  CHECK(shape.code() == "unknown_country");
  CHECK(shape.path() == "usage[0].to");
  CHECK_THAT(shape.what(), Catch::StartsWith("The destination of row 1 of the usage ") && !Catch::Contains("usage["));

  // A real country without Calling Plans is named, not called "not a country".
  const InputError egypt = scenario_error(R"({"licenses": [{"country": "EG", "plan": "domestic", "users": 1}]})");
  CHECK(egypt.code() == "calling_plans_not_sold");
  CHECK_THAT(egypt.what(), Catch::StartsWith("Calling Plans are not sold in Egypt"));
  CHECK(egypt.path() == "licenses[0].country");

  const InputError plan = scenario_error(R"({"licenses": [{"country": "US", "plan": "e5", "users": 1}]})");
  CHECK(plan.code() == "unknown_plan");
  CHECK(plan.path() == "licenses[0].plan");
  CHECK_THAT(plan.what(), Catch::StartsWith("The plan of licence row 1 must be"));

  const InputError negative = scenario_error(
      R"({"usage": [{"kind": "toll_in", "country": "US", "minutes": 1}, {"kind": "toll_in", "country": "US", "minutes": -5}]})");
  CHECK(negative.path() == "usage[1].minutes");
  CHECK_THAT(negative.what(), Catch::StartsWith("The minutes of row 2 of the usage cannot be negative"));

  const InputError text = scenario_error(R"({"usage": [{"kind": "toll_in", "country": "US", "minutes": "lots"}]})");
  CHECK(text.code() == "bad_number");
  CHECK(text.path() == "usage[0].minutes");
  CHECK_THAT(text.what(), Catch::StartsWith("The minutes of row 1 of the usage \"lots\" is not a decimal number"));

  const InputError users = scenario_error(R"({"licenses": [{"country": "US", "plan": "payg", "users": -1}]})");
  CHECK(users.path() == "licenses[0].users");
  CHECK_THAT(users.what(), Catch::Contains("number of users of licence row 1"));

  const InputError setting = scenario_error(R"({"settings": {"uk_domestic_minutes": 2000}})");
  CHECK(setting.path() == "settings.uk_domestic_minutes");
  CHECK_THAT(setting.what(), Catch::Contains("UK domestic minutes setting") && Catch::Contains("1200") &&
                                 !Catch::Contains(".md"));

  const InputError missing = scenario_error(R"({"usage": [{"kind": "user_out", "to": "US", "minutes": 1}]})");
  CHECK(missing.path() == "usage[0].from");
  CHECK_THAT(missing.what(), Catch::StartsWith("The licence country (from) of row 1 of the usage is required but missing."));
  // The verb follows the field's head noun: "the rate sheets ... are", "number of users ... is".
  const InputError sheets = scenario_error(
      R"({"report": {"currency": "USD", "charges": {}, "rates": {"schema": "ccredits.rates/1", "currency": "USD"}}})");
  CHECK_THAT(sheets.what(), Catch::Contains("The rate sheets are required but missing."));
  const InputError no_users = scenario_error(R"({"licenses": [{"country": "US", "plan": "payg"}]})");
  CHECK_THAT(no_users.what(), Catch::StartsWith("The number of users of licence row 1 is required but missing."));

  const InputError conf = scenario_error(R"({"conferencing": {"standard": 2.5}})");
  CHECK(conf.path() == "conferencing.standard");
  CHECK_THAT(conf.what(), Catch::Contains("standard licences of the Audio Conferencing licences"));
}

TEST_CASE("Every country of countries.json is a licence country or gets a sentence naming it", "[scenario][countries]") {
  for (const Country& c : shipped_countries().all()) {
    const std::string text = R"({"licenses": [{"country": ")" + c.code + R"(", "plan": "domestic", "users": 1}]})";
    try {
      parse_scenario(text, "scenario.json", &fixture().plans);
    } catch (const InputError& e) {
      INFO(c.code);
      CHECK(e.code() == "calling_plans_not_sold");
      CHECK_THAT(e.what(), Catch::Contains(c.name));
    }
  }
}

TEST_CASE("Pay-As-You-Go Zone 2 is the 28 countries of Calling Plans for Microsoft 365", "[plans][payg]") {
  const Plans& p = fixture().plans;
  std::set<std::string> zone2;
  for (const char* c : {"AT", "BE", "CZ", "DK", "EE", "FI", "FR", "DE", "HK", "HU", "IE", "IT", "LV", "LT", "LU", "NL",
                        "NZ", "NO", "PL", "PT", "RO", "SG", "SK", "SI", "ZA", "ES", "SE", "CH"}) {
    INFO(c);
    REQUIRE(p.payg_zone_of(c));
    CHECK(p.payg_zone_of(c)->zone == "2");
    zone2.insert(c);
  }
  CHECK(zone2.size() == 28);
  for (const PaygZone& z : p.payg_zones) {
    if (z.zone == "2") CHECK(z.countries.size() == 28);
  }
  // Croatia sells Domestic plans but is not in Zone 2; Australia and Japan are in no zone.
  CHECK_FALSE(p.payg_zone_of("HR"));
  CHECK_FALSE(p.payg_zone_of("AU"));
  CHECK_FALSE(p.payg_zone_of("JP"));
  REQUIRE(p.payg_zone_of("MX"));
  CHECK(p.payg_zone_of("MX")->not_sold_to_customers_in == std::set<std::string>{"US", "PR"});
  CHECK(p.payg_zone_of("MX")->quote == "can't be purchased by US or PR customers");
}

TEST_CASE("The estimate warns about Pay-As-You-Go licences outside the zones, by the 28-country list", "[plans][payg]") {
  const auto warned = [](const char* country) {
    const Estimate e = run(std::string(R"({"licenses":[{"country":")") + country + R"(","plan":"payg","users":1}]})");
    return has_warning(e, "not in a Pay-As-You-Go Calling Plan zone");
  };
  CHECK_FALSE(warned("ZA"));
  CHECK(warned("AU"));
  CHECK(warned("JP"));
  CHECK(warned("HR"));
}

TEST_CASE("A licence may name its plan by Microsoft's capability code", "[plans][scenario]") {
  const Scenario s = parse_scenario(R"({"licenses":[
      {"country":"MX","plan":"MCOPSTN1MX","users":1}, {"country":"BR","plan":"mcopstn2br","users":2},
      {"country":"US","plan":"MCOPSTN9","users":3}, {"country":"US","plan":"MCOPSTN_PAYG_2","users":4},
      {"country":"DE","plan":"MCOPSTN1BR","users":5}, {"country":"MX","plan":"MCOPSTN2MX","users":6}]})",
                                    "scenario.json", &fixture().plans);
  REQUIRE(s.licenses.size() == 6);
  CHECK(s.licenses[0].plan == Plan::domestic);
  CHECK(s.licenses[1].plan == Plan::domestic_international);
  CHECK(s.licenses[2].plan == Plan::domestic_international);
  CHECK(s.licenses[3].plan == Plan::payg);
  CHECK(s.licenses[4].plan == Plan::domestic);
  CHECK(s.licenses[5].plan == Plan::domestic_international);

  const InputError cap = scenario_error(R"({"licenses":[{"country":"US","plan":"MCOPSTNCAP","users":1}]})");
  CHECK(cap.code() == "unknown_plan");
  CHECK(cap.path() == "licenses[0].plan");
  CHECK_THAT(cap.what(), Catch::Contains("Common Area Phone") && Catch::Contains("not a Calling Plan"));
  CHECK_THAT(scenario_error(R"({"licenses":[{"country":"US","plan":"FREECALL","users":1}]})").what(),
             Catch::Contains("provided free"));
  CHECK_THAT(scenario_error(R"({"licenses":[{"country":"US","plan":"MCOPSTNU","users":1}]})").what(),
             Catch::Contains("Microsoft Graph"));
  CHECK(fixture().plans.plan_of_capability("MCOPSTN1") == Plan::domestic);
  CHECK_FALSE(fixture().plans.plan_of_capability("MCOPSTNPP"));
}

TEST_CASE("The UK minutes and the minimum purchase are settings with their sources and dates", "[plans][settings]") {
  const Estimate e = run(R"({"licenses":[{"country":"GB","plan":"domestic","users":1}]})");
  const json settings = estimate_test::document_of(e).at("settings");
  const json& uk = settings.at("uk_domestic_minutes");
  CHECK_THAT(uk.at("conflict").get<std::string>(), Catch::Contains("01/14/2025") && Catch::Contains("08/05/2024") &&
                                                       Catch::Contains("1200"));
  CHECK_THAT(uk.at("source").get<std::string>(), Catch::Contains("https://learn.microsoft.com/"));
  const json& minimum = settings.at("minimum_purchase");
  CHECK(minimum.at("value") == 50);
  CHECK(minimum.at("default") == 50);
  CHECK_THAT(minimum.at("conflict").get<std::string>(), Catch::Contains("even the minimum of $50") &&
                                                            Catch::Contains("11/18/2024"));
  CHECK_THAT(minimum.at("source").get<std::string>(), Catch::Contains("What are Communications Credits?"));

  const Estimate none = run(R"({"settings":{"minimum_purchase":0}})");
  CHECK(none.settings.values.minimum_purchase == 0);
  const InputError bad = scenario_error(R"({"settings":{"minimum_purchase":20}})");
  CHECK(bad.path() == "settings.minimum_purchase");
  CHECK_THAT(bad.what(), Catch::Contains("50 or 0"));
}
