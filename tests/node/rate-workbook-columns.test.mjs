// A workbook whose sheets have headers the core does not recognise, read the page's way: the error lists each
// sheet's headers, and the page's merged column choice (web/column-mapping.js) reads every sheet.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { siteDir } from './load-module.mjs';
import { xlsxEntries, zipBytes } from '../tools/generate-rate-workbook.mjs';
import { mergeMappings, missingRoles } from '../../web/column-mapping.js';

let workbookToRateCard;
let createWorkbook;
before(async () => {
  ({ workbookToRateCard } = await import(pathToFileURL(path.join(siteDir, 'rate-workbook.js')).href));
  const { default: create } = await import(pathToFileURL(path.join(siteDir, 'ccredits-workbook.js')).href);
  const wasmBinary = readFileSync(path.join(siteDir, 'ccredits-workbook.wasm'));
  createWorkbook = () => create({ wasmBinary });
});

const cell = (ref, value) => (typeof value === 'number' ? `<c r="${ref}"><v>${value}</v></c>`
  : `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`);
const sheetXml = (rows) => '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  rows.map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) => cell(`${'ABCD'[c]}${r + 1}`, v)).join('')}</row>`).join('') +
  '</sheetData></worksheet>';

const workbook = new File([zipBytes(xlsxEntries([
  { name: 'Dial-out calls', xml: sheetXml([['Land', 'Nummernbereich', 'Art', 'Preis pro Min.'], ['France', '33', 'Wireless', 0.0777]]) },
  { name: 'Dial-out Audio Rates', xml: sheetXml([['Country name', 'Range', 'Kind', 'Price a minute'], ['Spain', '34', 'Wireline', 0.05]]) },
]))], 'our-rates.xlsx');

const failure = (columns) => workbookToRateCard(workbook, { columns, createModule: createWorkbook }).then(
  () => assert.fail('expected the unknown-columns error'), (e) => e.error);

test('each sheet with unknown headers is named with its headers; the merged choice reads the whole workbook', async () => {
  const first = await failure(null);
  assert.equal(first.code, 'unknown_columns');
  assert.deepEqual(first.headers, ['Land', 'Nummernbereich', 'Art', 'Preis pro Min.']);
  assert.match(first.message, /Sheet "Dial-out calls"/);
  const calls = { destination: 'Land', prefixes: 'Nummernbereich', number_type: 'Art', per_minute: 'Preis pro Min.', currency: 'EUR' };
  const second = await failure(calls);
  assert.deepEqual(second.headers, ['Country name', 'Range', 'Kind', 'Price a minute']);
  const audio = { destination: 'Country name', prefixes: 'Range', number_type: 'Kind', per_minute: 'Price a minute', currency: 'EUR' };
  const merged = mergeMappings([calls, audio]);
  assert.deepEqual(merged.destination, ['Land', 'Country name']);
  const card = JSON.parse(await workbookToRateCard(workbook, { columns: merged, createModule: createWorkbook }));
  assert.equal(card.currency, 'EUR');
  assert.equal(card.sheets.dial_out_calls[0].per_minute, '0.0777');
  assert.equal(card.sheets.dial_out_audio[0].country, 'ES');
});

test('a choice without a required column says which', () => {
  assert.equal(missingRoles({ destination: 'Land' }), 'the terminating number type and the per-minute rate');
  assert.equal(missingRoles({ destination: 'Land', number_type: 'Art' }), 'the per-minute rate');
  assert.equal(missingRoles({ destination: 'Land', number_type: 'Art', per_minute: 'Preis' }), '');
  assert.equal(missingRoles({}), 'the destination, the terminating number type and the per-minute rate');
});
