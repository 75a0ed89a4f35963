// Prints how long the page takes to update while someone types, with the 200-row scenario and the workbook-sized
// card of bench_estimate (tests/bench/scenario-200.json opened through a share link, tests/bench/bench-rates.json
// loaded in the rates panel as an admin loads a card): each keystroke in a
// minutes field runs the page's update (web/app.js), which measures itself ('ccredits:estimate': the wasm estimate
// through the façade, JSON.parse included; 'ccredits:update': the whole update, rendering included). It also
// prints the time from a key to the frame after it, the same in a field the page ignores, and, from a Chromium
// trace of the same keys typed again, the renderer main thread's CPU time per keystroke by kind of work.
// Usage: node tests/bench/page-update.mjs [keystrokes] [usage rows]   (after bash .ci/build; rows: the scenario's
// first N usage rows, all 200 by default)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openSite } from '../browser/browser.mjs';
import { repoRoot, siteDir } from '../node/load-module.mjs';
import { cpuByKind, rendererMainEvents } from './trace-cpu.mjs';

const keystrokes = Number(process.argv[2] ?? 40);
const { encodeShare } = await import(pathToFileURL(path.join(siteDir, 'share-link.js')).href);
const scenario = JSON.parse(await readFile(path.join(repoRoot, 'tests/bench/scenario-200.json'), 'utf8'));
if (process.argv[3]) scenario.usage = scenario.usage.slice(0, Number(process.argv[3]));
const fragment = await encodeShare(scenario);

// Keys at a fast typist's pace: one every 100 ms, or once the page has drawn what the last one changed if that takes
// longer (keys faster than the page can draw would time the queue, not a key). Alternately a digit added and removed:
// the scenario stays valid and about the same size.
async function typeLikeAPerson(page, keys) {
  for (let i = 0; i < keys; i++) {
    const pressed = Date.now();
    await page.keyboard.press(i % 2 === 0 ? '7' : 'Backspace');
    await page.waitForFunction((n) => performance.getEntriesByName('bench:frame').length >= n &&
      performance.getEntriesByName('bench:results').length >= performance.getEntriesByName('ccredits:update').length, i + 1);
    const left = 100 - (Date.now() - pressed);
    if (left > 0) await page.waitForTimeout(left);
  }
}

// The renderer's main thread CPU time (thread time, which other processes on a shared machine hardly change) per
// keystroke, typed again while Chromium traces, split into its kinds of work.
async function mainThreadCpu(page, keys) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' });
  await page.evaluate(() => performance.clearMeasures());
  await typeLikeAPerson(page, keys);
  await cdp.send('Tracing.end');
  await complete;
  const spent = cpuByKind(rendererMainEvents(events));
  for (const k of Object.keys(spent)) spent[k] /= keys;
  return spent;
}

const site = await openSite({ rawJson: false });
try {
  const { page } = site;
  // Keystroke to the frame after it: from the key event's own time stamp (queueing before the handler included) to
  // the end of the first frame drawn after it, i.e. a task posted from that frame's animation-frame callback, which
  // runs once the frame's style, layout, paint and commit are done. Even with no work at all this waits for the next
  // frame's turn (up to one frame at 60 Hz), so the same keys are also timed in a field the page does not listen to
  // (the floor). Chromium's own measure of the same thing, the Event Timing API (what Interaction to Next Paint is
  // made of: the key's time stamp to the frame's presentation, in steps of 8 ms), reports each key that took 16 ms
  // or more.
  await page.addInitScript(() => {
    window.benchSlowKeys = [];
    window.benchSince = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown' && e.startTime >= window.benchSince) window.benchSlowKeys.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16 });
    const afterNextFrame = (name, start) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => performance.measure(name, { start });
      channel.port2.postMessage(0);
    });
    let lastKey = 0;
    document.addEventListener('keydown', (e) => {
      lastKey = e.timeStamp;
      afterNextFrame('bench:frame', e.timeStamp);
    }, true);
    // The key to the end of the frame that shows the update it caused (the page's 'ccredits:update' measure).
    const measure = performance.measure.bind(performance);
    performance.measure = (name, options) => {
      const entry = measure(name, options);
      if (name === 'ccredits:update' && lastKey) afterNextFrame('bench:results', lastKey);
      return entry;
    };
  });
  await page.goto(`${site.url}#${fragment}`);
  // The shipped card lacks the bench's destinations: the page waits with an error until the bench card is loaded.
  await page.waitForSelector('#rates-file', { state: 'attached' });
  await page.setInputFiles('#rates-file', path.join(repoRoot, 'tests/bench/bench-rates.json'));
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  // The estimate's size, from the "as JSON" details, opened for that and closed again as a person leaves it.
  await page.evaluate(() => { document.getElementById('raw').open = true; });
  await page.waitForFunction(() => document.getElementById('raw-estimate').textContent);
  const lines = await page.evaluate(() => JSON.parse(document.getElementById('raw-estimate').textContent).lines.length);
  await page.evaluate(() => { document.getElementById('raw').open = false; });
  // The floor: the same keys in a field the page does not listen to (what the browser alone takes).
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.id = 'bench-floor';
    input.setAttribute('aria-label', 'bench floor');
    document.body.append(input);
  });
  await page.locator('#bench-floor').click();
  await page.evaluate(() => { performance.clearMeasures(); window.benchSlowKeys = []; window.benchSince = performance.now(); });
  await typeLikeAPerson(page, keystrokes);
  const floor = await page.evaluate(() => ({
    frame: performance.getEntriesByName('bench:frame').map((e) => e.duration), slow: window.benchSlowKeys.slice(),
  }));
  const field = page.locator('[data-key="user_out.0.minutes"]');
  await field.click();
  await page.keyboard.press('End');
  await page.evaluate(() => { performance.clearMeasures(); window.benchSlowKeys = []; window.benchSince = performance.now(); });
  await typeLikeAPerson(page, keystrokes);
  await page.waitForTimeout(200); // the Event Timing entries are delivered after their frame is presented
  const durations = await page.evaluate(() => ({
    estimate: performance.getEntriesByName('ccredits:estimate').map((e) => e.duration),
    update: performance.getEntriesByName('ccredits:update').map((e) => e.duration),
    frame: performance.getEntriesByName('bench:frame').map((e) => e.duration),
    results: performance.getEntriesByName('bench:results').map((e) => e.duration),
    slow: window.benchSlowKeys.slice(),
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
  const slow = (list) => `${list.length} of ${keystrokes}` + (list.length ? ` (median ${summary(list).split(' ')[1]} ms)` : '');
  console.log(`  keystroke to the end of the next frame:                   ${summary(durations.frame)}`);
  console.log(`  keystroke to the end of the frame showing its update:     ${summary(durations.results)} (${durations.update.length} updates)`);
  console.log(`  the same keys in a field the page does not listen to:     ${summary(floor.frame)}`);
  console.log(`  keys Chromium's Event Timing saw take 16 ms or more:       ${slow(durations.slow)}; in that field ${slow(floor.slow)}`);
  const cpu = await mainThreadCpu(page, keystrokes);
  console.log(`  renderer main thread CPU per keystroke (Chromium trace):  ${cpu.total.toFixed(2)} ms: script ${cpu.script.toFixed(2)}, ` +
              `style and layout ${cpu.layout.toFixed(2)}, paint and commit ${cpu.paint.toFixed(2)}, the rest ${cpu.rest.toFixed(2)}`);
  if (site.problems.length) console.log(`  page problems: ${site.problems.join('; ')}`);
} finally {
  await site.close();
}
