// Monthly credit spend: the total, by use case, and line by line by destination.
import { h } from '../dom.js';
import { money, rate, amount, humanize, isDecimal } from '../format.js';
import { fill, table, list, textOf } from './section.js';

const USE_CASES = {
  toll_free: 'Toll-free numbers',
  conference_dial_out: 'Meeting dial-out',
  calling_plan_overage: 'Calling Plan overage',
  payg_outbound: 'Pay-As-You-Go outbound calls',
  pay_per_minute_conferencing: 'Pay-per-minute conferencing',
};
export const useCaseName = (k) => USE_CASES[k] ?? humanize(k);

const NUMBER_TYPES = { wireline: 'landline', wireless: 'mobile', premium: 'premium' };

// "Calling Plan overage (from US, mobile)": several lines may share a destination; this tells them apart.
function lineUseCase(l) {
  const detail = [textOf(l.from) && `from ${textOf(l.from)}`, NUMBER_TYPES[l.number_type], textOf(l.service).replace(/_/g, ' ')]
    .filter(Boolean);
  return useCaseName(textOf(l.use_case)) + (detail.length ? ` (${detail.join(', ')})` : '');
}

export function renderSpend(section, e) {
  const byUseCase = e.by_use_case && typeof e.by_use_case === 'object'
    ? Object.entries(e.by_use_case).filter(([, v]) => isDecimal(v)).map(([k, v]) => [useCaseName(k), money(v)])
    : [];
  const lines = (Array.isArray(e.lines) ? e.lines : []).map((l) => [
    textOf(l.destination) || '—', lineUseCase(l), amount(l.minutes), rate(l.rate), money(l.amount),
  ]);
  fill(section, [
    isDecimal(e.monthly_total)
      ? h('p', { class: 'total' }, 'Per month: ', h('strong', { id: 'monthly-total', text: money(e.monthly_total) }))
      : null,
    table('By use case, per month', ['Use case', 'Amount'], byUseCase, { numeric: [1] }),
    table('By destination, per month', ['Destination', 'Use case', 'Billed minutes', 'Rate per minute', 'Amount'], lines, { numeric: [2, 3, 4] }),
    Array.isArray(e.warnings) && e.warnings.length ? h('div', { class: 'warnings' }, h('h3', { text: 'Warnings' }), list(e.warnings)) : null,
  ]);
}
