// The rates a share link names: the hash of the card's content (not its source note), and a link's member read
// back with checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fnv1a64, ratesIdentity, readLinkedRates, describeRates } from '../../web/rates-identity.js';

test('64-bit FNV-1a matches the published test vectors', () => {
  assert.equal(fnv1a64(''), 'cbf29ce484222325');
  assert.equal(fnv1a64('a'), 'af63dc4c8601ec8c');
  assert.equal(fnv1a64('foobar'), '85944171f73967e8');
});

test('the identity hashes the rates, not the note naming their files', () => {
  const card = { currency: 'EUR', effective: '2026-12-01', illustrative: false, sheets: { dial_out_calls: [{ per_minute: '0.024' }] } };
  const a = ratesIdentity(JSON.stringify({ ...card, source: 'from a.xlsx' }), { name: 'a.xlsx' });
  const b = ratesIdentity(JSON.stringify({ ...card, source: 'from b.csv' }), { name: 'b.csv' });
  assert.equal(a.hash, b.hash);
  assert.match(a.hash, /^[0-9a-f]{12}$/);
  assert.deepEqual({ ...a, hash: '' }, { name: 'a.xlsx', currency: 'EUR', effective: '2026-12-01', hash: '' });
  const changed = structuredClone(card);
  changed.sheets.dial_out_calls[0].per_minute = '0.025';
  assert.notEqual(ratesIdentity(JSON.stringify(changed)).hash, a.hash);
  assert.equal(ratesIdentity(JSON.stringify(card), { shipped: 'rates/illustrative-eur.json' }).shipped, 'rates/illustrative-eur.json');
});

test('a link\'s rates member is checked before use', () => {
  assert.equal(readLinkedRates(undefined), null);
  assert.equal(readLinkedRates([]), null);
  assert.equal(readLinkedRates({ name: 'x', hash: 'nothex' }), null);
  const read = readLinkedRates({ name: `a\u0000b${'x'.repeat(500)}`, currency: 42, effective: '2026-12-01', hash: '0123456789ab', shipped: '../../etc/passwd', extra: 1 });
  assert.equal(read.name.length, 120);
  assert.ok(!read.name.includes('\u0000'));
  assert.equal(read.currency, '');
  assert.equal(read.shipped, undefined);
  assert.equal(read.extra, undefined);
  assert.equal(readLinkedRates({ hash: '0123456789ab', shipped: 'rates/illustrative-gbp.json' }).shipped, 'rates/illustrative-gbp.json');
  assert.equal(describeRates({ name: 'Tarife.xlsx', currency: 'EUR', effective: '2026-12-01' }), 'Tarife.xlsx (EUR, effective 2026-12-01)');
  assert.equal(describeRates({ name: '', currency: '', effective: '' }), 'a rate card');
});
