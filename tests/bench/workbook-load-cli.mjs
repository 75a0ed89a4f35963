// Prints how long the native CLI takes to load Microsoft's rate workbook with 20,000 prefixes on "Dial-out calls"
// (`ccredits rates check FILE`: unzip, read the XML, build and check the card), for the workbook written byte by
// byte (deflated, shared strings, numbers as numbers; and stored, German, amounts as text, inline strings), the
// same rates written by exceljs, and the same rates as a JSON card for comparison. CPU time (user + system, of the
// process) and wall time, the fastest of the rounds.
// Usage: node tests/bench/workbook-load-cli.mjs [rounds] [prefixes]   (after bash .ci/build)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../node/load-module.mjs';
import { rateRows, jsonCard, workbookBytes } from '../tools/generate-rate-workbook.mjs';
import { exceljsWorkbook } from '../tools/write-workbook-exceljs.mjs';

const rounds = Number(process.argv[2] ?? 5);
const prefixes = Number(process.argv[3] ?? 20000);
const cli = process.env.CCREDITS_CLI ?? path.join(repoRoot, 'build/native/core/cli/ccredits');
const dir = mkdtempSync(path.join(os.tmpdir(), 'ccredits-workbook-bench-'));
const rows = rateRows(prefixes);
const files = [
  ['workbook, byte by byte, English, deflated, shared strings', 'rates-en.xlsx', workbookBytes(rows, { lang: 'en', currency: 'EUR' })],
  ['workbook, byte by byte, German, stored, text amounts', 'rates-de.xlsx',
    workbookBytes(rows, { lang: 'de', currency: 'EUR', amounts: 'text', strings: 'inline', store: true, sheetNames: 'numbered' })],
  ['workbook written by exceljs', 'rates-exceljs.xlsx', await exceljsWorkbook(rows, { currency: 'EUR' })],
  ['the same rates as a JSON card', 'card.json', jsonCard(rows, 'EUR')],
];
try {
  console.log(`ccredits rates check, ${prefixes} prefixes on "Dial-out calls" (${rows.filter((r) => r.sheets.includes('dial_out_calls')).length} rows), fastest of ${rounds}`);
  for (const [what, name, data] of files) {
    const file = path.join(dir, name);
    writeFileSync(file, data);
    let cpu = Infinity;
    let wall = Infinity;
    for (let i = 0; i < rounds; i++) {
      const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', cli, 'rates', 'check', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
      if (r.status !== 0) throw new Error(`${name}: ${r.stderr}`);
      const [e, u, s] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
      cpu = Math.min(cpu, u + s);
      wall = Math.min(wall, e);
    }
    const kb = (statSync(file).size / 1024).toFixed(0);
    console.log(`${what.padEnd(58)} ${kb.padStart(6)} KiB  cpu ${(cpu * 1000).toFixed(0).padStart(5)} ms  wall ${(wall * 1000).toFixed(0).padStart(5)} ms`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
