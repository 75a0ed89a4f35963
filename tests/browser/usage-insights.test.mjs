// The insights section after an import, against the native CLI's `ccredits usage` JSON for the same file: a generated
// report with an injected toll-fraud burst (its own Administrative Unit, so that unit's total is known) shows every
// flag with its calls, advice and Microsoft's pages, the chargeback's top entries with CSV exports holding every
// entry, and the months and forecast; an ordinary report says nothing unusual. Keyboard and screen-reader checks:
// headings, captions, an axe scan of the section.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { openSite } from './browser.mjs';
import { nativeCli } from '../node/native-cli.mjs';
import { generate, FRAUD } from '../tools/generate-report.mjs';

let site;
const fetched = [];
// Its own set-up rather than siteForFile: what the page fetches is watched from before its first load.
before(async () => {
  site = await openSite({ files: true });
  site.page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await site.page.goto(site.url);
  await site.page.getByText('Ready.').waitFor();
});
after(async () => {
  await site?.close();
});

const cliUsage = (file) => JSON.parse(execFileSync(nativeCli, ['usage', file], { maxBuffer: 64 << 20, encoding: 'utf8' }));

async function importReport(page, file) {
  await page.evaluate(() => document.getElementById('usage-insights')?.remove());
  await page.setInputFiles('#usage-file', file);
  await page.locator('#usage-insights').waitFor();
}

// The en-US CSV export: BOM, ',' separators, quoted cells with doubled quotes, CRLF lines.
function parseCsv(text) {
  assert.ok(text.startsWith('\ufeff'));
  const rows = [];
  for (const line of text.slice(1).split('\r\n').filter(Boolean)) {
    const cells = [];
    for (const m of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)) cells.push(m[1] !== undefined ? m[1].replaceAll('""', '"') : m[2]);
    rows.push(cells);
  }
  return rows;
}

async function downloadCsv(page, dimension) {
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.click(`#usage-chargeback [data-dimension="${dimension}"] button.csv-export`)]);
  return parseCsv(await readFile(await download.path(), 'utf8'));
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const hundredths = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

test('a first visit does not download the insights modules', () => {
  assert.deepEqual(fetched.filter((p) => p.includes('/insights/')), []);
});

test('a report with an injected burst: flags, chargeback and trend as the CLI gives them', async () => {
  const { page } = site;
  const file = site.file('PSTN.calls.fraud.csv');
  generate({ rows: 2000, columns: 25, seed: 3, out: file, fraud: true });
  const cli = cliUsage(file);
  await importReport(page, file);
  assert.ok(fetched.some((p) => p.endsWith('/insights/section.js')), 'loaded once a report is imported');

  // Flags: the burst raises off-hours, premium, user-spend and day-spend flags; each as the CLI words it.
  const kinds = cli.flags.map((f) => f.kind);
  for (const kind of ['off_hours_burst', 'premium_destination', 'user_spend', 'day_spend']) assert.ok(kinds.includes(kind), kind);
  const articles = page.locator('#usage-flags article.flag');
  assert.equal(await articles.count(), cli.flags.length);
  for (const [i, flag] of cli.flags.entries()) {
    const a = articles.nth(i);
    assert.equal(await a.getAttribute('data-kind'), flag.kind);
    const title = await a.locator('h4').textContent();
    if (flag.account) assert.ok(title.endsWith(`: ${flag.account}`), title);
    assert.equal(await a.locator('.flag-why').textContent(), flag.why);
    assert.equal(await a.locator('.flag-figure').textContent(), flag.figure);
    assert.equal(await a.locator('.flag-threshold').textContent(), flag.threshold);
    assert.equal(await a.locator('.flag-advice').textContent(), `What to do: ${flag.advice}`);
    const rows = await a.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    assert.deepEqual(rows, flag.calls.map((c) => [c.time, c.user, c.number, hundredths.format(c.minutes), usd.format(c.charge)]));
    assert.match(await a.locator('caption').textContent(), new RegExp(`of the ${flag.calls_total} calls behind it$`));
    const links = await a.locator('.flag-links a').evaluateAll((as) => as.map((x) => ({ title: x.textContent, url: x.href })));
    assert.deepEqual(links, flag.see);
  }
  const burst = cli.flags.find((f) => f.kind === 'off_hours_burst');
  assert.equal(burst.account, FRAUD.upn);
  assert.equal(burst.calls_total, FRAUD.calls);
  // The burst is 12 calls 25 minutes apart from 00:25 on 2026-10-03: it lists its calls from the 10th (the one that
  // reached the default threshold of 10) on, and the page says so.
  assert.deepEqual(burst.calls.map((c) => c.time), ['2026-10-03 04:10 UTC', '2026-10-03 04:35 UTC', '2026-10-03 05:00 UTC']);
  assert.equal(await articles.nth(cli.flags.indexOf(burst)).locator('caption').textContent(),
    'From the call that reached the threshold: 3 of the 12 calls behind it');

  // Chargeback: the burst's unit holds exactly its calls; the tables show the CLI's top entries in its order, and
  // each CSV holds every entry with the CLI's figures.
  const unit = cli.chargeback.by_unit.find((u) => u.unit === FRAUD.unit);
  assert.deepEqual(unit, { unit: FRAUD.unit, spend: (FRAUD.calls * Number(FRAUD.charge)).toFixed(2),
    minutes: FRAUD.calls * FRAUD.seconds / 60, calls: FRAUD.calls });
  const unitRows = await page.locator('#usage-chargeback [data-dimension="by_unit"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(unitRows.map((r) => [r[0], r[1]]), cli.chargeback.by_unit.slice(0, 10).map((u) => [u.unit, usd.format(u.spend)]));
  assert.deepEqual(unitRows[0], [FRAUD.unit, '$108.00', '240.00', '12']);
  const units = await downloadCsv(page, 'by_unit');
  assert.deepEqual(units[0], ['administrative unit', 'spend (USD)', 'minutes', 'calls']);
  assert.deepEqual(units.slice(1), cli.chargeback.by_unit.map((u) => [u.unit, u.spend, String(u.minutes), String(u.calls)]));
  const users = await downloadCsv(page, 'by_user');
  assert.equal(users.length - 1, cli.chargeback.by_user.length);
  assert.ok(cli.chargeback.by_user.length > 10, 'more users than the table shows');
  // The button counts every entry, its digits grouped as the page's other counts.
  assert.equal(await page.locator('#usage-chargeback [data-dimension="by_user"] button.csv-export').textContent(),
    `Download all ${cli.chargeback.by_user.length.toLocaleString('en-US')} entries by user as CSV`);
  assert.deepEqual(users.slice(1).map((r) => [r[0], r[2]]), cli.chargeback.by_user.map((u) => [u.user, u.spend]));
  const userRows = await page.locator('#usage-chargeback [data-dimension="by_user"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.cells].slice(1).map((c) => c.textContent)));
  assert.deepEqual(userRows, cli.chargeback.by_user.slice(0, 10)
    .map((u) => [usd.format(u.spend), hundredths.format(u.minutes), u.calls.toLocaleString('en-US')]));
  const places = await downloadCsv(page, 'by_location');
  assert.deepEqual(places.slice(1).map((r) => [r[1], r[2]]), cli.chargeback.by_location.map((l) => [l.country ?? '', l.spend]));
  const destinations = await downloadCsv(page, 'by_destination');
  assert.deepEqual(destinations.slice(1).map((r) => [r[0], r[2], r[3]]),
    cli.chargeback.by_destination.map((d) => [d.direction, d.country ?? '', d.spend]));

  // Trend: the months and the 12-month forecast with its range.
  const monthRows = await page.locator('#usage-trend tbody').first().locator('tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(monthRows.map((r) => r[1]), cli.trend.months.map((m) => usd.format(m.spend)));
  const ahead = await page.locator('#usage-trend tbody').nth(1).locator('tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(ahead.length, 12);
  assert.deepEqual(ahead.map((r) => r.slice(1)),
    cli.trend.forecast.months.map((m) => [usd.format(m.spend), usd.format(m.low), usd.format(m.high)]));
  assert.equal(ahead[0][0], new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(Date.parse(`${cli.trend.forecast.months[0].month}-01T00:00:00Z`)));
  assert.match(await page.locator('#usage-forecast-total').textContent(),
    new RegExp(`^Forecast for the next 12 months: \\${usd.format(cli.trend.forecast.total)} \\(likely between`));

  // The planner follows the forecast: the page's scenario carries it, its estimate is the CLI's for that scenario,
  // and the recommendation says so.
  const scenario = JSON.parse(await page.locator('#raw-scenario').textContent());
  assert.deepEqual(scenario.report.forecast, cli.trend.forecast.months.map((m) => m.spend_exact));
  const scenarioFile = site.file('scenario.json');
  await writeFile(scenarioFile, JSON.stringify(scenario));
  const cliEstimate = JSON.parse(execFileSync(nativeCli, ['estimate', scenarioFile], { encoding: 'utf8' }));
  assert.deepEqual(JSON.parse(await page.locator('#raw-estimate').textContent()), cliEstimate);
  assert.ok(cliEstimate.recommendation.explanation.some((l) => l.includes("follows the imported report's 12-month forecast")));
  // Over 12 months with nothing typed on top, the planner's months add up to the forecast's total, as shown above.
  assert.equal(scenario.funding.months, 12);
  assert.equal(cliEstimate.recommendation.horizon_spend, cli.trend.forecast.total);
  assert.match(await page.locator('#recommendation').innerText(), /follows the imported report's 12-month forecast/);

  // Read by people: headings and captions, no junk, no serious axe finding, the tables reachable by keyboard.
  assert.deepEqual(await page.locator('#usage-insights h3').allTextContents(),
    ['Toll-fraud and anomaly flags', 'Chargeback: who and what the calls cost', 'Monthly spend and the next 12 months']);
  assert.equal(await page.locator('#usage-insights table:not(:has(caption))').count(), 0);
  assert.doesNotMatch(await page.locator('#usage-insights').innerText(), /NaN|undefined|Infinity|\[object|_/);
  const axe = await new AxeBuilder({ page }).include('#usage-insights').analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);
  // On a phone a flag's calls keep each figure and phone number on one line ("+88216" over "5550123" reads as two
  // numbers); the table scrolls sideways instead, its caption wrapped in view.
  const screen = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const broken = await page.evaluate(() => [...document.querySelectorAll('#usage-flags article.flag tbody tr')].flatMap((tr) =>
    [2, 3, 4].map((i) => tr.cells[i]).filter((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
    }).map((cell) => cell.textContent)));
  // The tables scroll sideways, their captions stay whole in view.
  const cutCaptions = await page.evaluate(() => [...document.querySelectorAll('#usage-insights .table-wrap')]
    .filter((wrap) => wrap.querySelector('caption').getBoundingClientRect().right > wrap.getBoundingClientRect().right + 1)
    .map((wrap) => wrap.querySelector('caption').textContent));
  await page.setViewportSize(screen);
  assert.deepEqual(cutCaptions, []);
  assert.ok(await page.locator('#usage-flags article.flag tbody tr').count() > 0, 'the burst is listed call by call');
  assert.deepEqual(broken, []);
  assert.deepEqual(site.problems, []);
});

test('an ordinary report: nothing unusual, as the CLI finds no flag', async () => {
  const { page } = site;
  const file = site.file('PSTN.calls.csv');
  generate({ rows: 2000, columns: 25, seed: 8, out: file });
  assert.deepEqual(cliUsage(file).flags, []);
  await importReport(page, file);
  assert.match(await page.locator('#usage-no-flags').textContent(), /^Nothing unusual: /);
  assert.equal(await page.locator('#usage-flags article').count(), 0);
  assert.deepEqual(site.problems, []);
});
