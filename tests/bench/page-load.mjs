// Prints the page's first-load figures on localhost: the transfer size of every file fetched before the first
// result if each were served gzip -9 (and Brotli at quality 11, node's own zlib); the time from navigation start to
// the first result shown (performance mark 'ccredits:first-result'), and to the first result the page's wasm module
// computed itself (mark 'ccredits:live-result': the module loaded, the page ready); and the size of everything a
// first visit fetches until then. A first visit's first result is the example's headline, written into index.html
// at build time and shown by web/first-screen.js before the page's modules run; with --link the page opens a share
// link instead, whose first result waits for the module.
// Usage: node tests/bench/page-load.mjs [runs] [--link]   (after bash .ci/build; CCREDITS_SITE_DIR picks the site)
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openSite } from '../browser/browser.mjs';
import { siteDir } from '../node/load-module.mjs';

const args = process.argv.slice(2);
const withLink = args.includes('--link');
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);

// A share link of the example input with one field changed, as the page writes it.
async function shareLink() {
  const site = await openSite({ rawJson: false });
  try {
    await site.page.goto(site.url);
    await site.page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    await site.page.fill('[data-key="licenses.0.users"]', '101');
    await site.page.waitForFunction(() => document.getElementById('share-link').value.includes('#'));
    return new URL(await site.page.locator('#share-link').inputValue()).hash;
  } finally {
    await site.close();
  }
}

const fragment = withLink ? await shareLink() : '';
const firstTimes = [];
const liveTimes = [];
let beforeFirst = [];
let untilLive = [];
for (let i = 0; i < runs; i++) {
  const site = await openSite({ rawJson: false }); // a fresh browser profile each run: a real first visit, nothing cached
  await site.page.goto(site.url + fragment);
  await site.page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  const seen = await site.page.evaluate(() => {
    const first = performance.getEntriesByName('ccredits:first-result')[0].startTime;
    const live = performance.getEntriesByName('ccredits:live-result')[0]?.startTime ?? first;
    const files = performance.getEntriesByType('resource').filter((e) => new URL(e.name).origin === location.origin)
      .map((e) => ({ file: new URL(e.name).pathname, start: e.startTime }));
    return { first, live, files };
  });
  firstTimes.push(seen.first);
  liveTimes.push(seen.live);
  const named = (list) => ['/index.html', ...list.map((f) => decodeURIComponent(f.file))].sort();
  beforeFirst = named(seen.files.filter((f) => f.start < seen.first));
  untilLive = named(seen.files.filter((f) => f.start < seen.live));
  await site.close();
}

async function sizes(files) {
  const total = { files: files.length, raw: 0, gz: 0, br: 0, rows: [] };
  for (const p of files) {
    const data = await readFile(path.join(siteDir, p));
    const g = gzipSync(data, { level: 9 }).length;
    const b = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    total.raw += data.length;
    total.gz += g;
    total.br += b;
    total.rows.push(`${p.padEnd(32)} ${String(data.length).padStart(8)} ${String(g).padStart(8)} ${String(b).padStart(8)}`);
  }
  return total;
}
const line = (what, t) => `${what}: ${t.files} files, ${t.raw} bytes, ${t.gz} bytes gzip -9 (${(t.gz / 1024).toFixed(1)} KiB), ` +
  `${t.br} bytes Brotli (${(t.br / 1024).toFixed(1)} KiB)`;
const first = await sizes(beforeFirst);
const live = await sizes(untilLive);
console.log(`site: ${siteDir}${withLink ? `, opened with a share link (${fragment.length} characters of fragment)` : ''}`);
console.log(`${'fetched before the first result'.padEnd(32)} ${'bytes'.padStart(8)} ${'gzip -9'.padStart(8)} ${'brotli'.padStart(8)}`);
console.log(first.rows.join('\n'));
console.log(line('before the first result', first));
console.log(line('until the module\'s first result', live));
const report = (what, times) => {
  const sorted = times.slice().sort((a, b) => a - b);
  console.log(`${what}, ${runs} cold runs: ${sorted.map((t) => t.toFixed(0)).join(', ')} ms; median ${sorted[Math.floor(runs / 2)].toFixed(0)} ms`);
};
report('time to first result (navigation start -> first result shown)', firstTimes);
report('time to the module\'s first result (navigation start -> page ready)', liveTimes);
