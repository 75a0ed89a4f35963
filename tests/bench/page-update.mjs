// Prints how long the page takes to update while someone types, with the 200-row scenario and the workbook-sized
// card of bench_estimate (tests/bench/scenario-200.json opened through a share link, tests/bench/bench-rates.json
// loaded in the rates panel as an admin loads a card): each keystroke in a
// minutes field runs the page's update (web/app.js), which measures itself ('ccredits:estimate': the wasm estimate
// through the façade, JSON.parse included; 'ccredits:update': the whole update, rendering included).
// Usage: node tests/bench/page-update.mjs [keystrokes] [usage rows]   (after bash .ci/build; rows: the scenario's
// first N usage rows, all 200 by default)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openSite } from '../browser/browser.mjs';
import { repoRoot, siteDir } from '../node/load-module.mjs';

const keystrokes = Number(process.argv[2] ?? 40);
const { encodeShare } = await import(pathToFileURL(path.join(siteDir, 'share-link.js')).href);
const scenario = JSON.parse(await readFile(path.join(repoRoot, 'tests/bench/scenario-200.json'), 'utf8'));
if (process.argv[3]) scenario.usage = scenario.usage.slice(0, Number(process.argv[3]));
const fragment = await encodeShare(scenario);

const site = await openSite();
try {
  const { page } = site;
  // Keystroke to the frame after it (two animation frames later: style, layout and paint included).
  await page.addInitScript(() => {
    document.addEventListener('keydown', () => {
      const start = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => performance.measure('bench:frame', { start })));
    }, true);
  });
  await page.goto(`${site.url}#${fragment}`);
  // The shipped card lacks the bench's destinations: the page waits with an error until the bench card is loaded.
  await page.waitForSelector('#rates-file', { state: 'attached' });
  await page.setInputFiles('#rates-file', path.join(repoRoot, 'tests/bench/bench-rates.json'));
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  const lines = await page.evaluate(() => JSON.parse(document.getElementById('raw-estimate').textContent).lines.length);
  const field = page.locator('[data-key="user_out.0.minutes"]');
  await field.click();
  await page.keyboard.press('End');
  await page.evaluate(() => performance.clearMeasures());
  for (let i = 0; i < keystrokes; i++) {
    // Alternately add and remove a digit: the scenario stays valid and about the same size.
    await page.keyboard.press(i % 2 === 0 ? '7' : 'Backspace');
  }
  await page.waitForFunction((n) => performance.getEntriesByName('ccredits:update').length >= n &&
    performance.getEntriesByName('bench:frame').length >= n, keystrokes);
  const durations = await page.evaluate(() => ({
    estimate: performance.getEntriesByName('ccredits:estimate').map((e) => e.duration),
    update: performance.getEntriesByName('ccredits:update').map((e) => e.duration),
    frame: performance.getEntriesByName('bench:frame').map((e) => e.duration),
  }));
  const summary = (values) => {
    const sorted = values.slice().sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return `median ${at(0.5).toFixed(2)} ms, 90th percentile ${at(0.9).toFixed(2)} ms, fastest ${sorted[0].toFixed(2)} ms`;
  };
  console.log(`page update while typing: ${scenario.usage.length} usage rows -> ${lines} lines, ${keystrokes} keystrokes ` +
              `(headless Chromium ${site.context.browser()?.version() ?? ''})`);
  console.log(`  estimate (wasm through the façade, JSON.parse included): ${summary(durations.estimate)}`);
  console.log(`  whole update (form -> scenario, estimate, rendering):    ${summary(durations.update)}`);
  console.log(`  keystroke to the next frame (style, layout, paint too):   ${summary(durations.frame)}`);
  if (site.problems.length) console.log(`  page problems: ${site.problems.join('; ')}`);
} finally {
  await site.close();
}
