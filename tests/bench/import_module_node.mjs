#!/usr/bin/env node
// The usage importer's module as the site ships it (build/wasm/site/ccredits-import.js and .wasm, or
// CCREDITS_SITE_DIR's), under node: the report fed in 1 MiB chunks through buffer()/feed() as the import worker
// does, re-rated with the illustrative card, imported N times in one process. Prints the process CPU time of each
// import. Run it with V8's optimizing compiler only (--no-liftoff --no-wasm-dynamic-tiering --single-threaded) so
// that after the first import nothing is compiled, and under valgrind, the instructions of N imports less those of
// one are what N - 1 imports execute, which the machine's load does not change:
//   node [V8 flags] tests/bench/import_module_node.mjs REPORT.csv [--imports 6]
import { readFile } from 'node:fs/promises';
import { loadImportModule, readRepoFile } from '../node/load-module.mjs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) throw new Error('usage: node tests/bench/import_module_node.mjs REPORT.csv [--imports N]');
const i = args.indexOf('--imports');
const imports = i >= 0 ? Number(args[i + 1]) : 6;
const CHUNK = 1 << 20;

const module = await loadImportModule();
const rates = JSON.parse(module.loadRates(await readRepoFile('rates/illustrative-usd.json'), 'illustrative-usd.json'));
if (rates.error) throw new Error(rates.error.message);
const bytes = await readFile(file);
const cpu = [];
let documentBytes = 0;
for (let run = 0; run < imports; ++run) {
  const before = process.cpuUsage();
  const importer = new module.UsageImporter();
  importer.nextFile(file);
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const piece = bytes.subarray(at, Math.min(bytes.length, at + CHUNK));
    const ptr = importer.buffer(piece.length);
    module.HEAPU8.set(piece, ptr);  // HEAPU8 read after buffer(): memory may have grown
    const fed = JSON.parse(importer.feed(piece.length));
    if (fed.error) throw new Error(fed.error.message);
  }
  documentBytes = importer.finish().length;
  importer.delete();
  const used = process.cpuUsage(before);
  cpu.push((used.user + used.system) / 1000);
}
console.log(`${file}: ${(bytes.length / 1e6).toFixed(1)} MB, ${imports} imports, document ${documentBytes} bytes`);
console.log(`CPU per import (ms): ${cpu.map((ms) => ms.toFixed(0)).join(' ')}`);
