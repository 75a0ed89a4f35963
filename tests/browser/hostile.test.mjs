// Hostile inputs catalogue, page side: hostile text typed or loaded into the page never executes
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
  await site.page.waitForSelector('body[data-ready="true"]');
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

// Each hostile value goes into a minutes field, a users field and a conferencing field of the real form.
const FIELDS = ['user_out.1.minutes', 'licenses.0.users', 'conferencing.standard'];

for (const value of HOSTILE_MINUTES) {
  test(`hostile minutes ${JSON.stringify(value.slice(0, 30))}: message or estimate, nothing executed`, async () => {
    const { page } = site;
    for (const key of FIELDS) {
      const field = page.locator(`[data-key="${key}"]`);
      await field.fill(value);
      // Either the field is refused with a sentence next to it, or the core's refusal is shown in words.
      const outcome = await page.evaluate((k) => {
        const input = document.querySelector(`[data-key="${k}"]`);
        const error = document.getElementById(input.id + '-error');
        if (input.getAttribute('aria-invalid') === 'true' && /\w+ \w+/.test(error?.textContent ?? '')) return 'refused next to the field';
        const problem = document.getElementById('estimate-error');
        if (!problem.hidden && /\w+ \w+/.test(problem.textContent)) return 'refused by the core';
        return `accepted: ${document.getElementById('summary').textContent}`;
      }, key);
      assert.match(outcome, /^refused/, `${key} = ${value.slice(0, 30)}`);
      await assertPageClean(page, `${key} = ${value.slice(0, 30)}`);
    }
    // Still usable: normal values give the example's estimate again (1,000 FR mobile minutes at 0.089 = 89.00).
    await page.locator('[data-key="user_out.1.minutes"]').fill('1000');
    await page.locator('[data-key="licenses.0.users"]').fill('100');
    await page.locator('[data-key="conferencing.standard"]').fill('50');
    await page.waitForFunction(() => /Monthly credit spend[^$]*\$89\.00/.test(document.getElementById('summary').textContent));
    assert.equal(await page.locator('#estimate-error').isHidden(), true);
  });
}

test('after the whole catalogue: no console error, CSP violation or foreign request', () => {
  assert.deepEqual(site.problems, []);
  assert.deepEqual(site.foreignRequests, []);
});
