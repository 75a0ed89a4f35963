// Differential check, page side: the wasm module running in Chromium, loaded from the served site
// exactly as the page loads it, gives the same result text as the native CLI for the same generated scenarios.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSite } from './browser.mjs';
import path from 'node:path';
import { readRepoFile, repoRoot } from '../node/load-module.mjs';
import { generateScenarios, cliResults, DIFFERENTIAL_COUNT } from '../node/scenario-generator.mjs';

test(`page's module and CLI agree byte for byte on ${DIFFERENTIAL_COUNT} scenarios`, async () => {
  const scenarios = generateScenarios(DIFFERENTIAL_COUNT);
  const native = cliResults(scenarios);
  const card = await readRepoFile('rates/illustrative-usd.json');
  const plans = await readRepoFile('rates/plans.json');
  // Named as the CLI names its default plans file, so error messages that quote it match too.
  const plansFile = path.join(repoRoot, 'rates/plans.json');
  const site = await openSite();
  try {
    await site.page.goto(site.url);
    const inPage = await site.page.evaluate(async ({ scenarios, card, plans, plansFile }) => {
      const { default: createCcredits } = await import('./ccredits.js');
      const module = await createCcredits();
      module.loadRates(card, 'illustrative-usd.json');
      module.loadPlans(plans, plansFile);
      return scenarios.map((s) => module.estimate(s));
    }, { scenarios, card, plans, plansFile });
    assert.equal(inPage.length, native.length);
    for (let i = 0; i < scenarios.length; ++i) assert.equal(inPage[i], native[i], `scenario ${i}: ${scenarios[i]}`);
    assert.deepEqual(site.problems, []);
    assert.deepEqual(site.foreignRequests, []);
  } finally {
    await site.close();
  }
});
