// Hostile usage reports, generated at test time: each is {file, bytes, expected, code?, check?} where
// expected is 'ok' (imported, bad rows skipped with line and reason) or 'error' (a clear error, exit 2), and
// check(report) looks at an imported result. Used by tests/node/hostile-usage.test.mjs (CLI, wasm module) and
// tests/browser/hostile-usage.test.mjs (the page's import panel).
import assert from 'node:assert/strict';
import zlib from 'node:zlib';

export const HEADER = ['Call Type', 'Start Time', 'Duration Seconds', 'Charge', 'Connection Fee', 'Currency', 'UPN',
  'User Display Name', 'User Location', 'Destination Number', 'External Country'];
export const MARKUP = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
export const FORMULA = "=cmd|' /C calc'!A0";

const field = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
// One call; `values` overrides columns by header name.
export function callRow(values = {}) {
  const v = { 'Call Type': 'user_out', 'Start Time': '2026-10-01T10:00:00Z', 'Duration Seconds': '60',
    Charge: '0.50', 'Connection Fee': '0', Currency: 'USD', UPN: 'ann@contoso.com', 'User Display Name': 'Ann',
    'User Location': 'US', 'Destination Number': '+33140000000', 'External Country': 'FR', ...values };
  return HEADER.map((h) => field(String(v[h]))).join(',');
}
export const csv = (...rows) => `${HEADER.join(',')}\r\n${rows.join('\r\n')}\r\n`;

// A good call, then the hostile one on line 3: imported with that line skipped for a reason matching `reason`.
const skippedAt3 = (values, reason) => ({
  bytes: Buffer.from(csv(callRow(), callRow(values))), expected: 'ok',
  check: (r) => {
    assert.equal(r.rows_used, 1);
    assert.equal(r.skipped_count, 1);
    assert.equal(r.skipped[0].line, 3);
    assert.match(r.skipped[0].reason, reason);
  },
});

const u16 = (n) => { const b = Buffer.alloc(2); b.writeUInt16LE(n); return b; };
const u32 = (n) => { const b = Buffer.alloc(4); b.writeUInt32LE(n >>> 0); return b; };

// A zip whose entries are given as already deflated bytes with the sizes to declare; `overlap` extra directory
// entries point at the first entry's bytes (the overlapping-file zip bomb).
export function zipOf(entries, { overlap = 0 } = {}) {
  const parts = [];
  const central = [];
  let offset = 0;
  const dirEntry = (e, at, name) => Buffer.concat([u32(0x02014b50), u16(20), u16(20), u16(0), u16(8), u16(0),
    u16(0x5b21), u32(0), u32(e.deflated.length), u32(e.declared), u16(name.length), u16(0), u16(0), u16(0), u16(0),
    u32(0), u32(at), name]);
  const offsets = [];
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.concat([u32(0x04034b50), u16(20), u16(0), u16(8), u16(0), u16(0x5b21), u32(0),
      u32(e.deflated.length), u32(e.declared), u16(name.length), u16(0), name]);
    offsets.push(offset);
    parts.push(local, e.deflated);
    central.push(dirEntry(e, offset, name));
    offset += local.length + e.deflated.length;
  }
  for (let k = 0; k < overlap; ++k) central.push(dirEntry(entries[0], offsets[0], Buffer.from(`copy${k}.csv`)));
  const dir = Buffer.concat(central);
  return Buffer.concat([...parts, dir, u32(0x06054b50), u16(0), u16(0), u16(central.length), u16(central.length),
    u32(dir.length), u32(offset), u16(0)]);
}

// A report header, then `megabytes` MB of blank lines: 1 MB deflates to about 1 KB, and independently
// sync-flushed pieces concatenate into one raw-deflate stream (as tests/tools/generate-report.mjs writes zips).
export function bombEntry(megabytes, declared) {
  const head = zlib.deflateRawSync(Buffer.from(csv(callRow())), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const piece = zlib.deflateRawSync(Buffer.alloc(1 << 20, '\n'), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const end = zlib.deflateRawSync(Buffer.alloc(0));
  const deflated = Buffer.concat([head, ...Array(megabytes).fill(piece), end]);
  return { name: 'PSTN.calls.2026-10-01.csv', deflated, declared: declared ?? Math.min(0xffffffff, megabytes * 2 ** 20) };
}

const nested = (depth) => Buffer.from(`{"value":${'['.repeat(depth)}${']'.repeat(depth)}}`);

export function hostileReports() {
  const good = csv(callRow(), callRow({ 'Call Type': 'user_in', Charge: '', Currency: '' }));
  const deflatedGood = zlib.deflateRawSync(Buffer.from(good));
  return {
    'Duration Seconds 99999999999999': { ...skippedAt3({ 'Duration Seconds': '99999999999999' }, /longer than a week/), file: 'long.csv' },
    'negative duration': { ...skippedAt3({ 'Duration Seconds': '-30' }, /negative duration/), file: 'negative.csv' },
    'duration with 10,000 digits': { ...skippedAt3({ 'Duration Seconds': '9'.repeat(10000) }, /longer than a week/), file: 'digits.csv' },
    'duration 1e309': { ...skippedAt3({ 'Duration Seconds': '1e309' }, /bad duration/), file: 'dur1e309.csv' },
    'charge 1e309': { ...skippedAt3({ Charge: '1e309' }, /Charge/), file: 'charge1e309.csv' },
    'charge with 10,000 digits': { ...skippedAt3({ Charge: '9'.repeat(10000) }, /Charge/), file: 'charge-digits.csv' },
    'charge 99999999999999999 (past int64 millionths)': { ...skippedAt3({ Charge: '99999999999999999' }, /Charge/), file: 'charge-huge.csv' },
    'charge NaN': { ...skippedAt3({ Charge: 'NaN' }, /Charge/), file: 'charge-nan.csv' },
    'calls a century apart (no day-by-day series of 36,890 days)': {
      file: 'century.csv', expected: 'ok',
      bytes: Buffer.from(csv(callRow({ 'Start Time': '2000-01-01T10:00:00Z', 'End Time': '2000-01-01T10:01:00Z' }),
                             callRow({ 'Start Time': '2100-12-31T10:00:00Z', 'End Time': '2100-12-31T10:01:00Z' }))),
      check: (r) => {
        assert.equal(r.period.days, 36890);
        assert.deepEqual(r.per_day, []);
        assert.match(r.per_day_note, /36890 days/);
      },
    },
    'negative charge (a refund) is summed': {
      file: 'refund.csv', bytes: Buffer.from(csv(callRow(), callRow({ Charge: '-0.20' }))), expected: 'ok',
      check: (r) => assert.equal(r.actual.USD.charge, '0.30'), // 0.50 - 0.20
    },
    'charges summing past the largest exact amount': {
      // 9,000,000,000,000 (just inside int64 millionths) twice: the second sum overflows on line 3.
      file: 'overflow.csv', bytes: Buffer.from(csv(callRow({ Charge: '9000000000000' }), callRow({ Charge: '9000000000000' }))),
      expected: 'error', code: 'overflow', line: 3,
    },
    'truncated CSV (cut inside a quoted field)': {
      file: 'cut.csv', bytes: Buffer.from(`${csv(callRow())}user_out,"2026-10-01T1`), expected: 'error', code: 'csv_unclosed_quote', line: 3,
    },
    'truncated CSV (cut mid-row)': {
      file: 'cut-row.csv', bytes: Buffer.from(`${csv(callRow())}user_out,2026-10-01T1`), expected: 'ok',
      check: (r) => assert.match(r.skipped[0].reason, /2 fields where the header has 11/),
    },
    'UTF-16 LE report': {
      file: 'utf16.csv', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]),
      expected: 'error', code: 'usage_encoding', line: 1,
    },
    'UTF-16 BE report': {
      file: 'utf16be.csv', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(good, 'utf16le').swap16()]),
      expected: 'error', code: 'usage_encoding',
    },
    'UTF-16 without a BOM': {
      file: 'utf16-nobom.csv', bytes: Buffer.from(good, 'utf16le'), expected: 'error', code: 'usage_encoding', line: 1,
    },
    'Latin-1 display names': {
      file: 'latin1.csv', bytes: Buffer.from(csv(callRow({ 'User Display Name': 'J\u00fcrgen M\u00fcller', UPN: '' })), 'latin1'),
      expected: 'ok', check: (r) => assert.match(r.top_users[0].name, /^J.+rgen M.+ller$/),
    },
    'zip bomb (declares 2 GB in a 2 MB zip)': {
      file: 'bomb.zip', bytes: zipOf([bombEntry(2048)]), expected: 'error', code: 'bad_zip', message: /zip bomb/,
    },
    'zip bomb (inflates to 2 GB, declares 1 MB)': {
      file: 'liar.zip', bytes: zipOf([bombEntry(2048, 1 << 20)]), expected: 'error', code: 'bad_zip', message: /more than the 1048576 bytes/,
    },
    'zip bomb (100 entries sharing the same bytes)': {
      file: 'overlap.zip', bytes: zipOf([{ name: 'a.csv', deflated: deflatedGood, declared: good.length }], { overlap: 100 }),
      expected: 'error', code: 'bad_zip', message: /overlaps/,
    },
    'CSV with 100,000 columns': {
      file: 'wide.csv', bytes: Buffer.from(`${Array.from({ length: 100000 }, (_, i) => `c${i}`).join(',')}\r\n`),
      expected: 'error', code: 'csv_row_too_large', line: 1,
    },
    'a row with 100,000 fields': {
      file: 'wide-row.csv', bytes: Buffer.from(csv(callRow(), ','.repeat(99999))), expected: 'error', code: 'csv_row_too_large', line: 3,
    },
    'markup and script in display names and UPNs': {
      file: 'markup.csv', bytes: Buffer.from(csv(callRow({ UPN: MARKUP, 'User Display Name': MARKUP }))), expected: 'ok',
      check: (r) => {
        assert.equal(r.top_users[0].user, MARKUP, 'kept as text, unchanged');
        assert.equal(r.top_users[0].name, MARKUP);
      },
    },
    'formula in display names and UPNs': {
      file: 'formula.csv', bytes: Buffer.from(csv(callRow({ UPN: FORMULA, 'User Display Name': FORMULA }))), expected: 'ok',
      check: (r) => assert.equal(r.top_users[0].name, FORMULA),
    },
    'Graph JSON nested 100,000 deep': { file: 'deep.json', bytes: nested(100000), expected: 'error' },
    'Graph JSON with a duration of 1e309': {
      file: 'graph1e309.json', expected: 'either',
      bytes: Buffer.from('{"value":[{"callType":"user_out","startDateTime":"2026-10-01T10:00:00Z","duration":1e309}]}'),
    },
    'Graph JSON truncated': {
      file: 'graph-cut.json', bytes: Buffer.from('{"value":[{"callType":"user_out","startDateTime":"2026-10-0'), expected: 'error',
    },
    'NUL bytes': { file: 'nul.csv', bytes: Buffer.from(`${csv(callRow())}\u0000\u0000,\u0000\r\n`), expected: 'ok' },
    'empty file': { file: 'empty.csv', bytes: Buffer.alloc(0), expected: 'error', code: 'usage_empty' },
    'a rate sheet instead of a report': {
      file: 'sheet.csv', bytes: Buffer.from('Destination,Prefix,Per minute\r\nFrance,33,0.024\r\n'), expected: 'error', code: 'usage_missing_column', line: 1,
    },
  };
}
