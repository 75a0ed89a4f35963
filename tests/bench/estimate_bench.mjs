// The same scenarios as bench_estimate (200 rows, and the same cut to its first usage row), through the built wasm
// module under node (the module the page uses, loaded by tests/node/load-module.mjs). Prints figures; asserts
// nothing. Build first (bash .ci/build).
//   node tests/bench/estimate_bench.mjs [seconds]
//   node --no-liftoff --no-wasm-dynamic-tiering --single-threaded tests/bench/estimate_bench.mjs --keystrokes N [--module] [--one-row]
// With --keystrokes: 20 keystrokes of the 200-row scenario (with --one-row, its first usage row alone) through the
// façade (with --module, straight into the module's estimate session: no JSON.parse, no façade), then N more, and
// nothing else. Under
// `valgrind --tool=cachegrind --cache-sim=no`, the instructions of N = 200 less those of N = 0, over 200, are a
// keystroke's in wasm, without the noise of a shared machine (the flags: V8's optimizing compiler only, up front, and
// no compiler threads, so nothing is compiled during the N keystrokes).
// Each figure is CPU time, the fastest of 5 rounds (the machine is shared; see msPerCall):
// - module: module.estimate(text) -> estimate JSON text (the C++ core, Embind's string copies in and out);
// - whole object: the same + JSON.parse, the whole estimate as a plain object (the page's estimateAlone, for an
//   input priced once);
// - façade, a keystroke: calculator.estimate(text) as the page calls it while an admin types, alternating between
//   the scenario and the same with the first row's minutes one higher: the module's estimate session recomputes
//   the whole estimate and sends only what changed, which the façade patches into the object it holds;
// - façade, same text: the session with nothing changed (the whole estimate still recomputed);
// - JSON.parse: the JS parse of the whole estimate text alone.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadSiteModule, readRepoFile, siteDir } from '../node/load-module.mjs';

const seconds = Number(process.argv[2] ?? 3);
const { loadCalculatorFrom } = await import(pathToFileURL(path.join(siteDir, 'ccredits-client.js')).href);
const module = await loadSiteModule();
const calculator = loadCalculatorFrom(module);
const rates = calculator.loadRates(await readRepoFile('tests/bench/bench-rates.json'), 'bench-rates.json');
if (rates.error) throw new Error(rates.error.message);
const plans = calculator.loadPlans(await readRepoFile('rates/plans.json'), 'plans.json');
if (plans.error) throw new Error(plans.error.message);
const scenario200 = await readRepoFile('tests/bench/scenario-200.json');
const parsed = JSON.parse(scenario200);
const scenario1 = JSON.stringify({ ...parsed, usage: parsed.usage.slice(0, 1) });

// The scenario as the page sends it (compact), and the same with the first row's minutes one higher.
function keystrokeTexts(text) {
  const edited = JSON.parse(text);
  edited.usage[0].minutes = Number(edited.usage[0].minutes) + 1;
  return [JSON.stringify(JSON.parse(text)), JSON.stringify(edited)];
}

if (process.argv[2] === '--keystrokes') {
  const count = Number(process.argv[3]);
  const texts = keystrokeTexts(process.argv.includes('--one-row') ? scenario1 : scenario200);
  let keystroke = (i) => calculator.estimate(texts[i & 1]);
  if (process.argv.includes('--module')) {
    // What the façade does around the module's session (web/ccredits-client.js), less the parse and the patching.
    const encoder = new TextEncoder();
    const bytes = texts.map((t) => encoder.encode(t));
    const session = new module.EstimateSession();
    let serial = 0;
    keystroke = (i) => {
      const text = bytes[i & 1];
      module.HEAPU8.set(text, module.scenarioBuffer(text.length));
      if (session.update(text.length, serial).length === 0) throw new Error('no changes');
      serial += 1;
    };
  }
  for (let i = 0; i < 20 + count; i++) keystroke(i);
  process.exit(0);
}

// Milliseconds of CPU time (process.cpuUsage: the machine is shared, and CPU time leaves out the time spent
// waiting for a core) per call of body: the fastest of 5 rounds of about budget/5 seconds each, after a warm-up.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function msPerCall(body, budget) {
  for (let i = 0; i < 30; i++) body();
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = cpuMs();
    let n = 0;
    while (cpuMs() - start < (budget * 1000) / 5) {
      body();
      n++;
    }
    best = Math.min(best, (cpuMs() - start) / n);
  }
  return best;
}

const figure = (ms) => `${ms.toFixed(3)} ms (${Math.round(1000 / ms)} estimates/s)`;
for (const [label, text, share] of [['200-row', scenario200, 0.6], ['1-row', scenario1, 0.4]]) {
  const first = calculator.estimate(text);
  if (first.error) throw new Error(first.error.message);
  const out = module.estimate(text);
  console.log(`${label}: ${JSON.parse(text).usage.length} usage rows -> ${first.lines.length} lines, ` +
              `${first.pools.length} pools, monthly_total ${first.monthly_total}, ${out.length} characters out`);
  const budget = seconds * share / 5;
  console.log(`  wasm (node ${process.version}) module: ${figure(msPerCall(() => module.estimate(text), budget))}` +
              ' (JSON text in, JSON text out)');
  console.log(`  wasm (node ${process.version}) whole object: ${figure(msPerCall(() => calculator.estimateAlone(text), budget))}` +
              ' (module + JSON.parse)');
  const texts = keystrokeTexts(text);
  let turn = 0;
  const keystroke = () => calculator.estimate(texts[turn++ & 1]);
  if (JSON.stringify(keystroke()) !== JSON.stringify(JSON.parse(module.estimate(texts[0])))) {
    throw new Error('the session and the whole estimate disagree');
  }
  console.log(`  wasm (node ${process.version}) façade, a keystroke: ${figure(msPerCall(keystroke, budget))}` +
              ' (one row changed: JSON text in, the object patched from the changes)');
  console.log(`  wasm (node ${process.version}) façade, same text: ${figure(msPerCall(() => calculator.estimate(text), budget))}`);
  console.log(`  JSON.parse of the estimate text alone: ${msPerCall(() => JSON.parse(out), budget).toFixed(3)} ms`);
}
