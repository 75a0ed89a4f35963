// The wasm usage importer (the page's worker runs it) gives exactly the native CLI's `ccredits usage` output on
// generated reports, fed in uneven chunks through the same buffer()/feed() path the worker uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadImportModule, readRepoFile, repoRoot } from './load-module.mjs';
import { generate } from '../tools/generate-report.mjs';

const cli = process.env.CCREDITS_CLI ?? path.join(repoRoot, 'build/native/core/cli/ccredits');

function importWithWasm(module, bytes, name) {
  const importer = new module.UsageImporter();
  try {
    assert.deepEqual(JSON.parse(importer.nextFile(name)), {});
    let offset = 0, size = 1;
    while (offset < bytes.length) {
      const piece = bytes.subarray(offset, offset + size);
      const ptr = importer.buffer(piece.length);
      module.HEAPU8.set(piece, ptr);
      const fed = JSON.parse(importer.feed(piece.length));
      assert.equal(fed.error, undefined);
      offset += piece.length;
      size = (size * 7 + 13) % 70000 + 1;  // uneven chunk sizes, rows split across chunks
    }
    return JSON.parse(importer.finish());
  } finally {
    importer.delete();
  }
}

for (const columns of [25, 20]) {
  test(`wasm importer equals the native CLI on a generated ${columns}-column report`, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ccredits-usage-'));
    try {
      const file = path.join(dir, `report-${columns}.csv`);
      generate({ rows: 5000, columns, seed: 7, bad: 6, out: file });
      const native = JSON.parse(execFileSync(cli, ['usage', file], { maxBuffer: 64 << 20 }).toString());
      const module = await loadImportModule();
      const info = JSON.parse(module.loadRates(await readRepoFile('rates/illustrative-usd.json'), 'illustrative-usd.json'));
      assert.equal(info.error, undefined);
      const wasm = importWithWasm(module, new Uint8Array(await readFile(file)), file);
      assert.equal(wasm.rows, 5000);
      assert.equal(wasm.skipped_count, 6);
      assert.equal(wasm.format, `csv-${columns}`);
      assert.ok(wasm.scenario_usage.length > 0);
      assert.notEqual(wasm.rerated, null);
      assert.deepEqual(wasm, native);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

test('wasm importer reports a file that is not a usage report as an error object', async () => {
  const module = await loadImportModule();
  const importer = new module.UsageImporter();
  const bytes = new TextEncoder().encode('name,amount\nx,1\n');
  const ptr = importer.buffer(bytes.length);
  module.HEAPU8.set(bytes, ptr);
  const fed = JSON.parse(importer.feed(bytes.length));
  importer.delete();
  assert.equal(fed.error.code, 'usage_missing_column');
  assert.equal(fed.error.line, 1);
});
