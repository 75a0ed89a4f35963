// Properties over many generated scenarios (fixed seed, so a failure reproduces): the shown total is the
// rounding of the exact sum of the lines, the use cases add up to it, pools settle as documented, and no line
// bills more minutes than its usage.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdlib>
#include <random>

#include "ccredits/error.hpp"
#include "estimate_support.hpp"

using namespace ccredits;
using namespace estimate_test;

namespace {

std::string generated_scenario(std::mt19937& rng) {
  auto pick = [&](std::initializer_list<const char*> xs) {
    return *(xs.begin() + std::uniform_int_distribution<std::size_t>(0, xs.size() - 1)(rng));
  };
  auto number = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  json s = {{"licenses", json::array()}, {"usage", json::array()}};
  for (int i = number(0, 5); i > 0; --i) {
    s["licenses"].push_back({{"country", pick({"US", "CA", "GB", "DE", "FR"})},
                             {"plan", pick({"domestic", "domestic_120", "domestic_240", "domestic_international",
                                            "payg", "none"})},
                             {"users", number(0, 200)}});
  }
  s["conferencing"] = {{"standard", number(0, 50)}, {"us_ca_dial_out", number(0, 20)},
                       {"pay_per_minute", number(0, 3)}};
  for (int i = number(1, 25); i > 0; --i) {
    // Fractional minutes with up to 3 decimals, as a decimal string.
    const std::string minutes = std::to_string(number(0, 400000)) + "." + std::to_string(number(0, 999));
    switch (number(0, 3)) {
      case 0:
        s["usage"].push_back({{"kind", "user_out"}, {"from", pick({"US", "CA", "GB", "DE", "FR"})},
                              {"to", pick({"US", "CA", "PR", "GB", "DE", "JP", "MX"})}, {"minutes", minutes},
                              {"calls", number(0, 3000)}});
        break;
      case 1:
        s["usage"].push_back({{"kind", "conf_out"}, {"to", pick({"US", "CA", "FR", "GB", "ZW"})},
                              {"minutes", minutes}, {"calls", number(0, 100)}});
        break;
      case 2:
        s["usage"].push_back({{"kind", "toll_free_in"}, {"country", pick({"US", "GB"})}, {"minutes", minutes}});
        break;
      default:
        s["usage"].push_back({{"kind", "toll_in"}, {"country", pick({"US", "FR"})}, {"minutes", minutes}});
    }
  }
  if (number(0, 1)) s["settings"] = {{"uk_domestic_minutes", 1200}};
  return s.dump();
}

}  // namespace

TEST_CASE("Generated scenarios: totals are the rounded exact sums, pools settle pro rata", "[estimate][property]") {
  std::mt19937 rng(20261124);
  for (int n = 0; n < 500; ++n) {
    const std::string text = generated_scenario(rng);
    INFO(text);
    const Estimate e = run(text);
    const json out = estimate_test::document_of(e);
    Money exact_sum;
    std::map<std::string, Money> per_use_case;
    for (const json& l : out["lines"]) {
      const Money amount = Money::parse(l["amount_exact"].get<std::string>());
      exact_sum += amount;
      per_use_case[l["use_case"].get<std::string>()] += amount;
      CHECK(l["amount"] == amount.to_string(2));
      CHECK(l["minutes"].get<double>() <= l["usage_minutes"].get<double>() + 1e-9);
    }
    CHECK(out["monthly_total"] == exact_sum.to_string(2));
    CHECK(out["monthly_total_exact"] == exact_sum.to_exact_string());
    Money use_case_sum;
    for (const char* u : kUseCases) {
      CHECK(out["by_use_case"][u] == per_use_case[u].to_string(2));
      use_case_sum += e.by_use_case.at(u);
    }
    CHECK(use_case_sum == e.monthly_total);
    for (const PoolReport& p : e.pools) {
      CHECK(p.overage == (p.used > p.included ? p.used - p.included : Minutes()));
    }
  }
}

namespace {

// The test card with a rate for Antarctica (AQ) on the two dial-out sheets: the same scenarios priced with and without
// it show whether any AQ minute or call is billed.
struct WithAntarctica {
  RateCard card = load_rate_card_json(
      [] {
        std::string text = kTestCard;
        const std::string row = R"({"destination": "Antarctica", "country": "AQ", "prefixes": ["672"], "number_type": "all", "per_minute": "0.9000", "connection": "0.2000"},)";
        for (const char* sheet : {"\"dial_out_calls\": [", "\"dial_out_audio\": ["}) {
          const std::size_t at = text.find(sheet) + std::string(sheet).size();
          text.insert(at, row);
        }
        return text;
      }(),
      "test-card-aq.json");
  RateIndex index{card};
};

Estimate run_with_antarctica(const std::string& scenario) {
  static const WithAntarctica aq;
  const Plans& plans = fixture().plans;
  return compute_estimate(parse_scenario(scenario, "scenario.json", &plans), aq.index, plans);
}

// One generated scenario as a document, for the properties that change it.
json generated_document(std::mt19937& rng) { return json::parse(generated_scenario(rng)); }

Money exact_total(const json& scenario) { return run(scenario.dump()).monthly_total; }

}  // namespace

TEST_CASE("Generated scenarios: more minutes on a row never cost less", "[estimate][property]") {
  std::mt19937 rng(20261202);
  for (int n = 0; n < 300; ++n) {
    json s = generated_document(rng);
    INFO(s.dump());
    const Money before = exact_total(s);
    const std::size_t row = std::uniform_int_distribution<std::size_t>(0, s["usage"].size() - 1)(rng);
    const Minutes more = Minutes::parse(s["usage"][row]["minutes"].get<std::string>()) +
                         Minutes::whole(std::uniform_int_distribution<int>(1, 50000)(rng));
    s["usage"][row]["minutes"] = more.to_string();
    INFO("row " << row << " -> " << more.to_string());
    CHECK(exact_total(s) >= before);
  }
}

TEST_CASE("Generated scenarios: moving calls between rows of the same destination keeps the total",
          "[estimate][property]") {
  std::mt19937 rng(20261203);
  int moved = 0;
  for (int n = 0; n < 300; ++n) {
    json s = generated_document(rng);
    // A copy of a user_out or conf_out row (same destination, other minutes), then calls moved from one to the other.
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < s["usage"].size(); ++i) {
      if (s["usage"][i].contains("calls")) rows.push_back(i);
    }
    if (rows.empty()) continue;
    const std::size_t a = rows[std::uniform_int_distribution<std::size_t>(0, rows.size() - 1)(rng)];
    json twin = s["usage"][a];
    twin["minutes"] = std::to_string(std::uniform_int_distribution<int>(0, 5000)(rng));
    twin["calls"] = 0;
    s["usage"].push_back(twin);
    const std::size_t b = s["usage"].size() - 1;
    INFO(s.dump());
    const Estimate before = run(s.dump());
    const std::int64_t calls = s["usage"][a]["calls"].get<std::int64_t>();
    const std::int64_t k = std::uniform_int_distribution<std::int64_t>(0, calls)(rng);
    s["usage"][a]["calls"] = calls - k;
    s["usage"][b]["calls"] = k;
    INFO("moved " << k << " calls from row " << a << " to row " << b);
    const Estimate after = run(s.dump());
    // Each line rounds its connection charges once, to a millionth: the totals agree to a millionth per line.
    const std::int64_t lines = static_cast<std::int64_t>(before.lines.size() + after.lines.size());
    const std::int64_t difference = after.monthly_total.micros() - before.monthly_total.micros();
    CHECK(std::abs(difference) <= lines);
    ++moved;
  }
  CHECK(moved > 100);
}

TEST_CASE("Generated scenarios: a row without a rate fails the estimate only if it is billed", "[estimate][property]") {
  std::mt19937 rng(20261204);
  int failed = 0;
  int priced = 0;
  for (int n = 0; n < 300; ++n) {
    json s = generated_document(rng);
    // One row to Antarctica: a user call or a meeting dial-out, sometimes without minutes, sometimes with calls.
    const bool user = std::uniform_int_distribution<int>(0, 1)(rng) == 1;
    json row = {{"kind", user ? "user_out" : "conf_out"}, {"to", "AQ"},
                {"minutes", std::to_string(std::uniform_int_distribution<int>(0, 3)(rng) * 500)},
                {"calls", std::uniform_int_distribution<int>(0, 2)(rng) * 10}};
    if (user) row["from"] = std::uniform_int_distribution<int>(0, 1)(rng) ? "US" : "DE";
    s["usage"].push_back(row);
    INFO(s.dump());
    const Estimate with_rate = run_with_antarctica(s.dump());
    const bool billed = std::any_of(with_rate.lines.begin(), with_rate.lines.end(),
                                    [](const EstimateLine& l) { return l.country == "AQ"; });
    try {
      run(s.dump());
      CHECK_FALSE(billed);
      ++priced;
    } catch (const InputError& e) {
      CHECK(e.code() == "missing_rate");
      CHECK(billed);
      ++failed;
    }
  }
  CHECK(failed > 20);
  CHECK(priced > 20);
}
