// Differential check: the native CLI (`ccredits batch`, one process for all) and the wasm module the
// page ships (under node) give byte-identical result text for the same 1,200 generated scenarios.
// tests/browser/differential.test.mjs does the same for the module running in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { importSiteClient, loadSiteModule, readRepoFile, repoRoot } from './load-module.mjs';
import { generateScenarios, cliResults, DIFFERENTIAL_COUNT } from './scenario-generator.mjs';

test(`CLI and node wasm agree byte for byte on ${DIFFERENTIAL_COUNT} scenarios`, async () => {
  const scenarios = generateScenarios(DIFFERENTIAL_COUNT);
  const native = cliResults(scenarios);
  assert.equal(native.length, scenarios.length);

  const module = await loadSiteModule();
  const loaded = JSON.parse(module.loadRates(await readRepoFile('rates/illustrative-usd.json'), 'illustrative-usd.json'));
  assert.equal(loaded.error, undefined);
  // Named as the CLI names its default plans file, so error messages that quote it match too.
  const plans = JSON.parse(module.loadPlans(await readRepoFile('rates/plans.json'), path.join(repoRoot, 'rates/plans.json')));
  assert.equal(plans.error, undefined);
  const wasm = scenarios.map((s) => module.estimate(s));

  // The page's route: the same scenarios one after the other through the module's estimate session, each result
  // patched from the one before (errors in between leave it as it was).
  const estimate = (await importSiteClient()).sessionEstimate(module);
  const session = scenarios.map((s) => JSON.stringify(estimate(s)));

  let estimates = 0;
  for (let i = 0; i < scenarios.length; ++i) {
    assert.equal(wasm[i], native[i], `scenario ${i}: ${scenarios[i]}`);
    // Through JSON.stringify on both sides: nlohmann's Grisu2 prints a few minutes figures longer than JS's shortest
    // form (154.95332199999999 for 154.953322), the same double.
    assert.equal(session[i], JSON.stringify(JSON.parse(native[i])), `session, scenario ${i}: ${scenarios[i]}`);
    if (!native[i].startsWith('{"error"')) ++estimates;
  }
  // The set must exercise real estimates, not only error documents.
  assert.ok(estimates >= DIFFERENTIAL_COUNT / 10, `only ${estimates} scenarios gave an estimate`);
  assert.ok(estimates < DIFFERENTIAL_COUNT, 'some scenarios must be errors');
  console.log(`differential: ${scenarios.length} scenarios, ${estimates} estimates, ${scenarios.length - estimates} errors`);
});
