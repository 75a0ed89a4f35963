// The page's pure modules under node: the scenario model, the share-link format, the CSV export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultModel, toScenario, fromScenario, checkField } from '../../web/state.js';
import { encodeShare, decodeShare } from '../../web/share-link.js';
import { csvCell, estimateRows, toCsv } from '../../web/export.js';

test('the default model is a complete, valid scenario', () => {
  const { scenario, errors } = toScenario(defaultModel());
  assert.deepEqual(errors, []);
  assert.equal(scenario.schema, 'ccredits.scenario/1');
  assert.deepEqual(scenario.licenses[0], { country: 'US', plan: 'domestic', users: 100 });
  assert.deepEqual(scenario.usage[0], { kind: 'user_out', from: 'US', to: 'US', number_type: 'wireline', minutes: '250000' });
  assert.equal(scenario.billing.ea_billing_country, null, '"I don\'t know" and "not applicable" become null');
});

test('numbers are checked in words; counts become integers and minutes stay exact decimal strings', () => {
  assert.equal(checkField('minutes', '12.5'), undefined);
  assert.equal(checkField('minutes', '1,500'), undefined);
  assert.match(checkField('minutes', '12abc'), /Minutes must be a number/);
  assert.match(checkField('minutes', '-5'), /without letters or signs/);
  assert.match(checkField('minutes', ''), /0 if none/);
  assert.match(checkField('count', '2.5'), /whole number/);
  assert.equal(checkField('optional_count', ''), undefined);
  assert.match(checkField('months', '13'), /1 to 12 months/);
  const model = defaultModel();
  model.licenses[0].users = '1,200';
  model.user_out[0].minutes = ' 0.123456 ';
  model.user_out[1].calls = 'x';
  const { scenario, errors } = toScenario(model);
  assert.equal(scenario.licenses[0].users, 1200);
  assert.equal(scenario.usage[0].minutes, '0.123456');
  assert.deepEqual(errors, [{ key: 'user_out.1.calls', message: 'Type a whole number like 25, without letters, signs or decimals.' }]);
  assert.equal(scenario.usage[1].calls, 'x', 'a field that fails its check keeps what was typed');
});

test('a scenario file reads back into the same model; foreign documents are refused', () => {
  const model = defaultModel();
  model.toll_in.push({ country: 'FR', minutes: '42' });
  model.billing.channel = '';
  const back = fromScenario(JSON.parse(JSON.stringify(toScenario(model).scenario)));
  assert.deepEqual(toScenario(back).scenario, toScenario(model).scenario);
  assert.throws(() => fromScenario([1, 2]), /not a ccredits scenario/);
  assert.throws(() => fromScenario({ schema: 'ccredits.rates/1' }), /not one this page reads/);
  const odd = fromScenario({ licenses: [{ country: 'usa', plan: 'gold', users: { a: 1 } }], usage: [{ kind: 'teleport', minutes: 1 }] });
  assert.deepEqual(odd.licenses, [{ country: 'US', plan: 'domestic', users: '0' }]);
  assert.deepEqual(odd.user_out, []);
});

test('the share link round-trips and rejects junk with a sentence', async () => {
  const scenario = toScenario(defaultModel()).scenario;
  const fragment = await encodeShare(scenario);
  assert.match(fragment, /^s1\.[A-Za-z0-9_-]+$/);
  assert.ok(fragment.length < JSON.stringify(scenario).length, 'compressed');
  assert.deepEqual(await decodeShare(fragment), scenario);
  await assert.rejects(decodeShare('s1.'), /empty or too long/);
  await assert.rejects(decodeShare('s1.%%%'), /characters a share link never has/);
  await assert.rejects(decodeShare('s1.AAAAAAAA'), /does not unpack|not readable JSON/);
  await assert.rejects(decodeShare('s2.abc'), /newer version/);
  await assert.rejects(decodeShare('x'), /does not hold a ccredits estimate/);
  await assert.rejects(decodeShare(`${fragment.slice(0, -4)}____`), /damaged/, 'a link cut short and patched');
});

test('CSV export: formulas neutralised, quotes doubled, Excel-friendly BOM and CRLF', () => {
  assert.equal(csvCell('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
  assert.equal(csvCell('-1'), '-1', 'a plain negative number is a number, not a formula');
  assert.equal(csvCell('-1+2'), "'-1+2");
  assert.equal(csvCell('@SUM'), "'@SUM");
  assert.equal(csvCell('0.0240'), '0.0240');
  const csv = toCsv(estimateRows({ monthly_total: '1.00', lines: [{ use_case: 'payg_outbound', destination: '=evil', minutes: 1, rate: '1', amount: '1.00' }] }, 'USD'));
  assert.ok(csv.startsWith('\ufeffsection,item,detail,minutes,rate (USD),amount (USD)\r\n'));
  assert.match(csv, /\r\nline,Pay-As-You-Go outbound calls,'=evil,1,1,1\.00\r\n$/);
});

test('the site lists every page file, and the service worker caches what the site lists', async () => {
  const { readFile, readdir } = await import('node:fs/promises');
  const cmake = await readFile(new URL('../../wasm/CMakeLists.txt', import.meta.url), 'utf8');
  const list = (name) => new RegExp(`set\\(${name}\\s+([^)]*)\\)`).exec(cmake)[1].split(/\s+/).filter(Boolean);
  const listed = list('CCREDITS_WEB_FILES');
  const lazy = list('CCREDITS_LAZY_WEB_FILES'); // copied to the site, fetched only when first used
  const top = await readFile(new URL('../../CMakeLists.txt', import.meta.url), 'utf8');
  const rates = /set\(CCREDITS_RATE_FILES\s+([^)]*)\)/.exec(top)[1].split(/\s+/).filter(Boolean).map((f) => `rates/${f}`);
  const web = new URL('../../web/', import.meta.url);
  const files = (await readdir(web, { recursive: true })).filter((f) => /\.(js|css|html|svg)$/.test(f) && !f.startsWith('screenshots'));
  assert.deepEqual(files.filter((f) => !listed.includes(f) && !lazy.includes(f)), [],
    'every file in web/ is in CCREDITS_WEB_FILES or CCREDITS_LAZY_WEB_FILES');
  const { siteDir } = await import('./load-module.mjs');
  const built = JSON.parse(await readFile(`${siteDir}/site-files.json`, 'utf8')).files;
  // Besides the copied files: the module, and the example's estimate the build writes with it.
  const expected = ['./', 'ccredits.js', 'ccredits.wasm', 'first-estimate.json', ...listed.filter((f) => f !== 'sw.js'), ...rates];
  assert.deepEqual(built.slice().sort(), expected.sort());
});

test('reading the form\'s numbers makes no Intl.NumberFormat per field: the form reads every field on each keystroke', async () => {
  const { readNumber } = await import('../../web/number-input.js');
  const real = Intl.NumberFormat;
  let made = 0;
  Intl.NumberFormat = function counted(...args) { made += 1; return new real(...args); };
  try {
    for (let i = 0; i < 300; i++) {
      readNumber(`${i},5`, { locale: 'en-US' });   // ambiguous
      readNumber('1,00,0', { locale: 'en-US' });    // bad groups: the message shows the locale's example
      readNumber(String(i), { locale: 'de-DE' });
    }
  } finally {
    Intl.NumberFormat = real;
  }
  assert.ok(made <= 2, `${made} Intl.NumberFormat made for 900 numbers`);
  assert.match(readNumber('1,00,0', { locale: 'en-US' }).error, /for example 1,234,567\.5\)/);
});

test('numbers are read as the locale writes them, and two-way input is refused with a sentence', async () => {
  const { readNumber } = await import('../../web/number-input.js');
  const minutes = (text, locale) => readNumber(text, { locale });
  const users = (text, locale) => readNumber(text, { locale, whole: true, digits: 9 });
  const cases = {
    'en-US': { '1,000': '1000', '1 000': '1000', '1\u00a0000': '1000', '1\u202f000': '1000', '1,000,000': '1000000', '1.5': '1.5', '1,234.5': '1234.5' },
    'de-DE': { '1.000': '1000', '1,5': '1.5', '1 000': '1000', '1.234,5': '1234.5', '1.000.000': '1000000' },
    'fr-FR': { '1\u202f000': '1000', '1 000,5': '1000.5', '1,5': '1.5', '12\u202f345\u202f678': '12345678' },
    'en-IN': { '1,00,000': '100000', '12,34,567': '1234567', '1,000': '1000', '1.5': '1.5' },
  };
  for (const [locale, values] of Object.entries(cases)) {
    for (const [text, value] of Object.entries(values)) assert.deepEqual(minutes(text, locale), { value }, `${locale} ${JSON.stringify(text)}`);
  }
  // Never silently 1 or 15: "1.000" in en-US could be 1 or 1000, "1,5" 1.5 or 15 -> a sentence naming both.
  assert.match(minutes('1.000', 'en-US').error, /"1\.000" could mean 1 or 1000/);
  assert.match(minutes('1,5', 'en-US').error, /"1,5" could mean 1\.5 or 15/);
  assert.match(users('1,5', 'en-US').error, /not a whole number.*15/);
  assert.match(minutes('1,000', 'de-DE').error, /could mean 1 or 1000/);
  assert.match(minutes('1.5', 'de-DE').error, /could mean 1,5 or 15/);
  assert.match(minutes('1.000', 'fr-FR').error, /could mean 1 or 1000/);
  assert.match(minutes('12,34,567', 'en-US').error, /not a number as your settings write them \(for example 1,234,567\.5\)/);
  assert.match(users('1,5', 'de-DE').error, /not a whole number/);
  assert.deepEqual(users('1.000', 'de-DE'), { value: '1000' });
  for (const junk of ['12abc', '-5', '1e9', '0x10', '١٢', '１２３', '1..5', ',5', '5,']) assert.ok(minutes(junk, 'en-US').error, junk);
  assert.match(minutes('9'.repeat(13), 'en-US').error, /too large/);
});

test('a document\'s plain decimal is written as the locale types it, and reads back as the same number', async () => {
  const { readNumber, typedNumber } = await import('../../web/number-input.js');
  const cases = {
    'en-US': { '1000.5': '1000.5', '61.436645': '61.436645', '250000': '250000', '0.5': '0.5' },
    'de-DE': { '1000.5': '1000,5', '61.436645': '61,436645', '250000': '250000', '0.000001': '0,000001' },
    'fr-FR': { '1000.5': '1000,5', '61.436645': '61,436645', '250000': '250000' },
    'de-CH': { '1000.5': '1000.5', '61.436645': '61.436645', '250000': '250000' },
    'en-IN': { '1000.5': '1000.5', '100000': '100000' },
    'ar-EG': { '1000.5': '1000.5' }, // its own mark is "٫": "." is the decimal mark from elsewhere that readNumber reads
  };
  for (const [locale, values] of Object.entries(cases)) {
    for (const [plain, typed] of Object.entries(values)) assert.equal(typedNumber(plain, locale), typed, `${locale} ${plain}`);
  }
  // Three decimals read as thousands ("61,436": 61436?) get a fourth, a zero; "0,125" is not asked about.
  assert.equal(typedNumber('61.436', 'de-DE'), '61,4360');
  assert.equal(typedNumber('61.436', 'en-US'), '61.4360');
  assert.equal(typedNumber('0.125', 'de-DE'), '0,125');
  // Text kept as typed because it could mean two numbers still asks; one that cannot be thousands is settled.
  assert.equal(typedNumber('1.000', 'en-US', { keepQuestion: true }), '1.000');
  assert.match(readNumber(typedNumber('1.000', 'de-DE', { keepQuestion: true }), { locale: 'de-DE' }).error, /could mean 1 or 1000/);
  assert.equal(typedNumber('1234.567', 'de-DE', { keepQuestion: true }), '1234,5670');
  for (const other of ['1,5', '1.000,5', 'abc', '1e+21', '-5', '', ' 1.5']) assert.equal(typedNumber(other, 'de-DE'), other);

  // Round trip: whole numbers, 1 to 6 decimals, the largest a field holds, in every kind of locale readNumber reads.
  const values = ['0', '7', '1000', '250000', '999999999999', '0.5', '1.25', '61.436', '61.436645', '1000.5', '1234.567',
    '999999999999.999999', '12.000001', '100.100', '0.000001'];
  for (let i = 1; i <= 300; ++i) {
    const int = String((i * 7919) % 10 ** (1 + (i % 12)));
    values.push(int, `${int}.${String((i * 104729) % 10 ** (1 + (i % 6))).padStart(1 + (i % 6), '0')}`);
  }
  const exact = (decimal) => decimal.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  for (const locale of ['en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'es-ES', 'sv-SE', 'ar-EG']) {
    for (const value of values) {
      const typed = typedNumber(value, locale);
      const read = readNumber(typed, { locale, decimals: 6, digits: 12 });
      assert.equal(read.value && exact(read.value), exact(value), `${locale} ${value} -> ${JSON.stringify(typed)}: ${read.error}`);
    }
  }
});

test('a document opens in a German page with its numbers as Germans type them, and its figures are the same', async () => {
  const { withImportedUsage } = await import('../../web/state.js');
  const model = defaultModel();
  model.user_out[0].minutes = '1000.5';
  model.licence_prices.calling_plans.domestic = '8.25';
  const doc = JSON.parse(JSON.stringify(toScenario(model, { locale: 'en-US' }).scenario));
  const german = fromScenario(doc, { locale: 'de-DE' });
  assert.equal(german.user_out[0].minutes, '1000,5');
  assert.equal(german.licence_prices.calling_plans.domestic, '8,25');
  assert.deepEqual(toScenario(german, { locale: 'de-DE' }), toScenario(fromScenario(doc, { locale: 'en-US' }), { locale: 'en-US' }));

  // A field the sender's page could not read ("8.125" in en-US: 8.125 or 8125?) still asks, in any locale.
  model.licence_prices.calling_plans.domestic = '8.125';
  const asking = JSON.parse(JSON.stringify(toScenario(model, { locale: 'en-US' }).scenario));
  const reopened = toScenario(fromScenario(asking, { locale: 'de-DE' }), { locale: 'de-DE' });
  assert.match(reopened.errors.map((e) => e.message).join(), /could mean 8,125 or 8125/);

  // Typed in German, the link is canonical: an en-US page reads the same input from it.
  german.user_out[1].minutes = '1.234,5';
  const fromGerman = toScenario(german, { locale: 'de-DE' });
  assert.deepEqual(fromGerman.errors, []);
  assert.equal(fromGerman.scenario.usage[1].minutes, '1234.5');
  assert.deepEqual(toScenario(fromScenario(JSON.parse(JSON.stringify(fromGerman.scenario)), { locale: 'en-US' }), { locale: 'en-US' }).scenario,
    fromGerman.scenario);

  // The importer's rows (JSON numbers) land in the form as the locale types them, with no field refused.
  const report = { scenario_usage: [{ kind: 'user_out', from: 'US', to: 'DE', number_type: 'all', minutes: 61.436645, calls: 3 },
    { kind: 'toll_in', country: 'GB', minutes: 5.275 }, { kind: 'conf_out', to: 'FR', number_type: 'wireline', minutes: 120 }] };
  const imported = withImportedUsage(defaultModel(), report, { locale: 'de-DE' });
  assert.deepEqual([imported.user_out[0].minutes, imported.toll_in[0].minutes, imported.conf_out[0].minutes], ['61,436645', '5,2750', '120']);
  const read = toScenario(imported, { locale: 'de-DE' });
  assert.deepEqual(read.errors, []);
  assert.deepEqual(read.scenario.usage.map((u) => Number(u.minutes)), [61.436645, 120, 5.275]);
});

test('the model reads typed numbers in the page\'s locale and warns about more minutes than a month holds', () => {
  const model = defaultModel();
  model.user_out[0].minutes = '1.000';
  model.licenses[0].users = '1,5';
  assert.deepEqual(toScenario(model, { locale: 'en-US' }).errors.map((e) => e.key), ['licenses.0.users', 'user_out.0.minutes']);
  const german = toScenario(model, { locale: 'de-DE' });
  assert.match(german.errors[0].message, /not a whole number/);
  assert.equal(german.scenario.usage[0].minutes, '1000');
  model.licenses[0].users = '2';
  model.user_out[0].minutes = String(2 * 31 * 24 * 60 + 1);
  const { errors } = toScenario(model, { locale: 'en-US' });
  assert.deepEqual(errors.map((e) => [e.key, e.warning]), [['user_out.0.minutes', true]]);
  assert.match(errors[0].message, /More minutes than 2 users .* can talk in a month \(at most 89,280/);
});

test('the core\'s sentences reach people with the form\'s labels and names, not our files, keys or codes', async () => {
  const { peopleText, peoplePieces } = await import('../../web/people-text.js');
  const describe = (path) => ({ 'usage[0]': 'row 1 of Outbound calls by users', 'licenses[1]': 'row 2 of Calling Plan licences' })[path] ?? null;
  // Sentences as the core writes them (field words from core/src/formats/json_input.cpp).
  const cases = [
    ['The USD rate card (effective 2026-01-01) has no rate on its "Dial-out calls" sheet for destination XX (wireline), needed by row 1 of the usage. Load a rate card that has it.',
      'The USD rate card (effective 2026-01-01) has no rate on its "Dial-out calls" sheet for destination XX (landline), needed by row 1 of Outbound calls by users. Load a rate card that has it.'],
    ['The card prices XX per number type (wireline, wireless): choose the number type of these minutes.',
      'The card prices XX per number type (landline, mobile): choose the number type of these minutes.'],
    ['The plan of licence row 2 must be domestic or payg, not "gold".', 'The plan of row 2 of Calling Plan licences must be domestic or payg, not "gold".'],
    ['Licence row 2 should be an object, not text.', 'Row 2 of Calling Plan licences should be an object, not text.'],
    // A row without a label in the form, and a row of an imported report's baseline, keep the core's words.
    ['The minutes of row 5 of the usage cannot be negative (-1).', 'The minutes of row 5 of the usage cannot be negative (-1).'],
    ['The minutes of row 1 of the usage of the baseline of the report cannot be negative (-1).',
      'The minutes of row 1 of the usage of the baseline of the report cannot be negative (-1).'],
    ['No plan data (plans.json) is loaded.', 'No plan data is loaded.'],
    ['Load rates/plans.json to know the Zone A list and domestic areas.', 'Load the plan data to know the Zone A list and domestic areas.'],
    ['"report.charges.toll_fre" is not a use case; the use cases are toll_free, conference_dial_out.',
      '"report.charges.toll fre" is not a use case; the use cases are toll free, conference dial out.'],
  ];
  for (const [core, shown] of cases) assert.equal(peopleText(core, describe), shown);
  // The core cites a page by title and link: the link becomes a link, the title stays as written.
  assert.deepEqual(peoplePieces('at zero (What are Communications Credits?, https://learn.microsoft.com/en-us/microsoftteams/what-are-communications-credits).'),
    ['at zero (What are Communications Credits?, ', { href: 'https://learn.microsoft.com/en-us/microsoftteams/what-are-communications-credits',
      label: 'learn.microsoft.com/en-us/microsoftteams/what-are-communications-credits' }, ').']);
  assert.deepEqual(peoplePieces('see https://example.com/x-y'), ['see https://example.com/x-y']);
});
