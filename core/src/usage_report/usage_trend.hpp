#pragma once
// The monthly trend of an imported report and a 12-month forecast with a range (core/CONTRACT.md "Trend and
// forecast"): the spend per calendar month (at most the last 12), the weekday shape of the days, a monthly growth
// fitted on the months, and from them the next 12 calendar months with a low and a high figure.
#include "formats/json_input.hpp"

namespace ccredits {

struct UsageTotals;

// Null when the report has no spend in its first currency.
json usage_trend(const UsageTotals& totals);

}  // namespace ccredits
