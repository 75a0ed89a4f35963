// Hostile usage reports through the native CLI (`ccredits usage FILE`) and the wasm importer the page's
// worker runs (zips are unpacked by the worker itself: tests/browser/hostile-usage.test.mjs). Each is imported
// with its bad rows skipped (line and reason), or refused with a clear error: exit 2 and one core/CONTRACT.md error
// object, with the line where there is one. Never a signal, an "internal" error, NaN, Infinity or undefined.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadImportModule, readRepoFile } from './load-module.mjs';
import { assertCliOutcome, assertModuleOutcome, cli } from './hostile-support.mjs';
import { hostileReports, bombEntry, zipOf } from './hostile-reports.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'ccredits-hostile-usage-'));
const reports = hostileReports();
let module;

before(async () => {
  assert.ok(existsSync(cli), `the native CLI is built at ${cli}`);
  module = await loadImportModule();
  assert.equal(JSON.parse(module.loadRates(await readRepoFile('rates/illustrative-usd.json'), 'illustrative-usd.json')).error, undefined);
});
after(() => rmSync(dir, { recursive: true, force: true }));

// The worker's path: nextFile, feed in 64 KB pieces through buffer(), finish; the first error ends the import.
function importWithWasm(bytes, name) {
  const importer = new module.UsageImporter();
  try {
    let r = JSON.parse(importer.nextFile(name));
    for (let at = 0; at < bytes.length && !r.error; at += 65536) {
      const piece = bytes.subarray(at, at + 65536);
      module.HEAPU8.set(piece, importer.buffer(piece.length));
      r = JSON.parse(importer.feed(piece.length));
    }
    return r.error ? r : JSON.parse(importer.finish());
  } finally {
    importer.delete();
  }
}

function checkOutcome(name, report, outcome) {
  if (outcome.error) {
    if (report.line) assert.equal(outcome.error.line, report.line, `${name}: error line`);
    if (report.message) assert.match(outcome.error.message, report.message, name);
    assert.match(outcome.error.message, /^[A-Z"].*[.?)]$/s, `${name}: a sentence: ${outcome.error.message}`);
  } else {
    for (const s of outcome.result.skipped) {
      assert.ok(Number.isInteger(s.line) && s.line > 0, `${name}: skipped rows have a line`);
      assert.ok(s.reason.length > 0, `${name}: skipped rows have a reason`);
    }
    report.check?.(outcome.result);
  }
}

for (const [name, report] of Object.entries(reports)) {
  test(`hostile usage report through the CLI: ${name}`, () => {
    const file = path.join(dir, report.file);
    writeFileSync(file, report.bytes);
    const outcome = assertCliOutcome(name, file, ['usage', file], report.expected, report.code);
    checkOutcome(name, report, outcome);
    if (outcome.error) assert.equal(outcome.error.file, file, `${name}: the error names the file`);
  });
  if (report.file.endsWith('.zip')) continue;
  test(`hostile usage report through the wasm importer: ${name}`, () => {
    const result = importWithWasm(report.bytes, report.file);
    assertModuleOutcome(name, result, report.expected, report.code);
    checkOutcome(name, report, result.error ? { error: result.error } : { result });
  });
}

test('the CLI and the wasm importer give the same result for each imported hostile report', () => {
  for (const [name, report] of Object.entries(reports)) {
    if (report.file.endsWith('.zip') || report.expected === 'error') continue;
    const file = path.join(dir, report.file);
    writeFileSync(file, report.bytes);
    const r = spawnSync(cli, ['usage', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status !== 0) continue; // 'either' cases that are errors are compared by the tests above
    const wasm = importWithWasm(report.bytes, file);
    assert.deepEqual(wasm, JSON.parse(r.stdout), name);
  }
});

test('a zip bomb stops the CLI within bounded memory: 2 GB of blank lines never reach memory', () => {
  // The liar declares 1 MB; /usr/bin/time reports the peak resident set when available.
  const file = path.join(dir, 'liar-rss.zip');
  writeFileSync(file, zipOf([bombEntry(2048, 1 << 20)]));
  const time = existsSync('/usr/bin/time');
  const r = time ? spawnSync('/usr/bin/time', ['-f', 'maxrss_kb=%M', cli, 'usage', file], { encoding: 'utf8' })
    : spawnSync(cli, ['usage', file], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /"code":"bad_zip"/);
  if (time) {
    const kb = Number(/maxrss_kb=(\d+)/.exec(r.stderr)[1]);
    // The sanitized CLI (ASan shadow memory) needs more than the release one; both far below 2 GB.
    assert.ok(kb < 256 * 1024, `peak ${kb} KB`);
  }
});

// The page's worker inflates a zip's entries itself but asks the core which ones and up to what size
// (UsageZipReader): for every hostile zip, the same refusal as the CLI, word for word.
test('the import module reads each hostile zip\'s directory as the CLI does', () => {
  for (const [name, report] of Object.entries(reports)) {
    if (!report.file.endsWith('.zip')) continue;
    const file = path.join(dir, report.file);
    writeFileSync(file, report.bytes);
    const r = spawnSync(cli, ['usage', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const cliError = r.status === 0 ? null : JSON.parse(r.stderr).error;
    const bytes = new Uint8Array(report.bytes);
    const zip = new module.UsageZipReader(file, bytes.length);
    try {
      const put = (part) => { module.HEAPU8.set(part, zip.buffer(part.length)); return part.length; };
      const end = JSON.parse(zip.end(put(bytes.subarray(Math.max(0, bytes.length - (22 + 65535))))));
      const directory = end.error ? end
        : JSON.parse(zip.directory(put(bytes.subarray(end.directory_offset, end.directory_offset + end.directory_size))));
      if (directory.error) {
        assert.deepEqual({ code: directory.error.code, message: directory.error.message },
          { code: cliError?.code, message: cliError?.message }, name);
        continue;
      }
      assert.ok(directory.entries.length > 0, name);
      if (cliError && /unpacks to more than/.test(cliError.message)) {
        const tooLarge = JSON.parse(zip.tooLarge(directory.entries[0].name)).error;
        assert.deepEqual({ code: tooLarge.code, message: tooLarge.message }, { code: cliError.code, message: cliError.message }, name);
      } else {
        assert.equal(cliError, null, `${name}: the CLI refused what the directory allows: ${cliError?.message}`);
      }
    } finally {
      zip.delete();
    }
  }
});
