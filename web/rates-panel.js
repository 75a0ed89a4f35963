// Which rate card is in use (currency, date, illustrative or not), the shipped cards, and Microsoft's rate sheets
// loaded from the admin's disk (read in the browser; nothing is uploaded).
import { h, replace } from './dom.js';
import { setCurrency } from './format.js';
import { RATE_CARDS } from './site-data.js';
import { selectField } from './inputs/fields.js';
import { textOf } from './results/section.js';

const SHEETS = [
  ['', 'Guess from the file name'],
  ['dial_out_calls', 'Dial-out calls'],
  ['dial_out_audio', 'Dial-out Audio Rates'],
  ['toll_free_in', 'Dial-in to toll free'],
  ['toll_in', 'Dial-in to toll'],
];

export function guessSheet(fileName) {
  const n = fileName.toLowerCase().replace(/[_-]+/g, ' ');
  if (/toll ?free/.test(n)) return 'toll_free_in';
  if (/dial ?in|toll/.test(n)) return 'toll_in';
  if (/audio|conferenc/.test(n)) return 'dial_out_audio';
  if (/dial ?out|calls|outbound/.test(n)) return 'dial_out_calls';
  return '';
}

export function mountRates(section, calculator, onChange) {
  const info = h('div', { id: 'rates-info' });
  const status = h('p', { class: 'status', role: 'status' });
  let current = null;
  // What the figures are priced with, for rate-source.js: the whole card (shipped or the person's JSON file) and
  // the sheets loaded over it from the person's CSV files.
  let card = null; // {illustrative, label, file, effective, currency, sheets: [[sheet, file]]}
  // The last whole card as JSON text: the import worker re-rates a usage report with it in its own module.
  let jsonCard = null;

  const show = (info0) => {
    current = info0;
    setCurrency(textOf(info0.currency) || 'USD');
    const name = card.label ?? card.file;
    const sheets = card.sheets.map(([, file]) => file);
    replace(info,
      h('p', {}, 'In use: ', h('strong', { text: name || 'rate card' }),
        sheets.length ? `, with sheets from ${sheets.join(', ')}` : '',
        `${card.label ? '' : `, ${textOf(info0.currency) || '—'}`}${card.effective ? `, effective ${card.effective}` : ''}.`),
      card.illustrative
        ? h('p', { class: 'illustrative', id: 'illustrative-note', text: sheets.length
          ? 'The sheets not loaded from your files are illustrative: invented for this calculator, not Microsoft\'s prices.'
          : 'Illustrative rates: invented for this calculator, not Microsoft\'s prices. Load Microsoft\'s rate sheets for real figures.' })
        : h('p', { text: 'Rates loaded from your files. Microsoft\'s rates exclude tax and may change monthly.' }),
      textOf(info0.source) && !card.label ? h('p', { class: 'hint', text: `Source: ${textOf(info0.source)}` }) : null);
  };
  const wholeCard = (result, file, label) => ({
    illustrative: Boolean(result.illustrative), label, file, effective: textOf(result.effective), currency: textOf(result.currency), sheets: [],
  });

  const loadShipped = async (file, pending) => {
    const text = await (pending ?? fetch(file).then((r) => r.text()));
    const result = calculator.loadRates(text, file.split('/').pop());
    if (result.error) throw new Error(result.error.message);
    jsonCard = { text, file: file.split('/').pop() };
    card = wholeCard(result, file.split('/').pop(), RATE_CARDS.find((c) => c.file === file)?.label);
    show(result);
  };

  const cardPicker = selectField('rates.card', 'Shipped rate card', RATE_CARDS.map((c) => [c.file, c.label]), RATE_CARDS[0].file);
  cardPicker.querySelector('select').addEventListener('change', async (e) => {
    try { await loadShipped(e.target.value); status.textContent = 'Rate card loaded.'; onChange(); } catch (err) { status.textContent = err.message; }
  });

  const sheetPicker = selectField('rates.sheet', 'Which sheet a CSV file is', SHEETS, '');
  const fileInput = h('input', { type: 'file', id: 'rates-file', accept: '.xlsx,.csv,.json,text/csv,application/json', multiple: true });
  fileInput.addEventListener('change', async () => {
    const messages = [];
    for (const file of fileInput.files) {
      const workbook = /\.xlsx$/i.test(file.name);
      const text = workbook ? '' : await file.text();
      let result;
      if (workbook) {
        // Microsoft's workbook as downloaded: read by a module loaded only now, then loaded as a whole card.
        try {
          const { workbookToRateCard } = await import('./rate-workbook.js');
          const cardText = await workbookToRateCard(file);
          result = calculator.loadRates(cardText, file.name);
          if (!result.error) {
            jsonCard = { text: cardText, file: file.name };
            card = wholeCard(result, file.name);
          }
        } catch (e) {
          result = { error: e?.error ?? { message: 'the workbook could not be read.' } };
        }
      } else if (/\.json$/i.test(file.name)) {
        result = calculator.loadRates(text, file.name);
        if (!result.error) {
          jsonCard = { text, file: file.name };
          card = wholeCard(result, file.name);
        }
      } else if (calculator.loadRateSheet) {
        // Empty: the core takes the sheet from the file's title row or name.
        const sheet = sheetPicker.querySelector('select').value || guessSheet(file.name);
        result = calculator.loadRateSheet(text, file.name, sheet);
      } else {
        result = { error: { message: 'this version of the calculator reads rate cards as JSON only.' } };
      }
      if (result.error) messages.push(`${file.name}: ${textOf(result.error.message) || 'could not be read.'}`);
      else {
        if (textOf(result.sheet)) {
          card = { ...card, sheets: [...card.sheets.filter(([k]) => k !== result.sheet), [result.sheet, file.name]] };
        }
        show({ ...(current ?? {}), ...result, file: file.name, illustrative: Boolean(result.illustrative) });
        const title = SHEETS.find(([k]) => k === result.sheet)?.[1];
        messages.push(`${file.name}: loaded${title ? ` as the "${title}" sheet` : ''}.`);
      }
    }
    status.textContent = messages.join(' ');
    fileInput.value = '';
    onChange();
  });

  section.append(info, h('div', { class: 'row-fields' }, cardPicker, sheetPicker,
    h('div', { class: 'field' }, h('label', { for: 'rates-file', text: 'Load Microsoft\'s rate workbook from your disk (.xlsx, CSV sheets or JSON)' }), fileInput,
      h('p', { class: 'hint', text: 'The .xlsx as downloaded from Microsoft, in any of its currencies and languages, or each sheet saved as CSV. Read here in the browser, never uploaded.' }))), status);
  // pending: the first card's text already on its way (fetched while the wasm module compiles).
  return { load: (pending) => loadShipped(RATE_CARDS[0].file, pending), current: () => current, card: () => card, jsonCard: () => jsonCard };
}
