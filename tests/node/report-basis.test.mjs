// An imported report drives the estimate, through the wasm module as the page uses it: the importer's learned rates
// and charges per month go into the scenario's `report`, the estimate's monthly spend is those charges, and a change
// typed on top is priced first at the learned rates (CONTRACT.md "Scenario" `report`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSiteModule, loadImportModule, readRepoFile } from './load-module.mjs';
import { generate } from '../tools/generate-report.mjs';

async function importReport(module, file) {
  const bytes = new Uint8Array(await readFile(file));
  const importer = new module.UsageImporter();
  try {
    importer.nextFile(path.basename(file));
    const ptr = importer.buffer(bytes.length);
    module.HEAPU8.set(bytes, ptr);
    assert.equal(JSON.parse(importer.feed(bytes.length)).error, undefined);
    return JSON.parse(importer.finish());
  } finally {
    importer.delete();
  }
}

// Exact decimal strings -> millionths, to compare amounts without binary floating point.
const micros = (text) => {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole) * 1000000n + BigInt(fraction.padEnd(6, '0'));
};

test('the estimate of an imported report is its charges per month; a change on top is priced at a learned rate', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ccredits-report-basis-'));
  try {
    const file = path.join(dir, 'PSTN.calls.csv');
    generate({ rows: 3000, columns: 25, seed: 11, out: file });
    const module = await loadSiteModule();
    assert.equal(JSON.parse(module.loadRates(await readRepoFile('rates/illustrative-usd.json'), 'illustrative-usd.json')).error, undefined);
    assert.equal(JSON.parse(module.loadPlans(await readRepoFile('rates/plans.json'), 'plans.json')).error, undefined);
    const importModule = await loadImportModule();
    assert.equal(JSON.parse(importModule.loadRates(await readRepoFile('rates/illustrative-usd.json'), 'illustrative-usd.json')).error, undefined);
    const report = await importReport(importModule, file);

    const basis = report.report_basis;
    assert.equal(basis.currency, 'USD');
    // The charges per use case add up to the month's total, which actual.per_month rounds.
    const sum = Object.values(basis.charges).reduce((s, v) => s + micros(v), 0n);
    assert.equal(sum, micros(basis.monthly_total));
    const perMonth = report.actual.USD.per_month;
    const learned = report.learned_rates;
    assert.equal(learned.learned_from_report, true);
    const gb = learned.sheets.dial_out_calls.find((r) => r.country === 'GB' && r.number_type === 'wireline');
    assert.ok(gb, 'calls to GB landlines were charged, so GB has a learned rate');

    const licenses = [{ country: 'US', plan: 'domestic', users: 400 }, { country: 'GB', plan: 'domestic', users: 60 },
      { country: 'DE', plan: 'domestic', users: 60 }, { country: 'FR', plan: 'domestic', users: 60 }];
    const usage = report.scenario_usage;
    const scenario = (rows) => JSON.stringify({ licenses, usage: rows,
      report: { currency: basis.currency, charges: basis.charges, period: basis.period, rates: learned, baseline: { licenses, usage } } });

    const same = JSON.parse(module.estimate(scenario(usage)));
    assert.equal(same.error, undefined, same.error?.message);
    assert.equal(same.monthly_total, perMonth);
    assert.equal(same.report.basis, "from your report's charges");
    assert.equal(same.report.changes, '0.00');
    assert.ok(same.lines.every((l) => l.rate_source === 'charges'));

    // 1,000 more minutes from US users to GB landlines: beyond the US pool's included minutes? The US pool covers
    // only US and Canada, so all of them are billed, at the rate learned for GB landlines.
    const more = JSON.parse(module.estimate(scenario([...usage,
      { kind: 'user_out', from: 'US', to: 'GB', number_type: 'wireline', minutes: 1000 }])));
    assert.equal(more.error, undefined, more.error?.message);
    const line = more.lines.find((l) => l.rate_source !== 'charges');
    assert.equal(line.rate_source, 'report');
    assert.equal(line.rate, gb.per_minute);
    const expected = micros(basis.monthly_total) + micros(gb.per_minute) * 1000n;
    assert.equal(micros(more.monthly_total_exact), expected);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
