// A first visit shows the example's estimate made at build time before the page's wasm module has loaded: its
// headline is in the document itself (wasm/write-first-screen.mjs), the rest drawn by the page's scripts; the
// module then prices the input itself, and what was typed meanwhile is priced when it arrives. The module's
// download is held back here until the test lets it through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { siteForFile, openSite } from './browser.mjs';
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
  // The page's scripts have drawn the build-time estimate's sections too.
  await page.waitForFunction(() => !document.getElementById('spend').hidden, null, { timeout: 20000 });
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

// Every change to the headline's places (#summary, #rate-note, #result-bar) from the document's start on, with its
// time (an attribute or text set to the value it had is no change); and whether dollar figures as en-US writes them ("$2,345.67") were ever in the headline while it could be
// seen (no body data-first-screen: style.css hides the written headline until first-screen.js has looked).
const recordHeadline = () => {
  window.headlineChanges = [];
  window.enFiguresSeen = false;
  const places = ['summary', 'rate-note', 'result-bar'];
  const inPlace = (node) => places.some((id) => document.getElementById(id)?.contains(node));
  new MutationObserver((records) => {
    for (const r of records) {
      const now = r.type === 'attributes' ? r.target.getAttribute(r.attributeName) : r.type === 'characterData' ? r.target.data : undefined;
      if (inPlace(r.target) && (r.type === 'childList' || now !== r.oldValue)) window.headlineChanges.push({ at: performance.now(), place: r.target.id || r.target.nodeName, type: r.type });
    }
    const summary = document.getElementById('summary');
    if (summary && !document.body.hasAttribute('data-first-screen') && /\$\d/.test(summary.textContent)) window.enFiguresSeen = true;
  }).observe(document, { subtree: true, childList: true, characterData: true, characterDataOldValue: true, attributes: true, attributeOldValue: true });
};

const HEADLINE = ['summary', 'rate-note', 'result-bar'];
// What the built index.html holds in the headline's places, as the browser reads the file; and what the page shows.
const writtenHeadline = (page) => page.evaluate(async (ids) => {
  const doc = new DOMParser().parseFromString(await (await fetch('index.html')).text(), 'text/html');
  const places = Object.fromEntries(ids.map((id) => [id, { html: doc.getElementById(id).innerHTML, hidden: doc.getElementById(id).hidden }]));
  return { locale: doc.body.dataset.firstScreen, places };
}, HEADLINE);
const drawnHeadline = (page) => page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id,
  { html: document.getElementById(id).innerHTML, hidden: document.getElementById(id).hidden }])), HEADLINE);

test('the headline written into the document is the one the page draws, shown first and never changed', async () => {
  const { page } = site;
  await page.addInitScript(recordHeadline);
  const held = await openHeld(page, site.url);
  const written = await writtenHeadline(page);
  assert.equal(written.locale, 'en-US');
  assert.match(written.places.summary.html, /Monthly credit spend for the example organization: <strong id="headline-total">\$[\d,]+\.\d\d<\/strong> at illustrative rates\./);
  assert.equal(written.places['result-bar'].hidden, false);
  assert.ok(await page.evaluate(() => !document.body.hasAttribute('data-first-screen')), 'first-screen.js let it be seen');
  const firstResult = await page.evaluate(() => performance.getEntriesByName('ccredits:first-result')[0].startTime);
  // The page's scripts drew the build-time estimate over it, then the module its own: the same, in place. With no
  // change after the first result, what was shown then is what is shown now.
  await held.release();
  assert.deepEqual(await drawnHeadline(page), written.places);
  const later = await page.evaluate((t) => window.headlineChanges.filter((c) => c.at > t), firstResult);
  assert.deepEqual(later, [], 'nothing in the headline changed after it was shown');
  assert.deepEqual(site.problems, []);
});

test('in another locale the written headline is never seen: the page draws its own in that locale\'s formats', async () => {
  const other = await openSite({ serviceWorkers: 'block', locale: 'de-DE' });
  try {
    await other.page.addInitScript(recordHeadline);
    await other.page.goto(other.url);
    await waitReady(other.page);
    assert.match(await other.page.locator('#summary').innerText(), /^Monthly credit spend for the example organization: [\d.]+,\d\d\s\$ at illustrative rates\./);
    assert.equal(await other.page.evaluate(() => window.enFiguresSeen), false);
    assert.deepEqual(other.problems, []);
  } finally {
    await other.close();
  }
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
