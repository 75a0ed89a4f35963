// The page in a German browser, which reads "1.000" as a thousand and "1,5" as one and a half: numbers that were
// never typed there (an imported report's minutes, a link made in an en-US page) are put into the form as a German
// types them, so the form reads them as the same numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, siteForFile } from './browser.mjs';
import { waitReady, shownEstimate, shownScenario } from './page-helpers.mjs';
import { generate } from '../tools/generate-report.mjs';

let site;
siteForFile((opened) => { site = opened; }, { files: true, ready: true, locale: 'de-DE' });

const fieldsMarkedWrong = (page) => page.locator('#inputs [aria-invalid="true"]').count();

test('a report imported in German fills the form with decimal commas and gives an estimate', async () => {
  const { page } = site;
  const file = site.file('PSTN.calls.csv');
  generate({ rows: 400, columns: 25, seed: 5, out: file });
  await page.setInputFiles('#usage-file', file);
  await page.waitForFunction(() => /Imported/.test(document.getElementById('usage-status').textContent));
  await page.locator('#headline-total').waitFor();
  assert.match(await page.locator('#headline-total').textContent(), /\d,\d\d/);
  assert.equal(await page.locator('#estimate-error').isHidden(), true);
  assert.equal(await fieldsMarkedWrong(page), 0);
  const minutes = await page.locator('[data-key$=".minutes"]').evaluateAll((inputs) => inputs.map((i) => i.value));
  assert.ok(minutes.length > 10 && minutes.some((m) => m.includes(',')), minutes.join(' '));
  assert.ok(minutes.every((m) => /^\d+(,\d+)?$/.test(m)), minutes.join(' '));
  // The scenario holds the report's own minutes, as plain decimals.
  const scenario = await shownScenario(page);
  assert.ok(scenario.usage.every((u) => /^\d+(\.\d+)?$/.test(u.minutes)));
  assert.doesNotMatch(await page.locator('body').innerText(), /NaN|undefined|Infinity|\[object/);
});

test('a link made in an en-US page opens in a German page with the same input and figures', async () => {
  const english = await openSite();
  try {
    const { page } = english;
    await page.goto(english.url);
    await waitReady(page);
    await page.fill('[data-key="user_out.0.minutes"]', '1000.5');
    await page.waitForFunction(() => JSON.parse(document.getElementById('raw-scenario').textContent).usage[0].minutes === '1000.5');
    await page.waitForFunction(() => document.getElementById('share-link').value.includes('#s1.'));
    await page.waitForTimeout(400); // the link follows typing after a short pause
    const link = await page.locator('#share-link').inputValue();
    const scenario = await shownScenario(page);
    const estimate = await shownEstimate(page);

    const german = await site.context.newPage();
    await german.goto(link);
    await waitReady(german);
    assert.equal(await german.locator('[data-key="user_out.0.minutes"]').inputValue(), '1000,5');
    await german.waitForFunction(() => document.getElementById('raw-estimate').textContent.includes('monthly_total'));
    assert.deepEqual(await shownScenario(german), scenario);
    assert.deepEqual(await shownEstimate(german), estimate);
    assert.equal(await fieldsMarkedWrong(german), 0);

    // The German page's own link is canonical again: it opens in the en-US page as it was made there.
    await german.waitForFunction(() => document.getElementById('share-link').value.includes('#s1.'));
    const back = await german.locator('#share-link').inputValue();
    await german.close();
    const again = await english.context.newPage();
    await again.goto(back);
    await waitReady(again);
    assert.equal(await again.locator('[data-key="user_out.0.minutes"]').inputValue(), '1000.5');
    assert.deepEqual(await shownScenario(again), scenario);
    assert.deepEqual(await shownEstimate(again), estimate);
    assert.deepEqual(english.problems, []);
    assert.deepEqual(site.problems, []);
  } finally {
    await english.close();
  }
});

test('the core\'s sentences write their numbers as the German page writes its own figures', async () => {
  const { page } = site;
  await page.goto(site.url);
  await waitReady(page);
  await page.locator('#recommendation').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.querySelector('#results [aria-busy="true"]'));
  const sentences = `${await page.locator('#needs').innerText()}\n${await page.locator('#recommendation').innerText()}`;
  assert.match(sentences, /89,00 USD/);
  assert.match(sentences, /\d\.\d{3} of \d{1,3}\.\d{3} included minutes/);
  // No figure in the English way ("1,068.00 USD", "50,000 of") beside the page's "1.068,00 $".
  assert.doesNotMatch(sentences, /\d,\d{3}\b|\d\.\d\d USD/);
});
