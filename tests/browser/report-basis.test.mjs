// An imported usage report drives the answer: the headline's monthly figure is the report's charges per month and
// says so, a change typed on top is priced and its line says where its rate came from, users of a country without
// a licence group get a notice with a one-click fix, and undo brings the typed input back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteForFile } from './browser.mjs';
import { setField } from './page-helpers.mjs';
import { generate } from '../tools/generate-report.mjs';

let site;
siteForFile((opened) => { site = opened; }, { files: true, ready: true });

// "$9,880.00" / "9880.00 USD" -> "9880.00"
const figure = (text) => /[\d,]+\.\d\d/.exec(text)?.[0].replaceAll(',', '');
const scenarioOf = async (page) => JSON.parse(await page.locator('#raw-scenario').textContent());
const headline = (page) => page.locator('#summary').innerText();

test('an imported report drives the headline; changes on top are priced with their source; undo restores the input', async () => {
  const { page } = site;
  const typed = await scenarioOf(page);
  const typedHeadline = await headline(page);
  assert.doesNotMatch(typedHeadline, /from your report's charges/);

  const file = site.file('PSTN.calls.csv');
  generate({ rows: 2000, columns: 25, seed: 3, out: file });
  await page.setInputFiles('#usage-file', file);
  await page.waitForFunction(() => /Imported/.test(document.getElementById('usage-status').textContent));
  await page.waitForFunction(() => /from your report's charges/.test(document.getElementById('summary').textContent));

  // The headline's monthly figure is the report's charges per average month.
  const perMonth = figure(/in the period, (\S+) per average month/.exec(await page.locator('#usage-actual').textContent())[1]);
  assert.equal(figure(await page.locator('#headline-total').textContent()), perMonth);
  assert.match(await headline(page), /from your report's charges/);
  assert.match(await page.locator('#result-bar').textContent(), /from your report's charges/);
  const scenario = await scenarioOf(page);
  assert.equal(scenario.report.currency, 'USD');
  assert.deepEqual(scenario.report.baseline.usage, scenario.usage);

  // Users in DE and FR placed calls, but the example input has licence groups for US and GB only.
  const notice = page.locator('#usage-licence-notice');
  assert.match(await notice.textContent(), /in Germany placed calls in the report, but your input has no licence group for Germany/);
  // The report's charges stand for their calls: nothing may say those calls are billed in full as Pay-As-You-Go,
  // which the by-use-case table (Pay-As-You-Go from the report's charges) would contradict.
  assert.match(await notice.textContent(), /minutes you add for them are priced as Pay-As-You-Go \(the report's charges stand for the calls it holds\)/);
  const warnings = await page.locator('#spend .warnings').innerText();
  assert.match(warnings, /Germany[^\n]*The report's charges stand for their calls as imported/);
  assert.doesNotMatch(warnings, /billed in full/);
  // A row is named as the form names it, not by its place in the scenario.
  assert.match(warnings, /row \d+ of Outbound calls by users/);
  assert.doesNotMatch(warnings, /of the usage\b/);
  await page.getByRole('button', { name: 'Add a licence group for Germany' }).click();
  await page.waitForFunction(() => /"DE"/.test(document.getElementById('raw-scenario').textContent));
  assert.match(await notice.textContent(), /Added a licence group for Germany/);
  // A correction of the starting point, not a change on top: the figure stays the report's.
  assert.equal(figure(await page.locator('#headline-total').textContent()), perMonth);

  // A change typed on top: a new destination the report never called, priced at the loaded (illustrative) card.
  await page.locator('#add-user_out').click();
  const row = (await scenarioOf(page)).usage.filter((r) => r.kind === 'user_out').length - 1;
  await setField(page, `user_out.${row}.to`, 'MX');
  await page.locator(`[data-key="user_out.${row}.minutes"]`).fill('5000');
  await page.waitForFunction((p) => !document.getElementById('headline-total').textContent.replaceAll(',', '').includes(p),
    perMonth);
  const changed = figure(await page.locator('#headline-total').textContent());
  assert.ok(Number(changed) > Number(perMonth), `${changed} > ${perMonth}`);
  // The lines table's rows, a line of tab-separated cells each (on screen its rows are grids, whose innerText puts
  // each cell on a line of its own).
  const lines = await page.locator('#spend table').last().evaluate((t) => [...t.rows].map((r) => [...r.cells].map((c) => c.textContent).join('\t')).join('\n'));
  assert.match(lines, /Mexico[^\n]* — illustrative/);
  assert.match(lines, /Charged in your usage report/);
  // The report's charges have no minutes or rate of their own: no "0" minutes at "$0.00" beside their amount.
  for (const row of lines.split('\n').filter((r) => /Charged in your usage report/.test(r))) {
    assert.match(row, /\t—\t—\t\$\d/, row);
  }
  assert.match(await page.locator('#rate-note').innerText(), /plus the changes typed on top/);

  // More minutes to a destination the report paid for: priced at the rate learned from the report.
  await page.locator('#add-user_out').click();
  await setField(page, `user_out.${row + 1}.to`, 'JP');
  await page.locator(`[data-key="user_out.${row + 1}.minutes"]`).fill('5000');
  await page.waitForFunction(() => /Japan[^\n]* — from your report/.test(document.getElementById('spend').innerText));

  // Undo: the typed input comes back, and with it the headline at the card's rates.
  await page.locator('#usage-undo').click();
  await page.waitForFunction(() => !/from your report's charges/.test(document.getElementById('summary').textContent));
  const back = await scenarioOf(page);
  assert.deepEqual(back, typed);
  assert.equal(await headline(page), typedHeadline);
  assert.match(await page.locator('#usage-status').textContent(), /undone: your typed input is back/);
  assert.doesNotMatch(await page.locator('body').innerText(), /NaN|undefined|Infinity|\[object/);
});

test('no console errors, CSP violations or requests outside the origin', () => {
  assert.deepEqual(site.problems, []);
  assert.deepEqual(site.foreignRequests, []);
});
