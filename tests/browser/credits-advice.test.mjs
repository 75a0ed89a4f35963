// The wasm module inside the page's browser gives the same needs_credits / eligibility / recommendation as the
// native CLI for the same scenarios.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSite } from './browser.mjs';
import { loadFixtureScenarios, nativeEstimate, pickAdvice } from '../node/native-cli.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

test('the browser wasm module and the native CLI agree on the credit advice', async () => {
  const scenarios = await loadFixtureScenarios();
  await site.page.goto(site.url);
  await site.page.getByText('Ready.').waitFor();
  const inBrowser = await site.page.evaluate(async (all) => {
    const { loadCalculator } = await import('./ccredits-client.js');
    const calculator = await loadCalculator();
    const rates = calculator.loadRates(await (await fetch('rates/illustrative-usd.json')).text(), 'illustrative-usd.json');
    if (rates.error) return { error: rates.error };
    if (calculator.loadPlans) {
      const plans = calculator.loadPlans(await (await fetch('rates/plans.json')).text(), 'plans.json');
      if (plans.error) return { error: plans.error };
    }
    return Object.fromEntries(Object.entries(all).map(([name, s]) => [name, calculator.estimate(s)]));
  }, scenarios);
  assert.equal(inBrowser.error, undefined, JSON.stringify(inBrowser.error));
  for (const [name, scenario] of Object.entries(scenarios)) {
    assert.equal(inBrowser[name].error, undefined, `${name}: ${JSON.stringify(inBrowser[name].error)}`);
    const native = pickAdvice(nativeEstimate(name, scenario));
    assert.ok('recommendation' in native, name);
    assert.deepEqual(pickAdvice(inBrowser[name]), native, name);
  }
  assert.deepEqual(site.problems, []);
  assert.deepEqual(site.foreignRequests, []);
});
