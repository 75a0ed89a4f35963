// The headline an admin acts on: where its rates come from is said beside the number (desktop, phone bar,
// exports), it never stands stale when the input cannot be estimated, and it says what the verdicts say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteForFile } from './browser.mjs';
import { waitReady, shownEstimate, setField, resultsDrawn } from './page-helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let site;
let page;
siteForFile((opened) => {
  site = opened;
  page = opened.page;
});

async function fresh(viewport = { width: 1280, height: 900 }) {
  await page.setViewportSize(viewport);
  await page.goto(site.url);
  await waitReady(page);
}

const inView = (selector) => page.locator(selector).evaluate((el) => {
  const r = el.getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
});

test('desktop: the first screen says "at illustrative rates" in the headline, what they are, and that the input is an example', async () => {
  await fresh();
  const summary = await page.locator('#summary').innerText();
  assert.match(summary, /Monthly credit spend for the example organization: \$89\.00 at illustrative rates\./);
  assert.ok(await inView('#summary'), 'the headline is on the first screen');
  assert.ok(await inView('#rate-note'), 'the sentence about the rates is beside it');
  assert.match(await page.locator('#rate-note').innerText(), /examples made up for this calculator, not Microsoft's prices/);
  assert.ok(await inView('#example-banner'), 'the example is marked as one');
  assert.match(await page.locator('#example-text').innerText(), /Example organization/);
});

test('phone: the result bar at the bottom of the first screen says where the rates come from', async () => {
  await fresh({ width: 390, height: 844 });
  assert.ok(await inView('#result-bar'));
  assert.match(await page.locator('#result-bar').innerText(), /^\$89\.00 a month at illustrative rates/);
  assert.ok(await inView('#start-blank'), 'start from blank is on the phone\'s first screen');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('start from blank clears the form to an empty valid input, and its undo brings the example back', async () => {
  await fresh();
  await page.click('#start-blank');
  await page.waitForFunction(() => /\$0\.00/.test(document.getElementById('summary').textContent));
  assert.equal(await page.locator('#inputs fieldset.row').count(), 0);
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
  assert.equal(await page.locator('#estimate-error').isHidden(), true);
  assert.match(await page.locator('#summary').innerText(), /No credits needed/);
  assert.doesNotMatch(await page.locator('#summary').innerText(), /example organization/);
  await page.click('#undo-blank');
  await page.waitForFunction(() => /example organization: \$89\.00/.test(document.getElementById('summary').textContent));
  assert.equal(await page.locator('[data-key="licenses.0.users"]').inputValue(), '100');
});

test('a whole card or rate sheets loaded from disk are named in the headline instead', async () => {
  await fresh();
  const card = JSON.parse(await readFile(path.join(root, 'rates/illustrative-usd.json'), 'utf8'));
  card.illustrative = false;
  card.effective = '2026-12-01';
  await page.setInputFiles('#rates-file', { name: 'teams-rates-usd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(card)) });
  await page.waitForFunction(() => /Microsoft's rates/.test(document.getElementById('summary').textContent));
  assert.match(await page.locator('#summary').innerText(), /\$89\.00 at Microsoft's rates from teams-rates-usd\.json, effective 2026-12-01\./);
  assert.match(await page.locator('#result-bar').textContent(), /at Microsoft's rates from teams-rates-usd\.json/);

  // A sheet over the illustrative card: the headline says so while an illustrative sheet still prices a line.
  await fresh();
  // The example's destinations, in the shape of Microsoft's "Dial-out calls" sheet (France mobile at 0.10).
  const sheet = ['Origin,Destination,Prefix(es),Originating Number Type,Terminating Number Type,Per Minute Rate in USD (Billed in Tenths of a Minute),Connection charge in USD',
    'Any,United States,1,All Number Types,All Number Types,0.0200,0', 'Any,France-Mobile,"336, 337",All Number Types,Wireless,0.1000,0',
    'Any,Germany,49,All Number Types,Wireline,0.0300,0', 'Any,United Kingdom,44,All Number Types,Wireline,0.0300,0'].join('\r\n');
  await page.setInputFiles('#rates-file', { name: 'Dial-out calls.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
  await page.waitForFunction(() => /Microsoft's rates/.test(document.getElementById('summary').textContent));
  assert.match(await page.locator('#summary').innerText(), /\$100\.00 at Microsoft's rates from Dial-out calls\.csv\./);
  // A toll-free number is still priced by the illustrative card's toll-free sheet.
  await page.click('#add-toll_free_in');
  await page.locator('[data-key="toll_free_in.0.minutes"]').fill('1000');
  await page.waitForFunction(() => /partly at illustrative rates/.test(document.getElementById('summary').textContent));
  assert.match(await page.locator('#rate-note').innerText(), /Only the dial-out calls sheet is loaded from your files/);
});

test('a field in error: the headline and the phone bar say which field to fix, never the old amount', async () => {
  await fresh();
  await page.locator('[data-key="user_out.1.minutes"]').fill('12abc');
  await page.waitForFunction(() => /No estimate/.test(document.getElementById('summary').textContent));
  const summary = await page.locator('#summary').innerText();
  assert.match(summary, /fix Minutes, row 2 of Outbound calls by users/);
  assert.doesNotMatch(summary, /\$/);
  assert.match(await page.locator('#result-bar').textContent(), /^No estimate: fix Minutes, row 2 of Outbound calls by users/);
  assert.equal(await page.locator('#stale-note').isVisible(), true);
  assert.match(await page.locator('#h-spend').innerText(), /out of date/);
  await page.locator('#summary a').click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'user_out.1.minutes');
  await page.locator('[data-key="user_out.1.minutes"]').fill('1000');
  await page.waitForFunction(() => /\$89\.00 at illustrative rates/.test(document.getElementById('summary').textContent));
  assert.equal(await page.locator('#stale-note').isHidden(), true);
  assert.doesNotMatch(await page.locator('#h-spend').innerText(), /out of date/);
});

test('a core error (no rate for a destination): the headline names the row to fix in words', async () => {
  await fresh({ width: 390, height: 844 });
  await setField(page, 'user_out.0.to', 'AQ');
  await page.waitForFunction(() => /No estimate/.test(document.getElementById('summary').textContent));
  assert.match(await page.locator('#summary').innerText(), /fix To, row 1 of Outbound calls by users/);
  assert.match(await page.locator('#result-bar').innerText(), /^No estimate: fix To, row 1 of Outbound calls by users/);
  assert.match(await page.locator('#estimate-error').innerText(), /Antarctica \(landline\)/);
  assert.doesNotMatch(await page.locator('#estimate-error').innerText(), /usage\[|sheet dial_out|wireline/);
  await page.locator('#result-bar').click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'user_out.0.to');
  await page.setViewportSize({ width: 1280, height: 900 });
});

async function billing(values) {
  await fresh();
  for (const [k, v] of Object.entries(values)) await setField(page, k, v);
  await page.waitForTimeout(100);
  await resultsDrawn(page);
  const estimate = await shownEstimate(page);
  return { estimate, summary: await page.locator('#summary').innerText(), recommendation: await page.locator('#recommendation').innerText() };
}

test('CSP: the headline says the partner funds credits, with no "buy" beside the "No" verdict', async () => {
  const { estimate, summary, recommendation } = await billing({ 'billing.channel': 'csp' });
  assert.equal(estimate.eligibility.can_purchase, 'no');
  const oneTime = `$${estimate.recommendation.one_time}`;  // whole dollars under 1,000: no grouping separator
  assert.ok(summary.includes(`Your CSP partner funds the credits; you cannot buy them yourself. Ask your partner for ${oneTime} now`), summary);
  assert.doesNotMatch(summary, /\bBuy\b/);
  assert.doesNotMatch(recommendation, /Buy now/);
  assert.ok(recommendation.replace(/\s+/g, ' ').includes(`For your CSP partner to fund now (one-time amount) ${oneTime}`), recommendation);
});

test('a tenant country where credits are not sold: the headline says so, with no figure to buy', async () => {
  const { estimate, summary, recommendation } = await billing({ 'billing.tenant_country': 'IN' });
  assert.equal(estimate.eligibility.can_purchase, 'no');
  assert.match(summary, /Communication Credits are not sold to tenants in India/);
  assert.doesNotMatch(summary.replace(/Monthly credit spend[^.]*\./, ''), /\$/);
  assert.doesNotMatch(recommendation, /\$117/);
});

test('MCA or new commerce: billed after use, turn auto-recharge off, no figure to buy', async () => {
  for (const account of ['mca', 'nce']) {
    const { summary, recommendation } = await billing({ 'billing.calling_account': account });
    assert.match(summary, /Billed after use \(MCA or new commerce\): you buy no credits\. Turn auto-recharge off\./);
    // The monthly amount is invoiced, not paid from credits, and the headline's figure says so.
    assert.match(summary, /^Monthly spend, invoiced after use: \$89\.00 at illustrative rates\./);
    assert.doesNotMatch(summary, /credit spend/);
    assert.doesNotMatch(summary.replace(/Monthly spend, invoiced after use[^.]*\./, ''), /\$/);
    assert.doesNotMatch(recommendation, /Buy now|Auto-recharge: add/);
  }
});

test('MOSA subscriptions with an MCA default billing account: credits are needed but cannot be bought until MOSA is the default', async () => {
  const { estimate, summary, recommendation } = await billing({ 'billing.default_account': 'mca' });
  assert.equal(estimate.needs_credits, true);
  assert.equal(estimate.eligibility.can_purchase, 'no');
  assert.match(summary, /You cannot buy credits in the admin center yourself/);
  assert.match(summary, /Monthly credit spend/);
  // Nothing on the page may tell them they are billed after use or to turn auto-recharge off: that is for MCA
  // calling subscriptions, and it would contradict "Do you need credits? Yes".
  assert.doesNotMatch(await page.locator('body').innerText(), /billed after use|turn auto-recharge off/i);
  assert.match(await page.locator('#eligibility').innerText(), /make it the default billing account/);
  assert.ok(estimate.recommendation.explanation.some((s) => /cannot buy credits itself/.test(s)), recommendation);
});

test('a leftover Enterprise Agreement billing country does not change a MOSA customer\'s verdict', async () => {
  const { estimate, summary } = await billing({ 'billing.ea_billing_country': 'DE' });
  assert.equal(estimate.eligibility.can_purchase, 'yes');
  assert.match(summary, /^Monthly credit spend: \$89\.00 at illustrative rates\.\s+Buy \$118\.00 now/);
  assert.match(await page.locator('#eligibility').innerText(), /Enterprise Agreement billing country you entered does not matter/);
});

test('while the figures are out of date the exports refuse, and say why, instead of saving them as current', async () => {
  await fresh();
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await setField(page, 'licenses.0.users', 'junk');
  await page.waitForFunction(() => /No estimate yet/.test(document.getElementById('summary').textContent));
  for (const id of ['export-csv', 'export-json']) {
    await page.click(`#${id}`);
    await page.waitForFunction(() => /Nothing exported: the figures are out of date/.test(document.getElementById('keep-status').textContent));
    await page.evaluate(() => { document.getElementById('keep-status').textContent = ''; });
  }
  await page.waitForTimeout(500);
  assert.equal(downloads, 0, 'no file left the page');
  await setField(page, 'licenses.0.users', '100');
  await page.waitForFunction(() => /\$89\.00/.test(document.getElementById('summary').textContent));
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  assert.match(await readFile(await csv.path(), 'utf8'), /89\.00/);
});

test('one-time funding: no auto-recharge figure in the headline or the recommendation', async () => {
  const { summary, recommendation } = await billing({ 'funding.mode': 'one_time' });
  assert.match(summary, /Buy \$1,068\.00 now\./);
  assert.doesNotMatch(summary, /auto-recharge/i);
  assert.doesNotMatch(recommendation, /auto-recharge|add this amount|when balance is below|recharges \(each one is an invoice\)|in one month/i);
});

test('exports carry the rate source', async () => {
  await fresh();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csvText = await readFile(await csv.path(), 'utf8');
  assert.match(csvText, /at illustrative rates/);
  assert.match(csvText, /not Microsoft's prices/);
  assert.doesNotMatch(csvText, /\b[a-z]+(?:_[a-z0-9]+)+\b|\.md\b|DOMAIN|usage\[/, 'the CSV is in words, like the page');
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const doc = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.match(doc.rates_note, /^at illustrative rates/);
});

const pagesOf = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

async function printedPage() {
  await page.emulateMedia({ media: 'print' });
  try {
    const order = await page.evaluate(() => ['print-date', 'summary', 'rate-note', 'print-input', 'spend']
      .map((id) => { const el = document.getElementById(id); const r = el.getBoundingClientRect(); return [id, r.height > 0 ? Math.round(r.top) : null, el.innerText]; }));
    return { order, a4: pagesOf(await page.pdf({ format: 'A4' })), letter: pagesOf(await page.pdf({ format: 'Letter' })) };
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

test('printing: one page on A4 and on Letter, opening with the date, the headline, the rate source and the input', async () => {
  await fresh();
  const { order, a4, letter } = await printedPage();
  assert.deepEqual([a4, letter], [1, 1]);
  const tops = order.map(([, top]) => top);
  assert.ok(tops.every((t) => t !== null), `all printed: ${JSON.stringify(order)}`);
  assert.deepEqual([...tops].sort((x, y) => x - y), tops, 'date, headline, rate source, input, then the figures');
  const text = Object.fromEntries(order.map(([id, , t]) => [id, t]));
  assert.match(text['print-date'], /^Estimate made on .*2\d\d\d/);
  assert.match(text.summary, /at illustrative rates/);
  assert.match(text['rate-note'], /not Microsoft's prices/);
  assert.match(text['print-input'], /Calling Plan users: 100 in United States on Domestic Calling Plan/);

  // A larger organization: 40 destinations still print on one page (the lines beyond twelve are in the CSV).
  const fragment = await page.evaluate(async () => {
    const { encodeShare } = await import('./share-link.js');
    const countries = ['FR', 'DE', 'IT', 'ES', 'NL', 'BE', 'AT', 'CH', 'SE', 'NO', 'DK', 'FI', 'IE', 'PT', 'PL', 'CZ', 'HU', 'GR', 'JP', 'AU'];
    const usage = countries.flatMap((to, i) => [
      { kind: 'user_out', from: 'US', to, number_type: 'wireless', minutes: String(100 + i) },
      { kind: 'user_out', from: 'US', to, number_type: 'wireline', minutes: String(200 + i) }]);
    return encodeShare({ schema: 'ccredits.scenario/1', licenses: [{ country: 'US', plan: 'payg', users: 40 }],
      conferencing: { standard: 5, us_ca_dial_out: 0, pay_per_minute: 0 }, usage,
      billing: { calling_account: 'mosa', default_account: 'mosa', channel: 'direct', organization_country: 'US', ea_billing_country: null, tenant_country: 'US' },
      funding: { mode: 'auto_recharge', months: 12 } });
  });
  await page.goto(`${site.url}#${fragment}`);
  await waitReady(page);
  assert.ok((await shownEstimate(page)).lines.length >= 30);
  const big = await printedPage();
  assert.deepEqual([big.a4, big.letter], [1, 1]);
  assert.match(await page.locator('#spend').textContent(), /more lines are in the CSV export/);
});

test('no console errors, CSP violations or requests outside the origin', () => {
  assert.deepEqual(site.problems, []);
  assert.deepEqual(site.foreignRequests, []);
});
