// Microsoft's rate workbook dropped on the page: the .xlsx (written by tests/tools/generate-rate-workbook.mjs) is
// read by the workbook module the page fetches only then, and its card prices the estimate; a first visit fetches
// none of it; a password-protected file gets the core's sentence.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSite } from './browser.mjs';
import { waitReady } from './page-helpers.mjs';
import { rateRows, workbookBytes } from '../tools/generate-rate-workbook.mjs';

let site;
let page;
const requested = [];
before(async () => {
  site = await openSite();
  page = site.page;
  site.context.on('request', (request) => requested.push(new URL(request.url()).pathname));
});
after(async () => {
  await site?.close();
});

test('a first visit fetches no workbook code; a dropped .xlsx loads the module and sets the card and currency', async () => {
  await page.goto(site.url);
  await waitReady(page);
  assert.deepEqual(requested.filter((p) => /workbook/.test(p)), []);
  const bytes = workbookBytes(rateRows(800), { lang: 'de', currency: 'EUR', amounts: 'text', strings: 'inline' });
  await page.setInputFiles('#rates-file', { name: 'Teams-Tarife.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
  await page.waitForFunction(() => /Teams-Tarife\.xlsx: loaded/.test(document.getElementById('rates')?.textContent ?? ''));
  assert.ok(requested.some((p) => p.endsWith('/ccredits-workbook.wasm')), 'the workbook module is fetched when needed');
  await page.waitForFunction(() => /Microsoft's rates from Teams-Tarife\.xlsx/.test(document.getElementById('summary').textContent));
  assert.match(await page.locator('#rates-info').innerText(), /EUR/);
  assert.match(await page.locator('#summary').innerText(), /€/);
  assert.deepEqual(site.problems, []);
});

test('a password-protected workbook: "save it without a password"', async () => {
  const locked = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]);
  await page.setInputFiles('#rates-file', { name: 'locked.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: locked });
  await page.waitForFunction(() => /locked\.xlsx: .*without a password/.test(document.getElementById('rates')?.textContent ?? ''));
  assert.deepEqual(site.problems, []);
});
