// How much to buy: one-time amount, auto-recharge settings, the explanation, and the balance the planner simulated.
import { h } from '../dom.js';
import { money, amount, isDecimal } from '../format.js';
import { balanceFigure } from '../chart.js';
import { fill, list, textOf } from './section.js';

let chart = null; // one figure, kept between renders (chart.js)

export function renderRecommendation(section, e) {
  const r = e.recommendation;
  if (!r || typeof r !== 'object') return fill(section, null);
  const ar = r.auto_recharge && typeof r.auto_recharge === 'object' ? r.auto_recharge : null;
  const facts = [
    isDecimal(r.one_time) && ['Buy now (one-time amount)', money(r.one_time)],
    ar && isDecimal(ar.amount) && ['Auto-recharge: add this amount', money(ar.amount)],
    ar && isDecimal(ar.threshold) && ['Auto-recharge: when balance is below', money(ar.threshold)],
    isDecimal(r.recharges_per_month) && ['Recharges per month (each one is an invoice)', amount(r.recharges_per_month)],
    isDecimal(r.lowest_balance) && ['Lowest balance in the simulation', money(r.lowest_balance)],
    isDecimal(r.expiring_unused) && ['Credit expiring unused after 12 months', money(r.expiring_unused)],
  ].filter(Boolean);
  const series = Array.isArray(r.balance_series) ? r.balance_series : [];
  chart ??= balanceFigure();
  fill(section, [
    facts.length ? h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])) : null,
    Array.isArray(r.explanation) && r.explanation.length ? h('div', {}, h('h3', { text: 'How these figures were reached' }), list(r.explanation)) : null,
    series.length && chart.show(series, { threshold: ar?.threshold }) ? chart.element : null,
    Array.isArray(r.notifications) && r.notifications.length
      ? h('div', {}, h('h3', { text: 'Who gets notified' }), list(r.notifications.map((n) => (typeof n === 'object' && n ? textOf(n.message) || textOf(n.event) : n))))
      : null,
  ]);
}
