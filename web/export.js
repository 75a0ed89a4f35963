// Files out and in: the results as CSV (Excel-friendly) and JSON, the input as a scenario JSON file, and reading
// one back. CSV cells that a spreadsheet would run as a formula get a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value) {
  let text = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

// Rows of the estimate as [section, item, detail, minutes, rate, amount]; amounts stay the core's decimal strings.
export function estimateRows(estimate, currency) {
  const rows = [['section', 'item', 'detail', 'minutes', `rate (${currency})`, `amount (${currency})`]];
  const str = (v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
  rows.push(['total', 'monthly credit spend', '', '', '', str(estimate.monthly_total)]);
  for (const [k, v] of Object.entries(estimate.by_use_case ?? {})) rows.push(['by use case', k, '', '', '', str(v)]);
  for (const l of estimate.lines ?? []) rows.push(['line', str(l.use_case), str(l.destination), str(l.minutes), str(l.rate), str(l.amount)]);
  for (const p of estimate.pools ?? []) {
    rows.push(['pool', str(p.kind), [p.country, p.plan, p.zone].filter(Boolean).join(' '), `${str(p.used_minutes)} of ${str(p.included_minutes)}`, '', '']);
  }
  if (typeof estimate.needs_credits === 'boolean') rows.push(['needs credits', String(estimate.needs_credits), (estimate.needs_credits_reasons ?? []).map(str).join(' | '), '', '', '']);
  const el = estimate.eligibility;
  if (el) rows.push(['can purchase', str(el.can_purchase), (el.reasons ?? []).map((r) => str(r?.message)).join(' | '), '', '', '']);
  const r = estimate.recommendation;
  if (r) {
    rows.push(['recommendation', 'one-time amount', '', '', '', str(r.one_time)]);
    rows.push(['recommendation', 'auto-recharge amount', '', '', '', str(r.auto_recharge?.amount)]);
    rows.push(['recommendation', 'auto-recharge threshold', '', '', '', str(r.auto_recharge?.threshold)]);
  }
  for (const w of estimate.warnings ?? []) rows.push(['warning', str(w), '', '', '', '']);
  return rows;
}

export function toCsv(rows) {
  return `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function readJsonFile(file) {
  if (file.size > 2 * 1024 * 1024) throw new Error(`${file.name} is too large for a scenario file (over 2 MB).`);
  try {
    return JSON.parse(await file.text());
  } catch {
    throw new Error(`${file.name} is not a JSON file.`);
  }
}
