// Hostile inputs catalogue (issue 7), page side: hostile text typed or loaded into the page never executes
// (no dialog, no script node added, no handler attribute rendered), never shows NaN/undefined/Infinity, and the
// page still computes a normal estimate afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSite } from './browser.mjs';

const MARKUP = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const HOSTILE_MINUTES = [
  '1e309', '-1e309', '99999999999999', '9'.repeat(10000), '0.' + '1'.repeat(10000), '-5', 'NaN', 'Infinity',
  MARKUP, "=cmd|' /C calc'!A0", '\u0000', '\ud800', '１２３', // full-width digits
];

let site;
const dialogs = [];
before(async () => {
  site = await openSite();
  site.page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await site.page.goto(site.url);
  await site.page.getByText('Ready.').waitFor();
  await site.page.evaluate(() => {
    window.__addedScripts = 0;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'SCRIPT' || n.nodeName === 'IMG') ++window.__addedScripts;
    }).observe(document, { childList: true, subtree: true });
  });
});
after(async () => {
  await site?.close();
});

async function assertPageClean(page, what) {
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text.replace(/"[^"]*"/g, ''), /\bNaN\b|\bundefined\b|\bInfinity\b/, `${what}: ${text.slice(0, 300)}`);
  assert.equal(await page.evaluate(() => window.__addedScripts), 0, `${what}: a node was injected`);
  assert.equal(await page.locator('[onerror], [onload], [onclick]').count(), 0, what);
  assert.deepEqual(dialogs, [], what);
}

for (const value of HOSTILE_MINUTES) {
  test(`hostile minutes ${JSON.stringify(value.slice(0, 30))}: message or estimate, nothing executed`, async () => {
    const { page } = site;
    await page.getByLabel('Minutes per month').fill(value);
    await page.waitForFunction(
      () => document.getElementById('minutes-error').textContent.length > 0 || document.getElementById('total').textContent !== '—',
    );
    await assertPageClean(page, value.slice(0, 30));
    // Still usable: a normal value gives a normal total.
    await page.getByLabel('Destination').selectOption({ label: 'France-Mobile' });
    await page.getByLabel('Minutes per month').fill('1000');
    await page.waitForFunction(() => document.getElementById('total').textContent.includes('89.00'));
  });
}

test('after the whole catalogue: no console error, CSP violation or foreign request', () => {
  assert.deepEqual(site.problems, []);
  assert.deepEqual(site.foreignRequests, []);
});
