// Estimates side by side: kept in the browser, priced again by the page's module, and the same figures as the
// native CLI gives for the same scenarios; they survive a reload, clone, open and remove, and keep their own links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSite } from './browser.mjs';
import { waitReady, setField, shownScenario } from './page-helpers.mjs';
import { nativeEstimate } from '../node/native-cli.mjs';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const money = (v) => usd.format(Number(v));

async function tableRows(page) {
  return page.locator('#compare-estimates').evaluate((table) => {
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    return [...table.querySelectorAll('tbody tr')].map((tr) => {
      const cells = [...tr.children].map((c) => c.textContent);
      return Object.fromEntries(headers.map((hd, i) => [hd, cells[i]]));
    });
  });
}

const keptList = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('ccredits.kept-estimates') ?? '[]'));

async function keep(page, name) {
  await page.fill('#keep-name', name);
  await page.click('#keep-estimate');
  await page.waitForFunction((n) => document.querySelector('#compare-status')?.textContent.includes(n), name);
}

test('kept estimates side by side agree with the CLI, survive a reload, and clone, open and remove', async () => {
  const site = await openSite();
  const { page } = site;
  try {
    await page.goto(site.url);
    await waitReady(page);
    assert.match(await page.locator('#compare').textContent(), /No estimates kept yet/);

    await keep(page, 'Example');
    await setField(page, 'user_out.1.minutes', '5000');
    await setField(page, 'funding.mode', 'one_time');
    await page.waitForFunction(() => JSON.parse(document.querySelector('#raw-scenario').textContent).funding.mode === 'one_time');
    await keep(page, 'More calls to France, one-time');

    const kept = await keptList(page);
    assert.deepEqual(kept.map((k) => k.name), ['Example', 'More calls to France, one-time']);
    assert.deepEqual(kept[1].scenario, await shownScenario(page), 'the kept scenario is the input on the page');

    // Every figure in the table is the CLI's for the same scenario, with the illustrative card.
    const rows = await tableRows(page);
    assert.deepEqual(rows.map((r) => r.Estimate), ['Example', 'More calls to France, one-time (open in the form)']);
    for (const [i, k] of kept.entries()) {
      const cli = nativeEstimate(`kept-${i}`, k.scenario);
      assert.equal(rows[i]['Monthly credit spend'], money(cli.monthly_total), `${k.name}: monthly total`);
      for (const [useCase, value] of Object.entries(cli.by_use_case)) {
        if (Number(value) !== 0) assert.ok(Object.values(rows[i]).includes(money(value)), `${k.name}: ${useCase} ${value}`);
      }
    }
    assert.notEqual(rows[0]['Monthly credit spend'], rows[1]['Monthly credit spend']);
    // The open estimate's "What to buy" is the headline's advice, word for word.
    assert.equal(rows[1]['What to buy'], await page.locator('#headline-advice').textContent());
    assert.doesNotMatch(rows[1]['What to buy'], /auto-recharge/, 'one-time funding: no auto-recharge figures');

    // Each kept estimate has its own share link, which opens its input.
    const href = await page.getAttribute('#compare-estimates tbody tr:nth-child(1) a.kept-link', 'href');
    assert.match(href, /^#s1\./);

    // Stored in this browser: a reload brings the table back.
    await page.reload();
    await waitReady(page);
    assert.deepEqual((await tableRows(page)).map((r) => r.Estimate.replace(' (open in the form)', '')),
      ['Example', 'More calls to France, one-time']);

    await page.click('button[aria-label="Clone Example"]');
    await page.waitForSelector('button[aria-label="Remove Example (copy)"]');
    assert.deepEqual((await keptList(page)).map((k) => k.name), ['Example', 'More calls to France, one-time', 'Example (copy)']);
    await page.click('button[aria-label="Remove Example (copy)"]');
    await page.waitForFunction(() => !document.querySelector('button[aria-label="Remove Example (copy)"]'));

    await page.click('button[aria-label="Open Example"]');
    await page.waitForFunction(() => JSON.parse(document.querySelector('#raw-scenario').textContent).funding.mode === 'auto_recharge');
    assert.deepEqual(await shownScenario(page), kept[0].scenario);
    const reopened = await tableRows(page);
    assert.equal(reopened.length, 2, 'the open input is a kept one: no extra "this input" row');
    assert.match(reopened[0].Estimate, /\(open in the form\)/);

    // The page's own link for the opened input is the kept estimate's link (the page writes it 250 ms after a
    // change; wait for it, so it cannot overwrite the navigation below).
    await page.waitForFunction((h) => location.hash === h, href);
    // The link of the second estimate opens its input.
    const second = await page.getAttribute('#compare-estimates tbody tr:nth-child(2) a.kept-link', 'href');
    await page.goto(`${site.url}${second}`);
    await page.waitForFunction(() => JSON.parse(document.querySelector('#raw-scenario').textContent).funding.mode === 'one_time');
    assert.deepEqual(await shownScenario(page), kept[1].scenario);

    assert.deepEqual(site.problems, []);
    assert.deepEqual(site.foreignRequests, []);
  } finally {
    await site.close();
  }
});
