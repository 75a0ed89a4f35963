#include "advice/estimate_advice.hpp"

#include <optional>

namespace ccredits {
namespace {

std::string pool_label(const PoolReport& p) {
  if (p.kind == "calling_plan") {
    const auto plan = plan_from_key(p.plan);
    // The country after "in", as the other sentences name it (the page writes its name there).
    return (plan ? plan_title(*plan) : p.plan) + " Calling Plan " + (p.pooled ? "pool" : "allowances (not pooled)") +
           " in " + p.country;
  }
  return "Audio Conferencing dial-out pool (" + (p.zone == "A" ? std::string("Zone A") : p.zone) + ")";
}

}  // namespace

AdviceInputs advice_inputs(const Scenario& scenario, const Estimate& estimate) {
  AdviceInputs in;
  in.currency = estimate.currency;
  for (const char* u : kUseCases) {
    const auto it = estimate.by_use_case.find(u);
    in.by_use_case.push_back({u, it == estimate.by_use_case.end() ? Money{} : it->second});
  }
  for (const PoolReport& p : estimate.pools) {
    const std::string use_case = p.kind == "calling_plan" ? "calling_plan_overage" : "conference_dial_out";
    in.pools.push_back({use_case, pool_label(p), p.included, p.used});
  }
  for (const UsageRow& u : scenario.usage) {
    // A toll-free number needs a positive balance to ring at all, whatever its projected minutes (core/DOMAIN.md §1).
    if (u.kind == UsageKind::toll_free_in) in.toll_free_in_use = true;
  }
  if (scenario.report) {
    in.report_forecast = scenario.report->forecast;
    in.report_monthly_total = scenario.report->monthly_total;
  }
  for (const License& l : scenario.licenses) {
    if (l.plan == Plan::payg && l.users > 0) {
      in.payg_in_use = true;
      in.payg_countries.insert(l.country);
    }
  }
  return in;
}

EstimateWithAdvice estimate_and_advice(const Scenario& scenario, const RateIndex& card, const Plans& plans,
                                       PricedLines* priced) {
  // With an imported report: its charges plus what the changes typed on top cost (rating/report_basis.hpp), by the
  // same estimate code, at the rates learned from the report first.
  std::optional<ReportRates> report_rates;
  std::optional<Estimate> baseline;
  if (scenario.report) {
    if (priced) priced->forget();  // its lines are priced at rates learned from this report, not at the card
    report_rates.emplace(*scenario.report, card);
    baseline = compute_estimate(baseline_scenario(scenario), report_rates->index(), plans);
  }
  const RateIndex& rates = report_rates ? report_rates->index() : card;
  const auto estimate_of = [&](const Scenario& s, EstimateDetail detail) {
    Estimate e = compute_estimate(s, rates, plans, detail);
    // Two returns, not a conditional expression: that would copy `e` (every line) into its result.
    if (baseline) return estimate_on_report(*scenario.report, std::move(e), *baseline);
    return e;
  };
  EstimateWithAdvice result{baseline ? estimate_of(scenario, EstimateDetail::lines)
                                     : compute_estimate(scenario, rates, plans, EstimateDetail::lines, priced),
                            {}, {}, {}, {}};
  const Estimate& estimate = result.estimate;
  const CreditsPolicy policy =
      with_plan_data(default_credits_policy(), plans, scenario.settings.applied_to(plans.defaults));
  result.advice = credits_advice(advice_inputs(scenario, estimate), scenario.billing, scenario.funding, policy);
  result.what_if = what_if_report(scenario, estimate, plans, [&](const Scenario& changed) {
    // The what-if changes licences alone; on a report, its figures come from the report's baseline too.
    if (!baseline) return compute_estimate_for_licences(changed, estimate, rates, plans);
    return estimate_of(changed, EstimateDetail::totals);
  });
  if (scenario.report) result.report = report_summary(*scenario.report, estimate);
  result.licence_cost = licence_cost(scenario);
  return result;
}

}  // namespace ccredits
