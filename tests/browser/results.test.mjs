// The result sections against core/CONTRACT.md's full estimate shape (hand-written here, so the page is ready for the
// keys the core adds), against an estimate with keys missing, and the one-page print summary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { openSite } from './browser.mjs';
import { waitReady } from './page-helpers.mjs';

const FULL = {
  currency: 'USD',
  rates: { effective: '2026-11-01', illustrative: true },
  monthly_total: '1234.50',
  by_use_case: { toll_free: '1000.00', conference_dial_out: '34.50', calling_plan_overage: '200.00', payg_outbound: '0.00', pay_per_minute_conferencing: '0.00' },
  pools: [
    { kind: 'calling_plan', country: 'US', plan: 'domestic', included_minutes: 300000, used_minutes: 250000, overage_minutes: 0 },
    { kind: 'calling_plan', country: 'GB', plan: 'domestic_international', included_minutes: 12000, used_minutes: 0, overage_minutes: 0 },
    { kind: 'conference_dial_out', zone: 'A', included_minutes: 3000, used_minutes: '3450.5', overage_minutes: '450.5' },
  ],
  lines: [{ use_case: 'toll_free', destination: 'United States toll-free', minutes: 50000, rate: '0.0200', amount: '1000.00' }],
  needs_credits: true,
  needs_credits_reasons: ['Toll-free numbers need a positive balance.'],
  eligibility: {
    can_purchase: 'unclear',
    reasons: [{ code: 'ea_region', answer: 'GB', message: 'Your EA billing country differs from the organization\'s.', next_step: 'Open a support ticket.', source: 'Set up Communication Credits for your organization (https://learn.microsoft.com/en-us/microsoftteams/set-up-communications-credits-for-your-organization); What are Communications Credits? (https://learn.microsoft.com/en-us/microsoftteams/what-are-communications-credits); a note of ours (https://example.com/notes)' }],
    actions: ['Turn auto-recharge on.'],
    plan_availability: [{ code: 'payg_not_sold_to_customer', answer: 'no', message: 'Microsoft says the Pay-As-You-Go Calling Plan for Mexico "can\'t be purchased by US or PR customers": your organization is in US.', next_step: 'Enter those users on a plan you can buy for them.', source: 'Calling Plans for Microsoft 365, dated 08/05/2024 (https://learn.microsoft.com/en-us/microsoftteams/calling-plans-for-office-365)' }],
  },
  settings: {
    uk_domestic_minutes: { value: 3000, default: 3000, conflict: 'The UK page says 1200; the PSTN usage report (01/14/2025) says 3000.', source: 'Calling Plans for Microsoft 365, dated 08/05/2024 (https://learn.microsoft.com/en-us/microsoftteams/calling-plans-for-office-365)' },
    minimum_purchase: { value: 0, default: 50, conflict: 'Only an older copy says "even the minimum of $50".', source: 'an older, undated copy of What are Communications Credits? (https://learn.microsoft.com/en-us/microsoftteams/what-are-communications-credits)' },
    unknown_setting: { value: 1 },
  },
  recommendation: {
    one_time: '2500.00', auto_recharge: { threshold: '600.00', amount: '1300.00' }, recharges_per_month: 1,
    lowest_balance: '612.25', expiring_unused: '0.00',
    balance_series: Array.from({ length: 60 }, (_, i) => `${2500 - (i % 30) * 41}.50`),
    explanation: ['Spend per working day is 56.11.'], notifications: ['Billing administrators get a mail when a recharge fails.'],
  },
  what_if: {
    description: 'The same calls with every Domestic-family Calling Plan user on Pay-As-You-Go',
    changes: [{ country: 'US', from: 'domestic', to: 'payg', users: 20, text: '20 users in US: Domestic -> Pay-As-You-Go' }],
    current_monthly_total: '1234.50', monthly_total: '6234.50', difference: '5000.00',
    by_use_case: { toll_free: '1000.00', conference_dial_out: '34.50', calling_plan_overage: '0.00', payg_outbound: '5200.00', pay_per_minute_conferencing: '0.00' },
    note: 'Only the per-minute spend from credits is compared.', summary: 'Monthly credit spend 1234.50 -> 6234.50 USD.',
    warnings: ['Row 2 of the usage: no licences are entered for users in JP; its 5 minutes are billed in full as Pay-As-You-Go.'],
  },
  warnings: ['Pay-As-You-Go is needed for resource accounts from 1 Nov 2025.'],
};

let site;
let page;
before(async () => {
  site = await openSite();
  page = site.page;
  await page.goto(site.url);
  await waitReady(page);
});
after(async () => {
  await site?.close();
});

async function renderAll(estimate) {
  await page.evaluate(async (e) => {
    const { renderSpend } = await import('./results/spend.js');
    const { renderPools } = await import('./results/pools.js');
    const { renderNeeds, renderEligibility } = await import('./results/verdicts.js');
    const { renderRecommendation } = await import('./results/recommendation.js');
    const { renderWhatIf } = await import('./results/what-if.js');
    renderSpend(document.getElementById('spend'), e);
    renderPools(document.getElementById('pools'), e);
    renderNeeds(document.getElementById('needs'), e);
    renderEligibility(document.getElementById('eligibility'), e);
    renderRecommendation(document.getElementById('recommendation'), e);
    renderWhatIf(document.getElementById('what-if'), e);
  }, estimate);
}

test('every section of a full estimate is shown in words and figures', async () => {
  await renderAll(FULL);
  const text = (id) => page.locator(`#${id}`).innerText();
  assert.match(await text('spend'), /\$1,234\.50/);
  assert.match(await text('spend'), /Toll-free numbers\s+\$1,000\.00/);
  assert.match(await text('spend'), /Pay-As-You-Go is needed/);
  assert.match(await text('pools'), /Calling Plan: United States, Domestic\s+250,000 of 300,000 included minutes used \(83%\)/);
  // A plan by its name, as the core's sentences and the form name it, not by its key's words.
  assert.match(await text('pools'), /Calling Plan: United Kingdom, Domestic and International\s+0 of 12,000/);
  assert.match(await text('pools'), /3,450\.5 of 3,000 included minutes used \(115%\); 450\.5 minutes over/);
  // Where Microsoft's pages disagree: each value used, the disagreement and the page it comes from.
  await page.locator('#settings-used summary').click();
  assert.match(await text('pools'), /UK Domestic minutes per user: 3000\s+The UK page says 1200/);
  assert.match(await text('pools'), /Minimum purchase, in the rate card's currency: 0 \(default 50\)/);
  assert.doesNotMatch(await text('pools'), /unknown_setting/);
  assert.deepEqual(await page.locator('#settings-used a').allTextContents(),
    ['Calling Plans for Microsoft 365, dated 08/05/2024', 'an older, undated copy of What are Communications Credits?']);
  assert.match(await text('needs'), /Yes: this organization needs/);
  assert.match(await text('eligibility'), /Unclear/);
  assert.match(await text('eligibility'), /Next step: Open a support ticket\./);
  // Each Microsoft page a rule cites is a link, labelled with its title; a link to any other host is not one.
  assert.deepEqual(await page.locator('#eligibility a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), [
    'https://learn.microsoft.com/en-us/microsoftteams/set-up-communications-credits-for-your-organization',
    'https://learn.microsoft.com/en-us/microsoftteams/what-are-communications-credits',
    'https://learn.microsoft.com/en-us/microsoftteams/calling-plans-for-office-365']);
  assert.deepEqual(await page.locator('#eligibility a').allTextContents(),
    ['Set up Communication Credits for your organization', 'What are Communications Credits?',
      'Calling Plans for Microsoft 365, dated 08/05/2024']);
  // Whether the plans entered can be bought: its own list, apart from the credits verdict.
  assert.match(await page.locator('#plan-availability').innerText(), /can't be purchased by US or PR customers[\s\S]*Next step: Enter those users/);
  assert.match(await text('recommendation'), /Buy now \(one-time amount\)\s+\$2,500\.00/);
  assert.match(await text('recommendation'), /when balance is below\s+\$600\.00/);
  // recharges_per_month is the busiest month, and the page says so.
  assert.match(await text('recommendation'), /Recharges \(each one is an invoice\)\s+at most 1 in one month/);
  assert.match(await text('what-if'), /20 users in United States: Domestic -> Pay-As-You-Go/);
  // Its warnings in the same words as the other sections': countries by name, not by code.
  assert.match(await text('what-if'), /no licences are entered for users in Japan/);
  assert.match(await text('what-if'), /Total\s+\$1,234\.50\s+\$6,234\.50/);
  assert.match(await text('what-if'), /Pay-As-You-Go outbound calls\s+\$0\.00\s+\$5,200\.00/);
  assert.match(await text('what-if'), /Difference: \+\$5,000\.00 a month from credits\./);
  // The chart: an SVG with a title and description, and a table with one row per day.
  assert.equal(await page.locator('#recommendation svg[role="img"] title').textContent(), 'Credit balance over time');
  assert.match(await page.locator('#recommendation svg desc').textContent(), /60 days: starts at \$2,500\.50, lowest \$1,311\.50 on day 30/);
  // The table is built when it is opened.
  assert.equal(await page.locator('#recommendation .chart-table tbody tr').count(), 0);
  await page.locator('#recommendation .chart-table summary').click();
  // The details element's toggle event comes a task after the click: the rows are there once it has run.
  await page.locator('#recommendation .chart-table tbody tr').first().waitFor();
  assert.equal(await page.locator('#recommendation .chart-table tbody tr').count(), 60);
  assert.match(await page.locator('#recommendation .chart-table tbody tr').first().innerText(), /^1\s+\$2,500\.50$/);
  const body = await page.locator('body').innerText();
  assert.doesNotMatch(body, /NaN|undefined|Infinity|\[object/);
});

test('the full result sections pass an axe scan with no serious or critical violations', async () => {
  await renderAll(FULL);
  const result = await new AxeBuilder({ page }).include('#results').analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);
});

test('missing or malformed keys hide their section instead of showing junk', async () => {
  await renderAll({ monthly_total: 'abc', pools: [{ kind: 'x' }], eligibility: { can_purchase: 'maybe' }, recommendation: { balance_series: ['1', 'x'] }, what_if: 'no', needs_credits: 'yes' });
  for (const id of ['pools', 'needs', 'eligibility', 'what-if', 'recommendation', 'spend']) {
    assert.equal(await page.locator(`#${id}`).isHidden(), true, id);
  }
  assert.doesNotMatch(await page.locator('body').innerText(), /NaN|undefined|Infinity|\[object/);
});

test('printing gives a one-page summary without the form', async () => {
  await renderAll(FULL);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#inputs').isHidden(), true);
  assert.equal(await page.locator('#keep').isHidden(), true);
  assert.equal(await page.locator('#spend').isVisible(), true);
  const screen = page.viewportSize();
  await page.setViewportSize({ width: 794, height: 1123 });  // A4 at 96 dpi: the width the page is laid out at on paper
  // Every word of the lines table stays whole on paper: a cell broken inside a word ("$89.0" over "0") is a line box
  // that ends where the word does not.
  const broken = await page.evaluate(() => [...document.querySelectorAll('#spend .lines-table th, #spend .lines-table td')]
    .filter((cell) => cell.getClientRects().length > 0)
    .flatMap((cell) => cell.textContent.split(/\s+/).filter(Boolean).filter((word) => {
      const range = document.createRange();
      const text = [...cell.querySelectorAll('*'), cell].flatMap((n) => [...n.childNodes]).find((n) => n.nodeType === 3 && n.data.includes(word));
      if (!text) return false;
      const at = text.data.indexOf(word);
      range.setStart(text, at);
      range.setEnd(text, at + word.length);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
    })));
  await page.setViewportSize(screen);
  assert.deepEqual(broken, []);
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  assert.equal((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1);
  await page.emulateMedia({ media: 'screen' });
});

test('no console errors, CSP violations or requests outside the origin', () => {
  assert.deepEqual(site.problems, []);
  assert.deepEqual(site.foreignRequests, []);
});
