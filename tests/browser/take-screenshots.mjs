// Writes the README's screenshots of the page: with its example input, web/screenshots/desktop.png (1280×900) and
// phone-form.png + phone.png (390×844: the top, and scrolled to the results); after importing a generated usage
// report with a toll-fraud burst (tests/tools/generate-report.mjs --fraud), import-desktop.png and import-phone.png
// (the headline on the report's charges) and insights-desktop.png (flags, chargeback, months).
// Usage, after a build (the wasm preset): node tests/browser/take-screenshots.mjs
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSite } from './browser.mjs';
import { waitReady } from './page-helpers.mjs';
import { generate } from '../tools/generate-report.mjs';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/screenshots');
const site = await openSite({ rawJson: false });
const dir = await mkdtemp(path.join(os.tmpdir(), 'ccredits-screenshots-'));
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

  const report = path.join(dir, 'PSTN.calls.2026-10-01.csv');
  generate({ rows: 2000, columns: 25, seed: 3, out: report, fraud: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.setInputFiles('#usage-file', report);
  await page.locator('#usage-insights').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(out, 'import-desktop.png') });
  await page.evaluate(() => document.getElementById('usage-insights').scrollIntoView());
  await page.screenshot({ path: path.join(out, 'insights-desktop.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => document.getElementById('results').scrollIntoView());
  await page.screenshot({ path: path.join(out, 'import-phone.png') });
} finally {
  await site.close();
  await rm(dir, { recursive: true, force: true });
}
