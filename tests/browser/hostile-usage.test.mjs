// Hostile usage reports through the page's import panel (#usage-file -> worker -> wasm importer):
// each is imported (bad rows skipped, the reason shown as text) or refused with a plain message, nothing from
// the file executes or becomes markup, the page never shows NaN/undefined/Infinity, and it still imports a normal
// report and computes afterwards. Zips, including the bombs, are unpacked by the worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openSite } from './browser.mjs';
import { hostileReports, csv, callRow, MARKUP } from '../node/hostile-reports.mjs';
import { generate } from '../tools/generate-report.mjs';

const reports = hostileReports();
reports['markup as the Call Type (quoted in the skip reason)'] = {
  file: 'markup-type.csv', bytes: Buffer.from(csv(callRow(), callRow({ 'Call Type': MARKUP }))), expected: 'ok',
};
const PAGE_CASES = ['markup and script in display names and UPNs', 'markup as the Call Type (quoted in the skip reason)',
  'formula in display names and UPNs', 'Duration Seconds 99999999999999', 'charge with 10,000 digits',
  'charges summing past the largest exact amount', 'truncated CSV (cut inside a quoted field)', 'UTF-16 LE report',
  'Latin-1 display names', 'zip bomb (declares 2 GB in a 2 MB zip)', 'zip bomb (inflates to 2 GB, declares 1 MB)',
  'zip bomb (100 entries sharing the same bytes)', 'CSV with 100,000 columns', 'Graph JSON nested 100,000 deep',
  'empty file'];

let site;
const dialogs = [];
before(async () => {
  site = await openSite({ files: true });
  site.page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await site.page.goto(site.url);
  await site.page.getByText('Ready.').waitFor();
  await site.page.evaluate(() => {
    window.__injected = 0;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'SCRIPT' || n.nodeName === 'IMG') ++window.__injected;
    }).observe(document, { childList: true, subtree: true });
    window.__reports = [];
    document.addEventListener('usage-imported', (e) => window.__reports.push(e.detail));
  });
});
after(async () => {
  await site?.close();
});

async function assertPageClean(page, what) {
  const text = await page.locator('body').innerText();
  // Quoted file content (a skip reason quotes the bad value) may say anything; the page's own text may not.
  assert.doesNotMatch(text.replace(/"[^"]*"/g, ''), /\bNaN\b|\bundefined\b|\bInfinity\b|\[object/, `${what}: ${text.slice(0, 300)}`);
  assert.equal(await page.evaluate(() => window.__injected), 0, `${what}: a node was injected`);
  assert.equal(await page.locator('[onerror], [onload], [onclick]').count(), 0, what);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${what}: script ran`);
  assert.deepEqual(dialogs, [], what);
}

async function importFile(page, file) {
  await page.setInputFiles('#usage-file', file);
  await page.waitForFunction((name) => {
    const s = document.getElementById('usage-status').textContent;
    return s === `Imported ${name}.` || s.startsWith('This file could not be imported');
  }, path.basename(file), { timeout: 60000 });
  return page.locator('#usage-status').textContent();
}

for (const name of PAGE_CASES) {
  const report = reports[name];
  test(`hostile usage report in the page: ${name}`, async () => {
    const { page } = site;
    const file = site.file(report.file);
    await writeFile(file, report.bytes);
    const status = await importFile(page, file);
    if (report.expected === 'ok') assert.equal(status, `Imported ${report.file}.`, name);
    if (report.expected === 'error') {
      assert.match(status, /^This file could not be imported: [A-Z"].+/, name);
      assert.doesNotMatch(status, /internal|Unexpected failure|could not be read:/, name);
      if (report.message) assert.match(status, report.message, name);
      if (report.line) assert.match(status, new RegExp(`\\(line ${report.line}\\)$`), name);
    }
    await assertPageClean(page, name);
  });
}

test('markup from a report stays text: in the skip reason on the page and in the imported data', async () => {
  const { page } = site;
  const file = site.file('markup-both.csv');
  await writeFile(file, csv(callRow({ UPN: MARKUP, 'User Display Name': MARKUP }), callRow({ 'Call Type': MARKUP })));
  assert.equal(await importFile(page, file), 'Imported markup-both.csv.');
  const skipped = await page.locator('#usage-skipped').textContent();
  assert.ok(skipped.includes(`unknown Call Type "${MARKUP.slice(0, 40)}…"`), skipped);
  const last = await page.evaluate(() => window.__reports.at(-1).top_users[0]);
  assert.deepEqual([last.user, last.name], [MARKUP, MARKUP]);
  await assertPageClean(page, 'markup');
});

test('after the hostile reports the page still imports a normal report and computes', async () => {
  const { page } = site;
  const file = site.file('PSTN.calls.csv');
  generate({ rows: 300, columns: 25, seed: 9, out: file });
  assert.equal(await importFile(page, file), 'Imported PSTN.calls.csv.');
  assert.match(await page.locator('#usage-summary').textContent(), /^300 of 300 calls used/);
  await page.waitForFunction(() => /\d/.test(document.getElementById('monthly-total')?.textContent ?? ''));
  await assertPageClean(page, 'normal report');
  assert.deepEqual(site.problems, []);
  assert.deepEqual(site.foreignRequests, []);
});
