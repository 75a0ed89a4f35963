// An estimate that starts from an imported usage report (rating/report_basis.hpp, CONTRACT.md scenario `report`):
// the layered rate lookup (learned rates over the loaded card) and the report's charges plus the changes typed on
// top. Expectations computed by hand from estimate_support.hpp's card and the learned card below.
#include <catch2/catch.hpp>

#include "advice/estimate_advice.hpp"
#include "ccredits/error.hpp"
#include "estimate_support.hpp"
#include "rating/report_basis.hpp"

using namespace ccredits;
using estimate_test::fixture;

namespace {

// As an import writes it (usage_report/learned_rates.hpp): France at 0.05 a minute and 0.01 a call, one `all` row.
const char* const kLearned = R"({"schema": "ccredits.rates/1", "currency": "USD", "effective": "2026-10-28",
  "source": "Learned from the charged calls of your usage report", "illustrative": false, "learned_from_report": true,
  "billing_increment_seconds": 6, "sheets": {"dial_out_calls": [
  {"origin": "*", "destination": "France", "country": "FR", "number_type": "all", "per_minute": "0.05",
   "connection": "0.01", "calls": 40, "billed_minutes": 400}]}})";

// One Pay-As-You-Go user in the US calling France: the input as imported, and the report's 100.00 a month.
std::string scenario(const std::string& usage, const std::string& licenses = R"([{"country": "US", "plan": "payg", "users": 1}])",
                     const std::string& charges = R"({"payg_outbound": "100.00"})") {
  return R"({"licenses": )" + licenses + R"(, "usage": )" + usage +
         R"(, "report": {"currency": "USD", "charges": )" + charges +
         R"(, "period": {"from": "2026-10-01", "to": "2026-10-28", "days": 28}, "rates": )" + kLearned +
         R"(, "baseline": {"licenses": [{"country": "US", "plan": "payg", "users": 1}],
             "usage": [{"kind": "user_out", "from": "US", "to": "FR", "number_type": "all", "minutes": 1000, "calls": 100}]}}})";
}

const char* const kAsImported = R"([{"kind": "user_out", "from": "US", "to": "FR", "number_type": "all", "minutes": 1000, "calls": 100}])";

EstimateWithAdvice run(const std::string& text) {
  const estimate_test::Fixture& f = fixture();
  return estimate_and_advice(parse_scenario(text, "scenario.json", &f.plans), f.index, f.plans);
}

const EstimateLine& line_from(const Estimate& e, std::string_view source) {
  for (const EstimateLine& l : e.lines) {
    if (l.rate_source == source) return l;
  }
  FAIL("no line with rate_source " << source);
  return e.lines.front();
}

}  // namespace

TEST_CASE("layered rates: the learned card answers first, the loaded card for what it lacks", "[report]") {
  const RateCard learned = load_rate_card_json(kLearned, "learned.json");
  const RateIndex layered(learned, &fixture().index);
  // FR wireless: the learned FR `all` row (0.05), not the card's France-Mobile (0.089).
  const RateRow* fr = layered.by_country(Sheet::dial_out_calls, "FR", NumberType::wireless);
  REQUIRE(fr);
  CHECK(fr->per_minute == Money::parse("0.05"));
  CHECK(layered.from_top(fr));
  // JP: only on the card (0.07).
  const RateRow* jp = layered.by_country(Sheet::dial_out_calls, "JP", NumberType::all);
  REQUIRE(jp);
  CHECK(jp->per_minute == Money::parse("0.07"));
  CHECK_FALSE(layered.from_top(jp));
  // By number: the learned row has no prefixes, so the card's longest prefix answers.
  const RateRow* mobile = layered.by_number(Sheet::dial_out_calls, "33612345678");
  REQUIRE(mobile);
  CHECK(mobile->destination == "France-Mobile");
  CHECK(&layered.base() == &fixture().card);
}

TEST_CASE("report: with nothing typed on top, the monthly spend is the report's charges exactly", "[report]") {
  const EstimateWithAdvice r = run(scenario(kAsImported));
  const Estimate& e = r.estimate;
  // Re-priced, 1000 min x 0.05 + 100 calls x 0.01 = 51.00; the report says 100.00 was charged, and that stands.
  CHECK(e.monthly_total == Money::parse("100"));
  CHECK(e.by_use_case.at("payg_outbound") == Money::parse("100"));
  REQUIRE(e.lines.size() == 1);
  CHECK(e.lines[0].rate_source == "charges");
  CHECK(e.lines[0].amount == Money::parse("100"));
  REQUIRE(r.report);
  CHECK(r.report->basis == "from your report's charges");
  CHECK(r.report->changes == Money());
  CHECK(r.report->charges_monthly_total == Money::parse("100"));
  // The planner works from the report's amount: a month of spend, rounded up, is what auto-recharge adds.
  CHECK(r.advice.recommendation.recharge_amount == Money::parse("100"));
}

TEST_CASE("report: a new destination typed on top is priced at the loaded card when the report has no rate for it",
          "[report]") {
  const std::string usage = R"([{"kind": "user_out", "from": "US", "to": "FR", "number_type": "all", "minutes": 1000, "calls": 100},
                                {"kind": "user_out", "from": "US", "to": "JP", "number_type": "all", "minutes": 100}])";
  const Estimate e = run(scenario(usage)).estimate;
  CHECK(e.monthly_total == Money::parse("107"));  // 100.00 + 100 min x 0.07
  REQUIRE(e.lines.size() == 2);
  const EstimateLine& jp = line_from(e, "card");
  CHECK(jp.country == "JP");
  CHECK(jp.amount == Money::parse("7"));
}

TEST_CASE("report: more minutes to a destination of the report are priced at the learned rate", "[report]") {
  const std::string usage = R"([{"kind": "user_out", "from": "US", "to": "FR", "number_type": "wireless", "minutes": 1500, "calls": 150}])";
  // The row's number type changed too: FR wireless finds the learned `all` row first; the line of the input as
  // imported (FR all) is gone and the new one (FR wireless) is there: -51.00 + (75.00 + 1.50).
  const Estimate e = run(scenario(usage)).estimate;
  CHECK(e.monthly_total == Money::parse("125.5"));
  const EstimateLine& fr = line_from(e, "report");
  CHECK(fr.rate == Money::parse("0.05"));
  CHECK(fr.number_type == NumberType::wireless);

  const std::string same_type = R"([{"kind": "user_out", "from": "US", "to": "FR", "number_type": "all", "minutes": 1500, "calls": 150}])";
  const Estimate more = run(scenario(same_type)).estimate;
  CHECK(more.monthly_total == Money::parse("125.5"));  // 500 min x 0.05 + 50 calls x 0.01
  REQUIRE(more.lines.size() == 2);
  CHECK(more.lines[1].rate_source == "report");
  CHECK(more.lines[1].amount == Money::parse("25.5"));
  CHECK(more.lines[1].minutes == Minutes::whole(500));
}

TEST_CASE("report: a change that saves money lowers the spend; never below zero", "[report]") {
  // Half the minutes: -25.50.
  const Estimate half = run(scenario(R"([{"kind": "user_out", "from": "US", "to": "FR", "number_type": "all", "minutes": 500, "calls": 50}])")).estimate;
  CHECK(half.monthly_total == Money::parse("74.5"));
  // The row removed: -51.00, shown as a line of the input as imported.
  const Estimate gone = run(scenario("[]")).estimate;
  CHECK(gone.monthly_total == Money::parse("49"));
  REQUIRE(gone.lines.size() == 2);
  CHECK(gone.lines[1].amount == Money::parse("-51"));
  CHECK(gone.lines[1].usage == "report.baseline.usage[0]");
  // Charges of 10.00 cannot fall by 51.00: the use case stays at zero, with a warning.
  const Estimate floor = run(scenario("[]", R"([{"country": "US", "plan": "payg", "users": 1}])", R"({"payg_outbound": "10"})")).estimate;
  CHECK(floor.monthly_total.is_zero());
  CHECK(estimate_test::has_warning(floor, "counted as zero"));
}

TEST_CASE("report: charges in another currency than the card are refused with a sentence", "[report]") {
  std::string text = scenario(kAsImported);
  const std::string from = R"("currency": "USD", "charges")";
  text.replace(text.find(from), from.size(), R"("currency": "EUR", "charges")");
  try {
    run(text);
    FAIL("accepted");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("report.rates") != std::string::npos);
  }
}

TEST_CASE("report: without a report the lines carry no rate source", "[report]") {
  const Estimate e = estimate_test::run(R"({"licenses": [{"country": "US", "plan": "payg", "users": 1}],
    "usage": [{"kind": "user_out", "from": "US", "to": "JP", "number_type": "all", "minutes": 100}]})");
  REQUIRE(e.lines.size() == 1);
  CHECK(e.lines[0].rate_source.empty());
}

TEST_CASE("report: with a forecast the planner follows it, plus the changes typed on top, and says so", "[report]") {
  // The report's 100.00 a month is forecast to grow: 110, 120, 130. Nothing typed on top: the months are the forecast.
  std::string text = scenario(kAsImported);
  const std::string forecast = R"(, "forecast": ["110.00", "120.00", "130.00"])";
  const auto with_forecast = [&](std::string t) { return t.insert(t.find(R"(, "period")"), forecast); };
  const EstimateWithAdvice r = run(with_forecast(text));
  CHECK(r.estimate.monthly_total == Money::parse("100"));
  const FundingPlan& plan = r.advice.recommendation;
  CHECK(plan.recharge_amount == Money::parse("130"));  // the costliest month of the 12-month horizon
  bool says = false;
  for (const std::string& line : plan.explanation) {
    says = says || line.find("rather than a flat average month: month by month, the forecast plus what you typed on "
                             "top costs 110.00, 120.00, 130.00, 130.00") != std::string::npos;
  }
  CHECK(says);
  // 200 more minutes and 20 more calls to France typed on top: every planned month adds what they cost.
  const EstimateWithAdvice more = run(with_forecast(scenario(
      R"([{"kind": "user_out", "from": "US", "to": "FR", "number_type": "all", "minutes": 1200, "calls": 120}])")));
  const Money changes = more.estimate.monthly_total - Money::parse("100");
  REQUIRE(changes > Money());
  CHECK(more.advice.recommendation.recharge_amount == round_up_to_whole_unit(Money::parse("130") + changes));
  // Without a forecast the flat month stands.
  CHECK(run(text).advice.recommendation.recharge_amount == Money::parse("100"));
  // A forecast that is not a list of amounts is refused with a sentence.
  std::string bad = text;
  bad.insert(bad.find(R"(, "period")"), R"(, "forecast": "rising")");
  CHECK_THROWS_WITH(run(bad), Catch::Contains("\"report.forecast\" should be a list of at most 12 monthly amounts"));
}

TEST_CASE("report: usage from a country without licences is not said to be billed in full: the charges stand for it",
          "[report][warnings]") {
  // The report's user is in the US, but the input has licences for GB only: the calls as imported cost the report's
  // charges, and only minutes added for them are priced as Pay-As-You-Go.
  const Estimate e = run(scenario(kAsImported, R"([{"country": "GB", "plan": "domestic", "users": 1}])")).estimate;
  CHECK(e.monthly_total == Money::parse("100"));
  std::vector<std::string> about_us;
  for (const std::string& w : e.warnings) {
    if (w.find("users in US") != std::string::npos) about_us.push_back(w);
  }
  REQUIRE(about_us.size() == 1);
  CHECK_THAT(about_us[0], Catch::Contains("The report's charges stand for their calls as imported") &&
                              Catch::Contains("minutes added for them are priced in full as Pay-As-You-Go"));
  CHECK_THAT(about_us[0], !Catch::Contains("billed in full"));
}
