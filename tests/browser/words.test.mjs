// No internal reference reaches a person: after a set of bad inputs and unusual answers, no visible text on the
// page names this project's notes or files, a scenario path, a sheet key or any other snake_case id, and none
// says NaN, undefined or Infinity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteForFile } from './browser.mjs';
import { waitReady, setField } from './page-helpers.mjs';

const INTERNAL = [
  /\b(?:DOMAIN|CONTRACT|TOOLCHAIN|README)\.md\b/, /\b[\w-]+\.md\b/, /\b(?:plans|countries)\.json\b/, /\billustrative-[a-z]+\.json\b/,
  /\b(?:usage|licenses)\[\d+\]/, /\bsheet [a-z]+_[a-z_]+/, /\b[a-z]+(?:_[a-z0-9]+)+\b/, /\bNaN\b/, /\bundefined\b/, /\bInfinity\b/,
  /\[object /, /§/,
];

let site;
let page;
// The "as JSON" details stays closed, as a person leaves it: it is the one place meant to show the core's own words.
siteForFile((opened) => {
  site = opened;
  page = opened.page;
}, { rawJson: false });

// Every visible text node (and the visible text of form controls' chosen options), with where it is.
function visibleTexts() {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent.trim();
      if (!text || !el || el.closest('script, style, option')) continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      out.push([el.id || el.closest('[id]')?.id || el.tagName, text]);
    }
    for (const select of document.querySelectorAll('select')) {
      if (select.checkVisibility() && select.selectedOptions[0]) out.push([select.id, select.selectedOptions[0].textContent]);
    }
    return out;
  });
}

async function assertWords(what) {
  const bad = (await visibleTexts()).filter(([, text]) => INTERNAL.some((p) => p.test(text)));
  assert.equal(bad.length, 0, `${what}: internal references shown to a person:\n${bad.map(([where, text]) => `#${where}: ${text}`).join('\n')}`);
}

const settle = () => page.waitForTimeout(150);

test('the example as it opens', async () => {
  await page.goto(site.url);
  await waitReady(page);
  await page.locator('#recommendation .chart-table summary').click().catch(() => {});
  await assertWords('the example');
});

test('junk typed into every field', async () => {
  const junk = ['12abc', '-5', '1e999', 'NaN', 'Infinity', '', '1.000', '1,5', '9'.repeat(40), 'undefined', '0x10'];
  // Collapsed parts of the form too (the optional licence prices).
  await page.evaluate(() => document.querySelectorAll('#inputs details').forEach((d) => { d.open = true; }));
  const inputs = page.locator('#inputs input[data-key]');
  const count = await inputs.count();
  for (let i = 0; i < count; i++) await inputs.nth(i).fill(junk[i % junk.length]);
  await settle();
  await assertWords('junk in every field');
});

test('a destination without a rate, a licence country without Calling Plans, and a rate sheet that cannot be read', async () => {
  await page.goto(site.url);
  await waitReady(page);
  await setField(page, 'user_out.0.to', 'AQ');
  await settle();
  await assertWords('no rate for the destination');
  await setField(page, 'user_out.0.to', 'US');
  await setField(page, 'licenses.1.country', 'EG');
  await settle();
  await assertWords('licence country without Calling Plans');
  await setField(page, 'licenses.1.country', 'GB');
  await page.setInputFiles('#rates-file', { name: 'rates.csv', mimeType: 'text/csv', buffer: Buffer.from('Destination,Per Minute Rate in USD\nFrance,abc\n') });
  await settle();
  await assertWords('a broken rate sheet');
});

test('every kind of billing answer and funding mode', async () => {
  const answers = [
    { 'billing.channel': 'csp' }, { 'billing.channel': '' }, { 'billing.calling_account': 'mca' }, { 'billing.default_account': 'nce' },
    { 'billing.calling_account': '', 'billing.default_account': '' }, { 'billing.calling_account': 'ea', 'billing.ea_billing_country': 'GB' },
    { 'billing.tenant_country': 'IN' }, { 'billing.tenant_country': '' }, { 'funding.mode': 'one_time' },
    { 'what_if.from': 'domestic', 'what_if.to': 'payg' },
  ];
  for (const values of answers) {
    await page.goto(site.url);
    await waitReady(page);
    for (const [key, value] of Object.entries(values)) await setField(page, key, value);
    await page.locator('[data-key="conferencing.standard"]').fill('0');
    await page.click('#add-toll_free_in');
    await page.locator('[data-key="toll_free_in.0.minutes"]').fill('500');
    await settle();
    await assertWords(JSON.stringify(values));
  }
});

test('no console errors, CSP violations or requests outside the origin', () => {
  assert.deepEqual(site.problems, []);
  assert.deepEqual(site.foreignRequests, []);
});
