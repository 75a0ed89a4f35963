// A first visit shows the example's estimate made at build time before the page's wasm module has loaded; the
// module then prices the input itself, and what was typed meanwhile is priced when it arrives. The module's
// download is held back here until the test lets it through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { siteForFile } from './browser.mjs';
import { waitReady, shownEstimate, shownScenario } from './page-helpers.mjs';
import { loadCalculator, readRepoFile } from '../node/load-module.mjs';
import { RATE_CARDS, PLANS_FILE } from '../../web/site-data.js';

let site;
siteForFile((s) => { site = s; }, { serviceWorkers: 'block' });

// Opens the page with the module's .wasm held back; release() lets it load.
async function openHeld(page, url) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/ccredits.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('ccredits:first-result').length > 0, null, { timeout: 20000 });
  return {
    release: async () => {
      release();
      await waitReady(page);
      await page.unroute('**/ccredits.wasm');
    },
  };
}

const SHOWN = ['#summary', '#rate-note', '#spend', '#pools', '#needs', '#eligibility', '#recommendation', '#what-if'];
const shownTexts = (page) => page.evaluate((ids) => ids.map((id) => document.querySelector(id).innerText), SHOWN);

test('the first screen shows the example\'s estimate before the module, the same figures the module then shows', async () => {
  const { page } = site;
  const held = await openHeld(page, site.url);
  assert.equal(await page.evaluate(() => document.body.dataset.ready), undefined, 'the module has not loaded yet');
  const first = await shownTexts(page);
  const firstEstimate = await shownEstimate(page);
  assert.match(first[0], /Monthly credit spend for the example organization: \$[\d,]+\.\d\d at illustrative rates\./);
  assert.match(first[1], /Illustrative rates are examples made up for this calculator/);
  // The form is there and can be used.
  assert.equal(await page.locator('[data-key="licenses.0.users"]').inputValue(), '100');
  await page.evaluate(() => {
    window.redrawn = 0;
    const observer = new MutationObserver((records) => { window.redrawn += records.length; });
    for (const id of ['spend', 'pools', 'needs', 'eligibility', 'recommendation', 'what-if']) {
      observer.observe(document.getElementById(id), { subtree: true, childList: true, characterData: true, attributes: true });
    }
  });
  await held.release();
  assert.deepEqual(await shownTexts(page), first);
  assert.deepEqual(await shownEstimate(page), firstEstimate);
  assert.equal(await page.evaluate(() => window.redrawn), 0, 'the module\'s first estimate, the same, draws nothing again');
  const [firstResult, wasmStarted] = await page.evaluate(() => [performance.getEntriesByName('ccredits:first-result')[0].startTime,
    performance.getEntriesByType('resource').find((e) => e.name.endsWith('/ccredits.wasm')).startTime]);
  assert.ok(wasmStarted > firstResult, `the module (${wasmStarted} ms) was asked for after the first result (${firstResult} ms)`);
  assert.deepEqual(site.problems, []);
});

test('what is typed before the module arrives is priced by the module when it does', async () => {
  const { page } = site;
  const held = await openHeld(page, site.url);
  await page.fill('[data-key="user_out.0.minutes"]', '1234567');
  await page.fill('[data-key="licenses.1.users"]', '7');
  await page.waitForFunction(() => /Loading the calculator: your input is priced as soon as it is ready/.test(document.getElementById('summary').textContent));
  assert.ok(await page.locator('#results.stale').count(), 'the example\'s figures are marked out of date meanwhile');
  await held.release();
  const scenario = await shownScenario(page);
  assert.equal(scenario.usage[0].minutes, '1234567');
  assert.equal(scenario.licenses[1].users, 7);
  const calculator = await loadCalculator();
  calculator.loadRates(await readRepoFile(RATE_CARDS[0].file), path.basename(RATE_CARDS[0].file));
  calculator.loadPlans(await readRepoFile(PLANS_FILE), path.basename(PLANS_FILE));
  const expected = calculator.estimate(scenario);
  assert.deepEqual(await shownEstimate(page), JSON.parse(JSON.stringify(expected)));
  assert.equal(await page.locator('#results.stale').count(), 0);
  assert.match(await page.locator('#summary').innerText(), /^Monthly credit spend: \$[\d,]+\.\d\d at illustrative rates\./);
  assert.equal(await page.locator('[data-key="user_out.0.minutes"]').inputValue(), '1234567');
  assert.deepEqual(site.problems, []);
});

test('a share link waits for the module before its first result', async () => {
  const { page } = site;
  await page.goto(site.url);
  await waitReady(page);
  await page.fill('[data-key="licenses.0.users"]', '42');
  await page.waitForFunction(() => /^#./.test(location.hash) && JSON.parse(document.getElementById('raw-scenario').textContent).licenses[0].users === 42);
  await page.waitForFunction(() => document.getElementById('share-link').value.includes('#'));
  const link = await page.locator('#share-link').inputValue();
  const estimate = await shownEstimate(page);
  await page.goto('about:blank');
  await page.goto(link);
  await waitReady(page);
  const [firstResult, wasmLoaded] = await page.evaluate(() => [performance.getEntriesByName('ccredits:first-result')[0].startTime,
    performance.getEntriesByType('resource').find((e) => e.name.endsWith('/ccredits.wasm')).responseEnd]);
  assert.ok(wasmLoaded <= firstResult, `the module (${wasmLoaded} ms) came before the first result (${firstResult} ms)`);
  assert.deepEqual(await shownEstimate(page), estimate);
  assert.deepEqual(site.problems, []);
});
