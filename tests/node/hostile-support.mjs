// The outcome rules of the hostile inputs catalogue, shared by tests/node/hostile*.test.mjs.
// The CLI: exit 0 with a JSON result, or exit 2 with exactly one JSON error object on stderr (core/CONTRACT.md) and
// nothing on stdout; never a signal, never an "internal" error. The wasm module: a result or an {error}.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './load-module.mjs';

export const cli = process.env.CCREDITS_CLI ?? path.join(repoRoot, 'build/native/core/cli/ccredits');

// A result as text without the parts that quote the input (a usage report's skip reasons: "Charge "NaN" is not a
// decimal number"); what is left is computed and must never hold NaN, Infinity or undefined.
const computed = (result) => JSON.stringify(result, (key, value) => (key === 'reason' ? '' : value));

// Returns {status, result} (exit 0) or {status, error} (exit 2) for further checks.
export function assertCliOutcome(name, file, args, expected, code) {
  const r = spawnSync(cli, args, { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 60000 });
  assert.equal(r.signal, null, `${name}: killed by ${r.signal}\n${r.stderr}`);
  assert.ok(r.status === 0 || r.status === 2, `${name}: exit ${r.status}\n${r.stderr}`);
  if (r.status === 2) {
    assert.equal(r.stdout, '', `${name}: stdout must be empty on error`);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `${name}: one JSON line on stderr, got ${r.stderr.slice(0, 300)}`);
    const err = JSON.parse(lines[0]).error;
    assert.equal(typeof err.code, 'string');
    assert.notEqual(err.code, 'internal', `${name}: ${err.message}`);
    assert.ok(err.message.length > 0);
    if (code) assert.equal(err.code, code, `${name}: ${err.message}`);
    if (expected === 'ok') assert.fail(`${name}: expected exit 0, got ${r.stderr.slice(0, 300)}`);
    return { status: 2, error: err };
  }
  const result = JSON.parse(r.stdout);
  assert.doesNotMatch(computed(result), /NaN|Infinity|undefined/, name);
  assert.notEqual(expected, 'error', `${name}: expected exit 2, got a result`);
  return { status: 0, result };
}

export function assertModuleOutcome(name, result, expected, code) {
  // An error message may quote the input ("NaN" is not a decimal number); results never hold such values.
  if (!result.error) assert.doesNotMatch(computed(result), /NaN|Infinity|undefined/, name);
  if (expected === 'ok') assert.equal(result.error, undefined, `${name}: ${JSON.stringify(result.error)}`);
  if (expected === 'error') {
    assert.ok(result.error, `${name}: expected an error`);
    assert.notEqual(result.error.code, 'internal', `${name}: ${result.error.message}`);
    if (code) assert.equal(result.error.code, code);
  }
}

