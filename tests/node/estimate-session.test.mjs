// The page's estimate route (web/ccredits-client.js sessionEstimate over the module's estimate session): while a
// scenario is edited row by row, every patched result is the module's whole estimate of the same text (the same
// members in the same order, the same values), and an edit sends only what it changed.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { importSiteClient, loadSiteModule, readRepoFile } from './load-module.mjs';
import { random } from './scenario-generator.mjs';

let module;
let sessionEstimate;
let base;
before(async () => {
  module = await loadSiteModule();
  ({ sessionEstimate } = await importSiteClient());
  assert.equal(JSON.parse(module.loadRates(await readRepoFile('tests/bench/bench-rates.json'), 'bench-rates.json')).error, undefined);
  assert.equal(JSON.parse(module.loadPlans(await readRepoFile('rates/plans.json'), 'plans.json')).error, undefined);
  base = JSON.parse(await readRepoFile('tests/bench/scenario-200.json'));
});

// Where two texts part, with some context (a whole estimate is 124 KB: too much for a failure message).
function firstDifference(actual, expected) {
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) ++at;
  return `from character ${at}: patched …${actual.slice(Math.max(0, at - 200), at + 100)}… whole …${expected.slice(Math.max(0, at - 200), at + 100)}…`;
}

// Edits as an admin makes them: a row's minutes typed, half-typed to something invalid, a row removed or added.
function edit(scenario, next) {
  const s = structuredClone(scenario);
  const row = Math.floor(next() * s.usage.length);
  const what = next();
  if (what < 0.6) s.usage[row].minutes = Math.floor(next() * 5000);
  else if (what < 0.7) s.usage[row].minutes = '12abc';
  else if (what < 0.85 && s.usage.length > 1) s.usage.splice(row, 1);
  else s.usage.splice(row, 0, structuredClone(s.usage[(row + 7) % s.usage.length]));
  return s;
}

// Makes 300 edits with makeEdit, each priced through the session and as a whole text: an error must be the whole
// estimate's error (the admin then fixes the field, so the next edit starts from the last good scenario), a result
// the whole estimate, member for member in the same order. Returns how many edits were errors.
function checkEdits(makeEdit, seed) {
  const estimate = sessionEstimate(module);
  const next = random(seed);
  let scenario = base;
  let errors = 0;
  for (let i = 0; i < 300; ++i) {
    const edited = makeEdit(scenario, next);
    const text = JSON.stringify(edited);
    const whole = module.estimate(text);
    const patched = estimate(text);
    if (patched.error) {
      ++errors;
      assert.deepEqual(patched, JSON.parse(whole), `edit ${i}`);
      continue;
    }
    // Both through JSON.stringify: nlohmann's Grisu2 prints a few minutes figures longer than JS's shortest form
    // (154.95332199999999 for 154.953322), the same double.
    const patchedText = JSON.stringify(patched);
    const wholeText = JSON.stringify(JSON.parse(whole));
    if (patchedText !== wholeText) assert.fail(`edit ${i}: ${firstDifference(patchedText, wholeText)}`);
    scenario = edited;
  }
  return errors;
}

test('300 edits of the 200-row scenario: each patched result is the whole estimate, member for member in the same order', () => {
  const errors = checkEdits(edit, 11);
  assert.ok(errors > 10 && errors < 100, `${errors} edits were errors`);
});

// Edits the session reads the whole text for (licences, plans, conferencing), and edits inside one row that change
// what it is (its destination, its kind of number), mixed with the row edits above.
function editAnything(scenario, next) {
  const s = structuredClone(scenario);
  const what = next();
  const pick = (n) => Math.floor(next() * n);
  if (what < 0.15) s.licenses[pick(s.licenses.length)].users = pick(400);
  else if (what < 0.3) s.licenses[pick(s.licenses.length)].plan = ['domestic', 'domestic_120', 'payg', 'domestic_international', 'none'][pick(5)];
  else if (what < 0.4) s.conferencing[['standard', 'us_ca_dial_out', 'pay_per_minute'][pick(3)]] = pick(3) === 0 ? 0 : pick(500);
  else if (what < 0.55) {
    const row = s.usage[pick(s.usage.length)];
    row[row.country === undefined ? 'to' : 'country'] = ['US', 'GB', 'FR', 'JP', 'MX', 'CA'][pick(6)];
  } else if (what < 0.65) s.usage[pick(s.usage.length)].number_type = ['wireline', 'wireless', 'all'][pick(3)];
  else if (what < 0.7) s.usage[pick(s.usage.length)].calls = pick(3000);
  else if (what < 0.73) s.settings = { dial_out_pool_basis: pick(2) ? 'purchased' : 'assigned' };
  else return edit(s, next);
  return s;
}

test('300 edits of licences, plans, conferencing and rows: each patched result is the whole estimate', () => {
  checkEdits(editAnything, 16);
});

// The session does not price again a line whose charge is unchanged: it names the line it priced last time. A card
// loaded between edits prices those lines differently, and none of them may be taken from the last card.
test('300 edits with the rate card changed between some of them: each patched result is the whole estimate', async () => {
  const card = await readRepoFile('tests/bench/bench-rates.json');
  let n = 0;
  const other = card.replace(/"connection": "0\.0000"/g, (free) => (++n % 3 === 0 ? '"connection": "0.0200"' : free));
  const cards = [card, other];
  let current = 0;
  let changes = 0;
  try {
    checkEdits((scenario, next) => {
      if (next() < 0.06) {
        current = 1 - current;
        assert.equal(JSON.parse(module.loadRates(cards[current], 'card.json')).error, undefined);
        ++changes;
      }
      return editAnything(scenario, next);
    }, 23);
  } finally {
    module.loadRates(card, 'bench-rates.json');
  }
  assert.ok(changes > 10, `${changes} card changes`);
});

test('typing into one row re-sends that row\'s lines, not the 300 others', () => {
  const estimate = sessionEstimate(module);
  const first = estimate(JSON.stringify(base));
  assert.equal(first.error, undefined);
  const edited = structuredClone(base);
  edited.usage[5].minutes = Number(edited.usage[5].minutes) + 1;
  const second = estimate(JSON.stringify(edited));
  assert.equal(second.lines.length, first.lines.length);
  const changed = second.lines.filter((line, i) => line !== first.lines[i]);
  assert.ok(changed.length >= 1 && changed.length <= 3, `${changed.length} lines re-sent`);
  assert.ok(changed.every((l) => l.usage === 'usage[5]'));
  assert.equal(second.settings, first.settings); // unchanged members are the same objects
  assert.ok(Object.isFrozen(second) && Object.isFrozen(second.lines) && Object.isFrozen(second.lines[0]));
});

test('two façades on one module do not mix their results', () => {
  const a = sessionEstimate(module);
  const b = sessionEstimate(module);
  const one = structuredClone(base);
  one.usage = one.usage.slice(0, 3);
  const textA = JSON.stringify(base);
  const textB = JSON.stringify(one);
  a(textA);
  b(textB);
  assert.equal(JSON.stringify(a(textA)), JSON.stringify(JSON.parse(module.estimate(textA))));
  assert.equal(JSON.stringify(b(textB)), JSON.stringify(JSON.parse(module.estimate(textB))));
});

test('a serial the module did not give (NaN, negative, too large) gets the whole result, never a patch', () => {
  const session = new module.EstimateSession();
  const text = JSON.stringify(base);
  const encoder = new TextEncoder();
  const update = (known) => {
    const at = module.scenarioBuffer(text.length * 3);
    const { written } = encoder.encodeInto(text, module.HEAPU8.subarray(at, at + text.length * 3));
    return JSON.parse(new TextDecoder().decode(session.update(written, known)));
  };
  const first = update(0);
  assert.equal(first.error, undefined);
  assert.equal(first.serial, 1); // the session now holds result 1: a patch against it would be "after": 1
  assert.equal(update(1).after, 1);
  for (const known of [Number.NaN, -1, 2 ** 40, 1.5, Infinity]) {
    const changes = update(known);
    assert.equal(changes.after, 0, `known ${known}`);
    assert.equal(changes.lines.length, changes.line_count);
  }
});
