// Runs the native CLI (build/native/core/cli/ccredits) on a scenario, for comparisons with the wasm module.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRepoFile, repoRoot } from './load-module.mjs';

export const nativeCli = path.join(repoRoot, 'build/native/core/cli/ccredits');
export const ADVICE_KEYS = ['needs_credits', 'needs_credits_reasons', 'eligibility', 'recommendation', 'what_if'];

export async function loadFixtureScenarios() {
  return JSON.parse(await readRepoFile('tests/fixtures/credits-advice-scenarios.json')).scenarios;
}

// The credit-advice members of an estimate document.
export function pickAdvice(estimate) {
  return Object.fromEntries(ADVICE_KEYS.filter((k) => k in estimate).map((k) => [k, estimate[k]]));
}

export function nativeEstimate(name, scenario) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ccredits-advice-'));
  try {
    const file = path.join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(scenario));
    return JSON.parse(execFileSync(nativeCli, ['estimate', file], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
