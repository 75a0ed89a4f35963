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
  assert.equal(csvCell('-1'), "'-1");
  assert.equal(csvCell('@SUM'), "'@SUM");
  assert.equal(csvCell('0.0240'), '0.0240');
  const csv = toCsv(estimateRows({ monthly_total: '1.00', lines: [{ use_case: 'payg_outbound', destination: '=evil', minutes: 1, rate: '1', amount: '1.00' }] }, 'USD'));
  assert.ok(csv.startsWith('\ufeffsection,item,detail,minutes,rate (USD),amount (USD)\r\n'));
  assert.match(csv, /\r\nline,payg_outbound,'=evil,1,1,1\.00\r\n$/);
});

test('the site lists every page file, and the service worker caches what the site lists', async () => {
  const { readFile, readdir } = await import('node:fs/promises');
  const cmake = await readFile(new URL('../../wasm/CMakeLists.txt', import.meta.url), 'utf8');
  const listed = /set\(CCREDITS_WEB_FILES\s+([^)]*)\)/.exec(cmake)[1].split(/\s+/).filter(Boolean);
  const rates = /set\(CCREDITS_RATE_FILES\s+([^)]*)\)/.exec(cmake)[1].split(/\s+/).filter(Boolean).map((f) => `rates/${f}`);
  const web = new URL('../../web/', import.meta.url);
  const files = (await readdir(web, { recursive: true })).filter((f) => /\.(js|css|html|svg)$/.test(f) && !f.startsWith('screenshots'));
  assert.deepEqual(files.filter((f) => !listed.includes(f)), [], 'every file in web/ is in CCREDITS_WEB_FILES');
  const { siteDir } = await import('./load-module.mjs');
  const built = JSON.parse(await readFile(`${siteDir}/site-files.json`, 'utf8')).files;
  const expected = ['./', 'ccredits.js', 'ccredits.wasm', ...listed.filter((f) => f !== 'sw.js'), ...rates];
  assert.deepEqual(built.slice().sort(), expected.sort());
});
