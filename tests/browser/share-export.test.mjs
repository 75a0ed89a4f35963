import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { openSite } from './browser.mjs';
import { waitReady, shownEstimate, shownScenario, setField } from './page-helpers.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

async function downloadOf(page, buttonId) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#${buttonId}`)]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('the share link carries the whole input and restores it in a fresh tab', async () => {
  const { page, context } = site;
  await page.goto(site.url);
  await waitReady(page);
  await page.fill('[data-key="licenses.0.users"]', '77');
  await page.click('#add-toll_in');
  await page.fill('[data-key="toll_in.0.minutes"]', '321.5');
  await page.selectOption('[data-key="billing.channel"]', 'csp');
  await setField(page, 'billing.tenant_country', '');
  await page.waitForFunction(() => document.getElementById('share-link').value.includes('#s1.')
    && JSON.parse(document.getElementById('raw-scenario').textContent).usage.some((u) => u.kind === 'toll_in' && u.minutes === '321.5'));
  await page.waitForTimeout(400); // the link follows typing after a short pause
  const link = await page.locator('#share-link').inputValue();
  assert.equal(new URL(link).hash, new URL(page.url()).hash);
  const scenario = await shownScenario(page);
  const estimate = await shownEstimate(page);

  const other = await context.newPage();
  await other.goto(link);
  await waitReady(other);
  assert.equal(await other.locator('[data-key="licenses.0.users"]').inputValue(), '77');
  assert.equal(await other.locator('[data-key="toll_in.0.minutes"]').inputValue(), '321.5');
  assert.equal(await other.locator('[data-key="billing.channel"]').inputValue(), 'csp');
  assert.deepEqual(await shownScenario(other), scenario);
  assert.equal(scenario.billing.tenant_country, null);
  assert.deepEqual(await shownEstimate(other), estimate);
  await other.close();
});

test('a damaged or foreign link is refused with a message and the example input is shown', async () => {
  const { page } = site;
  for (const [hash, message] of [['#s1.AAAA', /damaged/], ['#s1.***', /damaged/], ['#hello', /does not hold a ccredits estimate/], ['#s9.abc', /newer version/]]) {
    await page.goto(`${site.url}?case=${encodeURIComponent(hash)}${hash}`);
    await waitReady(page);
    assert.match(await page.locator('#link-error').textContent(), message, hash);
    assert.match(await page.locator('#monthly-total').textContent(), /^\$[\d,]+\.\d\d$/);
  }
});

test('exported CSV and JSON parse, and the CSV holds the shown lines', async () => {
  const { page } = site;
  await page.goto(site.url);
  await waitReady(page);
  const estimate = await shownEstimate(page);
  const csv = await downloadOf(page, 'export-csv');
  assert.equal(csv.name, 'ccredits-estimate.csv');
  assert.ok(csv.text.startsWith('\ufeff'), 'a byte-order mark, so Excel reads UTF-8');
  const parsed = Papa.parse(csv.text.slice(1), { skipEmptyLines: true });
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.data[0], ['section', 'item', 'detail', 'minutes', 'rate (USD)', 'amount (USD)']);
  assert.deepEqual(parsed.data.find((r) => r[0] === 'total'), ['total', 'monthly credit spend', '', '', '', estimate.monthly_total]);
  const lines = parsed.data.filter((r) => r[0] === 'line');
  assert.deepEqual(lines.map((r) => [r[2], r[5]]), estimate.lines.map((l) => [l.destination, l.amount]));

  const json = await downloadOf(page, 'export-json');
  const doc = JSON.parse(json.text);
  assert.deepEqual(doc.estimate, estimate);
  assert.equal(doc.scenario.schema, 'ccredits.scenario/1');
});

test('in a German browser the CSV opens right in Excel: ";" separated, decimal commas, numbers as numbers', async () => {
  const german = await openSite({ locale: 'de-DE' });
  try {
    await german.page.goto(german.url);
    await waitReady(german.page);
    const estimate = await shownEstimate(german.page);
    const csv = await downloadOf(german.page, 'export-csv');
    assert.ok(csv.text.startsWith('\ufeffsection;item;detail;minutes;rate (USD);amount (USD)\r\n'));
    const parsed = Papa.parse(csv.text.slice(1), { delimiter: ';', skipEmptyLines: true });
    assert.deepEqual(parsed.errors, []);
    const comma = (v) => String(v).replace('.', ',');
    assert.deepEqual(parsed.data.find((r) => r[0] === 'total'), ['total', 'monthly credit spend', '', '', '', comma(estimate.monthly_total)]);
    const lines = parsed.data.filter((r) => r[0] === 'line');
    assert.deepEqual(lines.map((r) => [r[4], r[5]]), estimate.lines.map((l) => [comma(l.rate), comma(l.amount)]));
    for (const r of lines) for (const cell of r.slice(3)) assert.match(cell, /^-?\d+(,\d+)?$/, 'a plain number Excel reads');
    assert.deepEqual(german.problems, []);
  } finally {
    await german.close();
  }
});

test('the input saves to a JSON file and opens from it', async () => {
  const { page } = site;
  await page.fill('[data-key="conferencing.standard"]', '115');
  await page.waitForTimeout(50);
  const saved = await downloadOf(page, 'save-json');
  const scenario = JSON.parse(saved.text);
  assert.equal(scenario.conferencing.standard, 115);
  await page.goto(site.url);
  await waitReady(page);
  assert.equal(await page.locator('[data-key="conferencing.standard"]').inputValue(), '50');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#open-json')]);
  await chooser.setFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(saved.text) });
  await page.waitForFunction(() => document.getElementById('keep-status').textContent.includes('Opened mine.json'));
  assert.equal(await page.locator('[data-key="conferencing.standard"]').inputValue(), '115');
  assert.deepEqual(await shownScenario(page), scenario);

  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.click('#open-json')]);
  await again.setFiles({ name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('{"schema": "other/9"}') });
  await page.waitForFunction(() => document.getElementById('keep-status').textContent.includes('not one this page reads'));
});

test('CSV cells that a spreadsheet would run as formulas are neutralised', async () => {
  const { page } = site;
  const cells = await page.evaluate(async () => {
    const { csvCell } = await import('./export.js');
    return ['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx', '\rx', 'plain', 'a,b', 'say "hi"'].map(csvCell);
  });
  assert.deepEqual(cells, ["'=1+1", "'+SUM(A1)", '-2', "'@cmd", "'\tx", "\"'\rx\"", 'plain', '"a,b"', '"say ""hi"""']);
});

test('no console errors, CSP violations or requests outside the origin', () => {
  assert.deepEqual(site.problems, []);
  assert.deepEqual(site.foreignRequests, []);
});
