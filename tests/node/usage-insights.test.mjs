// Chargeback, flags and trend through the native CLI on reports written by tests/tools/generate-report.mjs:
// ordinary reports raise no flag, the unit chargeback adds up to the report's spend to the cent, and the table
// and the settings file work end to end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './load-module.mjs';
import { generate } from '../tools/generate-report.mjs';

const cli = process.env.CCREDITS_CLI ?? path.join(repoRoot, 'build/native/core/cli/ccredits');
const micros = (text) => BigInt(text.replace('.', '')) * 10000n;  // "12.34" -> micros

async function withDir(body) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ccredits-insights-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

for (const [seed, columns] of [[1, 25], [2, 25], [3, 20]]) {
  test(`an ordinary generated report raises no flag (seed ${seed}, ${columns} columns)`, () => withDir(async (dir) => {
    const file = path.join(dir, 'report.csv');
    generate({ rows: 30000, columns, seed, out: file });
    const r = JSON.parse(execFileSync(cli, ['usage', file], { maxBuffer: 64 << 20 }).toString());
    assert.deepEqual(r.flags, []);
    // Every unit's spend adds up to the report's spend (shown amounts are rounded to the cent, so allow half a
    // cent per entry).
    const units = r.chargeback.by_unit;
    const sum = units.reduce((s, u) => s + micros(u.spend), 0n);
    const total = micros(r.actual.USD.total);
    assert.ok(sum - total <= 5000n * BigInt(units.length) && total - sum <= 5000n * BigInt(units.length));
    assert.deepEqual(units.map((u) => u.unit).sort(), columns === 25 ? ['Ops', 'Sales, EMEA', 'no unit'] : ['no unit']);
    assert.equal(r.trend.months.length, 1);
    assert.equal(r.trend.forecast.months.length, 12);
  }));
}

test('the table shows chargeback, flags and the forecast; --flag-settings changes a threshold', () => withDir(async (dir) => {
  const file = path.join(dir, 'report.csv');
  generate({ rows: 3000, columns: 25, seed: 4, out: file });
  const table = execFileSync(cli, ['usage', file, '--format', 'table']).toString();
  assert.match(table, /chargeback by administrative unit/);
  assert.match(table, /flags: none \(nothing unusual\)/);
  assert.match(table, /forecast 12 months: USD /);
  // Generated calls last up to about half an hour: a 20-minute threshold flags some, with the calls behind them.
  const settings = path.join(dir, 'flags.json');
  await writeFile(settings, JSON.stringify({ long_call_minutes: 20 }));
  const r = JSON.parse(execFileSync(cli, ['usage', file, '--flag-settings', settings]).toString());
  assert.ok(r.flags.length > 0);
  for (const f of r.flags) {
    assert.equal(f.kind, 'long_call');
    assert.ok(f.account.endsWith('@contoso.com'));
    assert.ok(f.calls.length >= 1 && f.calls[0].minutes >= 20);
    assert.match(f.see[0].url, /^https:\/\/learn\.microsoft\.com\//);
  }
  await writeFile(settings, '{"long_call_minute": 20}');
  const bad = spawnSync(cli, ['usage', file, '--flag-settings', settings]);
  assert.equal(bad.status, 2);
  assert.equal(JSON.parse(bad.stderr.toString()).error.code, 'usage_flag_settings');
}));
