import { useCaseName, lineUseCase, isReportCharge } from './results/spend.js';
import { poolTitle } from './results/pools.js';
import { purchaseAdvice } from './results/advice.js';
import { peopleText } from './people-text.js';

// Files out and in: the results as CSV (Excel-friendly) and JSON, the input as a scenario JSON file, and reading
// one back. CSV cells that a spreadsheet would run as a formula get a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;
// A plain decimal as the core writes amounts ("-12.50", "0.024"): Excel reads it as a number, never a formula.
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

// How Excel in the person's locale reads a CSV: where numbers have a decimal comma (de-DE, fr-FR...) its list
// separator is ';', else ','. locale: a BCP 47 tag, or undefined for the browser's.
export function csvFormat(locale) {
  let decimal = '.';
  try {
    decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  } catch {
    // An unknown locale tag: the English format.
  }
  return decimal === ',' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' };
}

// One cell. A plain decimal is written as a number in the format's decimal mark (no currency sign, no thousands
// separator), so Excel sums it; other text that starts like a formula gets the apostrophe.
export function csvCell(value, { separator = ',', decimal = '.' } = {}) {
  let text = value === undefined || value === null ? '' : String(value);
  if (PLAIN_NUMBER.test(text)) return decimal === '.' ? text : text.replace('.', decimal);
  if (FORMULA_START.test(text)) text = `'${text}`;
  const quote = text.includes(separator) || /[",;\r\n]/.test(text) || text !== text.trim();
  return quote ? `"${text.replace(/"/g, '""')}"` : text;
}

// Rows of the estimate as [section, item, detail, minutes, rate, amount], in words (as the page shows them);
// amounts stay the core's decimal strings. context: {source: rate-source.js's, date: "2026-12-02"}.
export function estimateRows(estimate, currency, { source, date } = {}) {
  const rows = [['section', 'item', 'detail', 'minutes', `rate (${currency})`, `amount (${currency})`]];
  const str = (v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
  const words = (v) => peopleText(str(v));
  if (date) rows.push(['estimate', 'made on', date, '', '', '']);
  if (source) rows.push(['rates', source.short, source.note ?? '', '', '', '']);
  // As the headline names it: invoiced after use for MCA or new-commerce calling subscriptions, else credit spend.
  const billedAfterUse = purchaseAdvice(estimate)?.kind === 'billed_after_use';
  rows.push(['total', billedAfterUse ? 'monthly spend invoiced after use' : 'monthly credit spend', '', '', '', str(estimate.monthly_total)]);
  for (const [k, v] of Object.entries(estimate.by_use_case ?? {})) rows.push(['by use case', useCaseName(k), '', '', '', str(v)]);
  for (const l of estimate.lines ?? []) {
    const charged = isReportCharge(l);
    rows.push(['line', lineUseCase(l), str(l.destination), charged ? '' : str(l.minutes), charged ? '' : str(l.rate), str(l.amount)]);
  }
  // The minutes used as a number in the minutes column (a spreadsheet sums it), what the pool includes in words.
  for (const p of estimate.pools ?? []) rows.push(['pool', poolTitle(p), `minutes used, of ${str(p.included_minutes)} included`, str(p.used_minutes), '', '']);
  if (typeof estimate.needs_credits === 'boolean') {
    rows.push(['needs credits', estimate.needs_credits ? 'yes' : 'no', (estimate.needs_credits_reasons ?? []).map(words).join(' | '), '', '', '']);
  }
  const el = estimate.eligibility;
  if (el) rows.push(['can buy credits', str(el.can_purchase), (el.reasons ?? []).map((r) => words(r?.message)).join(' | '), '', '', '']);
  const r = estimate.recommendation;
  if (r) {
    const advice = purchaseAdvice(estimate) ?? {};
    if (advice.text) rows.push(['advice', advice.text, '', '', '', '']);
    if (advice.oneTime) rows.push(['recommendation', advice.kind === 'partner' ? 'one-time amount for your CSP partner to fund' : 'one-time amount', '', '', '', str(advice.oneTime)]);
    if (advice.autoRecharge) {
      rows.push(['recommendation', 'auto-recharge: add this amount', '', '', '', str(advice.autoRecharge.amount)]);
      rows.push(['recommendation', 'auto-recharge: when balance is below', '', '', '', str(advice.autoRecharge.threshold)]);
    }
  }
  for (const w of estimate.warnings ?? []) rows.push(['warning', words(w), '', '', '', '']);
  return rows;
}

// The rows as CSV for Excel in `locale`: a UTF-8 byte order mark (how Excel tells UTF-8 from its ANSI code page),
// the locale's separator and decimal mark, CRLF lines.
export function toCsv(rows, locale) {
  const format = csvFormat(locale);
  return `\ufeff${rows.map((r) => r.map((cell) => csvCell(cell, format)).join(format.separator)).join('\r\n')}\r\n`;
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
