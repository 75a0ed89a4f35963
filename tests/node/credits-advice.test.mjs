// The wasm module under node gives the same needs_credits / eligibility / recommendation / what_if as the native
// CLI (build/native/core/cli/ccredits estimate) for the same scenario files.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { loadCalculator, readRepoFile } from './load-module.mjs';
import { loadFixtureScenarios, nativeCli, nativeEstimate, pickAdvice } from './native-cli.mjs';

let calculator;
let scenarios;
before(async () => {
  assert.ok(existsSync(nativeCli), `native CLI not built at ${nativeCli}`);
  calculator = await loadCalculator();
  const info = calculator.loadRates(await readRepoFile('rates/illustrative-usd.json'), 'illustrative-usd.json');
  assert.equal(info.error, undefined, JSON.stringify(info.error));
  if (calculator.loadPlans) {
    const plans = calculator.loadPlans(await readRepoFile('rates/plans.json'), 'plans.json');
    assert.equal(plans.error, undefined, JSON.stringify(plans.error));
  }
  scenarios = await loadFixtureScenarios();
});

test('native CLI and wasm give identical credit advice for every fixture scenario', () => {
  assert.ok(Object.keys(scenarios).length >= 5);
  for (const [name, scenario] of Object.entries(scenarios)) {
    const wasm = calculator.estimate(scenario);
    assert.equal(wasm.error, undefined, `${name}: ${JSON.stringify(wasm.error)}`);
    const native = pickAdvice(nativeEstimate(name, scenario));
    assert.ok('needs_credits' in native && 'eligibility' in native && 'recommendation' in native, name);
    assert.deepEqual(pickAdvice(wasm), native, name);
  }
});

test('the advice answers are the ones the rules give', () => {
  const mosa = calculator.estimate(scenarios.mosa_auto_recharge);
  assert.equal(mosa.needs_credits, true);
  assert.equal(mosa.eligibility.can_purchase, 'yes');
  assert.equal(mosa.recommendation.balance_series.length, 360);
  assert.ok(mosa.recommendation.balance_series.every((b) => typeof b === 'string' && Number(b) > 0));
  assert.match(mosa.recommendation.one_time, /^\d+\.\d\d$/);

  const ea = calculator.estimate(scenarios.one_time_imported_profile);
  assert.equal(ea.eligibility.can_purchase, 'unclear');
  assert.equal(ea.eligibility.reasons.find((r) => r.code === 'ea_billing_country').answer, 'unclear');
  assert.equal(ea.recommendation.profile, 'imported');
  assert.equal(ea.recommendation.balance_series.length, 180);

  const mca = calculator.estimate(scenarios.mca_unknowns);
  assert.equal(mca.needs_credits, false);
  assert.equal(mca.eligibility.can_purchase, 'no');
  assert.equal(mca.recommendation.purchase_needed, false);
  assert.ok(mca.needs_credits_reasons.some((r) => r.includes('Edit auto recharge settings')));

  const mix = calculator.estimate(scenarios.plans_and_what_if);
  assert.equal(mix.eligibility.can_purchase, 'unclear');
  assert.equal(mix.what_if.changes.length, 2);
  assert.equal(mix.what_if.monthly_total, '4891.00'); // + 250000 US minutes x 0.0190 on Pay-As-You-Go
  assert.equal(mix.what_if.difference, '4750.00');

  const none = calculator.estimate(scenarios.nothing_billed);
  assert.equal(none.needs_credits, false);
  assert.equal(none.eligibility.can_purchase, 'no');
  assert.equal(none.recommendation.one_time, '0.00');
});

test('bad funding input is a located error from both layers', () => {
  const scenario = { usage: [], funding: { months: 13 } };
  const wasm = calculator.estimate(scenario);
  assert.equal(wasm.error.code, 'bad_value');
  assert.match(wasm.error.message, /months of the funding/);
  assert.deepEqual(wasm.error.path, ['funding', 'months']);
});
