// The native `ccredits estimate` command: exit codes, stdout/stderr discipline and located JSON errors
// (core/CONTRACT.md "Command line"). Runs the binary built by .ci/build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './load-module.mjs';

const binary = process.env.CCREDITS_CLI ?? path.join(repoRoot, 'build/native/core/cli/ccredits');
let dir;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ccredits-cli-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function scenarioFile(name, content) {
  const file = path.join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function run(...args) {
  return spawnSync(binary, args, { encoding: 'utf8' });
}

function expectError(result, code) {
  assert.equal(result.status, 2, result.stderr);
  assert.equal(result.stdout, '', 'nothing half-written on stdout');
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, 'one JSON object on stderr');
  const { error } = JSON.parse(lines[0]);
  assert.equal(error.code, code, error.message);
  return error;
}

test('an estimate prints JSON on stdout and exits 0', async () => {
  // 100 US Domestic users, 320,000 minutes to the US: 20,000 over x 0.0190 = 380.00
  const file = await scenarioFile('ok.json', {
    licenses: [{ country: 'US', plan: 'domestic', users: 100 }],
    usage: [{ kind: 'user_out', from: 'US', to: 'US', minutes: 320000 }],
  });
  const result = run('estimate', file);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '');
  const estimate = JSON.parse(result.stdout);
  assert.equal(estimate.monthly_total, '380.00');
  assert.equal(estimate.pools[0].overage_minutes, 20000);
});

test('--format table prints a readable table that says the rates are illustrative', async () => {
  const file = await scenarioFile('table.json', {
    licenses: [{ country: 'US', plan: 'domestic', users: 100 }],
    usage: [{ kind: 'user_out', from: 'US', to: 'US', minutes: 320000 }],
  });
  const result = run('estimate', file, '--format', 'table');
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /illustrative rates/);
  assert.match(result.stdout, /monthly total\s+380\.00/);
  assert.match(result.stdout, /US Domestic\s+300000\s+320000\s+20000/);
  assert.match(result.stdout, /Calling Plan overage/);
  // The values used where Microsoft's pages disagree, each with its disagreement and source.
  assert.match(result.stdout, /UK Domestic minutes per user: 3000\n\s+The UK page of Country and region availability[^\n]*1200[^\n]*\n\s+Source: Calling Plans for Microsoft 365, dated 08\/05\/2024/);
  assert.match(result.stdout, /Minimum purchase, in the rate card's currency: 50\n[^\n]*even the minimum of \$50/);
  // For people: use cases, plans, pools and rows in words, no snake_case ids nor usage[N].
  assert.doesNotMatch(result.stdout, /\b[a-z]+_[a-z_]+\b|usage\[/);
  assert.match(result.stdout, /auto-recharge trigger\s+\d/);
  assert.match(result.stdout, /recharges\s+at most \d+ in one month/);
});

test('--format table for one-time funding names no auto-recharge setting nor recharge', async () => {
  const file = await scenarioFile('one-time.json', {
    licenses: [{ country: 'US', plan: 'domestic', users: 100 }],
    usage: [{ kind: 'user_out', from: 'US', to: 'US', minutes: 320000 }],
    funding: { mode: 'one_time', months: 12 },
  });
  const result = run('estimate', file, '--format', 'table');
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /one-time purchase\s+\d/);
  assert.doesNotMatch(result.stdout, /auto-recharge trigger|auto-recharge amount|recharges\s+at most/);
});

test('the Mexico Pay-As-You-Go plan is not for a US customer: its own answer in JSON and in the table', async () => {
  const file = await scenarioFile('mexico.json', {
    licenses: [{ country: 'MX', plan: 'payg', users: 4 }],
    billing: { organization_country: 'US' },
  });
  const json = JSON.parse(run('estimate', file).stdout);
  const [answer] = json.eligibility.plan_availability;
  assert.equal(answer.code, 'payg_not_sold_to_customer');
  assert.equal(answer.answer, 'no');
  assert.match(answer.message, /can't be purchased by US or PR customers/);
  const table = run('estimate', file, '--format', 'table').stdout;
  assert.match(table, /plan \[no\] Microsoft says the Pay-As-You-Go Calling Plan for Mexico "can't be purchased by US or PR customers"/);
});

test('--plans overrides the shipped plans file', async () => {
  const file = await scenarioFile('plans.json', { usage: [] });
  const result = run('estimate', file, '--plans', path.join(dir, 'missing-plans.json'));
  const error = expectError(result, 'cannot_read');
  assert.match(error.message, /missing-plans\.json/);
});

test('bad JSON: exit 2, the error on stderr with line and column', async () => {
  const file = await scenarioFile('bad.json', '{"usage": [\n  {"kind": "user_out",, }]}');
  const error = expectError(run('estimate', file), 'bad_json');
  assert.equal(error.line, 2);
  assert.equal(error.column, 23); // the second comma
  assert.equal(error.file, file);
});

test('unknown country: exit 2 naming the JSON path', async () => {
  const file = await scenarioFile('country.json', { licenses: [{ country: 'ZZ', plan: 'domestic', users: 1 }] });
  const error = expectError(run('estimate', file), 'unknown_country');
  assert.deepEqual(error.path, ['licenses', 0, 'country']);
  assert.match(error.message, /^The country of licence row 1 /);
});

test('negative minutes: exit 2 naming the JSON path', async () => {
  const file = await scenarioFile('negative.json', { usage: [{ kind: 'toll_free_in', country: 'US', minutes: -3 }] });
  const error = expectError(run('estimate', file), 'bad_value');
  assert.deepEqual(error.path, ['usage', 0, 'minutes']);
  assert.match(error.message, /^The minutes of row 1 of the usage cannot be negative/);
});

test('unknown plan: exit 2 naming the JSON path', async () => {
  const file = await scenarioFile('plan.json', { licenses: [{ country: 'US', plan: 'unlimited', users: 1 }] });
  const error = expectError(run('estimate', file), 'unknown_plan');
  assert.deepEqual(error.path, ['licenses', 0, 'plan']);
  assert.match(error.message, /^The plan of licence row 1 must be/);
});

test('missing rate: exit 2 naming the destination and the sheet', async () => {
  const file = await scenarioFile('rate.json', { usage: [{ kind: 'conf_out', to: 'AQ', minutes: 10 }] });
  const error = expectError(run('estimate', file), 'missing_rate');
  assert.match(error.message, /AQ/);
  assert.match(error.message, /Dial-out Audio Rates/);
  assert.doesNotMatch(error.message, /usage\[|dial_out_audio/);
  assert.deepEqual(error.path, ['usage', 0]);
});
