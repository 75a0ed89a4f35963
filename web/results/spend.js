// Monthly credit spend: the total, by use case, and line by line by destination.
import { h, keep } from '../dom.js';
import { money, rate, amount, humanize, isDecimal, currency } from '../format.js';
import { fill, table, tableRow, textOf } from './section.js';
import { peopleList } from './people-list.js';

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
export function lineUseCase(l) {
  const detail = [textOf(l.from) && `from ${textOf(l.from)}`, NUMBER_TYPES[l.number_type], textOf(l.service).replace(/_/g, ' ')]
    .filter(Boolean);
  return useCaseName(textOf(l.use_case)) + (detail.length ? ` (${detail.join(', ')})` : '');
}

// The printed page lists this many lines (style.css hides the rest there).
const PRINTED_LINES = 12;
const LINE_HEADERS = ['Destination', 'Use case', 'Billed minutes', 'Rate per minute', 'Amount'];
const LINE_NUMERIC = [2, 3, 4];
// Where a line's rate comes from, with an imported report ("from your report", "illustrative", "Microsoft's rates
// from FILE"): set by the page from rate-source.js before each render.
let lineWords = {}; // rate_source -> words
export function setLineSource(words = {}) {
  if (words.report === lineWords.report && words.card === lineWords.card) return;
  lineWords = { ...words };
  kept = null;
}
const destinationCell = (l) => {
  const words = typeof l.rate_source === 'string' ? lineWords[l.rate_source] : '';
  return `${textOf(l.destination) || '—'}${words ? ` — ${words}` : ''}`;
};
// A line of a report's charges is the report's total for a use case: it has no minutes or rate of its own, so
// those cells say so rather than "0" and "$0.00" beside an amount.
export const isReportCharge = (l) => l.rate_source === 'charges';
const lineCells = (l) => [destinationCell(l), lineUseCase(l), isReportCharge(l) ? '—' : amount(l.minutes),
  isReportCharge(l) ? '—' : rate(l.rate), money(l.amount)];

// The lines table is kept from one render to the next and only the rows of lines that changed are rebuilt: the
// façade hands back the very same object for every line the estimate did not change (web/ccredits-client.js), and
// a keystroke in a 200-row scenario changes one or two of its ~300 lines. Rebuilt whole, the table made the
// browser restyle ~2,000 elements per keystroke (tests/bench/page-update.mjs).
let kept = null; // { wrap, tbody, rows: [tr], lines: [line], currency, chars: [[n, n, n]], widest: [n, n, n] }

// The figure columns' least widths (style.css, .lines-table): each row's figure lengths are kept, and the table is
// told a column's longest. Told, it restyles and lays out every row: a 200-row scenario's key took 65 ms instead of
// 19 when each key in the row with the longest minutes told it (tests/bench/page-update.mjs). So a column widens at
// once (a figure must never break) but narrows only once typing has paused for NARROW_AFTER_MS; and figures of up
// to FITTING_CHARS characters fit the columns' own least width (5.25rem) in any usual font, so a longest figure
// that short is told as FITTING_CHARS.
const FITTING_CHARS = 6;
const NARROW_AFTER_MS = 1000;
let narrowTimer = 0;
const figureChars = (cells) => LINE_NUMERIC.map((i) => cells[i].length);
function fitFigures({ narrow = false } = {}) {
  const table = kept.wrap.querySelector('table');
  let narrower = false;
  LINE_NUMERIC.forEach((column, i) => {
    const widest = kept.chars.reduce((most, row) => Math.max(most, row[i]), FITTING_CHARS);
    if (widest === kept.widest[i]) return;
    if (widest < kept.widest[i] && !narrow) {
      narrower = true;
      return;
    }
    kept.widest[i] = widest;
    table.style.setProperty(`--chars-${column}`, String(widest));
  });
  clearTimeout(narrowTimer);
  if (narrower) {
    const fitted = kept;
    narrowTimer = setTimeout(() => { if (kept === fitted) fitFigures({ narrow: true }); }, NARROW_AFTER_MS);
  }
}

// On screen the lines table's rows are laid out one by one, as grids of its column widths (style.css,
// .lines-table). A table displayed other than as a table loses its table semantics in some browsers, so its parts
// say what they are.
const CELL_ROLES = { TH: (c) => (c.scope === 'row' ? 'rowheader' : 'columnheader'), TD: () => 'cell' };
function rowRoles(tr) {
  tr.setAttribute('role', 'row');
  for (const cell of tr.cells) cell.setAttribute('role', CELL_ROLES[cell.tagName](cell));
  return tr;
}
function tableRoles(wrap) {
  const t = wrap.querySelector('table');
  t.setAttribute('role', 'table');
  for (const group of [t.tHead, ...t.tBodies]) group.setAttribute('role', 'rowgroup');
  for (const tr of t.rows) rowRoles(tr);
  return wrap;
}

function patchRow(tr, cells) {
  cells.forEach((text, i) => {
    const cell = tr.cells[i];
    if (cell.textContent !== text) cell.textContent = text;
  });
}

function linesTable(lines) {
  if (!lines.length) {
    kept = null;
    return null;
  }
  if (!kept || kept.currency !== currency() || !kept.wrap.isConnected) {
    const cells = lines.map(lineCells);
    const wrap = keep(tableRoles(table('By destination, per month', LINE_HEADERS, cells, { numeric: LINE_NUMERIC, className: 'lines-table' })));
    const tbody = wrap.querySelector('tbody');
    kept = { wrap, tbody, rows: [...tbody.children], lines, currency: currency(), chars: cells.map(figureChars), widest: [] };
    fitFigures();
    return wrap;
  }
  const { tbody, rows } = kept;
  lines.forEach((line, i) => {
    if (i < rows.length && line === kept.lines[i]) return;
    const cells = lineCells(line);
    kept.chars[i] = figureChars(cells);
    // A changed line mostly changes its amount: the row stays and only the words that differ are written (a pool's
    // minutes moving changes the amounts of every line in it, a new row for each restyled and laid out all of them).
    if (i < rows.length) {
      rows[i].cells.length === cells.length ? patchRow(rows[i], cells) : rows[i].replaceWith(rows[i] = rowRoles(tableRow(cells, LINE_NUMERIC)));
      return;
    }
    rows[i] = rowRoles(tableRow(cells, LINE_NUMERIC));
    tbody.append(rows[i]);
  });
  while (rows.length > lines.length) rows.pop().remove();
  kept.chars.length = lines.length;
  kept.lines = lines;
  fitFigures();
  return kept.wrap;
}

export function renderSpend(section, e) {
  const byUseCase = e.by_use_case && typeof e.by_use_case === 'object'
    ? Object.entries(e.by_use_case).filter(([, v]) => isDecimal(v)).map(([k, v]) => [useCaseName(k), money(v)])
    : [];
  fill(section, [
    isDecimal(e.monthly_total)
      ? h('p', { class: 'total' }, 'Per month: ', h('strong', { id: 'monthly-total', text: money(e.monthly_total) }))
      : null,
    table('By use case, per month', ['Use case', 'Amount'], byUseCase, { numeric: [1] }),
    linesTable((Array.isArray(e.lines) ? e.lines : []).filter((l) => l && typeof l === 'object')),
    Array.isArray(e.lines) && e.lines.length > PRINTED_LINES
      ? h('p', { class: 'print-only', text: `${e.lines.length - PRINTED_LINES} more lines are in the CSV export (Export results).` }) : null,
    Array.isArray(e.warnings) && e.warnings.length ? h('div', { class: 'warnings' }, h('h3', { text: 'Warnings' }), peopleList(e.warnings)) : null,
  ]);
}
