// Chargeback of an imported report (core/CONTRACT.md "Chargeback"): the top entries by Administrative Unit, user,
// user location and destination, each list downloadable whole as a CSV.
import { h } from '../dom.js';
import { amount, minutes, moneyIn } from '../format.js';
import { countryName } from '../countries.js';
import { table } from '../results/section.js';
import { csvButton } from './common.js';

// Entries shown per list; the CSV holds every one.
export const TOP_ENTRIES = 10;

const place = (code) => (typeof code === 'string' && code ? countryName(code) : 'not given in the report');
const DIRECTIONS = { outbound: 'calls to', 'dial-in': 'dial-in from' };

// Each dimension: its title, the words for an entry, and the CSV's own columns for it (codes kept for spreadsheets).
const DIMENSIONS = [
  { key: 'by_unit', title: 'By Administrative Unit', column: 'Administrative Unit', file: 'units',
    label: (e) => String(e.unit ?? '—'), csvHead: ['administrative unit'], csv: (e) => [e.unit] },
  { key: 'by_user', title: 'By user', column: 'User', file: 'users',
    label: (e) => (e.name && e.name !== e.user ? `${e.name} (${e.user})` : String(e.user ?? '—')),
    csvHead: ['user', 'display name'], csv: (e) => [e.user, e.name] },
  { key: 'by_location', title: 'By user location', column: 'User location', file: 'user-locations',
    label: (e) => place(e.country), csvHead: ['user location', 'country code'], csv: (e) => [place(e.country), e.country] },
  { key: 'by_destination', title: 'By destination', column: 'Destination', file: 'destinations',
    label: (e) => `${DIRECTIONS[e.direction] ?? ''} ${place(e.country)}`.trim().replace(/^./, (c) => c.toUpperCase()),
    csvHead: ['direction', 'country', 'country code'], csv: (e) => [e.direction, place(e.country), e.country] },
];

export function chargebackPart(chargeback) {
  const part = h('section', { class: 'insight', id: 'usage-chargeback', 'aria-labelledby': 'usage-chargeback-title' },
    h('h3', { id: 'usage-chargeback-title', text: 'Chargeback: who and what the calls cost' }));
  if (!chargeback || typeof chargeback !== 'object') {
    part.append(h('p', { text: 'The report has no calls to charge back.' }));
    return part;
  }
  const currency = typeof chargeback.currency === 'string' ? chargeback.currency : '';
  const money = moneyIn(currency);
  // The core's split rule (below) says where users without a unit go.
  part.append(h('p', { text: `Spend${currency ? ` in ${currency}` : ''} (charge and connection fee), minutes and calls.` }));
  if (typeof chargeback.split_rule === 'string') part.append(h('p', { class: 'hint', text: chargeback.split_rule }));
  for (const d of DIMENSIONS) {
    const entries = Array.isArray(chargeback[d.key]) ? chargeback[d.key] : [];
    const shown = entries.slice(0, TOP_ENTRIES);
    const caption = entries.length > shown.length
      ? `${d.title}: the top ${shown.length} of ${amount(entries.length)}, by spend` : `${d.title}, by spend`;
    const block = h('div', { class: 'chargeback-list', 'data-dimension': d.key });
    if (!shown.length) {
      block.append(h('p', { text: `${d.title}: no calls.` }));
    } else {
      block.append(table(caption, [d.column, 'Spend', 'Minutes', 'Calls'],
        shown.map((e) => [d.label(e), money(e.spend), minutes(e.minutes), amount(e.calls)]), { numeric: [1, 2, 3] }));
      const head = [...d.csvHead, `spend (${currency})`, 'minutes', 'calls'];
      const all = entries.length === 1 ? 'the 1 entry' : `all ${amount(entries.length)} entries`;
      block.append(csvButton(`Download ${all} ${d.title.toLowerCase()} as CSV`,
        `ccredits-chargeback-${d.file}.csv`, () => [head, ...entries.map((e) => [...d.csv(e), e.spend, e.minutes, e.calls])]));
    }
    part.append(block);
  }
  return part;
}
