// Formula injection: a rate card whose destination names are spreadsheet formulas reaches the page's
// estimate, and the exported CSV carries them as text (a leading apostrophe), never as a formula cell.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { openSite } from './browser.mjs';
import { waitReady, shownEstimate } from './page-helpers.mjs';
import { readRepoFile } from '../node/load-module.mjs';

const FORMULAS = ["=cmd|' /C calc'!A0", '+HYPERLINK("http://example.invalid")', '-2+3', '@SUM(A1)', '\t=1+1'];

let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

test('formula destination names from a loaded rate card are neutralised in the exported CSV', async () => {
  const { page } = site;
  await page.goto(site.url);
  await waitReady(page);
  // The shipped card with the destinations of the example input (calls to the US, France and Germany) renamed
  // to formulas.
  const card = JSON.parse(await readRepoFile('rates/illustrative-usd.json'));
  const renamed = { FR: FORMULAS[0], DE: FORMULAS[1], US: FORMULAS[2], GB: FORMULAS[3] };
  for (const rows of Object.values(card.sheets)) {
    for (const row of rows) if (renamed[row.country]) row.destination = renamed[row.country];
  }
  await page.setInputFiles('#rates-file', { name: 'formula-card.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(card)) });
  await page.waitForFunction(() => /formula-card\.json: loaded/.test(document.body.textContent));
  await page.waitForFunction((f) => document.getElementById('raw-estimate').textContent.includes(JSON.stringify(f).slice(1, -1)), FORMULAS[0]);
  const estimate = await shownEstimate(page);
  const formulaLines = estimate.lines.filter((l) => FORMULAS.includes(l.destination));
  assert.ok(formulaLines.length > 0, 'a formula destination reaches the estimate');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const text = await readFile(await download.path(), 'utf8');
  const rows = Papa.parse(text.slice(1), { skipEmptyLines: true }).data;
  for (const line of formulaLines) {
    assert.ok(rows.some((r) => r[0] === 'line' && r[2] === `'${line.destination}`), `${line.destination} exported as text`);
  }
  // No cell of the file starts the way a spreadsheet formula does (a plain negative number is a number).
  for (const r of rows) for (const cell of r) if (!/^-?\d+(\.\d+)?$/.test(cell)) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `cell ${JSON.stringify(cell)}`);
  assert.ok(text.includes("'=cmd|' /C calc'!A0"));
  assert.deepEqual(site.problems, []);
});
