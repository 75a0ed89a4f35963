// The funding planner: hand-computed examples and invariants over many generated scenarios.
#include <catch2/catch.hpp>

#include <numeric>
#include <random>
#include <string>
#include <string_view>

#include "ccredits/error.hpp"
#include "advice/funding_planner.hpp"

using namespace ccredits;

namespace {

Money usd(const char* text) { return Money::parse(text); }

PlannerInput flat_ten_a_day(int months, FundingMode mode) {
  PlannerInput in;
  in.monthly_spend = usd("300");
  in.horizon_months = months;
  in.mode = mode;
  in.minimum_purchase = usd("50");
  in.daily_profile.assign(30, usd("10"));  // an imported report with the same spend every day
  return in;
}

// The explanation's sentence that starts with `prefix`.
std::string line_starting(const FundingPlan& p, std::string_view prefix) {
  for (const std::string& line : p.explanation) {
    if (line.starts_with(prefix)) return line;
  }
  return {};
}

// The explanation's sentence on the simulated balance.
std::string result_line(const FundingPlan& p) { return line_starting(p, "Simulated result"); }

}  // namespace

TEST_CASE("hand-computed: 300 a month, flat 10 a day, auto-recharge over 2 months", "[planner]") {
  const FundingPlan p = plan_funding(flat_ten_a_day(2, FundingMode::auto_recharge));
  // 300 x 30 x 10 / (300 x 30) = 10.00 a day; any 7 days = 70; trigger 70 x 1.25 = 87.50 -> 88.
  CHECK(p.daily_spend.front() == usd("10"));
  CHECK(p.largest_window_spend == usd("70"));
  CHECK(p.threshold == usd("88"));
  CHECK(p.recharge_amount == usd("300"));  // one month, above the 50 minimum and the trigger
  CHECK(p.one_time == usd("388"));         // trigger + one recharge
  CHECK(p.horizon_spend == usd("600"));
  REQUIRE(p.balance_series.size() == 60);
  CHECK(p.balance_series[0] == usd("378"));
  CHECK(p.balance_series[29] == usd("88"));  // not below the trigger yet
  CHECK(p.balance_series[30] == usd("78"));  // below: a recharge fires, lands 3 days later
  CHECK(p.balance_series[32] == usd("58"));
  CHECK(p.balance_series[33] == usd("348"));  // 58 + 300 - 10
  CHECK(p.balance_series[59] == usd("88"));
  CHECK(p.lowest_balance == usd("58"));
  CHECK(p.lowest_balance_day == 33);
  CHECK(p.recharges_by_month == std::vector<int>{0, 1});
  CHECK(p.recharges_per_month == 1);
  CHECK(p.expiring_unused.is_zero());  // the last 88 is spent within 9 days after the horizon
}

TEST_CASE("hand-computed: one-time over 12 months is capped at 12 months of spend", "[planner]") {
  const FundingPlan p = plan_funding(flat_ten_a_day(12, FundingMode::one_time));
  CHECK(p.horizon_spend == usd("3600"));
  CHECK(p.cap == usd("3600"));
  CHECK(p.one_time == usd("3600"));  // 3600 + 88 wanted, capped
  // The one-time purchase alone, nothing bought after it: 3600 - 10 x 352 = 80 < 88 on day 352, and 10 a day
  // spends the last of it on day 360.
  CHECK(p.recharges_by_month == std::vector<int>(12, 0));
  CHECK(p.recharges_per_month == 0);
  CHECK(p.balance_series[350] == usd("90"));
  CHECK(p.balance_series[351] == usd("80"));
  CHECK(p.balance_series[358] == usd("10"));
  CHECK(p.lowest_balance.is_zero());
  CHECK(p.lowest_balance_day == 360);
  CHECK(p.balance_series.back().is_zero());
  CHECK(p.expiring_unused.is_zero());
  CHECK(result_line(p) ==
        "Simulated result with this purchase alone (no further purchase is simulated): the balance falls below the "
        "reserve of 88.00 USD on day 352 and reaches zero on day 360; a further purchase is due before day 352.");
}

TEST_CASE("one-time funding simulates only the purchase it recommends", "[planner]") {
  // 11 months are not capped: the horizon plus the reserve is bought, and the balance ends the horizon at the reserve.
  const FundingPlan p = plan_funding(flat_ten_a_day(11, FundingMode::one_time));
  CHECK(p.one_time == usd("3388"));  // 3300 + 88
  CHECK(p.recharges_by_month == std::vector<int>(11, 0));
  CHECK(p.lowest_balance == usd("88"));
  CHECK(p.lowest_balance_day == 330);
  CHECK(result_line(p) ==
        "Simulated result with this purchase alone (no further purchase is simulated): the lowest balance is 88.00 USD "
        "on day 330, not below the reserve of 88.00 USD, so no further purchase is due within the horizon.");
  // A minimum purchase above the cap (12 months of a forecast ending in a cheap month: 11 x 300 + 60) buys less than
  // the horizon plus the reserve but more than the horizon: the balance falls below the reserve, not to zero.
  PlannerInput in = flat_ten_a_day(12, FundingMode::one_time);
  in.monthly_forecast.assign(11, usd("300"));
  in.monthly_forecast.push_back(usd("60"));  // 2 a day in month 12
  in.minimum_purchase = usd("3400");
  const FundingPlan kept = plan_funding(in);
  CHECK(kept.one_time == usd("3400"));  // 3360 + 88 wanted, capped at the minimum purchase
  CHECK(kept.recharges_per_month == 0);
  CHECK(kept.balance_series[329] == usd("100"));
  CHECK(kept.balance_series[335] == usd("88"));
  CHECK(kept.balance_series[336] == usd("86"));
  CHECK(kept.lowest_balance == usd("40"));
  CHECK(kept.lowest_balance_day == 360);
  CHECK(result_line(kept) ==
        "Simulated result with this purchase alone (no further purchase is simulated): the balance falls below the "
        "reserve of 88.00 USD on day 337 and is lowest, 40.00 USD, on day 360; a further purchase is due before day 337.");
}

TEST_CASE("the recharges sentence gives the typical and the busiest month, as the figures are", "[planner]") {
  // The example organization's 89.00 a month on the weekday shape: a recharge of one month lands about once a month,
  // and the month in which the thirty-day rhythm drifts takes two.
  PlannerInput in;
  in.monthly_spend = usd("89");
  in.minimum_purchase = usd("50");
  const FundingPlan p = plan_funding(in);
  CHECK(p.recharges_by_month == std::vector<int>{0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2});
  CHECK(p.recharges_per_month == 2);
  CHECK_THAT(result_line(p), Catch::EndsWith("; 12 recharges over the horizon, each one an invoice: 1 in a typical "
                                             "month (the median of the 12 months), at most 2 in one month."));
  for (const std::string& line : p.explanation) {
    INFO(line);
    CHECK_THAT(line, !Catch::Contains("one recharge invoice a month"));
  }
  // One month, and none at all.
  const FundingPlan two = plan_funding(flat_ten_a_day(2, FundingMode::auto_recharge));
  CHECK_THAT(result_line(two), Catch::EndsWith("; 1 recharge over the horizon, each one an invoice: 0 in a typical "
                                               "month (the median of the 2 months), at most 1 in one month."));
  const FundingPlan one = plan_funding(flat_ten_a_day(1, FundingMode::auto_recharge));
  CHECK(one.recharges_per_month == 0);
  CHECK_THAT(result_line(one), Catch::EndsWith("; no recharge within the horizon."));
}

TEST_CASE("one-time funding explains its reserve without naming any auto-recharge setting", "[planner]") {
  const FundingPlan once = plan_funding(flat_ten_a_day(12, FundingMode::one_time));
  for (const std::string& line : once.explanation) {
    INFO(line);
    CHECK_THAT(line, !Catch::Contains("uto-recharge") && !Catch::Contains("Recharge amount") && !Catch::Contains("Add this amount"));
  }
  CHECK_THAT(once.explanation[2], Catch::Contains("plus a reserve of 88.00") && Catch::Contains("the largest spend in any 7 days"));
  const FundingPlan recharged = plan_funding(flat_ten_a_day(2, FundingMode::auto_recharge));
  CHECK_THAT(recharged.explanation[2], Catch::StartsWith("Auto-recharge trigger (\"When balance is below\") 88.00"));
}

TEST_CASE("hand-computed: the minimum purchase above a year of spend leaves funds to expire", "[planner]") {
  PlannerInput in;
  in.monthly_spend = usd("2");
  in.minimum_purchase = usd("50");
  in.daily_profile.assign(30, usd("1"));
  const FundingPlan p = plan_funding(in);
  CHECK(p.daily_spend.front() == usd("0.066667"));  // 2 / 30, half-up to a millionth
  CHECK(p.threshold == usd("1"));                    // 7 x 0.066667 x 1.25 = 0.58 -> 1
  CHECK(p.cap == usd("50"));                         // 12 x 2 = 24 < the 50 minimum
  CHECK(p.one_time == usd("50"));
  CHECK(p.recharge_amount == usd("50"));
  CHECK(p.recharges_per_month == 0);
  CHECK(p.balance_series.back() == usd("25.99988"));  // 50 - 360 x 0.066667
  CHECK(p.expiring_unused == usd("25.99988"));        // bought on day 0, expires on day 360
}

TEST_CASE("zero spend needs no purchase", "[planner]") {
  PlannerInput in;
  in.minimum_purchase = usd("50");
  in.horizon_months = 3;
  const FundingPlan p = plan_funding(in);
  CHECK_FALSE(p.purchase_needed);
  CHECK(p.one_time.is_zero());
  CHECK(p.threshold.is_zero());
  CHECK(p.recharge_amount.is_zero());
  CHECK(p.balance_series.size() == 90);
  CHECK_THAT(p.explanation.front(), Catch::Contains("no purchase is needed"));
}

TEST_CASE("the weekday/weekend profile: working days carry 4x, seeded variation within 15 %, each month its figure",
          "[planner]") {
  PlannerInput in;
  in.monthly_spend = usd("5500");
  in.horizon_months = 2;
  in.seed = 42;
  const FundingPlan a = plan_funding(in);
  REQUIRE(a.daily_spend.size() >= 60);
  for (int month = 0; month < 2; ++month) {
    INFO("month " << month);
    const auto first = a.daily_spend.begin() + month * 30;
    // Each day is rounded to the millionth: 30 of them are within 30 millionths of the month's figure.
    const Money sum = std::accumulate(first, first + 30, Money{});
    CHECK(sum >= usd("5499.99997"));
    CHECK(sum <= usd("5500.00003"));
    // Any working day against any weekend day of the month: 4 times, each varied by up to 15 % either way.
    for (int d = 0; d < 30; ++d) {
      for (int e = 0; e < 30; ++e) {
        const bool working = (month * 30 + d) % 7 < 5;  // the simulation's weeks start on day 0, a Monday
        const bool weekend_day = (month * 30 + e) % 7 >= 5;
        if (!working || !weekend_day) continue;
        INFO("day " << d << " against weekend day " << e);
        const Money work = first[d];
        const Money weekend = first[e];
        CHECK(work.scaled(1150, 1) >= weekend.scaled(4 * 850, 1));
        CHECK(work.scaled(850, 1) <= weekend.scaled(4 * 1150, 1));
      }
    }
  }
  CHECK(a.horizon_spend >= usd("10999.99994"));
  CHECK(a.horizon_spend <= usd("11000.00006"));
  CHECK(a.daily_spend[0] != a.daily_spend[1]);  // varied, not flat
  CHECK(plan_funding(in).balance_series == a.balance_series);  // same seed, same series
  in.seed = 43;
  CHECK(plan_funding(in).daily_spend != a.daily_spend);
}

TEST_CASE("planner input errors are messages, not crashes", "[planner]") {
  PlannerInput in;
  in.monthly_spend = usd("10");
  in.horizon_months = 13;
  CHECK_THROWS_AS(plan_funding(in), InputError);
  in.horizon_months = 0;
  CHECK_THROWS_AS(plan_funding(in), InputError);
  in.horizon_months = 1;
  in.daily_profile = {usd("0"), usd("0")};
  CHECK_THROWS_AS(plan_funding(in), InputError);
  in.daily_profile = {usd("-1")};
  CHECK_THROWS_AS(plan_funding(in), InputError);
  in.daily_profile.clear();
  in.monthly_spend = usd("-1");
  CHECK_THROWS_AS(plan_funding(in), InputError);
}

TEST_CASE("planner invariants over 600 generated scenarios", "[planner]") {
  std::mt19937_64 gen(20261124);
  auto pick = [&](std::int64_t lo, std::int64_t hi) { return std::uniform_int_distribution<std::int64_t>(lo, hi)(gen); };
  int recharging = 0;
  for (int i = 0; i < 600; ++i) {
    PlannerInput in;
    // 0.01 .. 1,000,000 a month, on a log-like spread; every 20th scenario spends nothing.
    const std::int64_t magnitude = pick(0, 6);
    std::int64_t cents = pick(1, 100);
    for (int k = 0; k < magnitude; ++k) cents *= 10;
    in.monthly_spend = i % 20 == 0 ? Money{} : Money::from_micros(cents * 10'000);
    in.horizon_months = static_cast<int>(pick(1, 12));
    in.mode = pick(0, 1) ? FundingMode::one_time : FundingMode::auto_recharge;
    in.minimum_purchase = pick(0, 1) ? usd("50") : Money{};
    in.seed = static_cast<std::uint64_t>(pick(0, 1'000'000));
    if (pick(0, 2) == 0) {  // an imported report of 7..90 days, some days without calls
      const auto days = pick(7, 90);
      for (std::int64_t d = 0; d < days; ++d) in.daily_profile.push_back(Money::from_micros(pick(0, 3) * pick(0, 500'000'000)));
      in.daily_profile[0] = usd("1");
    }
    INFO("scenario " << i << ": spend " << in.monthly_spend.to_exact_string() << ", months " << in.horizon_months
                     << ", mode " << funding_mode_key(in.mode) << ", profile days " << in.daily_profile.size());
    const FundingPlan p = plan_funding(in);
    REQUIRE(p.balance_series.size() == static_cast<std::size_t>(in.horizon_months * 30));
    if (in.monthly_spend.is_zero()) {
      CHECK_FALSE(p.purchase_needed);
      CHECK(p.one_time.is_zero());
      CHECK(p.recharge_amount.is_zero());
      continue;
    }
    CHECK(p.purchase_needed);
    if (in.mode == FundingMode::auto_recharge) {
      // The balance never reaches zero under the projected profile.
      CHECK(p.lowest_balance > Money{});
      for (const Money& b : p.balance_series) REQUIRE(b > Money{});
    } else {
      // The one-time purchase alone: nothing is added, and only a capped purchase runs below the reserve.
      CHECK(p.recharges_per_month == 0);
      for (std::size_t d = 1; d < p.balance_series.size(); ++d) REQUIRE(p.balance_series[d] <= p.balance_series[d - 1]);
      CHECK(p.lowest_balance == p.balance_series.back());
      if (p.one_time < p.cap) CHECK(p.lowest_balance >= p.threshold);
    }
    // Amounts within bounds: at least the minimum, never above 12 months of spend (or the minimum if larger).
    const Money cap = std::max(round_up_to_whole_unit(in.monthly_spend.times(12)), in.minimum_purchase);
    CHECK(p.one_time >= in.minimum_purchase);
    CHECK(p.recharge_amount >= in.minimum_purchase);
    CHECK(p.one_time <= cap);
    CHECK(p.recharge_amount <= cap);
    CHECK(p.threshold <= cap);
    CHECK(p.threshold > Money{});
    CHECK(p.recharges_by_month.size() == static_cast<std::size_t>(in.horizon_months));
    CHECK(p.expiring_unused >= Money{});
    CHECK(p.expiring_unused <= p.one_time + p.recharge_amount.times(p.recharges_per_month * in.horizon_months));
    CHECK(p.explanation.size() >= (in.mode == FundingMode::auto_recharge ? 7u : 5u));  // one-time names no recharge setting
    if (!in.daily_profile.empty()) {
      // With a report's day-to-day shape, each 30-day month still costs the month's figure (to a millionth a day).
      for (int m = 0; m < in.horizon_months; ++m) {
        Money month;
        for (int d = 30 * m; d < 30 * (m + 1); ++d) month += p.daily_spend[static_cast<std::size_t>(d)];
        REQUIRE((month > in.monthly_spend ? month - in.monthly_spend : in.monthly_spend - month) <= Money::from_micros(30));
      }
    }
    if (p.recharges_per_month > 0) ++recharging;
  }
  CHECK(recharging > 50);  // the generator exercises the recharge path, not only the initial purchase
}

TEST_CASE("hand-computed: with a report's forecast each simulated month costs its forecast month", "[planner]") {
  PlannerInput in = flat_ten_a_day(3, FundingMode::auto_recharge);  // a flat month would be 300 (10 a day)
  in.monthly_forecast = {usd("300"), usd("330"), usd("360"), usd("390")};
  const FundingPlan p = plan_funding(in);
  // Flat days: month 1 at 10.00 a day, month 2 at 11.00, month 3 at 12.00.
  CHECK(p.daily_spend[0] == usd("10"));
  CHECK(p.daily_spend[30] == usd("11"));
  CHECK(p.daily_spend[89] == usd("12"));
  CHECK(p.horizon_spend == usd("990"));
  // One month of spend is the costliest month of the horizon (360), not the flat 300.
  CHECK(p.recharge_amount == usd("360"));
  CHECK(p.largest_window_spend == usd("84"));  // the last 7 days at 12
  bool says = false;
  for (const std::string& line : p.explanation) {
    says = says || line.find("follows the imported report's 12-month forecast") != std::string::npos;
  }
  CHECK(says);
  // The recharge amount's sentence names the month it follows, not the flat 300 of the first sentence.
  CHECK(line_starting(p, "Recharge amount") == "Recharge amount (\"Add this amount\") 360.00 USD: the costliest month of the forecast "
                            "above, month 3 at 360.00 USD, rounded up to a whole USD, at least the minimum purchase "
                            "of 50.00 USD and at least the trigger; each recharge is an invoice.");
  // Past the forecast's end its last month repeats: the 12 months it caps at are 300 + 330 + 360 + 9 x 390.
  CHECK(p.cap == usd("4500"));
  in.monthly_forecast.clear();
  const FundingPlan flat = plan_funding(in);
  CHECK(flat.recharge_amount == usd("300"));
  CHECK_THAT(line_starting(flat, "Recharge amount"), Catch::StartsWith("Recharge amount (\"Add this amount\") 300.00 USD: one month of "
                                                    "spend rounded up to a whole USD,"));
}

TEST_CASE("the horizon's spend is the exact sum of its months, rounded once when shown", "[planner]") {
  // 100.004985 a month over 30 even days: each day is 3.3334995, rounded half up to 3.3335, so the days add up to
  // 100.005, which shows as 100.01; the month itself shows as 100.00, and so must the horizon.
  PlannerInput in = flat_ten_a_day(1, FundingMode::one_time);
  in.monthly_forecast = {usd("100.004985")};
  const FundingPlan p = plan_funding(in);
  CHECK(p.daily_spend[0] == usd("3.3335"));
  CHECK(p.horizon_spend == usd("100.004985"));
  CHECK_THAT(p.explanation[0], Catch::EndsWith("add up to 100.00 USD."));
  // The one-time purchase covers the days as simulated plus the reserve (7 x 3.3335 x 1.25 = 29.17, rounded up to
  // 30): 130.005, rounded up to 131, and the balance ends the month at the reserve or above.
  CHECK(p.threshold == usd("30"));
  CHECK(p.one_time == usd("131"));
  CHECK(p.lowest_balance >= p.threshold);
}

TEST_CASE("a report's uneven days move spend within a month, never between months: the months add up", "[planner]") {
  // A 28-day report with one expensive day (a toll-fraud burst, say) repeated over 30-day months: each month
  // takes in that day once or twice, but still costs its forecast figure, and the horizon is their sum.
  PlannerInput in;
  in.monthly_spend = usd("232.68");
  in.horizon_months = 12;
  in.mode = FundingMode::auto_recharge;
  in.minimum_purchase = usd("50");
  in.daily_profile.assign(28, usd("5"));
  in.daily_profile[2] = usd("113");
  in.monthly_forecast = {usd("221.14"), usd("228.99"), usd("246.77"), usd("214.05"), usd("230.66"), usd("222.16"),
                         usd("248.68"), usd("224.82"), usd("249.70"), usd("227.86"), usd("222.27"), usd("246.77")};
  const FundingPlan p = plan_funding(in);
  Money months;
  for (int m = 0; m < 12; ++m) {
    Money month;
    for (int d = 30 * m; d < 30 * (m + 1); ++d) month += p.daily_spend[static_cast<std::size_t>(d)];
    CHECK(month.to_string(2) == in.monthly_forecast[static_cast<std::size_t>(m)].to_string(2));
    months += in.monthly_forecast[static_cast<std::size_t>(m)];
  }
  CHECK(p.horizon_spend.to_string(2) == months.to_string(2));  // 2783.87, what the explanation's months add up to
  CHECK(p.explanation[0].find("add up to 2,783.87 USD") != std::string::npos);
  // Within a month the expensive day is still expensive: the report's shape is kept.
  CHECK(p.daily_spend[2] > p.daily_spend[3].times(20));
  // A month whose 30 days all fall on days without calls spreads its figure evenly.
  PlannerInput quiet = in;
  quiet.monthly_forecast.clear();
  quiet.daily_profile.assign(60, Money{});
  quiet.daily_profile[59] = usd("1");
  const FundingPlan q = plan_funding(quiet);
  CHECK(q.daily_spend[0] == in.monthly_spend.scaled(1, 30));
}
