// Seeded scenario generator for the differential check: the same seed gives the same scenarios,
// as JSON text, one per line. A share of them are deliberately wrong so the error documents are compared too.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './load-module.mjs';

const COUNTRIES = ['US', 'CA', 'PR', 'FR', 'DE', 'GB', 'ZW', 'JP', 'IN', 'CN', 'BR', 'AU', 'NL', 'us', 'XX'];
const PLANS = ['domestic', 'domestic_120', 'domestic_240', 'domestic_international', 'payg', 'none'];
const NUMBER_TYPES = ['all', 'wireline', 'wireless', 'premium'];
const KINDS = ['user_out', 'user_out', 'user_out', 'conf_out', 'toll_free_in', 'toll_in'];
const SERVICES = ['conferencing', 'auto_attendant', 'call_queue'];
const ACCOUNTS = ['mosa', 'mca', 'nce', 'ea'];
const CHANNELS = ['direct', 'csp', 'volume_licensing'];

// mulberry32: tiny, fast, seedable.
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateScenarios(count, seed = 7) {
  const rnd = random(seed);
  const int = (n) => Math.floor(rnd() * n);
  const pick = (list) => list[int(list.length)];
  const minutes = () => {
    switch (int(6)) {
      case 0: return int(1000);
      case 1: return int(5_000_000);
      case 2: return `${int(100000)}.${String(int(1_000_000)).padStart(6, '0')}`; // exact decimal string
      case 3: return Number((rnd() * 1000).toFixed(3));                            // a JSON decimal number
      case 4: return 0;
      default: return pick([-1, '1e3', '0.0000001', 'abc', 99999999999999, 12.5]); // mostly errors
    }
  };
  const scenarios = [];
  for (let i = 0; i < count; ++i) {
    const usage = Array.from({ length: int(6) }, () => {
      const kind = pick(KINDS);
      const row = { kind, minutes: minutes() };
      if (kind === 'user_out') Object.assign(row, { from: pick(COUNTRIES), to: pick(COUNTRIES), number_type: pick(NUMBER_TYPES) });
      if (kind === 'conf_out') row.to = pick(COUNTRIES);
      if (kind === 'toll_free_in') Object.assign(row, { country: pick(COUNTRIES), service: pick(SERVICES) });
      if (kind === 'toll_in') row.country = pick(COUNTRIES);
      if (rnd() < 0.3) row.calls = int(10000);
      return row;
    });
    const scenario = {
      schema: 'ccredits.scenario/1',
      licenses: Array.from({ length: int(4) }, () => ({ country: pick(COUNTRIES), plan: pick(PLANS), users: int(500) })),
      conferencing: { standard: int(200), us_ca_dial_out: int(20), pay_per_minute: int(20) },
      usage,
      billing: {
        calling_account: pick(ACCOUNTS), default_account: pick(ACCOUNTS), channel: pick(CHANNELS),
        organization_country: pick(COUNTRIES), ea_billing_country: rnd() < 0.7 ? null : pick(COUNTRIES),
        tenant_country: pick(COUNTRIES),
      },
      funding: { mode: pick(['auto_recharge', 'one_time']), months: 1 + int(12) },
    };
    scenarios.push(JSON.stringify(scenario));
  }
  return scenarios;
}

export const DIFFERENTIAL_COUNT = 1200;

// Runs the scenarios through the native CLI in one process (`ccredits batch`): one result line each.
export function cliResults(scenarios) {
  const cli = process.env.CCREDITS_CLI ?? path.join(repoRoot, 'build/native/core/cli/ccredits');
  const dir = mkdtempSync(path.join(tmpdir(), 'ccredits-diff-'));
  try {
    const file = path.join(dir, 'scenarios.jsonl');
    writeFileSync(file, scenarios.join('\n') + '\n');
    const r = spawnSync(cli, ['batch', file], { encoding: 'utf8', maxBuffer: 256 << 20 });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.split('\n').slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
