// Where the figures' rates come from, said where the figures are (the headline, the phone's result bar, exports,
// the printed page). card: what the rates panel has loaded (rates-panel.js card()).
//   {illustrative, label, file, effective, sheets: [[sheetKey, fileName], ...] loaded from the person's disk}
import { textOf } from './results/section.js';

const SHEET_TITLES = { dial_out_calls: 'dial-out calls', dial_out_audio: 'meeting dial-out', toll_free_in: 'toll-free', toll_in: 'toll dial-in' };

// A whole card as rateSource() reads it, from the core's answer to loading it (file: its file name; label: a
// shipped card's words).
export const wholeCard = (result, file, label) => ({
  illustrative: Boolean(result.illustrative), label, file, effective: textOf(result.effective), currency: textOf(result.currency), sheets: [],
});

export const ILLUSTRATIVE_NOTE = 'Illustrative rates are examples made up for this calculator, not Microsoft\'s prices.';

// -> {short: "at illustrative rates", note: a sentence or '', illustrative: boolean}
// lines: the estimate's lines; with rate sheets loaded over the illustrative card, they tell whether any billed
// figure still comes from an illustrative sheet.
export function rateSource(card, lines = [], report = null) {
  const source = cardSource(card, lines);
  // Each line's own source (the estimate's line.rate_source with an imported report), for the lines table.
  const cardWords = source.illustrative && !source.short.startsWith('partly') ? 'illustrative' : source.short.replace(/^at /, '');
  source.lineWords = { report: 'from your report', card: cardWords };
  if (!report || typeof report !== 'object') return source;
  // An imported usage report: its charges are the spend; only changes typed on top are priced.
  const changes = typeof report.changes === 'string' && !/^-?0\.00$/.test(report.changes);
  const period = typeof report.period === 'string' && report.period ? ` (${report.period})` : '';
  return {
    ...source,
    short: "from your report's charges",
    note: `Your usage report's charges per average month of its period${period}` +
      (changes ? `, plus the changes typed on top, priced at the rates learned from the report's charged calls, then ${cardWords === 'illustrative' ? 'at illustrative rates' : cardWords}.`
        : '. Changes you type on top are priced at the rates learned from the report\'s charged calls first.') +
      (changes && source.illustrative ? ` ${ILLUSTRATIVE_NOTE}` : ''),
    illustrative: changes && source.illustrative && (Array.isArray(lines) ? lines : []).some((l) => l?.rate_source === 'card'),
  };
}

function cardSource(card, lines) {
  if (!card) return { short: 'at illustrative rates', note: ILLUSTRATIVE_NOTE, illustrative: true };
  const sheets = new Map(card.sheets ?? []);
  if (!card.illustrative) {
    const files = [...new Set([card.file, ...sheets.values()].filter(Boolean))].join(', ');
    const when = card.effective && !sheets.size ? `, effective ${card.effective}` : '';
    return { short: `at Microsoft's rates from ${files}${when}`, note: 'Microsoft\'s rates exclude tax and may change monthly.', illustrative: false };
  }
  if (!sheets.size) return { short: 'at illustrative rates', note: ILLUSTRATIVE_NOTE, illustrative: true };
  const billedSheets = new Set((Array.isArray(lines) ? lines : []).filter((l) => l && Number(l.amount) !== 0).map((l) => l.sheet));
  const stillIllustrative = [...billedSheets].some((s) => !sheets.has(s));
  const files = [...new Set(sheets.values())].join(', ');
  if (!stillIllustrative) {
    return { short: `at Microsoft's rates from ${files}`, note: 'Microsoft\'s rates exclude tax and may change monthly.', illustrative: false };
  }
  const mine = [...sheets.keys()].map((k) => SHEET_TITLES[k] ?? k.replace(/_/g, ' ')).join(', ');
  return {
    short: `partly at illustrative rates (Microsoft's rates from ${files} for ${mine} only)`,
    note: `${ILLUSTRATIVE_NOTE} Only the ${mine} sheet${sheets.size > 1 ? 's are' : ' is'} loaded from your files.`,
    illustrative: true,
  };
}
