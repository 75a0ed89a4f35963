// Microsoft's rate workbook through the native CLI: the .xlsx (deflated, English, numbers as numbers, shared
// strings; stored, German, amounts as text, inline strings, sheets found by their titles), the same workbook
// written by a spreadsheet library (exceljs: its own zip and styles, amounts as numbers and as text), each sheet as
// CSV in English (',') and German (';', decimal commas, "€", "Cent") and the same rates as a JSON card give
// byte-identical estimates. Then the CLI's errors: a password-protected workbook, unrecognised columns.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './load-module.mjs';
import { rateRows, jsonCard, workbookBytes, sheetCsv, SHEETS } from '../tools/generate-rate-workbook.mjs';
import { exceljsWorkbook } from '../tools/write-workbook-exceljs.mjs';

const cli = process.env.CCREDITS_CLI ?? path.join(repoRoot, 'build/native/core/cli/ccredits');
const dir = mkdtempSync(path.join(os.tmpdir(), 'ccredits-workbook-'));
const rows = rateRows(2000);
const files = {};
// Every sheet has each country's rates of each number type, so this scenario prices against all four sheets.
const scenario = {
  schema: 'ccredits.scenario/1',
  licenses: [{ country: 'DE', plan: 'payg', users: 3 }, { country: 'FR', plan: 'domestic', users: 5 }],
  conferencing: { standard: 2, us_ca_dial_out: 0, pay_per_minute: 1 },
  usage: [
    { kind: 'user_out', from: 'DE', to: 'FR', number_type: 'wireless', minutes: '123.5', calls: 40 },
    { kind: 'user_out', from: 'FR', to: 'GB', number_type: 'wireline', minutes: '800' },
    { kind: 'user_out', from: 'DE', to: 'JP', number_type: 'wireline', minutes: '61', calls: 7 },
    { kind: 'conf_out', from: 'DE', to: 'ES', number_type: 'wireline', minutes: '45' },
  ],
  billing: { calling_account: 'mosa', default_account: 'mosa', channel: 'direct', organization_country: 'DE',
    ea_billing_country: null, tenant_country: 'DE' },
};

const run = (...args) => spawnSync(cli, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

before(async () => {
  const write = (name, data) => {
    files[name] = path.join(dir, name);
    writeFileSync(files[name], data);
  };
  write('card.json', jsonCard(rows, 'EUR'));
  write('rates-en.xlsx', workbookBytes(rows, { lang: 'en', currency: 'EUR' }));
  write('rates-de.xlsx', workbookBytes(rows, { lang: 'de', currency: 'EUR', amounts: 'text', strings: 'inline',
    store: true, sheetNames: 'numbered' }));
  write('rates-exceljs.xlsx', await exceljsWorkbook(rows, { currency: 'EUR' }));
  for (const [lang, separator] of [['en', ','], ['de', ';']]) {
    for (const sheet of SHEETS) {
      write(`${lang}-${sheet.title}.csv`, sheetCsv(rows, sheet, { lang, currency: 'EUR', separator }));
    }
  }
  write('scenario.json', JSON.stringify(scenario));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('rates check reads both workbooks: four sheets, EUR, the same rows as the JSON card', () => {
  const expected = JSON.parse(run('rates', 'check', files['card.json']).stdout).files[0].sheets;
  for (const name of ['rates-en.xlsx', 'rates-de.xlsx', 'rates-exceljs.xlsx']) {
    const r = run('rates', 'check', files[name]);
    assert.equal(r.status, 0, r.stderr);
    const checked = JSON.parse(r.stdout).files[0];
    assert.equal(checked.currency, 'EUR');
    assert.deepEqual(checked.sheets, expected, name);
    assert.equal(checked.sheets.dial_out_calls.rows, 2000);
  }
});

test('the JSON card, the CSV sheets (English and German) and the workbooks give byte-identical estimates', () => {
  const estimate = (rates) => {
    const r = run('estimate', files['scenario.json'], ...rates.flatMap((f) => ['--rates', f]));
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  const fromCard = estimate([files['card.json']]);
  assert.match(fromCard, /"currency":"EUR"/);
  assert.equal(estimate([files['rates-en.xlsx']]), fromCard);
  assert.equal(estimate([files['rates-de.xlsx']]), fromCard);
  assert.equal(estimate([files['rates-exceljs.xlsx']]), fromCard);
  for (const lang of ['en', 'de']) {
    assert.equal(estimate(SHEETS.map((s) => files[`${lang}-${s.title}.csv`])), fromCard, lang);
  }
});

test('a password-protected workbook: exit 2, "save it without a password"', () => {
  const file = path.join(dir, 'protected.xlsx');
  writeFileSync(file, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]));
  const r = run('rates', 'check', file);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  const error = JSON.parse(r.stderr).error;
  assert.equal(error.code, 'workbook_encrypted');
  assert.match(error.message, /without a password/);
});

test('unrecognised columns: the error lists them and says how to map them; --columns reads the sheet', () => {
  const file = path.join(dir, 'Dial-out calls.csv');
  writeFileSync(file, 'Land;Nummernbereich;Art;Preis pro Min.\r\nFrankreich;33;Festnetz;0,024\r\n');
  const refused = run('rates', 'check', file);
  assert.equal(refused.status, 2);
  const error = JSON.parse(refused.stderr).error;
  assert.equal(error.code, 'unknown_columns');
  assert.match(error.message, /"Land", "Nummernbereich", "Art", "Preis pro Min\."/);
  assert.match(error.message, /--columns ROLE=HEADER/);
  const mapped = run('rates', 'check', file, '--columns', 'destination=Land', '--columns', 'prefixes=Nummernbereich',
    '--columns', 'number_type=Art', '--columns', 'per_minute=Preis pro Min.', '--columns', 'currency=EUR');
  assert.equal(mapped.status, 0, mapped.stderr);
  assert.equal(JSON.parse(mapped.stdout).files[0].sheets.dial_out_calls.rows, 1);
});
