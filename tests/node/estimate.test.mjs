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
