// Prints the page's first-load figures on localhost: the transfer size if every fetched file were served gzip -9
// (and Brotli at quality 11, node's own zlib),
// and the time from navigation start to the first result shown (performance mark 'ccredits:first-result').
// Usage: node tests/bench/page-load.mjs [runs]   (after bash .ci/build)
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openSite } from '../browser/browser.mjs';
import { siteDir } from '../node/load-module.mjs';

const runs = Number(process.argv[2] ?? 5);
const times = [];
let files = [];
for (let i = 0; i < runs; i++) {
  const site = await openSite(); // a fresh browser profile each run: a real first visit, nothing cached
  const fetched = new Set();
  site.page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === new URL(site.url).origin) fetched.add(url.pathname === '/' ? '/index.html' : url.pathname);
  });
  await site.page.goto(site.url);
  await site.page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  times.push(await site.page.evaluate(() => performance.getEntriesByName('ccredits:first-result')[0].startTime));
  files = [...fetched].sort();
  await site.close();
}
let raw = 0;
let gz = 0;
let br = 0;
const rows = [];
for (const p of files) {
  const data = await readFile(path.join(siteDir, decodeURIComponent(p)));
  const g = gzipSync(data, { level: 9 }).length;
  const b = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += data.length;
  gz += g;
  br += b;
  rows.push(`${p.padEnd(32)} ${String(data.length).padStart(8)} ${String(g).padStart(8)} ${String(b).padStart(8)}`);
}
console.log(`${'file'.padEnd(32)} ${'bytes'.padStart(8)} ${'gzip -9'.padStart(8)} ${'brotli'.padStart(8)}`);
console.log(rows.join('\n'));
console.log(`first load: ${files.length} files, ${raw} bytes, ${gz} bytes gzip -9 (${(gz / 1024).toFixed(1)} KiB), ` +
            `${br} bytes Brotli (${(br / 1024).toFixed(1)} KiB)`);
const sorted = times.slice().sort((a, b) => a - b);
console.log(`time to first result (navigation start -> first result shown), ${runs} cold runs: ${sorted.map((t) => t.toFixed(0)).join(', ')} ms; median ${sorted[Math.floor(runs / 2)].toFixed(0)} ms`);
