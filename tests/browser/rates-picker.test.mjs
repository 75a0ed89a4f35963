// The rates picker offers every shipped illustrative card and every card loaded from the person's files, and
// switching re-prices with the headline naming the rates; a share link carries which rates made its figures, and a
// recipient without them is told so near the headline (and not when they have the same rates).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSite } from './browser.mjs';
import { waitReady, shownEstimate } from './page-helpers.mjs';
import { readRepoFile } from '../node/load-module.mjs';

let site;
let page;
let myCard;
before(async () => {
  site = await openSite();
  page = site.page;
  // The shipped USD card as an admin's own: not illustrative, another date, every rate doubled.
  const card = JSON.parse(await readRepoFile('rates/illustrative-usd.json'));
  card.illustrative = false;
  card.effective = '2026-11-01';
  card.source = 'An admin\'s own rates';
  for (const rows of Object.values(card.sheets)) {
    for (const row of rows) row.per_minute = (Number(row.per_minute) * 2).toFixed(6);
  }
  myCard = Buffer.from(JSON.stringify(card));
});
after(async () => {
  await site?.close();
});

const picker = '#f-rates-card';
const summary = () => page.locator('#summary').innerText();
const optionTexts = (p = page) => p.locator(`${picker} option`).allTextContents();

test('the call simulator prices its call again at the rates chosen, like every other figure', async () => {
  await page.goto(site.url);
  await waitReady(page);
  const facts = () => page.locator('#sim-facts').innerText();
  await page.waitForFunction(() => /\$/.test(document.getElementById('sim-facts')?.textContent ?? ''));
  const usd = await facts();
  await page.selectOption(picker, { label: 'Illustrative rates, GBP' });
  await page.waitForFunction(() => /£/.test(document.getElementById('summary').textContent));
  await page.waitForFunction(() => /£/.test(document.getElementById('sim-facts').textContent));
  assert.doesNotMatch(await facts(), /\$/);
  await page.selectOption(picker, { label: 'Illustrative rates, USD' });
  await page.waitForFunction(() => /\$/.test(document.getElementById('sim-facts').textContent));
  assert.equal(await facts(), usd);
});

async function shareLink(p) {
  await p.waitForTimeout(400); // the link follows changes after a short pause
  return p.locator('#share-link').inputValue();
}

test('the picker offers the shipped USD, EUR and GBP cards; switching re-prices and the headline follows', async () => {
  await page.goto(site.url);
  await waitReady(page);
  assert.deepEqual(await optionTexts(), ['Illustrative rates, USD', 'Illustrative rates, EUR', 'Illustrative rates, GBP']);
  assert.match(await summary(), /\$/);
  const usd = await shownEstimate(page);
  await page.selectOption(picker, { label: 'Illustrative rates, EUR' });
  await page.waitForFunction(() => /€/.test(document.getElementById('summary').textContent));
  assert.match(await summary(), /at illustrative rates/);
  assert.notDeepEqual((await shownEstimate(page)).monthly_total, undefined);
  assert.match(await page.locator('#rates-info').innerText(), /Illustrative rates, EUR/);
  await page.selectOption(picker, { label: 'Illustrative rates, GBP' });
  await page.waitForFunction(() => /£/.test(document.getElementById('summary').textContent));
  await page.selectOption(picker, { label: 'Illustrative rates, USD' });
  await page.waitForFunction(() => /\$/.test(document.getElementById('summary').textContent));
  assert.deepEqual(await shownEstimate(page), usd);
  assert.deepEqual(site.problems, []);
});

test('a loaded card joins the picker by its file and currency; switching away and back re-prices with it', async () => {
  await page.setInputFiles('#rates-file', { name: 'my-rates.json', mimeType: 'application/json', buffer: myCard });
  await page.waitForFunction(() => /Microsoft's rates from my-rates\.json, effective 2026-11-01/.test(document.getElementById('summary').textContent));
  assert.deepEqual(await optionTexts(), ['Illustrative rates, USD', 'Illustrative rates, EUR', 'Illustrative rates, GBP', 'my-rates.json (USD)']);
  assert.equal(await page.locator(`${picker} option:checked`).textContent(), 'my-rates.json (USD)');
  const mine = await shownEstimate(page);
  await page.selectOption(picker, { label: 'Illustrative rates, GBP' });
  await page.waitForFunction(() => /£/.test(document.getElementById('summary').textContent));
  assert.match(await summary(), /at illustrative rates/);
  await page.selectOption(picker, { label: 'my-rates.json (USD)' });
  await page.waitForFunction(() => /my-rates\.json/.test(document.getElementById('summary').textContent));
  assert.deepEqual(await shownEstimate(page), mine);
  // Loading the same rates again does not add a second entry.
  await page.setInputFiles('#rates-file', { name: 'my-rates.json', mimeType: 'application/json', buffer: myCard });
  await page.waitForFunction(() => /my-rates\.json: loaded/.test(document.querySelector('#rates .status').textContent));
  assert.equal((await optionTexts()).length, 4);
  assert.doesNotMatch(await page.locator('#rates').innerText(), /NaN|undefined|loaded-\d/);
  assert.deepEqual(site.problems, []);
});

test('a link made with other rates says so near the headline; loading the same rates removes the notice', async () => {
  // The page is on my-rates.json from the test before.
  const link = await shareLink(page);
  const made = await shownEstimate(page);
  const other = await site.context.newPage();
  await other.goto(link);
  await waitReady(other);
  const note = other.locator('#linked-rates-note');
  await note.waitFor({ state: 'visible' });
  const text = await note.innerText();
  assert.match(text, /made with other rates: my-rates\.json \(USD, effective 2026-11-01\)/);
  assert.match(text, /shows illustrative rates in USD instead/);
  assert.match(text, /load the same workbook or rate files under Rates/);
  assert.doesNotMatch(text, /NaN|undefined|[0-9a-f]{12}/);
  // The same rates under another file name are the same rates.
  await other.setInputFiles('#rates-file', { name: 'copy of my rates.json', mimeType: 'application/json', buffer: myCard });
  await note.waitFor({ state: 'hidden' });
  assert.deepEqual(await shownEstimate(other), made);
  await other.close();
});

test('a link made with a shipped card the recipient also has opens with it, without a notice', async () => {
  await page.selectOption(picker, { label: 'Illustrative rates, EUR' });
  await page.waitForFunction(() => /€/.test(document.getElementById('summary').textContent));
  const link = await shareLink(page);
  const other = await site.context.newPage();
  await other.goto(link);
  await waitReady(other);
  await other.waitForFunction(() => /€/.test(document.getElementById('summary').textContent));
  assert.equal(await other.locator('#linked-rates-note').isHidden(), true);
  assert.equal(await other.locator(`${picker} option:checked`).textContent(), 'Illustrative rates, EUR');
  await other.close();
});

test('an old link without the rates still opens, without a notice', async () => {
  const fragment = await page.evaluate(async () => {
    const { encodeShare } = await import('./share-link.js');
    const scenario = JSON.parse(document.getElementById('raw-scenario').textContent);
    scenario.conferencing.standard = 61;
    return encodeShare(scenario);
  });
  const other = await site.context.newPage();
  await other.goto(`${site.url}#${fragment}`);
  await waitReady(other);
  assert.equal(await other.locator('[data-key="conferencing.standard"]').inputValue(), '61');
  assert.equal(await other.locator('#linked-rates-note').isHidden(), true);
  assert.equal(await other.locator('#link-error').isHidden(), true);
  await other.close();
  assert.deepEqual(site.problems, []);
});

test('a sheet in another currency than the card is a new card; a sheet in a third currency then is refused, naming both', async () => {
  await page.selectOption(picker, { label: 'Illustrative rates, USD' });
  await page.waitForFunction(() => /\$/.test(document.getElementById('summary').textContent));
  const header = 'Origin,Destination,Prefix(es),Originating Number Type,Terminating Number Type,' +
    'Per Minute Rate in EUR (Billed in Tenths of a Minute),Connection charge in EUR\n';
  const sheet = (text) => ({ name: 'Dial-out calls.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.setInputFiles('#rates-file', sheet(`${header}Any,France,33,All Number Types,All Number Types,0.0300,0\n`));
  await page.waitForFunction(() => /of a new EUR card; the USD rates used before are not mixed with it/.test(document.querySelector('#rates .status').textContent));
  await page.waitForFunction(() => /€/.test(document.getElementById('summary').textContent));
  const info = await page.locator('#rates-info').innerText();
  assert.match(info, /In use: sheets from Dial-out calls\.csv, EUR/);
  assert.doesNotMatch(info, /illustrative/i);
  assert.ok((await optionTexts()).includes('Dial-out calls.csv (EUR)'));
  // A USD sheet now would put two currencies into one card.
  await page.setInputFiles('#rates-file', sheet(`${header.replaceAll('EUR', 'USD')}Any,France,33,All Number Types,All Number Types,0.0300,0\n`));
  await page.waitForFunction(() => /in USD, but the sheets loaded before \(Dial-out calls\.csv\) are in EUR/.test(document.querySelector('#rates .status').textContent));
  assert.match(await page.locator('#rates-info').innerText(), /EUR/);
  assert.doesNotMatch(await page.locator('#rates').innerText(), /NaN|undefined|loaded-\d/);
  assert.deepEqual(site.problems, []);
});
