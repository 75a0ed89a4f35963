// A rate sheet whose headers the core does not recognise: the page lists the headers and asks which column is
// which, the core reads the sheet with that choice, and the next file with the same headers loads without asking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { siteForFile } from './browser.mjs';
import { waitReady, shownEstimate } from './page-helpers.mjs';

let site;
let page;
siteForFile((opened) => {
  site = opened;
  page = opened.page;
});

// Headers no rule knows, ';' separated with decimal commas; covers the example input's dial-out calls.
const sheet = (franceMobile) => Buffer.from([
  'Tarifliste Telefonie',
  '',
  'Land;Nummernbereich;Art;Preis pro Min.',
  'United States;1;All Number Types;0,0130',
  `France;33;Wireless;${franceMobile}`,
  'France;33;Wireline;0,0200',
  'Germany;49;All Number Types;0,0300',
  '',
].join('\r\n'));

const franceMobileRate = async () => {
  const line = (await shownEstimate(page)).lines.find((l) => l.destination === 'FR' || /France/.test(l.destination ?? ''));
  return line && Number(line.rate);
};

test('unknown headers: the step lists them, says which required column is missing, and the core reads the choice', async () => {
  await page.goto(site.url);
  await waitReady(page);
  await page.evaluate(() => localStorage.clear());
  await page.setInputFiles('#rates-file', { name: 'dial-out calls (Tarife).csv', mimeType: 'text/csv', buffer: sheet('0,0777') });
  const step = page.locator('#column-mapping');
  await step.waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H3', 'the focus moves to the step');
  const text = await step.innerText();
  assert.match(text, /"Land", "Nummernbereich", "Art", "Preis pro Min\."/);
  assert.doesNotMatch(text, /NaN|undefined|_/);
  // Each choice has a label a screen reader reads.
  const unlabeled = await step.evaluate((el) => [...el.querySelectorAll('select')].filter((s) => !s.labels?.length).length);
  assert.equal(unlabeled, 0);

  await step.getByLabel('Destination', { exact: false }).selectOption('Land');
  await step.getByLabel('Prefixes', { exact: false }).selectOption('Nummernbereich');
  await step.getByLabel('Terminating number type', { exact: false }).selectOption('Art');
  await step.getByLabel('Currency', { exact: false }).selectOption('USD');
  await step.getByRole('button', { name: 'Load with these columns' }).click();
  assert.match(await step.getByRole('alert').innerText(), /Choose which column is the per-minute rate\./);
  assert.equal(await step.getByLabel('Per-minute rate', { exact: false }).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.role), 'per_minute');

  const axe = await new AxeBuilder({ page }).include('#rates').analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);

  await step.getByLabel('Per-minute rate', { exact: false }).selectOption('Preis pro Min.');
  await step.getByRole('button', { name: 'Load with these columns' }).click();
  await step.waitFor({ state: 'hidden' });
  await page.waitForFunction(() => /loaded as the "Dial-out calls" sheet with the columns you chose/.test(document.getElementById('rates').textContent));
  await page.waitForFunction(() => /0\.0777/.test(document.getElementById('raw-estimate').textContent));
  assert.equal(await franceMobileRate(), 0.0777);
  assert.doesNotMatch(await page.locator('#columns-note').innerText(), /before/);
  assert.deepEqual(site.problems, []);
});

test('a second file with the same headers loads with the remembered choice, and the choice can be changed', async () => {
  await page.setInputFiles('#rates-file', { name: 'dial-out calls (Tarife Dezember).csv', mimeType: 'text/csv', buffer: sheet('0,0888') });
  await page.waitForFunction(() => /0\.0888/.test(document.getElementById('raw-estimate').textContent));
  assert.equal(await page.locator('#column-mapping').isHidden(), true, 'no question asked');
  assert.equal(await franceMobileRate(), 0.0888);
  const note = page.locator('#columns-note');
  assert.match(await note.innerText(), /read with the columns you chose before for files with these headers/);

  // Change: the step comes back with the remembered choice; the rate column moved to another header is refused
  // by the core at its row and column, and the loaded rates stay.
  await note.getByRole('button', { name: 'Change the columns' }).click();
  const step = page.locator('#column-mapping');
  await step.waitFor({ state: 'visible' });
  assert.equal(await step.getByLabel('Per-minute rate', { exact: false }).inputValue(), 'Preis pro Min.');
  await step.getByLabel('Per-minute rate', { exact: false }).selectOption('Art');
  await step.getByLabel('Terminating number type', { exact: false }).selectOption('Preis pro Min.');
  await step.getByRole('button', { name: 'Load with these columns' }).click();
  await page.waitForFunction(() => /Tarife Dezember\)\.csv: /.test(document.querySelector('#rates .status').textContent)
    && !/loaded/.test(document.querySelector('#rates .status').textContent));
  assert.equal(await franceMobileRate(), 0.0888);
  assert.doesNotMatch(await page.locator('#rates').innerText(), /NaN|undefined/);
  // The failed choice is not remembered: the next same-headed file still loads with the good one.
  await page.setInputFiles('#rates-file', { name: 'dial-out calls (Tarife).csv', mimeType: 'text/csv', buffer: sheet('0,0777') });
  await page.waitForFunction(() => /0\.0777/.test(document.getElementById('raw-estimate').textContent));
  assert.equal(await page.locator('#column-mapping').isHidden(), true);
  assert.deepEqual(site.problems, []);
});
