#!/usr/bin/env node
// Microsoft's four-sheet rate workbook (core/DOMAIN.md §5) written by a real spreadsheet library, exceljs, instead
// of byte by byte (generate-rate-workbook.mjs): what the core reads is then also what a third-party writer makes of
// the same rates, with its own zip, styles, shared strings and cell types. The rows are generate-rate-workbook.mjs's,
// so its JSON card and CSVs hold the same rates.
// Each rate sheet: a title row and an effective-date row above the header, a blank row, then the rates; several
// prefixes in one cell ("33, 336"); amounts stored as numbers on even rows and as text on odd ones; every string
// a shared string (exceljs's default). A "Read me" sheet of notes comes first, as in Microsoft's download.
//   node tests/tools/write-workbook-exceljs.mjs --prefixes N --out FILE [--currency EUR]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { rateRows, SHEETS } from './generate-rate-workbook.mjs';

const HEADER = (currency) => ['Origin', 'Destination', 'Prefix(es)', 'Originating Number Type',
  'Terminating Number Type', `Per Minute Rate in ${currency} (Billed in Tenths of a Minute)`,
  `Connection charge in ${currency}`];
const TYPES = { all: 'All Number Types', wireline: 'Wireline', wireless: 'Wireless' };

// The .xlsx as a Buffer. `amounts`: 'mixed' (numbers and text by row), 'number' or 'text'.
export async function exceljsWorkbook(rows, { currency = 'EUR', amounts = 'mixed' } = {}) {
  const book = new ExcelJS.Workbook();
  book.creator = 'ccredits tests';
  book.created = new Date(Date.UTC(2026, 11, 1));  // fixed, so the file is the same from run to run
  book.modified = book.created;
  const notes = book.addWorksheet('Read me');
  notes.addRow(['Microsoft Teams rates']);
  notes.addRow(['Rates exclude tax.']);
  for (const sheet of SHEETS) {
    const ws = book.addWorksheet(sheet.title);
    ws.addRow([sheet.title]);
    ws.addRow([`Effective 2026-12-01, ${currency}`]);
    ws.addRow([]);
    ws.addRow(HEADER(currency)).font = { bold: true };
    let n = 0;
    for (const r of rows) {
      if (!r.sheets.includes(sheet.key)) continue;
      const asNumber = amounts === 'number' || (amounts === 'mixed' && n % 2 === 0);
      const amount = (v) => (asNumber ? Number(v) : v);
      ws.addRow(['Any', r.destination, r.prefixes.join(', '), TYPES.all, TYPES[r.type], amount(r.perMinute),
        amount(r.connection)]);
      ++n;
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer({ useSharedStrings: true }));
}

async function main(argv) {
  const a = { prefixes: 1000, out: null, currency: 'EUR' };
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--prefixes') a.prefixes = Number(argv[++i]);
    else if (argv[i] === '--out') a.out = argv[++i];
    else if (argv[i] === '--currency') a.currency = argv[++i];
    else throw new Error(`unknown option ${argv[i]}`);
  }
  if (!a.out) throw new Error('--out FILE is required');
  writeFileSync(a.out, await exceljsWorkbook(rateRows(a.prefixes), { currency: a.currency }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
