import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSite } from './browser.mjs';
import { waitReady, shownEstimate } from './page-helpers.mjs';
import { generate } from '../tools/generate-report.mjs';

let site;
const fetched = [];
before(async () => {
  site = await openSite({ files: true });
  site.page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
});
after(async () => {
  await site?.close();
});

const importReport = async (page, file) => {
  await page.setInputFiles('#usage-file', file);
  await page.waitForFunction(() => /Imported|could not/.test(document.getElementById('usage-status').textContent));
  return page.locator('#usage-status').textContent();
};

test('after the service worker is installed, the page works with the network off', async () => {
  const { page, context } = site;
  await page.goto(site.url);
  await waitReady(page);
  // A first visit downloads the page's module, not the importer's or the workbook reader's.
  assert.ok(fetched.includes('/ccredits.wasm'));
  assert.deepEqual(fetched.filter((p) => /ccredits-(import|workbook)/.test(p)), []);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  const online = await shownEstimate(page);
  await context.setOffline(true);
  try {
    await page.reload();
    await waitReady(page);
    assert.deepEqual(await shownEstimate(page), online);
    await page.fill('[data-key="licenses.0.users"]', '5');
    await page.waitForFunction(() => JSON.parse(document.getElementById('raw-scenario').textContent).licenses[0].users === 5);
    assert.match(await page.locator('#monthly-total').textContent(), /^\$[\d,]+\.\d\d$/);
  } finally {
    await context.setOffline(false);
  }
});

test('the importer\'s modules load when a report is imported, and the service worker keeps them for offline use', async () => {
  const { page, context } = site;
  const file = site.file('PSTN.calls.csv');
  generate({ rows: 300, columns: 25, seed: 5, out: file });
  await page.goto(site.url);
  await waitReady(page);
  assert.match(await importReport(page, file), /^Imported/);
  assert.ok(fetched.includes('/ccredits-import.wasm'), 'the import fetched its module');
  await context.setOffline(true);
  try {
    await page.reload();
    await waitReady(page);
    assert.match(await importReport(page, file), /^Imported/);
    assert.equal(await page.locator('#usage-insights h3').count(), 3, 'the insights modules are kept offline too');
  } finally {
    await context.setOffline(false);
  }
});

test('no console errors, CSP violations or requests outside the origin', () => {
  assert.deepEqual(site.problems, []);
  assert.deepEqual(site.foreignRequests, []);
});
