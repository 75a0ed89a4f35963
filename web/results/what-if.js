// The what-if comparison from the core: each alternative with its figures, shown as the core names them.
import { h } from '../dom.js';
import { money, amount, humanize, isDecimal } from '../format.js';
import { fill, textOf } from './section.js';

const MONEY_KEYS = /total|amount|spend|cost|one_time|threshold|balance|saving|difference|unused/;

function cell(key, v) {
  if (isDecimal(v)) return MONEY_KEYS.test(key) && typeof v === 'string' ? money(v) : amount(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    return Object.entries(v).filter(([, x]) => typeof x !== 'object').map(([k, x]) => `${humanize(k)}: ${cell(k, x)}`).join('; ');
  }
  return '';
}

export function renderWhatIf(section, e) {
  let items = e.what_if;
  if (items && typeof items === 'object' && !Array.isArray(items)) items = Object.entries(items).map(([k, v]) => (v && typeof v === 'object' ? { name: k, ...v } : { name: k, value: v }));
  items = (Array.isArray(items) ? items : []).filter((x) => x && typeof x === 'object');
  fill(section, items.length ? h('ul', { class: 'what-if' }, items.map((item) => {
    const title = textOf(item.title) || textOf(item.label) || textOf(item.name) || textOf(item.change) || 'Alternative';
    const rest = Object.entries(item).filter(([k, v]) => !['title', 'label', 'name', 'change'].includes(k) && cell(k, v) !== '');
    return h('li', {}, h('h3', { text: humanize(title) }),
      h('dl', { class: 'facts' }, rest.map(([k, v]) => [h('dt', { text: humanize(k) }), h('dd', { text: cell(k, v) })])));
  })) : null);
}
