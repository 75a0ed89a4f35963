// The same 200-row scenario as bench_estimate, through the built wasm module under node (the module the page
// uses, loaded by tests/node/load-module.mjs). Prints figures; asserts nothing. Build first (bash .ci/build).
//   node tests/bench/estimate_bench.mjs [seconds]
import { loadCalculator, readRepoFile } from '../node/load-module.mjs';

const seconds = Number(process.argv[2] ?? 2);
const calculator = await loadCalculator();
const rates = calculator.loadRates(await readRepoFile('tests/bench/bench-rates.json'), 'bench-rates.json');
if (rates.error) throw new Error(rates.error.message);
const plans = calculator.loadPlans(await readRepoFile('rates/plans.json'), 'plans.json');
if (plans.error) throw new Error(plans.error.message);
const scenario = await readRepoFile('tests/bench/scenario-200.json');

const first = calculator.estimate(scenario);
if (first.error) throw new Error(first.error.message);
console.log(`scenario: ${JSON.parse(scenario).usage.length} usage rows -> ${first.lines.length} lines, ` +
            `${first.pools.length} pools, monthly_total ${first.monthly_total}`);
for (let i = 0; i < 50; i++) calculator.estimate(scenario); // warm-up
const start = performance.now();
let n = 0;
while (performance.now() - start < seconds * 1000) {
  calculator.estimate(scenario);
  n++;
}
const ms = performance.now() - start;
console.log(`wasm (node ${process.version}): ${n} estimates in ${(ms / 1000).toFixed(3)} s = ` +
            `${Math.round(n / (ms / 1000))} estimates/s, ${(ms / n).toFixed(3)} ms per estimate ` +
            '(JSON text in, parsed object out)');
