// Writes the README's screenshots of the page with its example input: web/screenshots/desktop.png (1280×900)
// and web/screenshots/phone-form.png + phone.png (390×844: the top, and scrolled to the results). Usage: node tests/browser/take-screenshots.mjs
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSite } from './browser.mjs';
import { waitReady } from './page-helpers.mjs';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/screenshots');
const site = await openSite();
try {
  const { page } = site;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(site.url);
  await waitReady(page);
  await page.screenshot({ path: path.join(out, 'desktop.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(out, 'phone-form.png') });
  await page.evaluate(() => document.getElementById('results').scrollIntoView());
  await page.screenshot({ path: path.join(out, 'phone.png') });
} finally {
  await site.close();
}
