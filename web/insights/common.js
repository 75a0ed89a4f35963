// What the report's insights (chargeback.js, flags.js, trend.js) share: a calendar month in words, and a button that
// downloads every row of a list as a CSV in the page's locale. Amounts in the report's currency: format.js moneyIn.
import { h } from '../dom.js';
import { toCsv, download } from '../export.js';
import { pageLocale } from '../number-input.js';
import { amount } from '../format.js';

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
// "2026-10" -> "October 2026"; anything else is shown as it is.
export function monthName(month) {
  const m = /^(\d{4})-(\d{2})$/.exec(String(month ?? ''));
  return m ? monthFormat.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : String(month ?? '—');
}

// rows(): the CSV's rows, header first, built only when the person asks for the file.
export function csvButton(label, fileName, rows) {
  return h('button', {
    type: 'button',
    class: 'csv-export',
    onclick: () => download(fileName, toCsv(rows(), pageLocale()), 'text/csv'),
  }, label);
}

// "1 call", "1,204 calls": the count grouped as the page writes counts (format.js amount).
export const count = (n, word) => `${amount(n)} ${word}${n === 1 ? '' : 's'}`;
