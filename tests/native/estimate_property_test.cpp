// Properties over many generated scenarios (fixed seed, so a failure reproduces): the shown total is the
// rounding of the exact sum of the lines, the use cases add up to it, pools settle as documented, and no line
// bills more minutes than its usage.
#include <catch2/catch.hpp>
#include <random>

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
    const json out = estimate_to_json(e);
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
