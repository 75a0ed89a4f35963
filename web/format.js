// Shown numbers. Money stays a decimal string end to end: Intl.NumberFormat formats the string exactly, and a value
// that is not a decimal string shows as a dash, never as NaN or undefined.
const DECIMAL = /^-?\d+(\.\d+)?$/;

export const isDecimal = (v) => (typeof v === 'string' && DECIMAL.test(v)) || (typeof v === 'number' && Number.isFinite(v));

// Formatting a decimal string exactly costs microseconds, and the page formats ~1,000 of them on every keystroke of
// a 200-row scenario, nearly all the same as the keystroke before: each format remembers its recent results.
function remembered(format) {
  const seen = new Map();
  return (value) => {
    const key = typeof value === 'number' ? `n${value}` : value;
    let text = seen.get(key);
    if (text === undefined) {
      if (seen.size >= 5000) seen.clear();
      text = format.format(value);
      seen.set(key, text);
    }
    return text;
  };
}

let formatMoney = remembered(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }));
let formatRate = remembered(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 6 }));
let currencyCode = 'USD';

// Intl's formats for a currency code: amounts, and rates with their digits; plain decimals when Intl does not
// know the code (code then '').
function currencyFormats(code) {
  try {
    return {
      code,
      money: new Intl.NumberFormat(undefined, { style: 'currency', currency: code }),
      rate: new Intl.NumberFormat(undefined, { style: 'currency', currency: code, maximumFractionDigits: 6 }),
    };
  } catch {
    return {
      code: '',
      money: new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      rate: new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 6 }),
    };
  }
}

export function setCurrency(code) {
  const formats = currencyFormats(code);
  formatMoney = remembered(formats.money);
  formatRate = remembered(formats.rate);
  currencyCode = formats.code;
}

// Amounts in a currency other than the page's (a usage report's own), formatted as money() formats the page's.
export function moneyIn(code) {
  const format = currencyFormats(code).money;
  return (value) => (isDecimal(value) ? format.format(value) : '—');
}

export const currency = () => currencyCode;

export function money(value) {
  return isDecimal(value) ? formatMoney(value) : '—';
}

// A per-minute rate keeps its digits: $0.019, not $0.02.
export function rate(value) {
  return isDecimal(value) ? formatRate(value) : '—';
}

const formatAmount = remembered(new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }));
export function amount(value) {
  return isDecimal(value) ? formatAmount(value) : '—';
}

// A decimal string with the decimals it has ("1068.00", "0.089", "50000"), grouped as the page groups its figures:
// the numbers inside the core's sentences (people-text.js). Exact, like every format here.
const formatDecimals = new Map(); // number of decimals -> format
export function decimalText(value) {
  const decimals = String(value).split('.')[1]?.length ?? 0;
  let format = formatDecimals.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatDecimals.set(decimals, format);
  }
  return isDecimal(value) ? format.format(value) : '—';
}

// A file's size in megabytes to one decimal, for an import's progress (a size, not money: a float is exact enough).
const formatMegabytes = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const megabytes = (bytes) => formatMegabytes.format(bytes / 1e6);

// Minutes of an imported report, to the hundredth, always with both decimals: in a column 20.90 lines up with 29.28.
const formatMinutes = remembered(new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
export function minutes(value) {
  return isDecimal(value) ? formatMinutes(value) : '—';
}

// A share of a whole for a bar's width and its label; only for display geometry, never for money.
export function fraction(part, whole) {
  const p = Number(part);
  const w = Number(whole);
  if (!Number.isFinite(p) || !Number.isFinite(w) || w <= 0) return p > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, p / w));
}

const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
export const percent = (f) => (Number.isFinite(f) ? percentFormat.format(f) : '—');

// "calling_plan_overage" -> "Calling plan overage"
export function humanize(key) {
  const text = String(key).replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
