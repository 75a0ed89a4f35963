// Microsoft's rate workbook read the page's way (web/rate-workbook.js): the workbook module the page loads only
// for an .xlsx reads the zip directory and the XML, the parts are inflated with DecompressionStream, and the card
// it gives, loaded into the main module, prices a scenario exactly as the CLI does from the same workbook.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadSiteModule, readRepoFile, repoRoot, siteDir } from './load-module.mjs';
import { rateRows, workbookBytes } from '../tools/generate-rate-workbook.mjs';
import { exceljsWorkbook } from '../tools/write-workbook-exceljs.mjs';

const cli = process.env.CCREDITS_CLI ?? path.join(repoRoot, 'build/native/core/cli/ccredits');
const dir = mkdtempSync(path.join(os.tmpdir(), 'ccredits-workbook-module-'));
const rows = rateRows(1500);
let main;
let workbookToRateCard;
let createWorkbook;

before(async () => {
  main = await loadSiteModule();
  assert.equal(JSON.parse(main.loadPlans(await readRepoFile('rates/plans.json'), 'plans.json')).error, undefined);
  ({ workbookToRateCard } = await import(pathToFileURL(path.join(siteDir, 'rate-workbook.js')).href));
  const { default: create } = await import(pathToFileURL(path.join(siteDir, 'ccredits-workbook.js')).href);
  const wasmBinary = readFileSync(path.join(siteDir, 'ccredits-workbook.wasm'));
  createWorkbook = () => create({ wasmBinary });
});
after(() => rmSync(dir, { recursive: true, force: true }));

const scenario = JSON.stringify({
  schema: 'ccredits.scenario/1',
  licenses: [{ country: 'DE', plan: 'payg', users: 3 }],
  conferencing: { standard: 2, us_ca_dial_out: 0, pay_per_minute: 1 },
  usage: [
    { kind: 'user_out', from: 'DE', to: 'FR', number_type: 'wireless', minutes: '123.5', calls: 40 },
    { kind: 'conf_out', from: 'DE', to: 'ES', number_type: 'wireline', minutes: '45' },
  ],
  billing: { calling_account: 'mosa', default_account: 'mosa', channel: 'direct', organization_country: 'DE',
    ea_billing_country: null, tenant_country: 'DE' },
});

for (const [name, make] of [
  ['rates-en.xlsx', () => workbookBytes(rows, { lang: 'en', currency: 'EUR' })],
  ['rates-de.xlsx', () => workbookBytes(rows, { lang: 'de', currency: 'EUR', amounts: 'text', strings: 'inline', store: true,
    sheetNames: 'numbered' })],
  // Written by a spreadsheet library (exceljs), amounts as numbers and as text.
  ['rates-exceljs.xlsx', () => exceljsWorkbook(rows, { currency: 'EUR' })],
]) {
  test(`the page's workbook route prices as the CLI does: ${name}`, async () => {
    const bytes = await make();
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    writeFileSync(path.join(dir, 'scenario.json'), scenario);
    const text = await workbookToRateCard(new File([bytes], name), { createModule: createWorkbook });
    const info = JSON.parse(main.loadRates(text, name));
    assert.equal(info.error, undefined, JSON.stringify(info.error));
    assert.equal(info.currency, 'EUR');
    assert.equal(info.rows.dial_out_calls, 1500);
    const fromModule = JSON.parse(main.estimate(scenario));
    const r = spawnSync(cli, ['estimate', path.join(dir, 'scenario.json'), '--rates', file], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(fromModule, JSON.parse(r.stdout));
  });
}

test('the page\'s workbook route: a password-protected file and a zip bomb are refused with the core\'s errors', async () => {
  const locked = new File([Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)])], 'locked.xlsx');
  await assert.rejects(workbookToRateCard(locked, { createModule: createWorkbook }), (e) => e.error?.code === 'workbook_encrypted'
    && /without a password/.test(e.error.message));
  // A part whose directory declares 100 bytes but holds more: the inflater stops past the declared size and the
  // module refuses the part (the liar zip bomb).
  const liar = Buffer.from(workbookBytes(rateRows(10).slice(0, 5), { lang: 'en', currency: 'EUR', store: true }));
  const name = 'xl/worksheets/sheet2.xml';
  let patched = false;
  for (let at = liar.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0;
    at = liar.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    const length = liar.readUInt16LE(at + 28);
    if (liar.toString('utf8', at + 46, at + 46 + length) === name) {
      liar.writeUInt32LE(100, at + 24);
      patched = true;
    }
  }
  assert.ok(patched);
  await assert.rejects(workbookToRateCard(new File([liar], 'liar.xlsx'), { createModule: createWorkbook }),
    (e) => e.error?.code === 'bad_zip' && /more than the 100 bytes/.test(e.error.message));
});
