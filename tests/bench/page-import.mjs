// Prints how long an imported usage report takes to land in the page's form: from the importer's result
// (performance mark 'ccredits:report-to-form' in web/app.js) to the end of the frame after the page announces the
// import (style, layout, paint and commit of the redrawn form and results included), and how many form rows that
// drew; to the end of the first frame after that mark, the first to show the form with the report's rows (the
// announcement waits for the insights section, whose modules a first import fetches); and the landing's estimate
// alone. The import itself runs in its worker before the mark (tests/bench/import_bench_browser.mjs times it).
// Two more runs are traced by Chromium (their times are not counted above, tracing slows the page a little): from
// them, the renderer main thread's CPU time (thread time, which other processes on a shared machine hardly change)
// in the task that lands the report (the page's script from the importer's result on, and what the browser does in
// that task) and in the task that draws the frame after it, by kind of work; and how long V8's optimizing compiler
// ran on the renderer's other threads meanwhile (wasm.TopTierCompilation), which competes with the page for a core.
// Usage: node tests/bench/page-import.mjs [report rows] [runs]   (after bash .ci/build)
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openSite } from '../browser/browser.mjs';
import { generate } from '../tools/generate-report.mjs';
import { cpuByKind, rendererMainEvents } from './trace-cpu.mjs';

const rows = Number(process.argv[2] ?? 200000);
const runs = Number(process.argv[3] ?? 5);
const dir = await mkdtemp(path.join(os.tmpdir(), 'ccredits-page-import-'));
const file = path.join(dir, 'PSTN.calls.csv');
generate({ rows, columns: 25, seed: 1, out: file });
// The main thread's task holding the mark (the landing) and the first task after it that paints (the frame).
function landingCpu(events) {
  const mark = events.find((e) => e.name === 'ccredits:report-to-form');
  const main = rendererMainEvents(events);
  const tasks = [];
  for (const e of main) if (!tasks.length || e.ts >= tasks.at(-1).ts + tasks.at(-1).dur) tasks.push(e);
  const inside = (task) => main.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
  const landing = mark && tasks.find((t) => t.ts <= mark.ts && mark.ts <= t.ts + t.dur);
  const frame = landing && tasks.find((t) => t.ts > landing.ts && inside(t).some((e) => e.name === 'Paint'));
  if (!landing || !frame) return null;
  // The engine's optimizing wasm compiler on the renderer's other threads (a 2-core machine has one core for them
  // all) from the landing's start to the end of its frame: time a core was taken from the page's own work.
  const [from, to] = [landing.ts, frame.ts + frame.dur];
  const compiled = events.filter((e) => e.ph === 'X' && e.name === 'wasm.TopTierCompilation' && e.pid === mark.pid)
    .reduce((sum, e) => sum + Math.max(0, Math.min(e.ts + e.dur, to) - Math.max(e.ts, from)), 0) / 1000;
  return { landing: cpuByKind(inside(landing)), frame: cpuByKind(inside(frame)), compiled };
}

const times = [];
const formTimes = [];
const estimateTimes = [];
const cpu = [];
let formRows = 0;
try {
  const TRACED = 2;
  for (let i = 0; i < runs + TRACED; i++) {
    const traced = i >= runs;
    const site = await openSite({ rawJson: false });
    try {
      const { page } = site;
      await page.addInitScript(() => {
        // The end of the next frame: a task posted from its animation-frame callback runs once the frame's style,
        // layout, paint and commit are done.
        const atEndOfNextFrame = (name) => requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => performance.measure(name, 'ccredits:report-to-form');
          channel.port2.postMessage(0);
        });
        document.addEventListener('usage-imported', () => atEndOfNextFrame('bench:report-to-frame'));
        // The frame that first shows the form with the report's rows, the first after the mark (the page draws the
        // form and the results in the same task, then waits for the insights' modules).
        const mark = performance.mark.bind(performance);
        performance.mark = (name, ...rest) => {
          const entry = mark(name, ...rest);
          if (name === 'ccredits:report-to-form') atEndOfNextFrame('bench:report-to-form-frame');
          return entry;
        };
      });
      await page.goto(site.url);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
      const cdp = await page.context().newCDPSession(page);
      const events = [];
      cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      if (traced) await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.wasm'] }, transferMode: 'ReportEvents' });
      await page.setInputFiles('#usage-file', file);
      await page.waitForFunction(() => performance.getEntriesByName('bench:report-to-frame').length > 0, null, { timeout: 120000 });
      if (traced) {
        await cdp.send('Tracing.end');
        await complete;
        const spent = landingCpu(events);
        if (spent) cpu.push(spent);
        continue;
      }
      times.push(await page.evaluate(() => performance.getEntriesByName('bench:report-to-frame')[0].duration));
      formTimes.push(await page.evaluate(() => performance.getEntriesByName('bench:report-to-form-frame')[0]?.duration ?? NaN));
      // The landing's estimate: the page's first update after the mark ('ccredits:estimate', web/app.js).
      estimateTimes.push(await page.evaluate(() => {
        const mark = performance.getEntriesByName('ccredits:report-to-form')[0];
        return performance.getEntriesByName('ccredits:estimate').find((e) => e.startTime >= mark.startTime)?.duration ?? NaN;
      }));
      formRows = await page.locator('#inputs fieldset.row').count();
    } finally {
      await site.close();
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
const line = (values) => {
  const sorted = values.slice().sort((a, b) => a - b);
  return `${sorted.map((t) => t.toFixed(0)).join(', ')} ms; median ${sorted[Math.floor(runs / 2)].toFixed(0)} ms`;
};
console.log(`a ${rows}-row report landing in the form (${formRows} form rows), ${runs} runs:`);
console.log(`  to the frame after the form and the results show it: ${line(formTimes)}`);
console.log(`  to the frame after the page says "Imported" (insights included): ${line(times)}`);
console.log(`  the landing's estimate (the first of a report's input in the page): ${line(estimateTimes)}`);
const parts = (k) => `${k.total.toFixed(1)} ms (script ${k.script.toFixed(1)}, style and layout ${k.layout.toFixed(1)}, paint ${k.paint.toFixed(1)}, other ${k.rest.toFixed(1)})`;
console.log('  renderer main thread CPU (Chromium trace), each run: the landing task / the frame after it; and the time the');
console.log('  renderer\'s other threads spent in V8\'s optimizing wasm compiler from the landing\'s start to the end of that frame:');
for (const c of cpu) console.log(`    ${parts(c.landing)} / ${parts(c.frame)}; optimizing wasm compiler ${c.compiled.toFixed(1)} ms`);
