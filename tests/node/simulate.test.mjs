import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadCalculator, readRepoFile } from './load-module.mjs';

const header = 'Origin,Destination,Prefix(es),Originating Number Type,Terminating Number Type,' +
  'Per Minute Rate in USD (Billed in Tenths of a Minute),Connection charge in USD\n';

let calculator;
before(async () => {
  calculator = await loadCalculator();
  const info = calculator.loadRates(await readRepoFile('rates/illustrative-usd.json'), 'illustrative-usd.json');
  assert.equal(info.error, undefined, JSON.stringify(info.error));
  const plans = calculator.loadPlans(await readRepoFile('rates/plans.json'), 'plans.json');
  assert.equal(plans.error, undefined, JSON.stringify(plans.error));
  assert.ok(plans.zone_a >= 40, `Zone A has ${plans.zone_a} countries`);
});

test('simulate prices one call in 6-second increments through the wasm core', () => {
  // 0.0890 per minute, 61 s billed as 66 s: 0.0890 x 66 / 60 = 0.0979
  const r = calculator.simulate({ from: 'US', number: '+33 6 12 34 56 78', seconds: 61 });
  assert.equal(r.error, undefined, JSON.stringify(r.error));
  assert.equal(r.matched_prefix, '336');
  assert.equal(r.country, 'FR');
  assert.equal(r.number_type, 'wireless');
  assert.equal(r.billed_seconds, 66);
  assert.equal(r.cost, '0.0979');
  assert.equal(r.currency, 'USD');
  assert.equal(r.illustrative, true);
  assert.equal(r.pool, 'billed from credits');
  assert.equal(typeof r.explanation, 'string');
});

test('meeting dial-out to Zone A uses the conferencing pool; a connection charge is added per call', () => {
  assert.equal(calculator.simulate({ from: 'US', number: '+33 1 23 45 67 89', seconds: 60, kind: 'conf_out' }).pool,
    'Zone A conferencing pool');
  // Illustrative ZW mobile: 0.3000 per minute, 0.0100 connection; 6 s = 0.0300 + 0.0100
  const zw = calculator.simulate({ from: 'US', number: '+263 77 123 4567', seconds: 6 });
  assert.equal(zw.cost, '0.04');
  assert.equal(zw.connection, '0.01');
});

test('an unknown number is an error naming it', () => {
  const r = calculator.simulate({ from: 'US', number: '+999 123', seconds: 6 });
  assert.equal(r.error.code, 'missing_rate');
  assert.match(r.error.message, /\+999 123/);
});

test('loadRateSheet merges a CSV sheet into the loaded card', () => {
  const info = calculator.loadRateSheet(header + 'Any,"France, mobile",336,All Number Types,Wireless,0.0500,0\n',
    'Dial-out calls.csv', '');
  assert.equal(info.error, undefined, JSON.stringify(info.error));
  assert.equal(info.sheet, 'dial_out_calls');
  assert.equal(info.rows.dial_out_calls, 1);
  assert.ok(info.rows.dial_out_audio > 0); // the other sheets stay
  // 0.0500 x 12 / 60 = 0.01
  assert.equal(calculator.simulate({ from: 'US', number: '+33612345678', seconds: 7 }).cost, '0.01');
});

test('loadRateSheet reports a located error and keeps the card', () => {
  const bad = calculator.loadRateSheet(header + 'Any,France,33,All Number Types,Wireline,0.0240,0\n' +
    'Any,Germany,49,All Number Types,Wireline,abc,0\n', 'calls.csv', 'dial_out_calls');
  assert.equal(bad.error.code, 'bad_number');
  assert.equal(bad.error.file, 'calls.csv');
  assert.equal(bad.error.line, 3);
  assert.equal(bad.error.column, 6);
  // A USD sheet is loaded from a file already: a EUR sheet would mix two currencies in one card.
  const eur = calculator.loadRateSheet(header.replaceAll('USD', 'EUR'), 'Dial-out calls.csv', '');
  assert.equal(eur.error.code, 'currency_mismatch');
  assert.match(eur.error.message, /in EUR, but the sheets loaded before \(Dial-out calls\.csv\) are in USD/);
  assert.equal(calculator.simulate({ from: 'US', number: '+33612345678', seconds: 7 }).cost, '0.01');
});

test('a sheet in another currency than a whole card is a new card in that currency', async () => {
  const usd = await readRepoFile('rates/illustrative-usd.json');
  assert.equal(calculator.loadRates(usd, 'illustrative-usd.json').error, undefined);
  const info = calculator.loadRateSheet(header.replaceAll('USD', 'EUR') +
    'Any,"France, mobile",336,All Number Types,Wireless,0.0600,0\n', 'Dial-out calls.csv', '');
  assert.equal(info.error, undefined, JSON.stringify(info.error));
  assert.equal(info.new_card, true);
  assert.equal(info.currency, 'EUR');
  assert.equal(info.illustrative, false);
  assert.equal(info.rows.dial_out_audio, 0); // nothing of the USD card is kept
  const call = calculator.simulate({ from: 'FR', number: '+33612345678', seconds: 7 });
  assert.equal(call.currency, 'EUR');
  assert.equal(call.cost, '0.012'); // 0.0600 x 12 / 60
  // Back to the shipped card for the tests that follow.
  assert.equal(calculator.loadRates(usd, 'illustrative-usd.json').error, undefined);
});
