// A result section that hides itself when the estimate has nothing for it (a missing key is never "undefined").
import { h, patchChildren } from '../dom.js';

// Children that are already in place stay where they are: moving a node makes the browser restyle its whole
// subtree, and the lines table of a 200-row scenario is kept from one keystroke to the next (spend.js). A part drawn
// anew is patched over the one drawn last time at its place (dom.js), so a keystroke changes only the words that
// changed.
export function fill(section, content) {
  const parts = (Array.isArray(content) ? content : [content]).filter(Boolean);
  section.hidden = parts.length === 0;
  patchChildren(section, [section.querySelector(':scope > h2, :scope > h3'), ...parts].filter(Boolean));
}

export const textOf = (v) => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');

export function list(items, className) {
  const texts = (Array.isArray(items) ? items : []).map(textOf).filter(Boolean);
  return texts.length ? h('ul', { class: className }, texts.map((t) => h('li', { text: t }))) : null;
}

// className: the table's own class (style.css), e.g. a fixed layout for a long table that changes row by row.
export function table(caption, headers, rows, { numeric = [], whole = [], className } = {}) {
  if (!rows.length) return null;
  // A narrow screen scrolls the table sideways inside its own box (focusable, so the keyboard can scroll it too).
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption }, h('table', { class: className },
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, headers.map((t, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null, text: t })))),
    body(rows, numeric, whole)));
}

// The rows straight through createElement: a 200-row scenario's 300-line table is built on every keystroke that
// changes most of it, and h()'s generic property handling made it most of the page's update
// (tests/bench/page-update.mjs).
function body(rows, numeric, whole) {
  const tbody = document.createElement('tbody');
  for (const r of rows) tbody.append(tableRow(r, numeric, whole));
  return tbody;
}

// numeric: the columns of figures (right-aligned, never broken: style.css); whole: other columns whose text is
// never broken either, such as phone numbers (a number over two lines reads as two).
export function tableRow(cells, numeric = [], whole = []) {
  const tr = document.createElement('tr');
  cells.forEach((c, i) => {
    const cell = document.createElement(i === 0 ? 'th' : 'td');
    if (i === 0) cell.setAttribute('scope', 'row');
    else if (numeric.includes(i)) cell.className = 'num';
    else if (whole.includes(i)) cell.className = 'whole';
    cell.textContent = c;
    tr.append(cell);
  });
  return tr;
}
