// The same scenarios as bench_estimate (200 rows, and the same cut to its first usage row), through the built wasm
// module under node (the module the page uses, loaded by tests/node/load-module.mjs). Prints figures; asserts
// nothing. Build first (bash .ci/build).
//   node tests/bench/estimate_bench.mjs [seconds]
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
  const edited = JSON.parse(text);
  edited.usage[0].minutes = Number(edited.usage[0].minutes) + 1;
  const texts = [JSON.stringify(JSON.parse(text)), JSON.stringify(edited)];  // compact, as the page sends them
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
