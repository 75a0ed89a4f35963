// Trend and forecast of an imported report's spend (core/CONTRACT.md "Trend and forecast").
//
// The statistics (weekday shape, growth rate, spread) are ratios and need fractional powers and square roots, so
// they are computed in double; every amount the result gives is rounded once from them into Money (to a
// millionth, half away from zero) and only then summed or printed. The observed months are exact sums of Money.
#include "usage_report/usage_trend.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "usage_report/usage_totals.hpp"

namespace ccredits {
namespace {

constexpr int kMonthsShown = 12;
constexpr int kForecastMonths = 12;
constexpr double kDaysPerMonth = 30.4375;  // 365.25 / 12, as the rest of the importer
// A growth fitted on few months is clamped: more than 25 % a month either way is not a trend to extend for a year.
constexpr double kMaxGrowth = 0.25;
// With a single month, growth cannot be measured: the range assumes it may drift by this much a month.
constexpr double kUnknownGrowthSpread = 0.02;
constexpr double kZ95 = 1.96;  // two-sided 95 % of a normal spread

struct YearMonth {
  int year;
  int month;  // 1..12
};

YearMonth year_month(int day) {
  const std::string d = iso_date(day);
  return {std::stoi(d.substr(0, 4)), std::stoi(d.substr(5, 2))};
}

std::string month_key(YearMonth m) {
  return std::to_string(m.year) + (m.month < 10 ? "-0" : "-") + std::to_string(m.month);
}

int first_day_of(YearMonth m) { return days_from_civil(m.year, static_cast<unsigned>(m.month), 1); }

YearMonth next(YearMonth m) { return m.month == 12 ? YearMonth{m.year + 1, 1} : YearMonth{m.year, m.month + 1}; }


int weekday(int day) { return ((day + 4) % 7 + 7) % 7; }  // 0 = Sunday; 1970-01-01 was a Thursday

// The one rounding of a statistic into an amount.
Money to_money(double micros) {
  if (!(micros > 0)) return Money();
  if (micros > 9.0e17) micros = 9.0e17;
  return Money::from_micros(std::llround(micros));
}

std::string ratio_text(double r, int decimals) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, r);
  return text;
}

}  // namespace

json usage_trend(const UsageTotals& totals) {
  if (totals.currencies.empty() || totals.days() == 0) return nullptr;
  const int first = totals.first_day, last = totals.last_day;
  auto spend_on = [&](int day) {
    auto it = totals.by_day.find(day);
    return it == totals.by_day.end() ? Money() : it->second.spend;
  };

  // Weekday shape: each weekday's mean spend over the period against the mean day (1 for every weekday when the
  // period is shorter than a week or has no spend).
  std::array<double, 7> shape{1, 1, 1, 1, 1, 1, 1};
  {
    std::array<double, 7> sum{}, count{};
    double all = 0;
    for (int d = first; d <= last; ++d) {
      const double micros = static_cast<double>(spend_on(d).micros());
      sum[static_cast<std::size_t>(weekday(d))] += micros;
      count[static_cast<std::size_t>(weekday(d))] += 1;
      all += micros;
    }
    const double mean = all / (last - first + 1);
    if (last - first + 1 >= 7 && mean > 0) {
      for (std::size_t w = 0; w < 7; ++w) shape[w] = sum[w] / count[w] / mean;
    }
  }
  auto shape_sum = [&](int from, int to) {
    double s = 0;
    for (int d = from; d <= to; ++d) s += shape[static_cast<std::size_t>(weekday(d))];
    return s;
  };

  // Observed months (the last 12 calendar months the report touches).
  struct Month {
    YearMonth ym;
    int from, to;  // the days of the month inside the period
    int days_in_month;
    Money spend;
    std::int64_t calls = 0;
    double level = 0;  // spend per shape-weighted day, in micros
  };
  std::vector<Month> months;
  for (YearMonth m = year_month(first);; m = next(m)) {
    const int start = first_day_of(m), end = first_day_of(next(m)) - 1;
    Month month{m, std::max(start, first), std::min(end, last), end - start + 1, Money(), 0, 0};
    for (int d = month.from; d <= month.to; ++d) {
      auto it = totals.by_day.find(d);
      if (it == totals.by_day.end()) continue;
      month.spend += it->second.spend;
      month.calls += it->second.calls;
    }
    const double weight = shape_sum(month.from, month.to);
    month.level = weight > 0 ? static_cast<double>(month.spend.micros()) / weight : 0;
    months.push_back(month);
    if (end >= last) break;
  }
  if (months.size() > kMonthsShown) months.erase(months.begin(), months.end() - kMonthsShown);

  // Growth per month: a least-squares line through the logarithm of the months' levels (months of at least 14
  // days with spend), clamped; none with fewer than two such months.
  std::vector<std::pair<double, double>> points;
  for (std::size_t i = 0; i < months.size(); ++i) {
    if (months[i].to - months[i].from + 1 >= 14 && months[i].level > 0) {
      points.emplace_back(static_cast<double>(i), std::log(months[i].level));
    }
  }
  double growth = 0, growth_spread = kUnknownGrowthSpread;
  std::string growth_basis = "one month of data or less: no growth is assumed, and the range allows " +
                             ratio_text(kUnknownGrowthSpread * 100, 0) + " % a month either way";
  if (points.size() >= 2) {
    const double n = static_cast<double>(points.size());
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (auto [x, y] : points) {
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    growth = std::clamp(std::exp(slope) - 1, -kMaxGrowth, kMaxGrowth);
    double residual = 0;
    for (auto [x, y] : points) {
      const double e = y - (sy / n + slope * (x - sx / n));
      residual += e * e;
    }
    growth_spread = points.size() > 2 ? std::sqrt(residual / (n - 2) / (sxx - sx * sx / n)) : std::abs(growth) / 2;
    growth_basis = "fitted on " + std::to_string(points.size()) + " months";
  }

  // Level: the spend per shape-weighted day over the last 28 days (or the whole period), and the day-to-day spread
  // around it.
  const int window_from = std::max(first, last - 27);
  const double window_weight = shape_sum(window_from, last);
  double window_spend = 0;
  for (int d = window_from; d <= last; ++d) window_spend += static_cast<double>(spend_on(d).micros());
  const double level = window_weight > 0 ? window_spend / window_weight : 0;
  double spread = 0;  // relative standard deviation of a day around level x shape
  const int window_days = last - window_from + 1;
  if (level > 0 && window_days > 1) {
    double sq = 0;
    for (int d = window_from; d <= last; ++d) {
      const double expected = level * shape[static_cast<std::size_t>(weekday(d))];
      const double e = expected > 0 ? static_cast<double>(spend_on(d).micros()) / expected - 1 : 0;
      sq += e * e;
    }
    spread = std::sqrt(sq / (window_days - 1));
  }
  const double centre = (window_from + last) / 2.0;

  json out;
  out["currency"] = totals.currencies.front().currency;
  json observed = json::array();
  for (const Month& m : months) {
    observed.push_back({{"month", month_key(m.ym)},
                        {"spend", m.spend.to_string(2)},
                        {"calls", m.calls},
                        {"days_covered", m.to - m.from + 1},
                        {"days_in_month", m.days_in_month},
                        {"complete", m.to - m.from + 1 == m.days_in_month}});
  }
  out["months"] = std::move(observed);

  json forecast = json::array();
  Money year_total, year_low, year_high;
  YearMonth m = next(year_month(last));
  for (int k = 1; k <= kForecastMonths; ++k, m = next(m)) {
    const int start = first_day_of(m), end = first_day_of(next(m)) - 1;
    const double mid = (start + end) / 2.0;
    const double ahead = (mid - centre) / kDaysPerMonth;  // months from the level's window to this month
    const double expected = level * shape_sum(start, end) * std::pow(1 + growth, ahead);
    const double days = end - start + 1;
    // 95 % range: the month's own day-to-day noise, the uncertainty of the level (grows with the horizon) and of
    // the growth (grows with its square).
    const double relative = kZ95 * std::sqrt(spread * spread / days + spread * spread / window_days * k +
                                             (growth_spread * ahead) * (growth_spread * ahead));
    const Money spend = to_money(expected);
    const Money low = to_money(expected * (1 - relative));
    const Money high = to_money(expected * (1 + relative));
    year_total += spend;
    year_low += low;
    year_high += high;
    // spend_exact is what the funding planner takes, so that its months add up to `total` as shown.
    forecast.push_back({{"month", month_key(m)}, {"spend", spend.to_string(2)}, {"spend_exact", spend.to_exact_string()},
                        {"low", low.to_string(2)}, {"high", high.to_string(2)}});
  }
  static constexpr const char* kWeekdays[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
                                              "saturday"};
  json shape_json = json::object();
  for (std::size_t w = 0; w < 7; ++w) shape_json[kWeekdays[w]] = ratio_text(shape[w], 3);
  out["forecast"] = {
      {"months", std::move(forecast)},
      {"total", year_total.to_string(2)},
      {"low", year_low.to_string(2)},
      {"high", year_high.to_string(2)},
      {"monthly_growth_percent", ratio_text(growth * 100, 1)},
      {"weekday_shape", std::move(shape_json)},
      {"basis", "The level is the spend of the last " + std::to_string(window_days) +
                    " days of the report per weekday-weighted day; each month adds up its days by the weekday "
                    "shape of the report and grows by the monthly growth (" + growth_basis +
                    "). The range is 95 %: the day-to-day spread of the report, the uncertainty of the level and "
                    "that of the growth, widening with the months ahead."}};
  return out;
}

}  // namespace ccredits
