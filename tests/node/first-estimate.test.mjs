// The estimate a first visit shows before the page's module has loaded (the site's first-estimate.json, written at
// build time by wasm/write-first-estimate.mjs) must be what the module computes for the page's example input now.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCalculator, siteDir, readRepoFile } from './load-module.mjs';
import { defaultModel, toScenario } from '../../web/state.js';
import { RATE_CARDS, PLANS_FILE, FIRST_ESTIMATE_FILE } from '../../web/site-data.js';
import { readFirstEstimate } from '../../web/first-estimate.js';

const builtText = () => readFile(path.join(siteDir, FIRST_ESTIMATE_FILE), 'utf8');

test('the build-time estimate is byte for byte the module\'s estimate of the page\'s example input', async () => {
  const built = JSON.parse(await builtText());
  const calculator = await loadCalculator();
  assert.equal(calculator.loadRates(await readRepoFile(RATE_CARDS[0].file), path.basename(RATE_CARDS[0].file)).error, undefined);
  assert.equal(calculator.loadPlans(await readRepoFile(PLANS_FILE), path.basename(PLANS_FILE)).error, undefined);
  const { scenario, errors } = toScenario(defaultModel());
  assert.deepEqual(errors, []);
  assert.equal(JSON.stringify(built.scenario), JSON.stringify(scenario), 'made from the example input the page has now');
  assert.equal(built.rates.file, RATE_CARDS[0].file);
  assert.equal(built.plans, PLANS_FILE);
  // The page's keystroke route (the estimate session) and the whole text in one piece.
  assert.equal(JSON.stringify(built.estimate), JSON.stringify(calculator.estimate(scenario)));
  assert.equal(JSON.stringify(built.estimate), JSON.stringify(calculator.estimateAlone(scenario)));
  assert.match(built.estimate.monthly_total, /^\d+\.\d\d$/);
});

test('the page uses the build-time estimate only for the input it was made from', async (t) => {
  const text = await builtText();
  const { scenario } = toScenario(defaultModel());
  let answer = () => new Response(text);
  t.mock.method(globalThis, 'fetch', async (url) => {
    assert.equal(url, FIRST_ESTIMATE_FILE);
    return answer();
  });
  assert.deepEqual(await readFirstEstimate(scenario), JSON.parse(text));
  const other = toScenario({ ...defaultModel(), funding: { mode: 'auto_recharge', months: '6' } }).scenario;
  assert.equal(await readFirstEstimate(other), null, 'another input waits for the module');
  answer = () => new Response('not found', { status: 404 });
  assert.equal(await readFirstEstimate(scenario), null);
  answer = () => new Response('{"scenario": ');
  assert.equal(await readFirstEstimate(scenario), null);
  answer = () => { throw new TypeError('Failed to fetch'); };
  assert.equal(await readFirstEstimate(scenario), null);
});

test('index.html preloads exactly the scripts the first screen imports, and the wasm module is not among them', async () => {
  const web = path.join(path.dirname(new URL(import.meta.url).pathname), '../../web');
  const statics = async (file) => [...(await readFile(path.join(web, file), 'utf8')).matchAll(/^import [^;]*? from '([^']+)';/gms)]
    .map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1])));
  const graph = new Set();
  const visit = async (file) => {
    for (const dep of await statics(file)) {
      if (!graph.has(dep)) {
        graph.add(dep);
        await visit(dep);
      }
    }
  };
  await visit('app.js');
  const html = await readFile(path.join(web, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
  assert.deepEqual(preloaded.slice().sort(), [...graph].sort());
  assert.ok(!graph.has('ccredits.js') && !graph.has('ccredits-client.js'), 'the module loads after the first result');
});
