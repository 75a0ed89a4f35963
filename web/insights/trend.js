// The monthly trend of an imported report and the 12-month forecast with its range (core/CONTRACT.md "Trend and
// forecast"), as tables: the core's figures as it gives them, in the report's currency.
import { h } from '../dom.js';
import { amount, moneyIn } from '../format.js';
import { table } from '../results/section.js';
import { monthName } from './common.js';

export function trendPart(trend) {
  const part = h('section', { class: 'insight', id: 'usage-trend', 'aria-labelledby': 'usage-trend-title' },
    h('h3', { id: 'usage-trend-title', text: 'Monthly spend and the next 12 months' }));
  if (!trend || typeof trend !== 'object') {
    part.append(h('p', { text: 'No trend: the report shows no charges.' }));
    return part;
  }
  const money = moneyIn(trend.currency);
  const months = Array.isArray(trend.months) ? trend.months : [];
  part.append(table('Spend per calendar month of the report', ['Month', 'Spend', 'Calls', 'Days in the report'],
    months.map((m) => [monthName(m.month), money(m.spend), amount(m.calls),
      m.complete ? `all ${amount(m.days_in_month)}` : `${amount(m.days_covered)} of ${amount(m.days_in_month)} (part of the month)`]),
    { numeric: [1, 2] }));
  const forecast = trend.forecast && typeof trend.forecast === 'object' ? trend.forecast : null;
  const ahead = Array.isArray(forecast?.months) ? forecast.months : [];
  if (!ahead.length) return part;
  const growth = typeof forecast.monthly_growth_percent === 'string' ? forecast.monthly_growth_percent : null;
  part.append(h('p', { id: 'usage-forecast-total' },
    `Forecast for the next ${ahead.length} months: ${money(forecast.total)} (likely between ${money(forecast.low)} and ` +
    `${money(forecast.high)})${growth !== null ? `, with a growth of ${growth} % a month` : ''}.`));
  part.append(table('Forecast spend per month, with its 95 % range', ['Month', 'Forecast', 'Low', 'High'],
    ahead.map((m) => [monthName(m.month), money(m.spend), money(m.low), money(m.high)]), { numeric: [1, 2, 3] }));
  if (typeof forecast.basis === 'string') part.append(h('p', { class: 'hint', text: `How: ${forecast.basis}` }));
  return part;
}
