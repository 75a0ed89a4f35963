// Hostile inputs catalogue, through the native CLI and through the wasm module the page uses.
// Big inputs are generated here, not committed. Every input must give exit 0, or exit 2 with exactly one JSON
// error object on stderr and nothing on stdout; never a signal, never an "internal" error, never NaN/Infinity.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCalculator, readRepoFile } from './load-module.mjs';
import { assertCliOutcome, assertModuleOutcome, cli } from './hostile-support.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'ccredits-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const scenario = (usage) => JSON.stringify({ schema: 'ccredits.scenario/1', usage });
const row = (extra) => ({ kind: 'user_out', from: 'US', to: 'FR', number_type: 'wireline', minutes: 10, ...extra });
// Numbers written as raw JSON text (JSON.stringify cannot write 1e309 or 10,000 digits).
const scenarioWithMinutes = (text) =>
  `{"schema":"ccredits.scenario/1","usage":[{"kind":"user_out","from":"US","to":"FR","minutes":${text}}]}`;
const card = (perMinute) =>
  `{"schema":"ccredits.rates/1","currency":"USD","effective":"2026-11-01","source":"t","illustrative":true,` +
  `"billing_increment_seconds":6,"sheets":{"dial_out_calls":[{"origin":"*","destination":"France","country":"FR",` +
  `"prefixes":["33"],"number_type":"all","per_minute":${perMinute},"connection":"0"}]}}`;
const markup = '<img src=x onerror=alert(1)><script>alert(2)</script>';

const utf16le = (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const latin1 = (text) => Buffer.from(text, 'latin1');

// name -> [kind, bytes, expected: 'ok' | 'error' | 'either', expected error code (optional)]
const scenarios = {
  'truncated scenario': [scenario([row()]).slice(0, 40), 'error', 'bad_json'],
  'empty file': ['', 'error'],
  'minutes 99999999999999': [scenarioWithMinutes('99999999999999'), 'error'],
  'minutes 1e309': [scenarioWithMinutes('1e309'), 'error'],
  'minutes -1e309': [scenarioWithMinutes('-1e309'), 'error'],
  'negative minutes': [scenarioWithMinutes('-5'), 'error'],
  'minutes with 10,000 digits': [scenarioWithMinutes('9'.repeat(10000)), 'error'],
  'minutes with 10,000 decimals': [scenarioWithMinutes('0.' + '1'.repeat(10000)), 'error'],
  'calls 1e30': [scenario([row({ calls: 1e30 })]), 'error'],
  'negative calls': [scenario([row({ calls: -3 })]), 'error'],
  'minutes as NaN text': [scenario([row({ minutes: 'NaN' })]), 'error'],
  'minutes as Infinity text': [scenario([row({ minutes: 'Infinity' })]), 'error'],
  'JSON nested 100,000 deep': ['['.repeat(100000) + ']'.repeat(100000), 'error'],
  'object nested 100,000 deep': ['{"a":'.repeat(100000) + '1' + '}'.repeat(100000), 'error'],
  'UTF-16 scenario': [utf16le(scenario([row()])), 'error'],
  'Latin-1 country name': [latin1(scenario([row({ to: 'Fran\u00e7e' })])), 'error'],
  'markup as destination': [scenario([row({ to: markup })]), 'error'],
  'formula as destination': [scenario([row({ to: "=cmd|' /C calc'!A0" })]), 'error'],
  'NUL bytes': [Buffer.from('{"usage":[\u0000]}'), 'error'],
  '100,000 usage rows': [scenario(Array.from({ length: 100000 }, () => row())), 'ok'],
};

const rateCards = {
  'rate 1e309': [card('1e309'), 'error'],
  'rate with 10,000 digits': [card('"' + '9'.repeat(10000) + '"'), 'error'],
  'negative rate': [card('"-0.5"'), 'error'],
  'truncated card': [card('"0.02"').slice(0, 100), 'error', 'bad_json'],
  'UTF-16 card': [utf16le(card('"0.02"')), 'error'],
  'markup in source': [card('"0.02"').replace('"source":"t"', `"source":${JSON.stringify(markup)}`), 'ok'],
};

let calculator;
let shippedCard;
before(async () => {
  assert.ok(existsSync(cli), `the native CLI is built at ${cli}`);
  calculator = await loadCalculator();
  assert.equal(calculator.loadPlans(await readRepoFile('rates/plans.json'), 'plans.json').error, undefined);
  shippedCard = await readRepoFile('rates/illustrative-usd.json');
});

for (const [name, [bytes, expected, code]] of Object.entries(scenarios)) {
  test(`hostile scenario through the CLI: ${name}`, () => {
    const file = path.join(dir, 'scenario.json');
    writeFileSync(file, bytes);
    assertCliOutcome(name, file, ['estimate', file], expected, code);
  });
  test(`hostile scenario through the wasm module: ${name}`, () => {
    calculator.loadRates(shippedCard, 'illustrative-usd.json');
    // The page reads files as text (UTF-8 decoding, invalid bytes replaced), as File.text() does.
    const text = Buffer.isBuffer(bytes) ? new TextDecoder().decode(bytes) : bytes;
    assertModuleOutcome(name, calculator.estimate(text), expected, code);
  });
}

for (const [name, [bytes, expected, code]] of Object.entries(rateCards)) {
  test(`hostile rate card through the CLI: ${name}`, () => {
    const cardFile = path.join(dir, 'card.json');
    const scenarioFile = path.join(dir, 'ok-scenario.json');
    writeFileSync(cardFile, bytes);
    writeFileSync(scenarioFile, scenario([row()]));
    assertCliOutcome(name, cardFile, ['estimate', scenarioFile, '--rates', cardFile], expected, code);
  });
  test(`hostile rate card through the wasm module: ${name}`, () => {
    const text = Buffer.isBuffer(bytes) ? new TextDecoder().decode(bytes) : bytes;
    assertModuleOutcome(name, calculator.loadRates(text, 'card.json'), expected, code);
  });
}

test('markup in a rate card source comes back as inert text, unchanged', () => {
  const info = calculator.loadRates(card('"0.02"').replace('"source":"t"', `"source":${JSON.stringify(markup)}`), 'c');
  assert.equal(info.source, markup); // the page must render it with textContent (checked by the browser test)
});
