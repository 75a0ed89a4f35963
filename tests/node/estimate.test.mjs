import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadCalculator, readRepoFile } from './load-module.mjs';

let calculator;
before(async () => {
  calculator = await loadCalculator();
  const info = calculator.loadRates(await readRepoFile('rates/illustrative-usd.json'), 'illustrative-usd.json');
  assert.equal(info.error, undefined, JSON.stringify(info.error));
  assert.equal(info.currency, 'USD');
  assert.equal(info.illustrative, true);
  const plans = calculator.loadPlans(await readRepoFile('rates/plans.json'), 'plans.json');
  assert.equal(plans.error, undefined, JSON.stringify(plans.error));
  assert.equal(plans.zone_a, 44);
});

test('estimates minutes to one destination through the wasm core', () => {
  const result = calculator.estimate({
    schema: 'ccredits.scenario/1',
    usage: [{ kind: 'user_out', from: 'US', to: 'FR', number_type: 'wireless', minutes: 1000, calls: 3 }],
  });
  assert.equal(result.error, undefined, JSON.stringify(result.error));
  assert.equal(result.currency, 'USD');
  assert.equal(result.monthly_total, '89.00'); // 1000 min x 0.0890
  assert.equal(result.lines.length, 1);
  assert.equal(result.rates.illustrative, true);
});

test('money crosses the boundary as decimal strings, exactly', () => {
  const result = calculator.estimate({
    usage: [{ kind: 'user_out', from: 'US', to: 'GB', number_type: 'wireline', minutes: '0.5' }],
  });
  assert.equal(result.lines[0].rate, '0.022');
  assert.equal(result.monthly_total, '0.01'); // 0.011 rounded half-up
  assert.equal(typeof result.monthly_total, 'string');
});

test('bad JSON returns a located error object, not an exception', () => {
  const result = calculator.estimate('{"usage": [\n  {"kind": "user_out",, }]}');
  assert.equal(result.error.code, 'bad_json');
  assert.equal(result.error.line, 2);
  assert.ok(result.error.column > 0);
});

test('a destination without a rate is an error naming it, not a free call', () => {
  const result = calculator.estimate({ usage: [{ kind: 'user_out', from: 'US', to: 'AQ', minutes: 10 }] });
  assert.equal(result.error.code, 'missing_rate');
  assert.match(result.error.message, /AQ/);
});

test('the module survives errors and keeps answering', () => {
  for (let i = 0; i < 50; i++) calculator.estimate('not json');
  const result = calculator.estimate({ usage: [{ kind: 'user_out', from: 'US', to: 'DE', number_type: 'wireline', minutes: 100 }] });
  assert.equal(result.monthly_total, '2.60');
});

test('pools, use cases and warnings cross the wasm boundary', () => {
  // US Domestic 100 users: 20,000 over x 0.0190 = 380.00; FR mobile 1,000 x 0.0890 = 89.00 -> 469.00
  const result = calculator.estimate({
    licenses: [{ country: 'US', plan: 'domestic', users: 100 }, { country: 'GB', plan: 'none', users: 1 }],
    usage: [
      { kind: 'user_out', from: 'US', to: 'US', minutes: 320000 },
      { kind: 'user_out', from: 'US', to: 'FR', number_type: 'wireless', minutes: 1000 },
      { kind: 'user_out', from: 'GB', to: 'GB', minutes: 10 },
    ],
  });
  assert.equal(result.error, undefined, JSON.stringify(result.error));
  assert.equal(result.monthly_total, '469.00');
  assert.equal(result.by_use_case.calling_plan_overage, '469.00');
  assert.equal(result.by_use_case.toll_free, '0.00');
  assert.deepEqual(
    result.pools.map((p) => [p.kind, p.country, p.plan, p.included_minutes, p.used_minutes, p.overage_minutes]),
    [['calling_plan', 'US', 'domestic', 300000, 320000, 20000]],
  );
  assert.equal(result.warnings.length, 1);
  assert.match(result.warnings[0], /cannot place PSTN calls/);
  assert.equal(result.settings.uk_domestic_minutes.value, 3000);
});

test('broken plan data is a located error, and the loaded plans stay in place', () => {
  const result = calculator.loadPlans('{"schema": "ccredits.plans/1"}', 'broken-plans.json');
  assert.equal(result.error.file, 'broken-plans.json');
  assert.match(result.error.message, /effective/);
  const after = calculator.estimate({ usage: [{ kind: 'user_out', from: 'US', to: 'DE', number_type: 'wireline', minutes: 100 }] });
  assert.equal(after.monthly_total, '2.60');
});
