import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { openSite } from './browser.mjs';
import { waitReady, fillScenario, shownEstimate, shownScenario, setField, resultsDrawn } from './page-helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = path.join(root, 'tests/fixtures/page-scenario.json');
const cli = path.join(root, 'build/native/core/cli/ccredits');

let site;
before(async () => {
  site = await openSite({ files: true });
});
after(async () => {
  await site?.close();
});

test('the first screen already shows a result from the wasm core, with the rate card named', async () => {
  const { page } = site;
  const wasmResponse = page.waitForResponse((r) => r.url().endsWith('.wasm'));
  await page.goto(site.url);
  assert.equal((await wasmResponse).headers()['content-type'], 'application/wasm');
  await waitReady(page);
  assert.match(await page.locator('#monthly-total').textContent(), /^\$[\d,]+\.\d\d$/);
  assert.match(await page.locator('#rates-info').textContent(), /Illustrative rates, USD, effective 2026-11-01\./);
  assert.match(await page.locator('#rates-info').textContent(), /not Microsoft's prices/);
  assert.match(await page.locator('header').textContent(), /Nothing you type or load leaves it/);
});

test('every country field suggests from one list holding each country of rates/countries.json once', async () => {
  const { page } = site;
  const doc = JSON.parse(readFileSync(path.join(root, 'rates/countries.json'), 'utf8'));
  const expected = [...new Set(doc.countries.map((c) => c.code))].sort();
  const fields = page.locator('input:is([data-key$=".country"], [data-key$=".from"], [data-key$=".to"])');
  assert.ok(await fields.count() >= 8, `${await fields.count()} country fields`);
  assert.deepEqual([...new Set(await fields.evaluateAll((inputs) => inputs.map((i) => i.list?.id)))], ['country-list']);
  assert.equal(await page.locator('datalist').count(), 1, 'one list for all the fields');
  assert.equal(await page.locator('select option').count() < 200, true, 'no country <select> left');
  const options = await page.locator('#country-list option').evaluateAll((os) => os.map((o) => o.value));
  const codes = options.map((v) => /\(([A-Z]{2})\)$/.exec(v)?.[1]);
  assert.deepEqual(codes.slice().sort(), expected);
  const names = options.map((v) => v.replace(/ \([A-Z]{2}\)$/, ''));
  assert.equal(new Set(names).size, names.length, `a name listed twice: ${names.filter((n, i) => names.indexOf(n) !== i)}`);
  assert.equal(codes.filter((c) => ['UK', 'DY', 'VD', 'YD'].includes(c)).length, 0);
});

test('a country field takes a name or a code typed from the keyboard, says which country, and refuses unknown text', async () => {
  const { page } = site;
  await page.goto(site.url);
  await waitReady(page);
  const field = page.locator('[data-key="user_out.0.to"]');
  assert.equal(await field.getAttribute('role') ?? 'combobox', 'combobox');
  assert.equal(await field.evaluate((e) => e.labels[0].textContent), 'To');
  // A name in any case, then Tab: the scenario holds the code and the field shows the country as the list does.
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('germany');
  await page.keyboard.press('Tab');
  assert.equal(await field.inputValue(), 'Germany (DE)');
  assert.equal((await shownScenario(page)).usage[0].to, 'DE');
  // A two-letter code.
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('jp');
  await page.keyboard.press('Tab');
  assert.equal(await field.inputValue(), 'Japan (JP)');
  assert.equal((await shownScenario(page)).usage[0].to, 'JP');
  // What people also call a country (rates/countries.json other_names), and names typed without their accents.
  for (const [typed, shown, code] of [['UK', 'United Kingdom (GB)', 'GB'], ['usa', 'United States (US)', 'US'],
    ['Czechia', 'Czech Republic (CZ)', 'CZ'], ['Türkiye', 'Turkey (TR)', 'TR'], ['Korea', 'South Korea (KR)', 'KR'],
    ['cote d\'ivoire', 'Côte d\'Ivoire (CI)', 'CI']]) {
    await field.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(typed);
    await page.keyboard.press('Tab');
    assert.equal(await field.inputValue(), shown, typed);
    assert.equal((await shownScenario(page)).usage[0].to, code, typed);
  }
  // Text naming no country: the field is marked and says so; the text stays as typed.
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Atlantis');
  await page.keyboard.press('Tab');
  assert.equal(await field.inputValue(), 'Atlantis');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#f-user_out-0-to-error').textContent(), /No country has this name or code/);
  assert.match(await page.locator('#estimate-error').textContent(), /To, row 1 of Outbound calls by users/);
  // An optional country left empty is "I don't know".
  await setField(page, 'billing.tenant_country', '');
  await setField(page, 'user_out.0.to', 'FR');
  await page.waitForFunction(() => document.getElementById('estimate-error').hidden);
  assert.equal((await shownScenario(page)).billing.tenant_country, null);
});

test('meeting dial-out to India, 7,000 minutes, gets a price, and its line names the number type', async () => {
  const { page } = site;
  await page.click('#add-conf_out');
  const row = await page.locator('#h-conf_out ~ .rows fieldset').count() - 1;
  await setField(page, `conf_out.${row}.to`, 'IN');
  await page.locator(`[data-key="conf_out.${row}.minutes"]`).fill('7,000');
  await page.waitForFunction(() => /\$/.test(document.getElementById('summary').textContent));
  assert.equal(await page.locator('#estimate-error').isHidden(), true, await page.locator('#estimate-error').textContent());
  const line = (await shownEstimate(page)).lines.find((l) => l.use_case === 'conference_dial_out' && l.country === 'IN');
  assert.equal(line.number_type, 'wireline');
  assert.equal(line.usage_minutes, 7000);
  assert.match(await page.locator('#spend').innerText(), /India\s+Meeting dial-out \(landline\)/);
  await page.locator(`[data-key="conf_out.${row}.number_type"]`).selectOption('wireless');
  await page.waitForFunction(() => /India-Mobile/.test(document.getElementById('spend').textContent));
  await page.locator(`#h-conf_out ~ .rows fieldset`).nth(row).locator('button.remove').click();
});

test('a full manual estimate matches the native CLI for the same scenario', async () => {
  const { page } = site;
  const scenario = JSON.parse(readFileSync(fixture, 'utf8'));
  await fillScenario(page, scenario);
  await page.waitForFunction(() => document.querySelectorAll('[aria-invalid]').length === 0);
  assert.deepEqual(await shownScenario(page), scenario, 'the form produced exactly the fixture scenario');
  const expected = JSON.parse(execFileSync(cli, ['estimate', fixture, '--rates', path.join(root, 'rates/illustrative-usd.json')], { encoding: 'utf8' }));
  assert.deepEqual(await shownEstimate(page), expected);
  const shownTotal = new Intl.NumberFormat('en-US', { style: 'currency', currency: expected.currency }).format(expected.monthly_total);
  assert.equal(await page.locator('#monthly-total').textContent(), shownTotal);
  assert.match(await page.locator('#summary').textContent(), new RegExp(shownTotal.replace(/[$.]/g, '\\$&')));
  const destinations = await page.locator('#spend tbody th').allTextContents();
  for (const line of expected.lines) assert.ok(destinations.includes(line.destination), `line ${line.destination} shown`);
});

// The page keeps the lines table between keystrokes and rebuilds only the rows of lines that changed
// (web/results/spend.js): after every kind of edit the table must still be exactly the estimate's lines.
test('the lines table follows the estimate row for row through typing, removing and adding rows', async () => {
  const { page } = site;
  const money = (v) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(v);
  const shownLines = () => page.evaluate(() => {
    const table = [...document.querySelectorAll('#spend table')].find((t) => t.caption?.textContent.startsWith('By destination'));
    return table ? [...table.tBodies[0].rows].map((r) => [r.cells[0].textContent, r.cells[r.cells.length - 1].textContent]) : [];
  });
  const settled = async () => {
    await page.waitForFunction(() => document.querySelectorAll('[aria-invalid]').length === 0);
    const estimate = await shownEstimate(page);
    assert.deepEqual(await shownLines(), estimate.lines.map((l) => [l.destination, money(l.amount)]));
    return estimate.lines.length;
  };
  const start = await settled();
  assert.ok(start >= 3, `${start} lines to begin with`);
  const minutes = page.locator('[data-key="user_out.0.minutes"]');
  for (const typed of ['1', '12', '123', '1234', '123', '']) {
    await minutes.fill(typed === '' ? '500' : typed);
    await settled();
  }
  const rows = page.locator('#h-user_out ~ .rows fieldset');
  const before = await rows.count();
  await rows.first().locator('button.remove').click();
  assert.ok((await settled()) < start, 'removing a usage row removes its lines');
  await page.click('#add-user_out');
  await setField(page, `user_out.${before - 1}.to`, 'JP');
  await page.locator(`[data-key="user_out.${before - 1}.minutes"]`).fill('77');
  await settled();
  assert.ok((await shownLines()).some(([destination]) => /Japan|JP/.test(destination)), 'the added row is priced');
});

// The lines table's columns keep their widths while no column's longest figure changes length: otherwise the browser
// lays out all ~300 rows again on a keystroke (web/style.css, .lines-table). A figure is never broken inside ("$89.0"
// over "0" reads as another amount) nor runs over the next cell, on a desktop and on a phone.
test('the lines table keeps its column widths while typing, and never breaks a figure', async () => {
  const { page } = site;
  await page.goto(site.url);
  await waitReady(page);
  const columns = () => page.evaluate(() => {
    const table = [...document.querySelectorAll('#spend table')].find((t) => t.caption?.textContent.startsWith('By destination'));
    return [...table.tHead.rows[0].cells].map((th) => th.getBoundingClientRect().width);
  });
  // Cells on more than one line (figures only: words may wrap) or wider than their column.
  const figures = () => page.evaluate(() => [...document.querySelectorAll('.lines-table tbody td, .lines-table tbody th')].map((cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const lines = cell.classList.contains('num') ? new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size : 1;
    return { text: cell.textContent, lines, spills: cell.scrollWidth > cell.clientWidth + 1 };
  }).filter((f) => f.lines > 1 || f.spills));
  const minutes = page.locator('[data-key="user_out.1.minutes"]'); // the example's 1,000 minutes to France, $89.00
  const typed = async (value) => {
    const total = await page.locator('#monthly-total').textContent();
    await minutes.fill(value);
    await page.waitForFunction((t) => document.getElementById('monthly-total')?.textContent !== t, total);
  };
  const before = await columns();
  const start = await minutes.inputValue();
  await typed(String(Number(start) + 1)); // the amount changes, not its length
  assert.deepEqual(await columns(), before);
  await typed('999999999999');
  assert.deepEqual(await figures(), []);
  const screen = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  assert.deepEqual(await figures(), []);
  await page.setViewportSize(screen);
  // Shorter figures again: the columns stay as wide while the person types (narrowing lays out every row), and
  // narrow back once typing pauses (spend.js, NARROW_AFTER_MS).
  const wide = await columns();
  assert.ok(wide[4] > before[4], `the amount column widened: ${before[4]} -> ${wide[4]}`);
  await typed(start);
  assert.deepEqual(await columns(), wide);
  await page.waitForFunction((want) => {
    const table = [...document.querySelectorAll('#spend table')].find((t) => t.caption?.textContent.startsWith('By destination'));
    return [...table.tHead.rows[0].cells].every((th, i) => th.getBoundingClientRect().width === want[i]);
  }, before, { timeout: 5000 });
});

// A keystroke patches the results instead of drawing them again (web/dom.js, patch): the words that stay are the
// same nodes, so the browser lays out and paints only what changed, and a screen reader's place is kept.
test('typing changes the results\' figures in place: the elements showing them stay the same nodes', async () => {
  const { page } = site;
  await page.goto(site.url);
  await waitReady(page);
  const marked = () => page.evaluate(() => {
    const picks = ['#headline-total', '#monthly-total', '#needs-verdict', '#recommendation dl.facts dd', '#what-if-difference'];
    window.shownBefore ??= picks.map((s) => document.querySelector(s));
    return window.shownBefore.map((el, i) => ({
      selector: picks[i], same: el !== null && el === document.querySelector(picks[i]), text: el?.textContent ?? null,
    }));
  });
  const before = await marked();
  assert.ok(before.every((m) => m.same && m.text), JSON.stringify(before));
  await page.locator('[data-key="user_out.0.minutes"]').fill('987654321');
  await page.waitForFunction((t) => document.getElementById('headline-total')?.textContent !== t, before[0].text);
  const after = await marked();
  assert.deepEqual(after.map((m) => [m.selector, m.same]), before.map((m) => [m.selector, true]));
  assert.notEqual(after[0].text, before[0].text);
  assert.equal(after[1].text, after[0].text);
});

// web/results/draw-when-seen.js: on a keystroke, the sections far below what the results column shows and the input
// printed on paper wait, marked aria-busy, and are drawn with the latest figures when they come into view, before
// printing, or once typing pauses.
test('a keystroke draws the result sections in view at once, the far ones when they can be seen', async () => {
  const { page } = site;
  await page.goto(site.url);
  await waitReady(page);
  await resultsDrawn(page);
  const key = (minutes, then) => page.evaluate(async ([value, next]) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const results = document.getElementById('results');
    results.scrollTop = 0;
    for (let i = 0; i < 6; i++) await frame();
    const before = document.getElementById('headline-total').textContent;
    const printedBefore = document.getElementById('print-input-list').textContent;
    const far = ['recommendation', 'what-if'].map((id) => document.getElementById(id).getBoundingClientRect().top - results.getBoundingClientRect().top);
    const field = document.querySelector('[data-key="user_out.0.minutes"]');
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    const busy = () => [...results.querySelectorAll(':scope > [aria-busy="true"]')].map((s) => s.id);
    const afterKey = busy();
    if (next === 'scroll') {
      document.getElementById('what-if').scrollIntoView();
      await frame();
      await frame();
    } else if (next === 'print') {
      window.dispatchEvent(new Event('beforeprint'));
    } else {
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    return {
      far: far.every((top) => top > 2 * results.clientHeight), afterKey, afterThat: busy(),
      before, headline: document.getElementById('headline-total').textContent,
      monthly: document.getElementById('monthly-total').textContent,
      whatIfNow: document.querySelector('#what-if tbody tr td')?.textContent,
      advice: document.getElementById('headline-advice').textContent,
      buyNow: document.querySelector('#recommendation dl.facts dd')?.textContent,
      printedBefore, printed: document.getElementById('print-input-list').textContent,
    };
  }, [minutes, then]);
  for (const [minutes, then] of [['500000', 'scroll'], ['600000', 'print'], ['700000', 'pause']]) {
    const shown = await key(minutes, then);
    assert.ok(shown.far, `the recommendation and the what-if start more than two screens down: ${JSON.stringify(shown)}`);
    assert.notEqual(shown.headline, shown.before, `${then}: the key changes the figures`);
    assert.deepEqual(shown.afterKey, ['print-input', 'recommendation', 'what-if'], then);
    // The printed input is seen only on paper: scrolling leaves it waiting.
    assert.deepEqual(shown.afterThat, then === 'scroll' ? ['print-input'] : [], then);
    assert.equal(shown.monthly, shown.headline, then);
    assert.equal(shown.whatIfNow, shown.headline, then);
    assert.ok(shown.buyNow && shown.advice.includes(`Buy ${shown.buyNow} now`), `${then}: ${JSON.stringify(shown)}`);
    if (then !== 'scroll') assert.notEqual(shown.printed, shown.printedBefore, `${then}: the printed input follows the key`);
  }
});

// On a narrow screen the page scrolls as one and the results come after the form: while a person types, every result
// section waits, and the result bar takes them to the results drawn with the key's figures.
test('on a phone, the results typed past wait below the form and are drawn when the result bar takes the person there', async () => {
  const { page } = site;
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await page.goto(site.url);
    await waitReady(page);
    await resultsDrawn(page);
    const field = page.locator('[data-key="user_out.0.minutes"]');
    await field.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const { far, busy } = await page.evaluate(() => {
      const input = document.querySelector('[data-key="user_out.0.minutes"]');
      const below = document.getElementById('spend').getBoundingClientRect().top - window.innerHeight;
      input.value = '800000';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return { far: below > window.innerHeight, busy: [...document.querySelectorAll('#results > [aria-busy="true"]')].map((s) => s.id) };
    });
    assert.ok(far, 'the results start more than a screen below the field typed in');
    assert.ok(['spend', 'recommendation', 'what-if'].every((id) => busy.includes(id)), JSON.stringify(busy));
    await page.locator('#result-bar').click();
    await page.waitForFunction(() => !document.querySelector('#spend[aria-busy]'));
    const bar = await page.locator('#result-bar').innerText();
    assert.ok(bar.startsWith(`${await page.locator('#monthly-total').innerText()} a month`), bar);
  } finally {
    await page.setViewportSize({ width: 1280, height: 720 });
  }
});

test('a chosen plan mix for the what-if is priced by the core as the CLI prices it', async () => {
  const { page } = site;
  await page.locator('[data-key="what_if.from"]').selectOption('domestic');
  await page.locator('[data-key="what_if.to"]').selectOption('domestic_international');
  const scenario = await shownScenario(page);
  assert.deepEqual(scenario.what_if, { plan_changes: [{ from: 'domestic', to: 'domestic_international' }] });
  const file = site.file('what-if-scenario.json');
  writeFileSync(file, JSON.stringify(scenario));
  const expected = JSON.parse(execFileSync(cli, ['estimate', file, '--rates', path.join(root, 'rates/illustrative-usd.json')], { encoding: 'utf8' }));
  assert.deepEqual((await shownEstimate(page)).what_if, expected.what_if);
  await resultsDrawn(page);
  assert.match(await page.locator('#what-if').innerText(), /The same calls with the plan changes you asked for/);
  assert.match(await page.locator('#what-if').innerText(), /Domestic -> Domestic and International/);
  await page.locator('[data-key="what_if.from"]').selectOption('');
  assert.equal((await shownScenario(page)).what_if, undefined, 'Automatic leaves the choice to the core');
});

test('an axe scan finds no serious or critical violations', async () => {
  const { page } = site;
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);
});

test('every field keeps working from the keyboard: adding a row moves the focus into it', async () => {
  const { page } = site;
  await page.focus('#add-conf_out');
  await page.keyboard.press('Enter');
  const focusedKey = await page.evaluate(() => document.activeElement.dataset.key);
  assert.match(focusedKey, /^conf_out\.\d+\.to$/);
  const unlabeled = await page.evaluate(() => [...document.querySelectorAll('input:not([type=file]):not([hidden]), select')]
    .filter((el) => !el.labels || el.labels.length === 0).map((el) => el.id));
  assert.deepEqual(unlabeled, []);
});

test('junk typed into every field gives messages in words and never NaN, undefined or Infinity', async () => {
  const { page } = site;
  const junk = ['12abc', '-5', '1e999', 'NaN', 'Infinity', '', '   ', '9'.repeat(40), '<b>x</b>', '=1+1', '0x10', '1.2.3', 'undefined', '١٢'];
  // Collapsed parts of the form too (the optional licence prices).
  await page.evaluate(() => document.querySelectorAll('#inputs details').forEach((d) => { d.open = true; }));
  const inputs = page.locator('input[data-key]');
  const count = await inputs.count();
  assert.ok(count >= 12, `found ${count} inputs`);
  for (let i = 0; i < count; i++) await inputs.nth(i).fill(junk[i % junk.length]);
  await page.waitForTimeout(300);
  // The page as a person sees it, with the "as JSON" details closed (the core's own words are meant to show there).
  await page.evaluate(() => { document.getElementById('raw').open = false; });
  const text = await page.locator('body').innerText();
  await page.evaluate(() => { document.getElementById('raw').open = true; });
  assert.doesNotMatch(text, /NaN|undefined|Infinity/);
  assert.ok((await page.locator('[aria-invalid="true"]').count()) >= 8);
  // Next to its field (textContent: rows scrolled out of view are skipped by innerText under content-visibility).
  assert.ok((await page.locator('.field-error').allTextContents()).some((m) => /Minutes must be a number like 1500/.test(m)));
  assert.match(await page.locator('#estimate-error').textContent(), /Fix the \d+ fields marked/);
  // Each message is next to its field: the field points at it.
  const described = await page.locator('[aria-invalid="true"]').first().getAttribute('aria-describedby');
  assert.ok((await page.locator(`#${described.split(' ').at(-1)}`).textContent()).length > 10);
});

test('a value the core refuses is explained next to its row', async () => {
  const { page } = site;
  await page.goto(site.url);
  await waitReady(page);
  // A destination the shipped card has no dial-out rate for (uninhabited places are on no card).
  const card = JSON.parse(readFileSync(path.join(root, 'rates/illustrative-usd.json'), 'utf8'));
  const priced = new Set(card.sheets.dial_out_calls.map((r) => r.country));
  const unpriced = ['BV', 'HM', 'AQ', 'TF', 'UM', 'JP'].find((c) => !priced.has(c));
  await setField(page, 'user_out.0.to', unpriced);
  await page.waitForFunction(() => !document.getElementById('estimate-error').hidden);
  const name = JSON.parse(readFileSync(path.join(root, 'rates/countries.json'), 'utf8')).countries.find((c) => c.code === unpriced).name;
  assert.match(await page.locator('#estimate-error').textContent(), new RegExp(`cannot be computed: .*${name} \\(landline\\), needed by row 1 of Outbound calls by users`));
  const rowMessages = await page.locator('#h-user_out ~ .rows fieldset').first().locator('.field-error').allTextContents();
  assert.match(rowMessages.join(' '), new RegExp(name), 'the message sits in the row it is about');
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, /NaN|undefined|Infinity/);
});

test('a keystroke rewrites only the lines of the printed input list it changes', async () => {
  const { page } = site;
  await page.goto(site.url);
  await waitReady(page);
  const count = await page.locator('#print-input-list li').count();
  assert.ok(count > 3, `${count} lines`);
  await page.evaluate(() => { for (const li of document.querySelectorAll('#print-input-list li')) li.dataset.kept = 'yes'; });
  await page.locator('[data-key="licenses.0.users"]').fill('123');
  await page.waitForFunction(() => /123/.test(document.getElementById('print-input-list').textContent));
  const kept = await page.locator('#print-input-list li[data-kept="yes"]').count();
  assert.equal(await page.locator('#print-input-list li').count(), count);
  assert.ok(kept >= count - 1, `${count - kept} of ${count} lines drawn again`);
});

test('no console errors, CSP violations or requests outside the origin', () => {
  assert.deepEqual(site.problems, []);
  assert.deepEqual(site.foreignRequests, []);
});
