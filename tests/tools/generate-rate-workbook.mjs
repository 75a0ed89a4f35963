#!/usr/bin/env node
// Microsoft's rate workbook (core/DOMAIN.md §5 and §9) made for the tests, deterministic: the .xlsx written byte by
// byte (its zip, its XML), each sheet as CSV the way Excel saves it in English (',') and German (';', decimal
// commas, "€" and "Cent"), and the same rates as a ccredits JSON card, so a test can check that all of them give
// the same estimate.
//   node tests/tools/generate-rate-workbook.mjs --prefixes N --out-dir DIR [--currency EUR]
// writes DIR/rates-en.xlsx (deflated, numbers stored as numbers, shared strings), DIR/rates-de.xlsx (stored
// entries, German headers, numbers as text, inline strings, sheets named Sheet1..4 with title rows),
// DIR/en-comma/<sheet>.csv, DIR/de-semicolon/<sheet>.csv and DIR/card.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const countries = JSON.parse(readFileSync(path.join(here, '../../rates/countries.json'), 'utf8')).countries
  .filter((c) => c.calling_codes.length > 0);

export const SHEETS = [
  { key: 'dial_out_calls', title: 'Dial-out calls' },
  { key: 'dial_out_audio', title: 'Dial-out Audio Rates' },
  { key: 'toll_free_in', title: 'Dial-in to toll free' },
  { key: 'toll_in', title: 'Dial-in to toll' },
];

const HEADERS = {
  en: (cur) => ['Origin', 'Destination', 'Prefix(es)', 'Originating Number Type', 'Terminating Number Type',
    `Per Minute Rate in ${cur} (Billed in Tenths of a Minute)`, `Connection charge in ${cur}`],
  de: (cur) => ['Ursprung', 'Ziel', 'Vorwahl(en)', 'Ursprungsnummerntyp', 'Zielnummerntyp',
    `Minutentarif in ${cur} (Abrechnung in Zehnteln einer Minute)`, `Verbindungsgebühr in ${cur}`],
};
const TYPES = {
  en: { all: 'All Number Types', wireline: 'Wireline', wireless: 'Wireless' },
  de: { all: 'Alle Nummerntypen', wireline: 'Festnetz', wireless: 'Mobil' },
};
const ANY = { en: 'Any', de: 'Alle' };
const SYMBOL = { EUR: '€', GBP: '£', USD: '$' };

// The country a prefix belongs to, as the core finds it: the longest calling code it starts with.
function countryOf(prefix) {
  let best = null;
  for (const c of countries) {
    for (const code of c.calling_codes) {
      if (prefix.startsWith(code) && (!best || code.length > best.code.length)) best = { code, country: c.code };
    }
  }
  return best?.country;
}

// Rate rows: `prefixes` rows on "Dial-out calls" and the first three per country (all, wireline, wireless) on
// the other sheets, so every country has a rate of each number type. Rates have four decimals, as Microsoft's.
export function rateRows(prefixes) {
  const nc = countries.length;
  const rows = [];
  const total = Math.max(prefixes, 3 * nc);
  for (let i = 0; i < total; ++i) {
    const c = countries[i % nc];
    const k = Math.floor(i / nc);
    const first = c.calling_codes[0] + (k === 0 ? '' : String(k).padStart(3, '0'));
    const list = i % 7 === 6 ? [first, `${first}9`] : [first];
    const type = ['all', 'wireline', 'wireless'][k % 3];
    const perMinute = (((i * 37) % 5000) + 10).toString().padStart(5, '0');
    rows.push({
      index: i,
      destination: `${c.name}${type === 'wireless' ? '-Mobile' : ''}${k >= 3 ? ` ${k}` : ''}`,
      prefixes: list,
      country: countryOf(first),
      type,
      perMinute: `${perMinute.slice(0, 1)}.${perMinute.slice(1)}`,
      connection: i % 3 === 0 ? '0.0100' : '0',
      sheets: i < prefixes ? (k < 3 ? SHEETS.map((s) => s.key) : ['dial_out_calls']) : SHEETS.slice(1).map((s) => s.key),
    });
  }
  return rows;
}

export function jsonCard(rows, currency) {
  const sheets = {};
  for (const s of SHEETS) {
    sheets[s.key] = rows.filter((r) => r.sheets.includes(s.key)).map((r) => ({
      origin: '*', destination: r.destination, country: r.country, prefixes: r.prefixes, number_type: r.type,
      per_minute: r.perMinute, connection: r.connection,
    }));
  }
  return JSON.stringify({ schema: 'ccredits.rates/1', currency, sheets }, null, 1);
}

// An amount as text the way a German Excel shows it: "0,0240 €", and sometimes "2,4 Cent".
function germanAmount(value, currency, index) {
  if (index % 4 === 1 && currency === 'EUR') {
    const cents = (Number(value.replace('.', '')) / 100).toString().replace('.', ',');  // 0.0240 -> 2.4: exact here
    return `${cents} Cent`;
  }
  return `${value.replace('.', ',')} ${SYMBOL[currency] ?? currency}`;
}

// The cells of one sheet: title rows, a blank row, the header, the rate rows.
function sheetTable(rows, sheet, { lang, currency, amounts }) {
  const table = [[sheet.title], [`Effective 2026-12-01, ${currency}`], [], HEADERS[lang](currency)];
  for (const r of rows.filter((x) => x.sheets.includes(sheet.key))) {
    const amount = (v) => (amounts === 'number' ? { number: v }
      : lang === 'de' ? germanAmount(v, currency, r.index) : v);
    table.push([ANY[lang], r.destination, r.prefixes.join(', '), TYPES[lang].all, TYPES[lang][r.type],
      amount(r.perMinute), amount(r.connection)]);
  }
  return table;
}

function csvField(text, separator) {
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replaceAll('"', '""')}"` : text;
}

// One sheet as Excel saves it: ',' with dot decimals (English), or ';' with decimal commas (German), CRLF, BOM.
export function sheetCsv(rows, sheet, { lang, currency, separator }) {
  const table = sheetTable(rows, sheet, { lang, currency, amounts: 'text' });
  const width = 7;
  return '\uFEFF' + table.map((cells) => Array.from({ length: width }, (_, i) => csvField(String(cells[i] ?? ''), separator))
    .join(separator)).join('\r\n') + '\r\n';
}

const xmlText = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const columnLetters = (n) => (n > 26 ? columnLetters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

function worksheetXml(table, strings) {
  const out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  table.forEach((cells, r) => {
    if (cells.length === 0) return;  // a blank row is simply absent, as Excel writes it
    out.push(`<row r="${r + 1}">`);
    cells.forEach((cell, c) => {
      const ref = `${columnLetters(c + 1)}${r + 1}`;
      if (typeof cell === 'object') {
        // Numbers as Excel writes doubles: now and then in exponent form.
        const v = r % 5 === 0 && Number(cell.number) > 0 ? Number(cell.number).toExponential().toUpperCase() : cell.number;
        out.push(`<c r="${ref}"><v>${v}</v></c>`);
      } else if (strings) {
        let index = strings.index.get(cell);
        if (index === undefined) {
          index = strings.list.length;
          strings.list.push(cell);
          strings.index.set(cell, index);
        }
        out.push(`<c r="${ref}" t="s"><v>${index}</v></c>`);
      } else {
        out.push(`<c r="${ref}" t="inlineStr"><is><t>${xmlText(cell)}</t></is></c>`);
      }
    });
    out.push('</row>');
  });
  out.push('</sheetData></worksheet>');
  return out.join('');
}

// A zip written byte by byte: local headers, the entries (stored or raw deflate), the central directory.
export function zipBytes(entries, { store = false } = {}) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const raw = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
    const packed = store ? raw : zlib.deflateRawSync(raw);
    const crc = zlib.crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(store ? 0 : 8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(raw.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, packed);
    central.push(dir, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dirBytes, end]);
}

// The parts of an .xlsx holding these worksheets ({name, xml}), with a shared strings part when given.
export function xlsxEntries(worksheets, sharedStrings) {
  const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const entries = [
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      worksheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      (sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
      '</Types>' },
    { name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${ns}"><sheets>` +
      worksheets.map((w, i) => `<sheet name="${xmlText(w.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>' },
    { name: 'xl/_rels/workbook.xml.rels', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      worksheets.map((w, i) => `<Relationship Id="rId${i + 1}" Type="${ns}/worksheet" Target="${w.target ?? `worksheets/sheet${i + 1}.xml`}"/>`).join('') +
      (sharedStrings ? `<Relationship Id="rIdS" Type="${ns}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
      '</Relationships>' },
  ];
  worksheets.forEach((w, i) => entries.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: w.xml }));
  if (sharedStrings) {
    entries.push({ name: 'xl/sharedStrings.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">` +
      sharedStrings.map((s) => `<si><t xml:space="preserve">${xmlText(s)}</t></si>`).join('') + '</sst>' });
  }
  return entries;
}

// The workbook: a "Read me" sheet of notes first (not a rate sheet), then the four rate sheets.
export function workbookBytes(rows, { lang = 'en', currency = 'EUR', amounts = 'number', strings = 'shared',
  store = false, sheetNames = 'titles' } = {}) {
  const shared = strings === 'shared' ? { list: [], index: new Map() } : null;
  const worksheets = [{ name: lang === 'de' ? 'Hinweise' : 'Read me',
    xml: worksheetXml([['Microsoft Teams rates'], ['Rates exclude tax.']], shared) }];
  SHEETS.forEach((sheet, i) => worksheets.push({
    name: sheetNames === 'titles' ? sheet.title : `Sheet${i + 1}`,
    xml: worksheetXml(sheetTable(rows, sheet, { lang, currency, amounts }), shared),
  }));
  return zipBytes(xlsxEntries(worksheets, shared?.list), { store });
}

function main(argv) {
  const a = { prefixes: 1000, outDir: null, currency: 'EUR' };
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--prefixes') a.prefixes = Number(argv[++i]);
    else if (argv[i] === '--out-dir') a.outDir = argv[++i];
    else if (argv[i] === '--currency') a.currency = argv[++i];
    else throw new Error(`unknown option ${argv[i]}`);
  }
  if (!a.outDir) throw new Error('--out-dir DIR is required');
  const rows = rateRows(a.prefixes);
  mkdirSync(a.outDir, { recursive: true });
  writeFileSync(path.join(a.outDir, 'rates-en.xlsx'), workbookBytes(rows, { lang: 'en', currency: a.currency }));
  writeFileSync(path.join(a.outDir, 'rates-de.xlsx'), workbookBytes(rows, { lang: 'de', currency: a.currency,
    amounts: 'text', strings: 'inline', store: true, sheetNames: 'numbered' }));
  for (const [folder, lang, separator] of [['en-comma', 'en', ','], ['de-semicolon', 'de', ';']]) {
    mkdirSync(path.join(a.outDir, folder), { recursive: true });
    for (const sheet of SHEETS) {
      writeFileSync(path.join(a.outDir, folder, `${sheet.title}.csv`), sheetCsv(rows, sheet, { lang, currency: a.currency, separator }));
    }
  }
  writeFileSync(path.join(a.outDir, 'card.json'), jsonCard(rows, a.currency));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
