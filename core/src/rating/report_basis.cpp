// An estimate that starts from an imported usage report: see report_basis.hpp.
#include "rating/report_basis.hpp"

#include <map>

#include "ccredits/error.hpp"

namespace ccredits {
namespace {

// The estimate's use case as its static text (lines keep views of it beyond the scenario's life).
std::string_view static_use_case(std::string_view key) {
  for (const char* u : kUseCases) {
    if (key == u) return u;
  }
  return {};
}

// Lines are the same line of two estimates when they price the same usage for the same plan, pool and sheet.
std::string line_key(const EstimateLine& l) {
  std::string key;
  for (std::string_view part : {l.use_case, sheet_key(l.sheet), std::string_view(l.from), std::string_view(l.country),
                                number_type_key(l.number_type), std::string_view(l.service), l.plan,
                                std::string_view(l.pool), std::string_view(l.destination)}) {
    key.append(part);
    key += '|';
  }
  return key;
}

EstimateLine negated(EstimateLine l) {
  l.amount = Money() - l.amount;
  l.minutes = Minutes() - l.minutes;
  l.usage_minutes = Minutes() - l.usage_minutes;
  l.calls = Minutes() - l.calls;
  return l;
}

}  // namespace

ReportRates::ReportRates(const ReportBasis& report, const RateIndex& card) : card_(&card) {
  if (report.rates) learned_ = std::make_unique<RateIndex>(*report.rates, &card);
}

Scenario baseline_scenario(const Scenario& scenario) {
  Scenario base = scenario;
  const ReportBasis& report = *scenario.report;
  if (!report.has_baseline) return base;
  base.licenses = report.baseline_licenses;
  base.conferencing = report.baseline_conferencing;
  base.usage = report.baseline_usage;
  return base;
}

Estimate estimate_on_report(const ReportBasis& report, Estimate current, const Estimate& baseline) {
  if (report.currency != current.currency) {
    throw InputError("currency_mismatch", "Your usage report's charges are in " + report.currency +
                                              " but the rate card is in " + current.currency + "; load a " +
                                              report.currency + " rate card.");
  }
  Estimate out = std::move(current);
  const bool lines = out.detail == EstimateDetail::lines;
  std::vector<EstimateLine> result;

  // The report's charges, one line per use case.
  std::map<std::string_view, Money> charged;
  for (const auto& [key, amount] : report.charges) {
    const std::string_view use_case = static_use_case(key);
    charged[use_case] += amount;
    if (!lines || amount.is_zero()) continue;
    EstimateLine l;
    l.use_case = use_case;
    l.usage = "report";
    l.destination = "Charged in your usage report";
    l.amount = amount;
    l.rate_source = "charges";
    result.push_back(std::move(l));
  }

  // The changes: each line now less the same line as imported.
  if (lines) {
    std::multimap<std::string, const EstimateLine*> before;
    for (const EstimateLine& l : baseline.lines) before.emplace(line_key(l), &l);
    for (EstimateLine& l : out.lines) {
      auto it = before.find(line_key(l));
      if (it != before.end()) {
        const EstimateLine& b = *it->second;
        before.erase(it);
        l.amount -= b.amount;
        l.minutes -= b.minutes;
        l.usage_minutes -= b.usage_minutes;
        l.calls -= b.calls;
        if (l.amount.is_zero() && l.minutes.is_zero()) continue;
      }
      result.push_back(std::move(l));
    }
    for (const EstimateLine& b : baseline.lines) {
      // Lines of the input as imported that are gone now (in the baseline's order).
      bool gone = false;
      for (auto [i, end] = before.equal_range(line_key(b)); i != end; ++i) gone = gone || i->second == &b;
      if (!gone) continue;
      result.push_back(negated(b));  // its usage names the baseline's row: "report.baseline.usage[3]"
    }
  }

  Money total;
  bool clamped = false;
  for (auto& [use_case, amount] : out.by_use_case) {
    const auto was = baseline.by_use_case.find(use_case);
    Money spend = amount - (was == baseline.by_use_case.end() ? Money() : was->second);
    if (auto c = charged.find(static_use_case(use_case)); c != charged.end()) spend += c->second;
    if (spend.is_negative()) {
      spend = Money();
      clamped = true;
    }
    amount = spend;
    total += spend;
  }
  out.monthly_total = total;
  if (clamped) {
    out.warnings.push_back("The changes typed on top of the usage report would save more than the report's charges "
                           "for a use case; its spend is counted as zero. Check the licences: the input as imported "
                           "should describe the licences the report's users had.");
  }
  if (lines) out.lines = std::move(result);
  return out;
}

ReportSummary report_summary(const ReportBasis& report, const Estimate& on_report) {
  ReportSummary out;
  out.basis = "from your report's charges";
  out.currency = report.currency;
  for (const auto& [key, amount] : report.charges) out.charges.insert_or_assign(key, amount);
  out.charges_monthly_total = report.monthly_total;
  out.changes = on_report.monthly_total - report.monthly_total;
  out.period = report.period;
  if (report.rates) {
    for (const auto& rows : report.rates->sheets) out.learned_rates += rows.size();
  }
  out.explanation = "The monthly spend is your usage report's charges per average month (30.4375 days) of its period" +
                    (report.period.empty() ? std::string() : " (" + report.period + ")") +
                    ", plus what the changes typed on top of the imported input cost: priced first at the rates "
                    "learned from the report's charged calls, then at the loaded rate card.";
  return out;
}

}  // namespace ccredits
