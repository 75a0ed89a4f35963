import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSite } from './browser.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

test('the page loads the wasm core and estimates typed-in minutes', async () => {
  const { page } = site;
  const wasmResponse = page.waitForResponse((r) => r.url().endsWith('.wasm'));
  await page.goto(site.url);
  assert.equal((await wasmResponse).headers()['content-type'], 'application/wasm');
  await page.getByText('Ready.').waitFor();
  await page.getByLabel('Destination').selectOption({ label: 'France-Mobile' });
  await page.getByLabel('Minutes per month').fill('1000');
  await page.waitForFunction(() => document.getElementById('total').textContent.includes('89.00'));
  assert.match(await page.locator('#total').textContent(), /\$89\.00/);
  assert.match(await page.locator('#rates-note').textContent(), /illustrative/);
});

test('junk minutes give an inline message and no NaN', async () => {
  const { page } = site;
  await page.getByLabel('Minutes per month').fill('12abc');
  await page.waitForFunction(() => document.getElementById('minutes-error').textContent.length > 0);
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, /NaN|undefined|Infinity/);
  assert.match(await page.locator('#minutes-error').textContent(), /not a decimal number/);
});

test('no console errors, CSP violations or requests outside the origin', () => {
  assert.deepEqual(site.problems, []);
  assert.deepEqual(site.foreignRequests, []);
});
