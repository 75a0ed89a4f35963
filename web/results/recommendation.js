// How much to buy: one-time amount, auto-recharge settings, the explanation, and the balance the planner simulated.
import { h } from '../dom.js';
import { money, amount, isDecimal } from '../format.js';
import { balanceFigure } from '../chart.js';
import { fill, textOf } from './section.js';
import { purchaseAdvice } from './advice.js';
import { peopleList } from './people-list.js';

let chart = null; // one figure, kept between renders (chart.js)

export function renderRecommendation(section, e) {
  const r = e.recommendation;
  if (!r || typeof r !== 'object') return fill(section, null);
  // The same advice as the headline: a partner-funded, billed-after-use or not-sold tenant gets no "buy" figure,
  // and one-time funding shows no auto-recharge setting.
  const advice = purchaseAdvice(e);
  const figuresShown = ['buy', 'unclear', 'partner'].includes(advice?.kind);
  const oneTimeLabel = advice?.kind === 'partner' ? 'For your CSP partner to fund now (one-time amount)' : 'Buy now (one-time amount)';
  const ar = r.mode !== 'one_time' && r.auto_recharge && typeof r.auto_recharge === 'object' ? r.auto_recharge : null;
  const facts = figuresShown ? [
    isDecimal(r.one_time) && [oneTimeLabel, money(r.one_time)],
    ar && isDecimal(ar.amount) && ['Auto-recharge: add this amount', money(ar.amount)],
    ar && isDecimal(ar.threshold) && ['Auto-recharge: when balance is below', money(ar.threshold)],
    // recharges_per_month is the busiest simulated month, not an average: the explanation gives the typical month.
    ar && isDecimal(r.recharges_per_month) && ['Recharges (each one is an invoice)', `at most ${amount(r.recharges_per_month)} in one month`],
    isDecimal(r.lowest_balance) && ['Lowest balance in the simulation', money(r.lowest_balance)],
    isDecimal(r.expiring_unused) && ['Credit expiring unused after 12 months', money(r.expiring_unused)],
  ].filter(Boolean) : [];
  const series = figuresShown && Array.isArray(r.balance_series) ? r.balance_series : [];
  chart ??= balanceFigure();
  fill(section, [
    advice ? h('p', { class: `verdict advice ${advice.kind}`, id: 'recommendation-advice', text: advice.text }) : null,
    facts.length ? h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])) : null,
    Array.isArray(r.explanation) && r.explanation.length ? h('div', { class: 'explanation' }, h('h3', { text: 'How these figures were reached' }), peopleList(r.explanation)) : null,
    series.length && chart.show(series, { threshold: ar?.threshold }) ? chart.element : null,
    Array.isArray(r.notifications) && r.notifications.length
      ? h('div', { class: 'notifications' }, h('h3', { text: 'Who gets notified' }), peopleList(r.notifications.map((n) => (typeof n === 'object' && n ? textOf(n.message) || textOf(n.event) : n))))
      : null,
  ]);
}
