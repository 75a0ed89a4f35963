import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSite } from './browser.mjs';
import { waitReady, shownEstimate } from './page-helpers.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

test('after the service worker is installed, the page works with the network off', async () => {
  const { page, context } = site;
  await page.goto(site.url);
  await waitReady(page);
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

test('no console errors, CSP violations or requests outside the origin', () => {
  assert.deepEqual(site.problems, []);
  assert.deepEqual(site.foreignRequests, []);
});
