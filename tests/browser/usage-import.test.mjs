// The usage-report import in the real page: a generated .csv and a generated .zip (as Teams exports it) picked
// through the file input, progress and result shown, cancel stops a long import, the page stays responsive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { siteForFile } from './browser.mjs';
import { generate } from '../tools/generate-report.mjs';
import { nativeCli } from '../node/native-cli.mjs';

let site;
siteForFile((opened) => { site = opened; }, { files: true, ready: true });

// Counts and amounts as the page writes them in its locale (en-US in these tests): "11,997", "$653.70".
const counted = (n) => n.toLocaleString('en-US');
const dollars = (decimal) => {
  const [whole, cents] = decimal.split('.');
  return `$${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`;
};

const noJunk = async (page) => {
  assert.doesNotMatch(await page.locator('body').innerText(), /NaN|undefined|Infinity|\[object/);
};

test('a generated .csv report is imported: summary, actual spend, projection', async () => {
  const { page } = site;
  const file = site.file('PSTN.calls.csv');
  generate({ rows: 2000, columns: 25, seed: 3, bad: 4, out: file });
  await page.setInputFiles('#usage-file', file);
  await page.waitForFunction(() => /Imported/.test(document.getElementById('usage-status').textContent));
  assert.match(await page.locator('#usage-summary').textContent(), /^1,996 of 2,000 calls used, 2026-10-01 to 2026-10-28 \(28 days\)\.$/);
  assert.match(await page.locator('#usage-skipped').textContent(), /4 rows skipped, e\.g\. line \d+: /);
  assert.match(await page.locator('#usage-actual').textContent(),
    /USD\$[\d,]+\.\d\d in the period, \$[\d,]+\.\d\d per average month$/);
  // The page's scenario now holds the report's monthly rows and its day-by-day spend shape for the planner.
  const scenario = JSON.parse(await page.locator('#raw-scenario').textContent());
  assert.ok(scenario.usage.length > 0);
  assert.ok(scenario.usage.every((r) => ['user_out', 'conf_out', 'toll_free_in', 'toll_in'].includes(r.kind)));
  assert.equal(scenario.funding.daily_profile.length, 28);
  assert.deepEqual(scenario.licenses.map((l) => l.country), ['US', 'GB'], 'licences stay as typed');
  // The page's estimate starts from the report's charges; a destination the loaded card lacks is named.
  assert.match(await page.locator('#usage-projected').textContent(),
    /^(The results above start from this report's charges, \$[\d,]+\.\d\d per month\. .*|No projection from this usage: The rate card has no .* rate for [A-Z]{2}\b.*)$/);
  assert.equal(await page.locator('#usage-progress').evaluate((p) => p.value), 1);
  // While the worker imported, the page priced an input of a report's shape once, so that the module's report
  // functions were compiled before the report landed (app.js): that estimate was no error, or it would not have.
  assert.equal(await page.evaluate(() => performance.getEntriesByName('ccredits:report-route-compiled').length), 1);
  await noJunk(page);
});

test('a report of many reading buffers is read whole: the same calls and spend as the CLI', async () => {
  const { page } = site;
  // About 4 MB: the worker reads it in pieces of at most 1 MB, whose ends fall inside rows.
  const file = site.file('PSTN.calls.many-pieces.csv');
  generate({ rows: 12000, columns: 25, seed: 11, bad: 3, out: file });
  const cli = JSON.parse(execFileSync(nativeCli, ['usage', file], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  await page.setInputFiles('#usage-file', file);
  await page.waitForFunction(() => /Imported PSTN\.calls\.many-pieces\.csv/.test(document.getElementById('usage-status').textContent));
  assert.match(await page.locator('#usage-summary').textContent(), new RegExp(`^${counted(cli.rows_used)} of ${counted(cli.rows)} calls used`));
  const actual = await page.locator('#usage-actual').textContent();
  assert.ok(actual.includes(`${dollars(cli.actual.USD.total)} in the period`), actual);
  assert.ok(actual.includes(`${dollars(cli.actual.USD.per_month)} per average month`), actual);
});

test('a generated .zip export (20 columns) is unzipped in the worker and imported', async () => {
  const { page } = site;
  const file = site.file('Export.callingplans.1.zip');
  generate({ rows: 3000, columns: 20, seed: 4, out: file, zip: true });
  await page.setInputFiles('#usage-file', file);
  await page.waitForFunction(() => /Imported Export\.callingplans\.1\.zip/.test(document.getElementById('usage-status').textContent));
  assert.match(await page.locator('#usage-summary').textContent(), /^3,000 of 3,000 calls used/);
  await noJunk(page);
});

test('a long import shows progress, keeps the page responsive, and cancel stops it', async () => {
  const { page } = site;
  // ~100 MB: a generated report's rows repeated, written in a blink.
  const small = site.file('small.csv');
  generate({ rows: 2000, columns: 25, seed: 5, out: small });
  const text = await readFile(small, 'utf8');
  const cut = text.indexOf('\n') + 1;
  const big = site.file('big.csv');
  await writeFile(big, text.slice(0, cut) + text.slice(cut).repeat(150));
  await page.setInputFiles('#usage-file', big);
  // Progress in the page's number formats: "12.6 of 100.4 MB, 36,021 rows".
  await page.waitForFunction(() => /^[\d.]+ of [\d.]+ MB, \d{1,3}(,\d{3})+ rows$/.test(document.getElementById('usage-status').textContent));
  assert.equal(await page.locator('#usage-progress').isVisible(), true);
  // The main thread answers while the worker parses: a frame is drawn before the import has ended.
  const during = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(!document.getElementById('usage-cancel').hidden))));
  assert.equal(during, true, 'a frame was drawn while the import was still running');
  await page.locator('#usage-cancel').click();
  await page.waitForFunction(() => document.getElementById('usage-status').textContent === 'Import cancelled.');
  assert.equal(await page.locator('#usage-cancel').isVisible(), false);
  await noJunk(page);
});

// Our own rows in the shape of a Teams admin center Direct Routing export (26 columns, "Success", masked caller).
const DIRECT_ROUTING_HEADER = 'CorrelationId,AAD ObjectId,UPN,Display Name,User country,External Country,Invite time,' +
  'Start time,Failure time,End time,Duration (seconds),Success,Caller Number,Callee Number,Call type,Call Direction,' +
  'Azure region for Media,Azure region for Signaling,Final SIP code,Final Microsoft subcode,Final SIP Phrase,SBC FQDN,' +
  'Media bypass,Shared correlation ID,Administrative Units,Transfer or Correlation ID';
const directRoutingRow = (id, success) => [
  id, '', success ? 'ana@contoso.example' : '', success ? 'Ana' : '', 'NL', 'NL', '2026-10-05T09:00:00.0000000Z',
  success ? '2026-10-05T09:00:02.0000000Z' : '', success ? '' : '2026-10-05T09:00:01.0000000Z',
  success ? '2026-10-05T09:03:02.0000000Z' : '', success ? '180' : '0', success ? 'Yes' : 'No', '+3120555****',
  '+31205550123', success ? 'ByotOut' : 'ByotIn', success ? 'Outbound' : 'Inbound', '', 'EUWE',
  success ? '200' : '404', success ? '0' : '511404', success ? 'BYE' : 'User data not found.', 'sbc.contoso.example',
  'No', id, '', ''].join(',');

test('a Direct Routing export says why none of its calls is priced, and that a call did not connect', async () => {
  const { page } = site;
  const file = site.file('DirectRoutingCalls.csv');
  await writeFile(file, [DIRECT_ROUTING_HEADER, directRoutingRow('0A1B2C3D-0000-4000-8000-000000000001', true),
    directRoutingRow('0A1B2C3D-0000-4000-8000-000000000002', false)].join('\r\n') + '\r\n');
  const scenarioBefore = await page.locator('#raw-scenario').textContent();
  const headlineBefore = await page.locator('#summary').innerText();
  await page.setInputFiles('#usage-file', file);
  await page.waitForFunction(() => /Imported DirectRoutingCalls\.csv/.test(document.getElementById('usage-status').textContent));
  // Nothing in it is billed by Microsoft: the input typed stays, and so does the headline (no "No credits needed").
  assert.match(await page.locator('#usage-projected').textContent(), /holds no calls that Microsoft bills[^]*your input stays as it was/);
  assert.equal(await page.locator('#raw-scenario').textContent(), scenarioBefore);
  assert.equal(await page.locator('#summary').innerText(), headlineBefore);
  assert.equal(await page.locator('#usage-undo').count(), 0);
  const notices = await page.locator('#usage-notices li').allTextContents();
  assert.equal(notices.length, 2, notices.join('\n'));
  assert.match(notices[0], /^This is a Direct Routing report: its 2 calls are billed by your carrier, not from Communication Credits/);
  assert.match(notices[1], /^1 call did not connect \(Success: No\)/);
  await noJunk(page);
});

test('a file that is not a usage report gets a plain message', async () => {
  const { page } = site;
  const file = site.file('notes.csv');
  await writeFile(file, 'name,amount\nx,1\n');
  await page.setInputFiles('#usage-file', file);
  await page.waitForFunction(() => /could not be imported/.test(document.getElementById('usage-status').textContent));
  assert.match(await page.locator('#usage-status').textContent(), /no "Call Type" column.*\(line 1\)/);
  await noJunk(page);
});

test('a browser without WebAssembly SIMD is told in a sentence which browsers import reports', async () => {
  const { page } = site;
  await page.evaluate(() => {
    const validate = WebAssembly.validate;
    // What a browser before Safari 16.4 answers for a module with a SIMD instruction (the only one the page checks).
    WebAssembly.validate = (bytes) => (bytes.includes(253) ? false : validate(bytes));
  });
  const file = site.file('PSTN.simd.csv');
  generate({ rows: 20, columns: 25, seed: 9, out: file });
  await page.setInputFiles('#usage-file', file);
  await page.waitForFunction(() => /could not be imported/.test(document.getElementById('usage-status').textContent));
  assert.match(await page.locator('#usage-status').textContent(),
    /^This file could not be imported: This browser is too old to read usage reports: .*Safari has from version 16\.4/);
  await noJunk(page);
  await page.reload();
  await page.getByText('Ready.').waitFor();
});

test('no console errors, CSP violations or requests outside the origin', () => {
  assert.deepEqual(site.problems, []);
  assert.deepEqual(site.foreignRequests, []);
});
