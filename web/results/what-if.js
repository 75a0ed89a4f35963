// The what-if comparison from the core: the same usage on another plan mix, next to the current estimate.
import { h } from '../dom.js';
import { money, isDecimal } from '../format.js';
import { useCaseName } from './spend.js';
import { fill, table, textOf } from './section.js';
import { peopleList } from './people-list.js';

// "+12.50" / "−3.00": the core gives the difference as a signed decimal string.
function signed(value) {
  if (!isDecimal(value)) return '—';
  const text = String(value);
  return text.startsWith('-') ? `−${money(text.slice(1))}` : `+${money(text)}`;
}

const comparison = (c) => c && typeof c === 'object' && isDecimal(c.current) && isDecimal(c.after) && isDecimal(c.difference);

export function renderWhatIf(section, e) {
  const w = e.what_if;
  if (!w || typeof w !== 'object' || Array.isArray(w) || !isDecimal(w.monthly_total)) return fill(section, null);
  const changes = (Array.isArray(w.changes) ? w.changes : []).map((c) => textOf(c?.text)).filter(Boolean);
  const now = e.by_use_case && typeof e.by_use_case === 'object' ? e.by_use_case : {};
  const then = w.by_use_case && typeof w.by_use_case === 'object' ? w.by_use_case : {};
  const keys = [...new Set([...Object.keys(now), ...Object.keys(then)])];
  fill(section, [
    textOf(w.description) ? h('p', { class: 'what-if-description', text: textOf(w.description) }) : null,
    // The core's sentences as people read them: countries by name, rows as the form names them.
    changes.length ? h('div', {}, h('h3', { text: 'The change' }), peopleList(changes)) : null,
    table('Monthly credit spend', ['', 'Now', 'With the change'], [
      ['Total', money(w.current_monthly_total ?? e.monthly_total), money(w.monthly_total)],
      ...keys.map((k) => [useCaseName(k), money(now[k]), money(then[k])]),
    ], { numeric: [1, 2] }),
    h('p', { class: 'what-if-difference', id: 'what-if-difference' },
      h('strong', { text: 'Difference: ' }), `${signed(w.difference)} a month from credits.`),
    // With the admin's own licence prices: licences, then licences plus credits (rating/licence_cost.hpp).
    comparison(w.licences) && comparison(w.total) ? table('Licences at your prices, plus credits', ['', 'Now', 'With the change', 'Difference'], [
      ['Licences', money(w.licences.current), money(w.licences.after), signed(w.licences.difference)],
      ['Licences plus credits', money(w.total.current), money(w.total.after), signed(w.total.difference)],
    ], { numeric: [1, 2, 3] }) : null,
    comparison(w.total) ? h('p', { class: 'what-if-difference', id: 'what-if-total' },
      h('strong', { text: 'In all: ' }), `${signed(w.total.difference)} a month, licences at your prices plus credits.`) : null,
    textOf(w.note) ? h('p', { class: 'hint', text: textOf(w.note) }) : null,
    peopleList(w.warnings, 'warnings'),
  ]);
}
