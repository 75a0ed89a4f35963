// Prints how long an imported usage report takes to land in the page's form: from the importer's result
// (performance mark 'ccredits:report-to-form' in web/app.js) to the second animation frame after the page
// announces the import (style, layout and paint of the redrawn form and results included), and how many form rows
// that drew. The import itself runs in its worker before the mark (tests/bench/import_bench_browser.mjs times it).
// Usage: node tests/bench/page-import.mjs [report rows] [runs]   (after bash .ci/build)
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openSite } from '../browser/browser.mjs';
import { generate } from '../tools/generate-report.mjs';

const rows = Number(process.argv[2] ?? 200000);
const runs = Number(process.argv[3] ?? 5);
const dir = await mkdtemp(path.join(os.tmpdir(), 'ccredits-page-import-'));
const file = path.join(dir, 'PSTN.calls.csv');
generate({ rows, columns: 25, seed: 1, out: file });
const times = [];
let formRows = 0;
try {
  for (let i = 0; i < runs; i++) {
    const site = await openSite();
    try {
      const { page } = site;
      await page.addInitScript(() => {
        document.addEventListener('usage-imported', () => {
          requestAnimationFrame(() => requestAnimationFrame(() => performance.measure('bench:report-to-frame', 'ccredits:report-to-form')));
        });
      });
      await page.goto(site.url);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
      await page.setInputFiles('#usage-file', file);
      await page.waitForFunction(() => performance.getEntriesByName('bench:report-to-frame').length > 0, null, { timeout: 120000 });
      times.push(await page.evaluate(() => performance.getEntriesByName('bench:report-to-frame')[0].duration));
      formRows = await page.locator('#inputs fieldset.row').count();
    } finally {
      await site.close();
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
const sorted = times.slice().sort((a, b) => a - b);
console.log(`a ${rows}-row report landing in the form (${formRows} form rows), ${runs} runs: ` +
            `${sorted.map((t) => t.toFixed(0)).join(', ')} ms; median ${sorted[Math.floor(runs / 2)].toFixed(0)} ms`);
