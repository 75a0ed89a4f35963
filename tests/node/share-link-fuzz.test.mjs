// The share-link decoder under mutation: a short fixed-seed run of tests/fuzz/share-link-fuzz.mjs
// (the page's decodeShare -> fromScenario -> toScenario -> wasm estimate), the saved findings replayed, and the
// decoder's memory bound: a deflate bomb in a link stops as soon as it passes 1 MB unpacked.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { loadCalculator, readRepoFile, repoRoot } from './load-module.mjs';
import { fuzzShareLinks, checkFragment } from '../fuzz/share-link-fuzz.mjs';
import { decodeShare } from '../../web/share-link.js';

let calculator;
before(async () => {
  calculator = await loadCalculator();
  calculator.loadPlans?.(await readRepoFile('rates/plans.json'), 'plans.json');
  assert.equal(calculator.loadRates(await readRepoFile('rates/illustrative-usd.json'), 'illustrative-usd.json').error, undefined);
});

test('2,000 mutated share links (seed 1): values or sentences, never a crash, NaN or an internal error', async () => {
  const r = await fuzzShareLinks({ calculator, seed: 1, runs: 2000 });
  assert.deepEqual(r.findings.map((f) => f.what), []);
  assert.equal(r.runs, 2000);
  // The mutants must reach every stage, not only the link check.
  for (const outcome of ['link refused', 'scenario refused', 'estimate', 'estimate error']) {
    assert.ok(r.outcomes[outcome] > 20, `${outcome}: ${JSON.stringify(r.outcomes)}`);
  }
});

test('the share-link findings stay fixed (tests/fuzz/regressions/share_link)', async () => {
  const folder = path.join(repoRoot, 'tests/fuzz/regressions/share_link');
  const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort();
  assert.ok(files.length >= 3);
  for (const f of files) {
    const outcome = await checkFragment(readFileSync(path.join(folder, f), 'utf8').trim(), calculator);
    assert.ok(['scenario refused', 'estimate', 'estimate error'].includes(outcome), `${f}: ${outcome}`);
  }
});

test('a deflate bomb in a link is refused after about 1 MB unpacked, not the 48 MB it holds', async () => {
  const bomb = `s1.${zlib.deflateRawSync(Buffer.alloc(48 << 20, 0x20), { level: 9 }).toString('base64url')}`;
  assert.ok(bomb.length < 64 * 1024, 'fits the 64 KB fragment limit');
  // Count what the decompressor hands out before decodeShare gives up.
  const Real = globalThis.DecompressionStream;
  let unpacked = 0;
  globalThis.DecompressionStream = class {
    constructor(format) {
      const inner = new Real(format);
      this.writable = inner.writable;
      this.readable = inner.readable.pipeThrough(new TransformStream({
        transform(chunk, controller) {
          unpacked += chunk.length;
          controller.enqueue(chunk);
        },
      }));
    }
  };
  try {
    await assert.rejects(decodeShare(bomb), { message: 'The link is damaged: it unpacks to too much data.' });
  } finally {
    globalThis.DecompressionStream = Real;
  }
  assert.ok(unpacked > 1024 * 1024, `read past the limit: ${unpacked}`);
  assert.ok(unpacked < 3 * 1024 * 1024, `stopped soon after the 1 MB limit: ${unpacked} bytes unpacked`);
});
