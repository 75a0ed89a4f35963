// The results CSV as Excel in each locale opens it: ';' and decimal commas where the locale writes decimal commas,
// ',' and '.' elsewhere; amounts as plain numbers; a UTF-8 byte order mark; formulas still neutralised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvFormat, csvCell, estimateRows, toCsv } from '../../web/export.js';

const estimate = {
  monthly_total: '1234.50',
  by_use_case: { payg_outbound: '1234.50' },
  lines: [
    { use_case: 'payg_outbound', destination: 'France; mobile', minutes: '1000', rate: '0.0240', amount: '24.00' },
    { use_case: 'payg_outbound', destination: '=HYPERLINK("x")', minutes: '12.5', rate: '1', amount: '-2.50' },
  ],
};

const body = (csv) => {
  assert.ok(csv.startsWith('\ufeff'), 'UTF-8 byte order mark');
  assert.ok(csv.endsWith('\r\n'));
  return csv.slice(1).split('\r\n').slice(0, -1);
};

for (const [locale, separator, decimal] of [['de-DE', ';', ','], ['fr-FR', ';', ','], ['es-ES', ';', ','], ['pt-BR', ';', ',']]) {
  test(`${locale}: ';' separated, decimal commas, numbers without symbols or grouping`, () => {
    assert.deepEqual(csvFormat(locale), { separator, decimal });
    const lines = body(toCsv(estimateRows(estimate, 'EUR'), locale));
    assert.equal(lines[0], 'section;item;detail;minutes;rate (EUR);amount (EUR)');
    assert.equal(lines.find((l) => l.startsWith('total;')), 'total;monthly credit spend;;;;1234,50');
    assert.ok(lines.includes('line;Pay-As-You-Go outbound calls;"France; mobile";1000;0,0240;24,00'), lines.join('\n'));
    assert.ok(lines.includes('line;Pay-As-You-Go outbound calls;"\'=HYPERLINK(""x"")";12,5;1;-2,50'), lines.join('\n'));
  });
}

for (const locale of ['en-US', 'en-GB', 'ja-JP', 'de-CH']) {
  test(`${locale}: ',' separated, decimal points`, () => {
    assert.deepEqual(csvFormat(locale), { separator: ',', decimal: '.' });
    const lines = body(toCsv(estimateRows(estimate, 'USD'), locale));
    assert.equal(lines[0], 'section,item,detail,minutes,rate (USD),amount (USD)');
    assert.equal(lines.find((l) => l.startsWith('total,')), 'total,monthly credit spend,,,,1234.50');
    assert.ok(lines.includes('line,Pay-As-You-Go outbound calls,France; mobile,1000,0.0240,24.00')
      || lines.includes('line,Pay-As-You-Go outbound calls,"France; mobile",1000,0.0240,24.00'), lines.join('\n'));
    assert.ok(lines.includes('line,Pay-As-You-Go outbound calls,"\'=HYPERLINK(""x"")",12.5,1,-2.50'), lines.join('\n'));
  });
}

test('an unknown locale tag falls back to the English format', () => {
  assert.deepEqual(csvFormat('not a locale'), { separator: ',', decimal: '.' });
});

test('cells: a plain number stays a number (negative too); text that starts like a formula gets an apostrophe', () => {
  const de = { separator: ';', decimal: ',' };
  assert.equal(csvCell('-2.50', de), '-2,50');
  assert.equal(csvCell('-2.50'), '-2.50');
  assert.equal(csvCell('-2+3', de), "'-2+3");
  assert.equal(csvCell('+1'), "'+1");
  assert.equal(csvCell('@SUM(A1)', de), "'@SUM(A1)");
  assert.equal(csvCell('a;b', de), '"a;b"');
  assert.equal(csvCell('1.234.5', de), '1.234.5', 'not a plain decimal: left as text');
  assert.equal(csvCell(undefined, de), '');
});

test('a line of a usage report\'s charges exports its amount without minutes or a rate of its own', () => {
  const charged = { ...estimate, lines: [{ use_case: 'payg_outbound', usage: 'report', destination: 'Charged in your usage report',
    minutes: '0', rate: '0', amount: '166.70', rate_source: 'charges' }] };
  const lines = body(toCsv(estimateRows(charged, 'USD'), 'en-US'));
  assert.ok(lines.includes('line,Pay-As-You-Go outbound calls,Charged in your usage report,,,166.70'), lines.join('\n'));
});

test('the total is named as the headline names it: invoiced after use for MCA or new-commerce subscriptions', () => {
  const billedAfterUse = {
    ...estimate, needs_credits: false, recommendation: { mode: 'auto_recharge', one_time: '0.00' },
    eligibility: { can_purchase: 'no', reasons: [{ code: 'mca_nce_billed_after_use', answer: 'no', message: 'Billed after use.' }] },
  };
  const lines = body(toCsv(estimateRows(billedAfterUse, 'USD'), 'en-US'));
  assert.equal(lines.find((l) => l.startsWith('total,')), 'total,monthly spend invoiced after use,,,,1234.50');
});

test('a pool\'s minutes used are a number in the minutes column, in the locale\'s decimals', () => {
  const withPool = { ...estimate, pools: [{ kind: 'calling_plan', country: 'US', plan: 'domestic', included_minutes: 300000, used_minutes: '3653.786347' }] };
  const pool = (locale) => body(toCsv(estimateRows(withPool, 'USD'), locale)).find((l) => l.startsWith('pool'));
  assert.equal(pool('en-US'), 'pool,"Calling Plan: US, Domestic","minutes used, of 300000 included",3653.786347,,');
  assert.equal(pool('de-DE'), 'pool;"Calling Plan: US, Domestic";"minutes used, of 300000 included";3653,786347;;');
});
