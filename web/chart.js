// The planner's day-by-day balance as an SVG line, with the same figures in a table for screen readers and
// anyone who wants the numbers. Coordinates are display geometry only; the figures shown are the core's strings.
import { h, keep } from './dom.js';
import { money, isDecimal } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
const W = 640;
const H = 240;
const PAD = { left: 70, right: 12, top: 12, bottom: 30 };

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

// series: decimal strings, one per day from day 1. threshold: optional decimal string. null when it cannot be drawn.
function balanceSvg(series, { threshold } = {}) {
  const values = series.filter(isDecimal);
  if (values.length < 2 || values.length !== series.length) return null;
  const nums = values.map(Number);
  const lowest = Math.min(0, ...nums);
  const highest = Math.max(...nums, isDecimal(threshold) ? Number(threshold) : 0, 1);
  const x = (i) => PAD.left + (i / (nums.length - 1)) * (W - PAD.left - PAD.right);
  const y = (v) => PAD.top + (1 - (v - lowest) / (highest - lowest)) * (H - PAD.top - PAD.bottom);
  const low = nums.indexOf(Math.min(...nums));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-labelledby': 'chart-title chart-desc' });
  svg.append(s('title', { id: 'chart-title' }, 'Credit balance over time'));
  svg.append(s('desc', { id: 'chart-desc' },
    `Balance on each of ${nums.length} days: starts at ${money(values[0])}, lowest ${money(values[low])} on day ${low + 1}, ends at ${money(values.at(-1))}. The table below lists every day.`));
  for (const v of [lowest, (lowest + highest) / 2, highest]) {
    svg.append(s('line', { x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v), class: 'grid' }));
    svg.append(s('text', { x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' }, money(v.toFixed(2))));
  }
  if (isDecimal(threshold)) {
    svg.append(s('line', { x1: PAD.left, x2: W - PAD.right, y1: y(Number(threshold)), y2: y(Number(threshold)), class: 'threshold' }));
    svg.append(s('text', { x: W - PAD.right, y: y(Number(threshold)) - 4, 'text-anchor': 'end', class: 'axis' }, 'recharge threshold'));
  }
  // The planner's months are 30 days. At most 7 labels fit the axis: every month up to 6, else every 2nd or 3rd.
  const months = Math.floor((nums.length - 1) / 30);
  const step = Math.max(1, Math.ceil(months / 6));
  for (let m = 0; m <= months; m += step) {
    const day = m * 30;
    svg.append(s('text', { x: x(day), y: H - 8, 'text-anchor': m === 0 ? 'start' : 'middle', class: 'axis' }, m === 0 ? 'day 1' : `day ${day + 1}`));
  }
  svg.append(s('polyline', { points: nums.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' '), class: 'line' }));
  svg.append(s('circle', { cx: x(low), cy: y(nums[low]), r: 4, class: 'low' }));
  return svg;
}

// The chart and its day-by-day table, as one figure kept from one render to the next: each render replaces the
// SVG only. The table (a year is ~360 rows) is built when its <details> is opened, and kept up to date while it is.
// Why kept: inserting a <details> made Chromium restyle every <option> of the form, ~87,000 of them in a
// 200-row scenario, 50 ms on each keystroke (tests/bench/page-update.mjs).
export function balanceFigure() {
  let values = [];
  const details = h('details', { class: 'chart-table' }, h('summary', { text: 'The balance as a table' }));
  const fillTable = () => {
    details.querySelector(':scope > table')?.remove();
    if (details.open) details.append(balanceTable(values));
  };
  details.addEventListener('toggle', fillTable);
  const figure = keep(h('figure', { class: 'balance' }, details));
  return {
    element: figure,
    // Draws the series; false when it cannot be drawn (fewer than two days, or a value that is not a decimal).
    show(series, options) {
      const svg = balanceSvg(series, options);
      if (!svg) return false;
      values = series;
      const old = figure.querySelector(':scope > svg');
      if (old) old.replaceWith(svg);
      else figure.prepend(svg);
      fillTable();
      return true;
    },
  };
}

function balanceTable(values) {
  const tbody = document.createElement('tbody');
  values.forEach((v, i) => {
    const tr = document.createElement('tr');
    const day = document.createElement('th');
    day.setAttribute('scope', 'row');
    day.textContent = String(i + 1);
    const balance = document.createElement('td');
    balance.className = 'num';
    balance.textContent = money(v);
    tr.append(day, balance);
    tbody.append(tr);
  });
  return h('table', {},
    h('caption', { text: 'Balance by day' }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Day' }), h('th', { scope: 'col', class: 'num', text: 'Balance' }))),
    tbody);
}
