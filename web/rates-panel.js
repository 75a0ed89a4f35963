// Which rate card is in use (currency, date, illustrative or not), the shipped cards, and Microsoft's rate sheets
// loaded from the admin's disk (read in the browser; nothing is uploaded).
import { h, replace } from './dom.js';
import { setCurrency } from './format.js';
import { RATE_CARDS } from './site-data.js';
import { selectField } from './inputs/fields.js';
import { textOf } from './results/section.js';
import { ratesIdentity } from './rates-identity.js';
import { wholeCard } from './rate-source.js';

const SHEETS = [
  ['', 'Guess from the file name'],
  ['dial_out_calls', 'Dial-out calls'],
  ['dial_out_audio', 'Dial-out Audio Rates'],
  ['toll_free_in', 'Dial-in to toll free'],
  ['toll_in', 'Dial-in to toll'],
];

// The core's errors for a sheet whose headers it does not recognise; they list the headers found.
const COLUMN_ERRORS = new Set(['unknown_columns', 'missing_column']);

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
      h('p', {}, 'In use: ', ...(name || !sheets.length
        ? [h('strong', { text: name || 'rate card' }), sheets.length ? `, with sheets from ${sheets.join(', ')}` : '']
        : ['sheets from ', h('strong', { text: sheets.join(', ') })]),
        `${card.label ? '' : `, ${textOf(info0.currency) || '—'}`}${card.effective ? `, effective ${card.effective}` : ''}.`),
      card.illustrative
        ? h('p', { class: 'illustrative', id: 'illustrative-note', text: sheets.length
          ? 'The sheets not loaded from your files are illustrative: invented for this calculator, not Microsoft\'s prices.'
          : 'Illustrative rates: invented for this calculator, not Microsoft\'s prices. Load Microsoft\'s rate sheets for real figures.' })
        : h('p', { text: 'Rates loaded from your files. Microsoft\'s rates exclude tax and may change monthly.' }),
      textOf(info0.source) && !card.label ? h('p', { class: 'hint', text: `Source: ${textOf(info0.source)}` }) : null);
  };

  // The identity of the rates in use, as a share link carries it (rates-identity.js), and every card this page
  // can price with: the shipped ones and each one loaded from the person's files, named by its files and currency.
  let identity = null;
  const loaded = []; // [{value, name, text (the core's JSON of the card), hash, card, result}]
  const cardPicker = selectField('rates.card', 'Rates and currency', [], '');
  const cardSelect = cardPicker.querySelector('select');
  const drawPicker = (value) => {
    replace(cardSelect,
      h('optgroup', { label: 'Shipped illustrative rates' }, RATE_CARDS.map((c) => h('option', { value: c.file, text: c.label }))),
      loaded.length ? h('optgroup', { label: 'Loaded from your files' },
        loaded.map((l) => h('option', { value: l.value, text: `${l.name} (${textOf(l.result.currency) || '—'})` }))) : null);
    cardSelect.value = value;
  };

  // After any load: the card's canonical text for the identity and for the import worker, which re-rates a usage
  // report with it in its own module.
  const settle = (name, { shipped } = {}) => {
    const text = calculator.ratesJson?.();
    if (typeof text !== 'string' || text.startsWith('{"error"')) return null;
    identity = ratesIdentity(text, { name, shipped });
    jsonCard = { text, file: name };
    return text;
  };

  const loadShipped = async (file, pending) => {
    const text = await (pending ?? fetch(file).then((r) => r.text()));
    const result = calculator.loadRates(text, file.split('/').pop());
    if (result.error) throw new Error(result.error.message);
    const label = RATE_CARDS.find((c) => c.file === file)?.label;
    card = wholeCard(result, file.split('/').pop(), label);
    show(result);
    settle(label, { shipped: file });
    drawPicker(file);
  };

  // A card loaded from the person's files joins the picker (the same rates loaded again replace their entry).
  const keepLoaded = (result) => {
    // Sheets loaded over a shipped card are named with it in words, never by the shipped card's file.
    const sheetFiles = [...new Set(card.sheets.map(([, f]) => f))].join(', ');
    const name = (card.label ? `${sheetFiles} over the ${card.illustrative ? 'illustrative rates' : card.label}`
      : [card.file, sheetFiles].filter(Boolean).join(', ')) || 'your rates';
    const text = settle(name);
    if (!text) return;
    const at = loaded.findIndex((l) => l.hash === identity.hash);
    const entry = { value: at >= 0 ? loaded[at].value : `loaded-${loaded.length + 1}`, name, text, hash: identity.hash, card, result };
    if (at >= 0) loaded[at] = entry;
    else loaded.push(entry);
    drawPicker(entry.value);
  };

  const useCard = async (value) => {
    const entry = loaded.find((l) => l.value === value);
    if (!entry) {
      await loadShipped(value);
      return RATE_CARDS.find((c) => c.file === value)?.label ?? 'the rate card';
    }
    const result = calculator.loadRates(entry.text, entry.name);
    if (result.error) throw new Error(textOf(result.error.message) || 'The rates could not be loaded again.');
    card = entry.card;
    show(entry.result);
    settle(entry.name);
    drawPicker(value);
    return entry.name;
  };
  cardSelect.addEventListener('change', async (e) => {
    try {
      const name = await useCard(e.target.value);
      status.textContent = `Now pricing with ${name}.`;
      onChange();
    } catch (err) {
      status.textContent = err.message;
    }
  });

  const sheetPicker = selectField('rates.sheet', 'Which sheet a CSV file is', SHEETS, '');
  const fileInput = h('input', { type: 'file', id: 'rates-file', accept: '.xlsx,.csv,.json,text/csv,application/json', multiple: true });

  // One file read, with `columns` (which header is which column, or null). Changes what is loaded only when it reads.
  const readFile = async (file, columns) => {
    if (/\.xlsx$/i.test(file.name)) {
      // Microsoft's workbook as downloaded: read by a module loaded only now, then loaded as a whole card.
      try {
        const { workbookToRateCard } = await import('./rate-workbook.js');
        const cardText = await workbookToRateCard(file, { columns });
        const result = calculator.loadRates(cardText, file.name);
        if (!result.error) card = wholeCard(result, file.name);
        return result;
      } catch (e) {
        return { error: e?.error ?? { message: 'the workbook could not be read.' } };
      }
    }
    const text = await file.text();
    if (/\.json$/i.test(file.name)) {
      const result = calculator.loadRates(text, file.name);
      if (!result.error) card = wholeCard(result, file.name);
      return result;
    }
    // Empty: the core takes the sheet from the file's title row or name.
    const sheet = sheetPicker.querySelector('select').value || guessSheet(file.name);
    return calculator.loadRateSheet(text, file.name, sheet, columns);
  };

  // The column-mapping step (column-mapping.js, loaded when a sheet's headers are not recognised) and the line
  // that says a remembered choice was used, with its button to choose again.
  const mappingStep = h('div', { id: 'column-mapping', class: 'column-mapping-step', hidden: true });
  const columnsNote = h('p', { id: 'columns-note', class: 'hint', hidden: true });
  let mapped = null; // {file, headers: [[header set], ...]}: the last file read with a column choice

  // Reads a file, asking which column is which when the core does not recognise a sheet's headers (a workbook's
  // sheets may each ask). A choice remembered for the same headers is used without asking, unless `ask` is set.
  const readWithColumns = async (file, { ask = false } = {}) => {
    const used = []; // [{headers, mapping, remembered}]
    let columns = null;
    for (let attempt = 0; attempt < 8; attempt++) {
      const result = await readFile(file, columns);
      const headers = result.error?.headers;
      if (!result.error || !COLUMN_ERRORS.has(result.error.code) || !Array.isArray(headers) || !headers.length) {
        return { result, used };
      }
      const step = await import('./column-mapping.js');
      const before = used.findIndex((u) => JSON.stringify(u.headers) === JSON.stringify(headers));
      const saved = step.savedMapping(headers);
      let mapping = before < 0 && !ask ? saved : null;
      const remembered = Boolean(mapping);
      if (!mapping) {
        mapping = await step.askMapping(mappingStep, {
          fileName: file.name, headers, message: textOf(result.error.message),
          currency: textOf(current?.currency) || 'USD', initial: (before >= 0 ? used[before].mapping : saved) ?? {},
        });
        if (!mapping) return { result: { error: { message: 'not loaded: the columns were not chosen.' } }, used };
      }
      if (before >= 0) used.splice(before, 1);
      used.push({ headers, mapping, remembered });
      columns = step.mergeMappings(used.map((u) => u.mapping));
    }
    return { result: { error: { message: 'its columns could not be matched; check the choices and load it again.' } }, used };
  };

  const showColumnsNote = (file, used) => {
    mapped = used.length ? { file, headers: used.map((u) => u.headers) } : null;
    columnsNote.hidden = !mapped;
    if (!mapped) return;
    const remembered = used.every((u) => u.remembered);
    replace(columnsNote,
      `${file.name} was read with the columns you chose${remembered ? ' before for files with these headers' : ''}. `,
      h('button', { type: 'button', id: 'change-columns', text: 'Change the columns', onclick: () => changeColumns() }));
  };

  const loadFiles = async (files, options) => {
    const messages = [];
    for (const file of files) {
      const { result, used } = await readWithColumns(file, options);
      if (result.error) messages.push(`${file.name}: ${textOf(result.error.message) || 'could not be read.'}`);
      else {
        if (used.length) {
          const { saveMapping } = await import('./column-mapping.js');
          for (const u of used) saveMapping(u.headers, u.mapping);
        }
        showColumnsNote(file, used);
        // A sheet in another currency than the card in use is a card of its own: nothing of the card before is in it.
        const before = result.new_card ? textOf(current?.currency) : '';
        if (result.new_card) card = { illustrative: false, file: '', effective: textOf(result.effective), currency: textOf(result.currency), sheets: [] };
        if (textOf(result.sheet)) {
          card = { ...card, sheets: [...card.sheets.filter(([k]) => k !== result.sheet), [result.sheet, file.name]] };
        }
        show({ ...(current ?? {}), ...result, file: file.name, illustrative: Boolean(result.illustrative) });
        keepLoaded(current);
        const title = SHEETS.find(([k]) => k === result.sheet)?.[1];
        const newCard = before ? ` of a new ${textOf(result.currency)} card; the ${before} rates used before are not mixed with it` : '';
        messages.push(`${file.name}: loaded${title ? ` as the "${title}" sheet` : ''}${newCard}${used.length ? ' with the columns you chose' : ''}.`);
      }
    }
    status.textContent = messages.join(' ');
    onChange();
  };

  const changeColumns = async () => {
    if (!mapped) return;
    await loadFiles([mapped.file], { ask: true });
    (columnsNote.hidden ? fileInput : columnsNote.querySelector('button')).focus();
  };

  fileInput.addEventListener('change', async () => {
    const files = [...fileInput.files];
    fileInput.value = '';
    await loadFiles(files);
  });

  section.append(info, h('div', { class: 'row-fields' }, cardPicker, sheetPicker,
    h('div', { class: 'field' }, h('label', { for: 'rates-file', text: 'Load Microsoft\'s rate workbook from your disk (.xlsx, CSV sheets or JSON)' }), fileInput,
      h('p', { class: 'hint', text: 'The .xlsx as downloaded from Microsoft, in any of its currencies and languages, or each sheet saved as CSV. Read here in the browser, never uploaded.' }))),
    mappingStep, status, columnsNote);
  // pending: the first card's text already on its way (fetched while the wasm module compiles).
  return {
    load: (pending) => loadShipped(RATE_CARDS[0].file, pending),
    current: () => current,
    card: () => card,
    jsonCard: () => jsonCard,
    identity: () => identity,
    // A shipped card by its file (a share link's rates); false when this page does not ship it.
    useShipped: async (file) => {
      if (!RATE_CARDS.some((c) => c.file === file)) return false;
      if (identity?.shipped !== file) await loadShipped(file);
      return true;
    },
  };
}
