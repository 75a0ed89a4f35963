// Prints how long the page takes to load Microsoft's rate workbook with 20,000 prefixes on "Dial-out calls", in
// headless Chromium: from the file given to the rates panel (its `change` event: what a drop or a choice starts)
// to the panel saying the card is loaded, and to the estimate priced with it. Timed inside the page
// (performance.now()), so the remote-control round trips are not counted. Each run opens a fresh browser profile:
// the first workbook of a run also fetches and compiles the workbook module (cold); a second, renamed copy dropped
// on the same page then shows the reading alone (warm).
// Usage: node tests/bench/workbook-load-page.mjs [runs] [prefixes]   (after bash .ci/build)
import { openSite } from '../browser/browser.mjs';
import { waitReady } from '../browser/page-helpers.mjs';
import { rateRows, workbookBytes } from '../tools/generate-rate-workbook.mjs';
import { exceljsWorkbook } from '../tools/write-workbook-exceljs.mjs';

const runs = Number(process.argv[2] ?? 5);
const prefixes = Number(process.argv[3] ?? 20000);
const rows = rateRows(prefixes);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const workbooks = [
  ['byte by byte, English, deflated', workbookBytes(rows, { lang: 'en', currency: 'EUR' })],
  ['written by exceljs', await exceljsWorkbook(rows, { currency: 'EUR' })],
];

// Arms the page's clock for one file name, gives the file, waits until both moments are recorded.
async function timeDrop(page, name, bytes) {
  await page.evaluate((file) => {
    const rates = document.getElementById('rates');
    const summary = document.getElementById('summary');
    const t = { start: 0, loaded: 0, priced: 0 };
    window.__workbookBench = t;
    document.addEventListener('change', () => { t.start ||= performance.now(); }, { capture: true, once: true });
    const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const check = () => {
      if (!t.loaded && new RegExp(`${escaped}: loaded`).test(rates.textContent)) t.loaded = performance.now();
      if (!t.priced && new RegExp(`rates from ${escaped}`).test(summary.textContent)) t.priced = performance.now();
    };
    for (const el of [rates, summary]) new MutationObserver(check).observe(el, { subtree: true, childList: true, characterData: true });
  }, name);
  await page.setInputFiles('#rates-file', { name, mimeType: XLSX, buffer: bytes });
  await page.waitForFunction(() => window.__workbookBench.loaded && window.__workbookBench.priced, null, { timeout: 120000 });
  return page.evaluate(() => ({ loaded: window.__workbookBench.loaded - window.__workbookBench.start,
    priced: window.__workbookBench.priced - window.__workbookBench.start }));
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`the page, a ${prefixes}-prefix workbook given to the rates panel; ${runs} runs, each in a fresh browser profile`);
for (const [what, bytes] of workbooks) {
  const cold = { loaded: [], priced: [] };
  const warm = { loaded: [], priced: [] };
  for (let i = 0; i < runs; i++) {
    const site = await openSite({ rawJson: false });
    await site.page.goto(site.url);
    await waitReady(site.page);
    const first = await timeDrop(site.page, `Rates-${i}-a.xlsx`, bytes);
    const second = await timeDrop(site.page, `Rates-${i}-b.xlsx`, bytes);
    if (site.problems.length) throw new Error(site.problems.join('\n'));
    await site.close();
    for (const k of ['loaded', 'priced']) {
      cold[k].push(first[k]);
      warm[k].push(second[k]);
    }
  }
  const f = (xs) => `${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;
  console.log(`${what} (${(bytes.length / 1024).toFixed(0)} KiB)`);
  console.log(`  first workbook (module fetched and compiled): card loaded ${f(cold.loaded)}; estimate priced ${f(cold.priced)}`);
  console.log(`  second workbook, same page: card loaded ${f(warm.loaded)}; estimate priced ${f(warm.priced)}`);
}
