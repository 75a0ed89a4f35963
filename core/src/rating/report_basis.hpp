#pragma once
// The estimate of a scenario that starts from an imported usage report (scenario `report`, CONTRACT.md).
//
// The report's charges per month are what its usage really cost; re-pricing its minutes at a rate card would
// replace a known figure with a guess. So the monthly spend is
//     the report's charges + (estimate of the input now - estimate of the input as imported, `report.baseline`),
// both estimates made by the one estimate code (compute_estimate) with the same rates: first those learned from the
// report's charged calls (`report.rates`, usage_report/learned_rates.hpp), then the loaded card. With nothing typed
// on top the two estimates are equal and the spend is the report's charges exactly; a change (more users, another
// plan mix, a new destination) moves it by what the change costs at the rates the tenant really paid.
//
// The lines are the report's charges (one per use case, rate_source "charges") followed by the changes: each line
// of the estimate now less the same line (same usage row, plan, pool and sheet) of the input as imported, with
// its rate_source, "report" or "card". A use case's spend never goes below zero (a change cannot save more than was
// spent); when that happens a warning says so.
#include <map>

#include "rating/estimate.hpp"

namespace ccredits {

// The rates the estimate uses: the learned card (if any) over the loaded card's index.
class ReportRates {
 public:
  ReportRates(const ReportBasis& report, const RateIndex& card);
  const RateIndex& index() const { return learned_ ? *learned_ : *card_; }

 private:
  const RateIndex* card_;
  std::unique_ptr<RateIndex> learned_;
};

// The scenario as imported: `scenario` with the baseline's licences, conferencing and usage.
Scenario baseline_scenario(const Scenario& scenario);

// The report's estimate from the estimate of the input now and the estimate of the input as imported (both made
// with ReportRates::index()). `baseline` must have been computed with EstimateDetail::lines when `current` has lines.
Estimate estimate_on_report(const ReportBasis& report, Estimate current, const Estimate& baseline);

// The estimate document's `report` member (core/CONTRACT.md "Estimate").
struct ReportSummary {
  std::string basis;
  std::string currency;
  std::map<std::string, Money> charges;  // use case -> charges per average month
  Money charges_monthly_total;
  Money changes;                         // what the changes typed on top cost a month
  std::string period;
  std::size_t learned_rates = 0;
  std::string explanation;

  bool operator==(const ReportSummary&) const = default;
};
ReportSummary report_summary(const ReportBasis& report, const Estimate& on_report);

}  // namespace ccredits
