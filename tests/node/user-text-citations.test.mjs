// What a person reads from the CLI (and so from the page, which shows the same result text) cites Microsoft's
// pages by title and link, never a file of this project: no DOMAIN.md, CONTRACT.md, plans.json, eligibility.json,
// and no bare Microsoft source file name such as "what-are-communications-credits.md".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './load-module.mjs';

const binary = process.env.CCREDITS_CLI ?? path.join(repoRoot, 'build/native/core/cli/ccredits');
const OUR_FILES = /DOMAIN|CONTRACT|TOOLCHAIN|plans\.json|eligibility\.json|[\w-]+\.md\b/;
const LEARN = 'https://learn.microsoft.com/en-us/microsoftteams/';

let dir;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ccredits-cites-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(...args) {
  const r = spawnSync(binary, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

async function file(name, content) {
  const f = path.join(dir, name);
  await writeFile(f, typeof content === 'string' ? content : JSON.stringify(content));
  return f;
}

// Every sentence with a source: toll-free and Pay-As-You-Go in use, a plan not sold where it is entered, a country
// outside the Pay-As-You-Go zones, conferencing pools, the minimum purchase and the notifications.
const prepaid = {
  licenses: [{ country: 'US', plan: 'domestic', users: 2 }, { country: 'US', plan: 'domestic_120', users: 1 },
    { country: 'BR', plan: 'payg', users: 1 }],
  conferencing: { standard: 1, us_ca_dial_out: 1 },
  usage: [{ kind: 'user_out', from: 'US', to: 'FR', number_type: 'wireless', minutes: 30 },
    { kind: 'user_out', from: 'BR', to: 'BR', number_type: 'all', minutes: 10 },
    { kind: 'toll_free_in', country: 'US', service: 'call_queue', minutes: 200 }],
  billing: { calling_account: 'mosa', default_account: 'mosa', channel: 'direct', organization_country: 'US',
    ea_billing_country: null, tenant_country: 'CN' },
  funding: { mode: 'auto_recharge', months: 2 },
};
// Billed after use: the auto-recharge sentences and the MCA rule's source.
const billedAfterUse = { ...prepaid, billing: { ...prepaid.billing, calling_account: 'mca', tenant_country: 'US' } };

for (const [name, scenario] of [['prepaid', prepaid], ['billed after use', billedAfterUse]]) {
  test(`the estimate of a ${name} tenant, as JSON and as a table, cites Microsoft's pages only`, async () => {
    const f = await file(`${name}.json`, scenario);
    const text = run('estimate', f);
    const e = JSON.parse(text);
    assert.ok(e.eligibility.reasons.length > 0);
    for (const r of e.eligibility.reasons) assert.ok(r.source.includes(LEARN), `${r.code}: ${r.source}`);
    for (const p of e.pools) assert.match(p.source, /https:\/\/learn\.microsoft\.com\//, p.id);
    for (const [key, s] of Object.entries(e.settings)) assert.match(s.source, /https:\/\/learn\.microsoft\.com\//, key);
    assert.doesNotMatch(text, OUR_FILES);
    assert.doesNotMatch(run('estimate', f, '--format', 'table'), OUR_FILES);
  });
}

test('the explanation of a simulated call and an imported report cite no file of ours', async () => {
  assert.doesNotMatch(run('simulate', '--from', 'US', '--number', '+33 6 12 34 56 78', '--seconds', '61'), OUR_FILES);
  const report = await file('report.csv', [
    'UsageId,User Location,UPN,Call Type,Number Type,Destination Number,External Country,Start Time,Duration Seconds,Connection Fee,Charge,Currency',
    'a,US,a@contoso.com,user_out,user_geographic,+33612345678,FR,2026-10-01T10:00:00Z,61,0,0.10,USD',
  ].join('\n'));
  const usage = run('usage', report);
  assert.match(JSON.parse(usage).settings.source, /https:\/\/learn\.microsoft\.com\//);
  assert.doesNotMatch(usage, OUR_FILES);
});
