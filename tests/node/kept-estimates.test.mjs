// Estimates kept side by side (web/kept-estimates.js): names, clones, the browser's storage and the saved file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  readKept, writeKept, keepEstimate, cloneEstimate, removeEstimate, renameEstimate, keptFileText, addFromFile,
  isKeptFile, MAX_KEPT,
} from '../../web/kept-estimates.js';
import { defaultModel, toScenario } from '../../web/state.js';

const scenario = toScenario(defaultModel()).scenario;

function memoryStorage() {
  const items = new Map();
  return { getItem: (k) => (items.has(k) ? items.get(k) : null), setItem: (k, v) => items.set(k, String(v)), items };
}

test('kept names are unique, blank names get a number, clones say so', () => {
  let { list } = keepEstimate([], '  Today  ', scenario, '2026-12-02');
  ({ list } = keepEstimate(list, 'today', scenario, '2026-12-02'));
  ({ list } = keepEstimate(list, '', scenario, '2026-12-02'));
  assert.deepEqual(list.map((k) => k.name), ['Today', 'today (2)', 'Estimate 3']);
  const cloned = cloneEstimate(list, list[0].id, '2026-12-03');
  assert.equal(cloned.kept.name, 'Today (copy)');
  assert.notEqual(cloned.kept.scenario, list[0].scenario, 'a clone is a copy, not the same object');
  assert.deepEqual(cloned.kept.scenario, list[0].scenario);
  const renamed = renameEstimate(cloned.list, cloned.kept.id, 'Today');
  assert.equal(renamed.at(-1).name, 'Today (3)', 'names compare without case: "today (2)" is taken');
  assert.deepEqual(removeEstimate(renamed, list[1].id).map((k) => k.name), ['Today', 'Estimate 3', 'Today (3)']);
});

test('at most MAX_KEPT estimates, with a sentence', () => {
  let list = [];
  for (let i = 0; i < MAX_KEPT; ++i) ({ list } = keepEstimate(list, `E${i}`, scenario, ''));
  const over = keepEstimate(list, 'one more', scenario, '');
  assert.equal(over.list.length, MAX_KEPT);
  assert.match(over.error, /At most 20 estimates/);
});

test('the browser storage round trip drops what is not a kept estimate', () => {
  const storage = memoryStorage();
  const { list } = keepEstimate([], 'Plan A', scenario, '2026-12-02');
  assert.equal(writeKept(storage, list), '');
  assert.deepEqual(readKept(storage), list);
  storage.setItem('ccredits.kept-estimates', JSON.stringify([{ name: 'x' }, { name: '', scenario }, 42, list[0]]));
  assert.deepEqual(readKept(storage).map((k) => k.name), ['Plan A']);
  storage.setItem('ccredits.kept-estimates', '{not json');
  assert.deepEqual(readKept(storage), []);
  assert.deepEqual(readKept(null), []);
  const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
  assert.match(writeKept(full, list), /does not let the page keep estimates/);
});

test('the saved file opens back, with names made unique and bad entries counted', () => {
  let { list } = keepEstimate([], 'Plan A', scenario, '2026-12-02');
  ({ list } = keepEstimate(list, 'Plan B', { ...scenario, funding: { mode: 'one_time', months: 6 } }, '2026-12-02'));
  const doc = JSON.parse(keptFileText(list));
  assert.ok(isKeptFile(doc));
  assert.equal(isKeptFile(scenario), false);
  doc.estimates.push({ name: 'no scenario' });
  const opened = addFromFile(list.slice(0, 1), doc);
  assert.equal(opened.added, 2);
  assert.equal(opened.skipped, 1);
  assert.deepEqual(opened.list.map((k) => k.name), ['Plan A', 'Plan A (2)', 'Plan B']);
  assert.deepEqual(opened.list[2].scenario, list[1].scenario);
  assert.throws(() => addFromFile([], { kind: 'ccredits kept estimates', version: 2, estimates: [] }), /not a kept-estimates file/);
});
