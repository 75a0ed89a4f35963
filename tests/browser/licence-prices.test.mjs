// Total cost: licence prices typed in the form make "What if" compare licences plus credits, with the CLI's figures,
// and the side-by-side table adds the total; without prices both say that licences are left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSite } from './browser.mjs';
import { waitReady, setField, shownScenario, shownEstimate } from './page-helpers.mjs';
import { nativeEstimate } from '../node/native-cli.mjs';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const money = (v) => usd.format(Number(v));
const signed = (v) => (String(v).startsWith('-') ? `−${money(String(v).slice(1))}` : `+${money(v)}`);

test('licence prices in the form: the what-if and the side-by-side table show licences plus credits as the CLI does', async () => {
  const site = await openSite();
  const { page } = site;
  try {
    await page.goto(site.url);
    await waitReady(page);
    assert.match(await page.locator('#what-if').textContent(), /licence prices are not included/);
    assert.equal(await page.locator('#what-if-total').count(), 0);

    await page.click('#h-licence-prices');
    await setField(page, 'licence_prices.calling_plans.domestic', '8.00');
    await setField(page, 'licence_prices.calling_plans.payg', '4.00');
    await setField(page, 'licence_prices.calling_plans.domestic_international', '20');
    await page.waitForFunction(() => document.querySelector('#what-if')?.textContent.includes('enter your licence price for Audio Conferencing'));
    // The example's 50 Audio Conferencing licences have no price yet: the what-if says so and adds no total.
    assert.equal(await page.locator('#what-if-total').count(), 0);
    await setField(page, 'licence_prices.conferencing.standard', '2.50');
    await page.waitForSelector('#what-if-total');

    const scenario = await shownScenario(page);
    assert.deepEqual(scenario.licence_prices, {
      calling_plans: { domestic: '8.00', domestic_international: '20', payg: '4.00' }, conferencing: { standard: '2.50' },
    });
    const cli = nativeEstimate('licence-prices', scenario);
    assert.deepEqual((await shownEstimate(page)).what_if, cli.what_if, 'the page shows the core\'s what-if');
    const total = cli.what_if.total;
    const text = await page.locator('#what-if').textContent();
    for (const v of [total.current, total.after]) assert.ok(text.includes(money(v)), `${v} in the what-if`);
    assert.equal(await page.locator('#what-if-total').textContent(),
      `In all: ${signed(total.difference)} a month, licences at your prices plus credits.`);

    // Kept side by side: the total column is the estimate's own licences plus credits.
    await page.fill('#keep-name', 'With prices');
    await page.click('#keep-estimate');
    const cell = await page.locator('#compare-estimates').evaluate((table) => {
      const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
      const at = headers.indexOf('Licences plus credits');
      return at < 0 ? null : table.querySelector('tbody tr').children[at].textContent;
    });
    assert.equal(cell, money(cli.licence_cost.total_with_credits));
    assert.match(await page.locator('#compare-licences').textContent(), /at the licence prices you entered/);

    // A price that is not an amount is marked at its field, in words.
    await setField(page, 'licence_prices.calling_plans.payg', 'four');
    const error = page.locator('.field:has([data-key="licence_prices.calling_plans.payg"]) .field-error');
    await page.waitForFunction(() => document.querySelector('.field:has([data-key="licence_prices.calling_plans.payg"]) .field-error')?.textContent);
    const words = await error.textContent();
    assert.match(words, /price|number|amount/i);
    assert.doesNotMatch(words, /undefined|NaN|licence_prices/);

    assert.deepEqual(site.problems, []);
    assert.deepEqual(site.foreignRequests, []);
  } finally {
    await site.close();
  }
});
