#!/usr/bin/env node
// A realistic, deterministic Teams PSTN usage report (core/DOMAIN.md §7) for the importer's tests and benchmarks.
//   node tests/tools/generate-report.mjs --rows N [--columns 25|20] [--seed S] [--bad N] --out FILE [--zip]
// Every Call Type, masked numbers (DE FR ES IT ...), display names with commas and quotes, Direct Routing rows,
// Communications Credits charges with connection fees; --bad N adds N deliberately broken rows (bad date,
// negative or absurd duration, unknown call type, bad charge) spread through the file.
// With --zip, FILE is a zip (deflate) holding one `PSTN.calls.<date>.csv`, as Teams exports it.
// With --fraud, a toll-fraud burst is appended (FRAUD below): one account of its own unit calling a satellite number
// at night on the period's first Saturday, so its unit's total is known exactly and the flags have calls to name.
import { openSync, writeSync, closeSync } from 'node:fs';
import zlib from 'node:zlib';

const COLUMNS_25 = ['UsageId', 'Call ID', 'Conference ID', 'User Location', 'Microsoft Entra ObjectId', 'UPN',
  'User Display Name', 'Caller ID', 'Call Type', 'Call Direction', 'Number Type', 'Domestic/International',
  'Destination Dialed', 'Destination Number', 'External Country', 'Start Time', 'End Time', 'Duration Seconds',
  'Connection Fee', 'Charge', 'Currency', 'Capability', 'Operator', 'Source of Call Duration',
  'Administrative Units'];
const COLUMNS_20 = ['UsageId', 'Call ID', 'Conference ID', 'User Location', 'AAD ObjectId', 'UPN',
  'User Display Name', 'Caller ID', 'Call Type', 'Number Type', 'Domestic/International', 'Destination Dialed',
  'Destination Number', 'Start Time', 'End Time', 'Duration Seconds', 'Connection Fee', 'Charge', 'Currency',
  'Capability'];

// Destinations: country, dialling code, national number length, mobile prefix, masked in the export.
const PLACES = [
  { cc: 'US', code: '1', len: 10, mobile: null, masked: false, name: 'United States' },
  { cc: 'GB', code: '44', len: 10, mobile: '7', masked: false, name: 'United Kingdom' },
  { cc: 'FR', code: '33', len: 9, mobile: '6', masked: true, name: 'France' },
  { cc: 'DE', code: '49', len: 10, mobile: '15', masked: true, name: 'Germany' },
  { cc: 'ES', code: '34', len: 9, mobile: '6', masked: true, name: 'Spain' },
  { cc: 'IT', code: '39', len: 10, mobile: '3', masked: true, name: 'Italy' },
  { cc: 'JP', code: '81', len: 10, mobile: '90', masked: false, name: 'Japan' },
  { cc: 'BR', code: '55', len: 11, mobile: null, masked: false, name: 'Brazil' },
  { cc: 'IN', code: '91', len: 10, mobile: null, masked: false, name: 'India' },
];
const USER_COUNTRIES = ['US', 'US', 'US', 'GB', 'DE', 'FR'];
// Call types with weights (per thousand).
const CALL_TYPES = [
  ['user_out', 330], ['user_in', 220], ['user_out_transfer', 20], ['user_out_forwarding', 20], ['user_out_conf', 10],
  ['conf_in', 110], ['conf_out', 50], ['ucap_in', 90], ['ucap_out', 15], ['ucap_out_conf', 5],
  ['unassigned_in', 15], ['emergency_out', 3], ['emergency_in', 2], ['fmc_in', 20], ['fmc_out', 20],
  ['dr_out', 40], ['dr_in', 30],
];
const FIRST = ['Jane', 'John', 'Ana', 'Luc', 'Mia', 'Omar', 'Wei', 'Sara', 'Tom', 'Ines', 'Kai', 'Lea'];
const LAST = ['Doe', 'Smith', 'Müller', 'Dubois', 'García', 'Rossi', 'Tanaka', "O'Neil", 'Silva', 'Kim'];

function parseArgs(argv) {
  const a = { rows: 1000, columns: 25, seed: 1, bad: 0, out: null, zip: false, start: '2026-10-01', days: 28, fraud: false };
  for (let i = 0; i < argv.length; ++i) {
    const k = argv[i];
    if (k === '--zip') a.zip = true;
    else if (k === '--rows') a.rows = Number(argv[++i]);
    else if (k === '--columns') a.columns = Number(argv[++i]);
    else if (k === '--seed') a.seed = Number(argv[++i]);
    else if (k === '--bad') a.bad = Number(argv[++i]);
    else if (k === '--out') a.out = argv[++i];
    else if (k === '--start') a.start = argv[++i];
    else if (k === '--days') a.days = Number(argv[++i]);
    else if (k === '--fraud') a.fraud = true;
    else throw new Error(`unknown option ${k}`);
  }
  if (!a.out || !(a.columns === 25 || a.columns === 20) || !(a.rows >= 0)) {
    throw new Error('usage: generate-report.mjs --rows N [--columns 25|20] [--seed S] [--bad N] --out FILE [--zip]');
  }
  return a;
}

// mulberry32: small, seeded, the same sequence on every machine.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const csvField = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const pad = (n, w) => String(n).padStart(w, '0');
const hex = (r, n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(r() * 16)]).join('');
const guid = (r) => `${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 12)}`;

// Exact decimal text of micros (never a float): 12345 -> "0.012345".
const money = (micros) => `${Math.floor(micros / 1e6)}.${pad(micros % 1e6, 6)}`;

// The injected burst: `calls` calls of `seconds` each from `upn` (alone in `unit`), 25 minutes apart from 00:25 UTC on
// the period's first Saturday, to `number` (+882: international networks, a premium prefix), `charge` each in USD.
// Its unit's total is calls × charge; off-hours, premium, user-spend and day-spend flags all find it.
export const FRAUD = { upn: 'night.caller.9999@contoso.com', name: 'Night Caller', unit: 'Night shift', country: 'US',
  number: '+882165550123', calls: 12, seconds: 1200, charge: '9.000000' };

function* fraudLines(header, start) {
  const startMs = Date.parse(`${start}T00:00:00Z`);
  let day = 0;
  while (new Date(startMs + day * 86400000).getUTCDay() !== 6) ++day;
  for (let i = 0; i < FRAUD.calls; ++i) {
    const at = startMs + day * 86400000 + (1 + i) * 25 * 60000;  // every 25 minutes from 00:25
    const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
    const id = `f${pad(i, 7)}-0000-4000-8000-000000000000`;
    const v = {
      UsageId: id, 'Call ID': id, 'Conference ID': '', 'User Location': FRAUD.country,
      'Microsoft Entra ObjectId': '99999999-0000-4000-8000-000000000000', 'AAD ObjectId': '99999999-0000-4000-8000-000000000000',
      UPN: FRAUD.upn, 'User Display Name': FRAUD.name, 'Caller ID': '+14255550100', 'Call Type': 'user_out',
      'Call Direction': 'Outbound', 'Number Type': 'user_geographic', 'Domestic/International': 'International',
      'Destination Dialed': 'International Networks', 'Destination Number': FRAUD.number, 'External Country': '',
      'Start Time': iso(at), 'End Time': iso(at + FRAUD.seconds * 1000), 'Duration Seconds': String(FRAUD.seconds),
      'Connection Fee': '0.000000', Charge: FRAUD.charge, Currency: 'USD', Capability: 'MCOPSTNPP',
      Operator: 'Microsoft', 'Source of Call Duration': 'Microsoft', 'Administrative Units': FRAUD.unit,
    };
    yield header.map((h) => csvField(v[h])).join(',') + '\r\n';
  }
}

export function* reportLines({ rows, columns, seed, bad, start, days, fraud }) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const users = Array.from({ length: 2000 }, (_, i) => {
    const first = pick(FIRST), last = pick(LAST);
    let name = r() < 0.5 ? `${last}, ${first}` : `${first} ${last}`;
    if (i % 97 === 0) name = `${first} "${last.slice(0, 2)}" ${last}`;
    return { upn: `${first}.${last}.${i}@contoso.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ''), name,
      oid: guid(r), country: pick(USER_COUNTRIES), capability: r() < 0.8 ? 'MCOPSTN1' : 'MCOPSTN2' };
  });
  const totalWeight = CALL_TYPES.reduce((s, [, w]) => s + w, 0);
  const callType = () => {
    let x = r() * totalWeight;
    for (const [t, w] of CALL_TYPES) if ((x -= w) < 0) return t;
    return 'user_out';
  };
  const startMs = Date.parse(`${start}T00:00:00Z`);
  const header = columns === 25 ? COLUMNS_25 : COLUMNS_20;
  yield header.join(',') + '\r\n';
  const badEvery = bad > 0 ? Math.max(1, Math.floor(rows / bad)) : 0;
  let badDone = 0;
  for (let i = 0; i < rows; ++i) {
    const user = pick(users);
    const type = callType();
    const outbound = type.includes('_out');
    const dr = type.startsWith('dr_');
    const home = PLACES.find((p) => p.cc === user.country);
    const place = outbound ? (r() < 0.7 ? home : pick(PLACES)) : home;
    const mobile = place.mobile && r() < 0.3;
    // Ordinary numbers start with 2 to 7: the 8 and 9 ranges hold premium-rate numbers (+39 899, +49 900, +33 89),
    // which the importer rightly flags, and an ordinary report must raise no flag.
    let national = mobile ? place.mobile : String(2 + Math.floor(r() * 6));
    while (national.length < place.len) national += String(Math.floor(r() * 10));
    let number = `+${place.code}${national}`;
    if (place.masked && outbound && !dr) number = number.slice(0, -4) + '****';
    const tollFree = (type === 'conf_in' || type === 'ucap_in') && r() < 0.5;
    const serviceNumber = tollFree ? `+1800${pad(Math.floor(r() * 1e7), 7)}` : `+1425${pad(Math.floor(r() * 1e7), 7)}`;
    // Working days carry more calls than weekends.
    let day = Math.floor(r() * days);
    const weekday = new Date(startMs + day * 86400000).getUTCDay();
    if ((weekday === 0 || weekday === 6) && r() < 0.7) day = (day + 2) % days;
    const startAt = startMs + day * 86400000 + Math.floor((7 + r() * 12) * 3600000);
    const seconds = Math.floor(5 + r() * r() * 1800);
    const international = outbound && place.cc !== user.country;
    // Charges: international on Domestic plans, conferencing dial-out, toll-free; the rest is included (0).
    let charge = 0, fee = 0, capability = user.capability;
    if (dr) capability = '';
    else if (type === 'conf_out' || type === 'conf_in') capability = 'MCOMEETADD';
    else if (type.startsWith('ucap')) capability = 'MCOPSTNPP';
    const billedSeconds = Math.ceil(seconds / 6) * 6;
    if (!dr && international && capability === 'MCOPSTN1') {
      charge = Math.round((billedSeconds * (mobile ? 89000 : 24000)) / 60);
      capability = 'MCOPSTNPP';
      if (r() < 0.2) fee = 10000;
    } else if (!dr && tollFree) {
      charge = Math.round((billedSeconds * 28000) / 60);
      capability = 'MCOPSTNPP';
    } else if (type === 'conf_out' && place.cc !== 'US') {
      charge = Math.round((billedSeconds * 35000) / 60);
      capability = 'MCOPSTNPP';
    }
    const isoStart = new Date(startAt).toISOString().replace('.000Z', 'Z');
    const isoEnd = new Date(startAt + seconds * 1000).toISOString().replace('.000Z', 'Z');
    const v = {
      UsageId: guid(r), 'Call ID': guid(r), 'Conference ID': type.startsWith('conf') ? String(100000 + i) : '',
      'User Location': user.country, 'Microsoft Entra ObjectId': user.oid, 'AAD ObjectId': user.oid,
      UPN: user.upn, 'User Display Name': user.name, 'Caller ID': outbound ? '+14255550100' : number,
      'Call Type': type, 'Call Direction': outbound ? 'Outbound' : 'Inbound',
      'Number Type': tollFree ? 'service_toll_free' : type.startsWith('ucap') || type.startsWith('conf') ? 'service' : 'user_geographic',
      'Domestic/International': international ? 'International' : 'Domestic',
      'Destination Dialed': outbound ? `${place.name}${mobile ? '-Mobile' : ''}` : '',
      'Destination Number': outbound ? number : serviceNumber,
      'External Country': place.cc, 'Start Time': isoStart, 'End Time': isoEnd, 'Duration Seconds': String(seconds),
      'Connection Fee': dr ? '' : money(fee), Charge: dr ? '' : money(charge), Currency: dr ? '' : 'USD',
      Capability: capability, Operator: dr ? '' : 'Microsoft', 'Source of Call Duration': 'Microsoft',
      'Administrative Units': i % 5 === 0 ? '"Sales, EMEA";Ops' : '',
    };
    if (badEvery && i % badEvery === badEvery - 1 && badDone < bad) {
      const kind = badDone++ % 5;
      if (kind === 0) v['Start Time'] = '2026-13-45T99:00:00Z';
      else if (kind === 1) v['Duration Seconds'] = '-30';
      else if (kind === 2) v['Call Type'] = 'teleport_out';
      else if (kind === 3) v['Duration Seconds'] = '99999999999999';
      else v.Charge = 'n/a';
    }
    yield header.map((h) => csvField(v[h])).join(',') + '\r\n';
  }
  if (fraud) yield* fraudLines(header, start);
}

function writeCsv(fd, lines, onBytes) {
  let batch = [];
  let size = 0;
  for (const line of lines) {
    batch.push(line);
    size += line.length;
    if (size > 1 << 20) {
      onBytes(Buffer.from(batch.join(''), 'utf8'));
      batch = [];
      size = 0;
    }
  }
  if (batch.length) onBytes(Buffer.from(batch.join(''), 'utf8'));
}

function u16(n) { const b = Buffer.alloc(2); b.writeUInt16LE(n); return b; }
function u32(n) { const b = Buffer.alloc(4); b.writeUInt32LE(n >>> 0); return b; }

export function generate(options) {
  const a = { columns: 25, seed: 1, bad: 0, start: '2026-10-01', days: 28, zip: false, fraud: false, ...options };
  const fd = openSync(a.out, 'w');
  try {
    if (!a.zip) {
      writeCsv(fd, reportLines(a), (buf) => writeSync(fd, buf));
      return;
    }
    // One deflated entry; sizes and CRC patched into the local header once known.
    const name = Buffer.from(`PSTN.calls.${a.start}.csv`);
    const localHeader = (crc, csize, usize) => Buffer.concat([u32(0x04034b50), u16(20), u16(0), u16(8), u16(0),
      u16(0x5b21), u32(crc), u32(csize), u32(usize), u16(name.length), u16(0), name]);
    writeSync(fd, localHeader(0, 0, 0));
    let offset = 30 + name.length, crc = 0, usize = 0, csize = 0;
    const deflate = (buf, flush) => {
      const out = zlib.deflateRawSync(buf, { level: 6, finishFlush: flush });
      writeSync(fd, out);
      csize += out.length;
    };
    // Each batch deflated on its own and sync-flushed (non-final blocks, no header in raw deflate): their
    // concatenation is one valid raw-deflate stream, which an empty final block ends.
    writeCsv(fd, reportLines(a), (buf) => {
      crc = zlib.crc32(buf, crc);
      usize += buf.length;
      const out = zlib.deflateRawSync(buf, { level: 6, finishFlush: zlib.constants.Z_SYNC_FLUSH });
      writeSync(fd, out);
      csize += out.length;
    });
    deflate(Buffer.alloc(0), zlib.constants.Z_FINISH);
    writeSync(fd, localHeader(crc, csize, usize), 0, 30 + name.length, 0);
    offset += csize;
    const central = Buffer.concat([u32(0x02014b50), u16(20), u16(20), u16(0), u16(8), u16(0), u16(0x5b21),
      u32(crc), u32(csize), u32(usize), u16(name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(0), name]);
    writeSync(fd, central);
    writeSync(fd, Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(1), u16(1), u32(central.length),
      u32(offset), u16(0)]));
  } finally {
    closeSync(fd);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  generate(parseArgs(process.argv.slice(2)));
}
