#!/usr/bin/env node
// Prints the usage-report import speed in headless Chromium, in one run on the same generated file:
//   1. the wasm importer in its Web Worker, through importUsageReport() as the page uses it (File.stream());
//   2. papaparse (tests/node_modules, served to this page by the bench only, never part of the site) streaming
//      the File with header: true, plus a plain JS aggregation of the same figures (minutes and calls per call
//      type, spend per currency, per day, per user, per destination).
// And the peak wasm heap (module HEAP8.length) during the import. Targets: the wasm importer at least 3 times as
// fast as papaparse, the heap below 64 MB.
// With --runs N, the two take turns N times in the same page: the first import is a first visit's (the importer
// fetched and compiled, its hot code not yet optimized), the later ones a returning admin's next import in the same
// session; the fastest of each side is printed too, the figure a busy shared machine disturbs least.
//   node tests/bench/import_bench_browser.mjs [--rows 1000000] [--file REPORT.csv] [--zip] [--runs 1]
import { readFile, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSite } from '../browser/browser.mjs';
import { generate } from '../tools/generate-report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const rows = Number(opt('--rows', 1000000));
const runs = Number(opt('--runs', 1));
let file = opt('--file', null);
let dir = null;
if (!file) {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ccredits-bench-'));
  file = path.join(dir, 'report.csv');
  const t0 = Date.now();
  generate({ rows, columns: 25, seed: 42, out: file });
  console.log(`generated ${rows} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
const size = (await stat(file)).size;
// The bench routes papaparse in itself, so the page's service worker must not answer first.
const site = await openSite({ serviceWorkers: 'block', rawJson: false });
try {
  const { page } = site;
  const papaparse = await readFile(path.join(here, '../node_modules/papaparse/papaparse.min.js'));
  await page.route('**/bench-only/papaparse.min.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: papaparse }));
  await page.goto(site.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(() => new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = 'bench-only/papaparse.min.js';
    s.onload = resolve;
    s.onerror = reject;
    document.head.append(s);
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-file';
    document.body.append(input);
  }));
  await page.setInputFiles('#bench-file', file);

  const importWasm = () => page.evaluate(async () => {
    const { importUsageReport } = await import('./usage-import.js');
    const ratesText = await (await fetch('rates/illustrative-usd.json')).text();
    const f = document.getElementById('bench-file').files[0];
    const t0 = performance.now();
    let stats = null;
    const report = await importUsageReport(f, { ratesText, ratesFile: 'illustrative-usd.json', onStats: (s) => { stats = s; } });
    return { ms: performance.now() - t0, rows: report.rows, stats, total: report.actual.USD?.total };
  });

  const parsePapa = () => page.evaluate(() => new Promise((resolve, reject) => {
    const f = document.getElementById('bench-file').files[0];
    const t0 = performance.now();
    const minutesByType = new Map(), callsByType = new Map(), spend = new Map(), byDay = new Map();
    const byUser = new Map(), byDestination = new Map();
    let rowCount = 0;
    const add = (map, key, v) => map.set(key, (map.get(key) ?? 0) + v);
    window.Papa.parse(f, {
      header: true,
      skipEmptyLines: true,
      chunk: (results) => {
        for (const r of results.data) {
          ++rowCount;
          const type = r['Call Type'];
          const seconds = Number(r['Duration Seconds']);
          if (!type || !Number.isFinite(seconds) || seconds < 0) continue;
          add(minutesByType, type, seconds / 60);
          add(callsByType, type, 1);
          const cost = (Number(r.Charge) || 0) + (Number(r['Connection Fee']) || 0);
          if (r.Currency) add(spend, r.Currency, cost);
          add(byDay, (r['Start Time'] ?? '').slice(0, 10), seconds);
          add(byUser, r.UPN, seconds);
          add(byDestination, `${r['External Country']}`, seconds);
        }
      },
      complete: () => resolve({ ms: performance.now() - t0, rows: rowCount, total: (spend.get('USD') ?? 0).toFixed(2) }),
      error: (e) => reject(new Error(String(e))),
    });
  }));

  const mb = size / 1e6;
  const line = (name, r) => console.log(`${name}: ${r.rows} rows in ${(r.ms / 1000).toFixed(2)} s = ` +
    `${(mb / (r.ms / 1000)).toFixed(1)} MB/s, ${Math.round(r.rows / (r.ms / 1000))} rows/s (USD spend ${r.total})`);
  console.log(`file: ${file}, ${mb.toFixed(1)} MB`);
  const wasmRuns = [], papaRuns = [];
  for (let run = 1; run <= runs; ++run) {
    const wasm = await importWasm();
    const papa = await parsePapa();
    wasmRuns.push(wasm);
    papaRuns.push(papa);
    if (runs > 1) console.log(`run ${run}${run === 1 ? ' (first import)' : ''}:`);
    line('wasm importer (worker)', wasm);
    line('papaparse + JS aggregation', papa);
    console.log(`ratio wasm / papaparse: ${(papa.ms / wasm.ms).toFixed(2)}x`);
    console.log(`peak wasm heap: ${(wasm.stats.heap_peak_bytes / (1 << 20)).toFixed(1)} MiB; worker time ${wasm.stats.ms} ms`);
  }
  if (runs > 1) {
    const fastest = (list) => list.reduce((a, b) => (b.ms < a.ms ? b : a));
    const [wasm, papa] = [fastest(wasmRuns), fastest(papaRuns)];
    console.log(`fastest of ${runs}:`);
    line('wasm importer (worker)', wasm);
    line('papaparse + JS aggregation', papa);
    console.log(`ratio wasm / papaparse: ${(papa.ms / wasm.ms).toFixed(2)}x`);
  }
} finally {
  await site.close();
  if (dir) await rm(dir, { recursive: true, force: true });
}
