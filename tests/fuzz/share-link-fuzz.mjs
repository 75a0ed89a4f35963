#!/usr/bin/env node
// Seeded mutation fuzzer for the share link: the page's decoder is JavaScript, so libFuzzer cannot
// reach it. Valid links are mutated at three levels — the fragment text, the deflated bytes, the JSON text and
// the JSON document — and each mutant goes the page's way: decodeShare (web/share-link.js) -> fromScenario and
// toScenario (web/state.js) -> the wasm estimate (web/ccredits-client.js over the shipped module).
// A finding is: decodeShare settling with anything but a value or an Error carrying a sentence; fromScenario
// throwing anything but such an Error; toScenario throwing; the estimate throwing, giving an "internal" error, or
// a result holding NaN, Infinity or undefined.
//   node tests/fuzz/share-link-fuzz.mjs [--seconds N | --runs N] [--seed S]
// The short fixed-seed run is tests/node/share-link-fuzz.test.mjs; findings are kept as fragments, one file
// each, in tests/fuzz/regressions/share_link/ and replayed there.
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { decodeShare, encodeShare } from '../../web/share-link.js';
import { defaultModel, fromScenario, toScenario } from '../../web/state.js';
import { random, generateScenarios } from '../node/scenario-generator.mjs';

// Tokens a mutation may splice into JSON text or put in a document: the hostile values of the catalogue and
// the property names that trip JavaScript's own conversions.
const TEXT_TOKENS = ['{', '}', '[', ']', ',', ':', '"', '\\', '\\u0000', '\\ud800', 'null', 'true', 'false', '-',
  '1e309', '-1e309', '99999999999999', '0.0000001', '9'.repeat(400), '"toString"', '"valueOf"', '"__proto__"',
  '"constructor"', '"schema"', '"usage"', '"licenses"', '"kind"', '"user_out"', '"minutes"', '"funding"',
  '"daily_profile"', '"billing"', '"conferencing"', '<script>alert(1)</script>', "=cmd|' /C calc'!A0", '\u00e9'];
const VALUES = [null, true, false, 0, -1, 1e308, -0, 0.1, 99999999999999, '', 'NaN', 'Infinity', 'undefined',
  '1e309', '9'.repeat(1000), '<img src=x onerror=alert(1)>', "=cmd|' /C calc'!A0", '\ud800', [], {}, [[[]]],
  { toString: 1 }, { valueOf: null }, { toString: 'x', valueOf: 'y' }, { __proto__: null }, { length: 1e9 },
  ['US'], { kind: 'user_out' }, 'ccredits.scenario/2'];
const KEYS = ['schema', 'licenses', 'usage', 'conferencing', 'billing', 'funding', 'kind', 'from', 'to', 'country',
  'number_type', 'minutes', 'calls', 'users', 'plan', 'service', 'mode', 'months', 'daily_profile',
  'calling_account', 'channel', 'organization_country', 'toString', 'valueOf', '__proto__', 'constructor', 'length'];

const SENTENCE = /^[A-Z][^\n]*[.)]$/;

export class Finding extends Error {}

function seeds() {
  const out = [toScenario(defaultModel()).scenario];
  for (const text of generateScenarios(40, 11)) {
    try {
      out.push(JSON.parse(text));
    } catch {
      // the generator writes some invalid documents on purpose; the fuzzer wants valid starting points
    }
  }
  const withProfile = toScenario(defaultModel()).scenario;
  withProfile.funding.daily_profile = Array.from({ length: 30 }, (_, i) => `${i}.50`);
  out.push(withProfile);
  return out;
}

function mutator(rnd) {
  const int = (n) => Math.floor(rnd() * n);
  const pick = (list) => list[int(list.length)];
  const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

  const mutateText = (text) => {
    let t = text;
    for (let k = 1 + int(3); k > 0; --k) {
      const at = int(t.length + 1);
      switch (int(6)) {
        case 0: t = t.slice(0, at) + pick(TEXT_TOKENS) + t.slice(at); break;
        case 1: t = t.slice(0, at) + t.slice(at + 1 + int(8)); break;
        case 2: t = t.slice(0, at); break;
        case 3: t = t.slice(0, at) + t.slice(int(t.length), int(t.length) + int(40)) + t.slice(at); break;
        case 4: t = t.slice(0, at) + String.fromCharCode(int(0x10000)) + t.slice(at + 1); break;
        default: t = '['.repeat(int(3000)) + t;
      }
    }
    return t;
  };

  const mutateBytes = (bytes) => {
    const b = Buffer.from(bytes);
    let out = b;
    switch (int(5)) {
      case 0: for (let k = 1 + int(4); k > 0 && b.length; --k) b[int(b.length)] ^= 1 << int(8); break;
      case 1: out = b.subarray(0, int(b.length + 1)); break;
      case 2: out = Buffer.concat([b, Buffer.from(Array.from({ length: 1 + int(16) }, () => int(256)))]); break;
      case 3: if (b.length) b[int(b.length)] = int(256); break;
      default: out = Buffer.concat([b.subarray(0, int(b.length + 1)), b]);
    }
    return out;
  };

  // A random place in the document: replace a value, add a member, or drop one.
  const mutateDoc = (doc) => {
    const root = { doc: clone(doc) };
    let holder = root;
    let key = 'doc';
    for (let depth = int(5); depth > 0; --depth) {
      const v = holder[key];
      if (!v || typeof v !== 'object') break;
      const keys = Object.keys(v);
      if (keys.length === 0) break;
      holder = v;
      key = pick(keys);
    }
    switch (int(4)) {
      case 0: holder[key] = clone(pick(VALUES)); break;
      case 1: if (holder[key] && typeof holder[key] === 'object' && !Array.isArray(holder[key])) holder[key][pick(KEYS)] = clone(pick(VALUES)); break;
      case 2: if (Array.isArray(holder)) holder.splice(Number(key), 1); else delete holder[key]; break;
      default: if (Array.isArray(holder[key])) holder[key].push(...Array.from({ length: int(300) }, () => clone(holder[key][0]))); else holder[key] = [holder[key]];
    }
    // JSON.stringify drops own __proto__ made by JSON.parse only if it is a setter; spell it out as text too.
    let text = JSON.stringify(root.doc) ?? 'null';
    if (rnd() < 0.1) text = text.replace(/^\{/, `{"__proto__":${JSON.stringify(pick(VALUES)) ?? 'null'},`);
    return text;
  };

  const mutateLink = (link) => {
    let t = link;
    switch (int(6)) {
      case 0: t = t.slice(0, int(t.length + 1)); break;
      case 1: { const at = int(t.length); t = t.slice(0, at) + pick(['=', '+', '/', '%', '.', ' ', '#', 'A', '_', '-', '\u00e9']) + t.slice(at + 1); break; }
      case 2: t = pick(['s1.', 's2.', 's10.', 'S1.', 's1', '', 's.']) + t.slice(3); break;
      case 3: t = t + t.slice(3); break;
      case 4: t = t.slice(0, 3) + 'A'.repeat(int(70000)); break;
      default: { const at = 3 + int(Math.max(1, t.length - 3)); t = t.slice(0, at) + t.slice(at + 1 + int(3)); }
    }
    return t;
  };

  return { int, pick, mutateText, mutateBytes, mutateDoc, mutateLink };
}

const deflated = (text) => zlib.deflateRawSync(Buffer.from(text, 'utf8'));
const linkOf = (bytes) => `s1.${Buffer.from(bytes).toString('base64url')}`;

// One fragment the page's way. Returns a short word for the outcome; throws Finding for a bug.
export async function checkFragment(fragment, calculator) {
  let doc;
  try {
    doc = await decodeShare(fragment);
  } catch (e) {
    if (!(e instanceof Error) || e.constructor !== Error || !SENTENCE.test(e.message)) {
      throw new Finding(`decodeShare threw ${e?.constructor?.name}: ${e?.message ?? e}`);
    }
    return 'link refused';
  }
  let model;
  try {
    model = fromScenario(doc);
  } catch (e) {
    if (!(e instanceof Error) || e.constructor !== Error || !SENTENCE.test(e.message)) {
      throw new Finding(`fromScenario threw ${e?.constructor?.name}: ${e?.message ?? e}`);
    }
    return 'scenario refused';
  }
  let scenario;
  try {
    ({ scenario } = toScenario(model));
  } catch (e) {
    throw new Finding(`toScenario threw ${e?.constructor?.name}: ${e?.message ?? e}`);
  }
  let result;
  try {
    result = calculator.estimate(scenario);
  } catch (e) {
    throw new Finding(`estimate threw ${e?.constructor?.name}: ${e?.message ?? e}`);
  }
  if (!result || typeof result !== 'object') throw new Finding(`estimate gave ${typeof result}`);
  if (result.error) {
    if (result.error.code === 'internal' || typeof result.error.message !== 'string' || !result.error.message) {
      throw new Finding(`estimate error ${JSON.stringify(result.error)}`);
    }
    return 'estimate error';
  }
  const text = JSON.stringify(result, (k, v) => (v === undefined ? 'undefined' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  if (/NaN|Infinity|undefined/.test(text)) throw new Finding(`estimate holds NaN/Infinity/undefined: ${text.slice(0, 300)}`);
  return 'estimate';
}

// Runs mutants until `runs` are done or `seconds` have passed. Returns {runs, outcomes, findings: [{fragment, what}]}.
export async function fuzzShareLinks({ calculator, seed = 1, runs = Infinity, seconds = Infinity, stopAtFirst = false }) {
  const rnd = random(seed);
  const m = mutator(rnd);
  const bases = seeds();
  const links = await Promise.all(bases.map((s) => encodeShare(s)));
  const outcomes = {};
  const findings = [];
  const end = Date.now() + seconds * 1000;
  let n = 0;
  for (; n < runs && Date.now() < end; ++n) {
    const i = m.int(bases.length);
    let fragment;
    switch (m.int(4)) {
      case 0: fragment = m.mutateLink(links[i]); break;
      case 1: fragment = linkOf(m.mutateBytes(deflated(JSON.stringify(bases[i])))); break;
      case 2: fragment = linkOf(deflated(m.mutateText(JSON.stringify(bases[i])))); break;
      default: fragment = linkOf(deflated(m.mutateDoc(bases[i])));
    }
    try {
      const outcome = await checkFragment(fragment, calculator);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    } catch (e) {
      if (!(e instanceof Finding)) throw e;
      findings.push({ fragment, what: e.message });
      if (stopAtFirst) return { runs: n + 1, outcomes, findings };
    }
  }
  return { runs: n, outcomes, findings };
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const seconds = option('--seconds', args.includes('--runs') ? Infinity : 60);
  const runs = option('--runs', Infinity);
  const seed = option('--seed', Date.now() % 1e9);
  const { loadCalculator, readRepoFile } = await import('../node/load-module.mjs');
  const calculator = await loadCalculator();
  calculator.loadPlans?.(await readRepoFile('rates/plans.json'), 'plans.json');
  calculator.loadRates(await readRepoFile('rates/illustrative-usd.json'), 'illustrative-usd.json');
  const started = Date.now();
  const r = await fuzzShareLinks({ calculator, seed, runs, seconds });
  const elapsed = (Date.now() - started) / 1000;
  console.log(`share-link fuzz: seed ${seed}, ${r.runs} runs in ${elapsed.toFixed(0)} s, outcomes ${JSON.stringify(r.outcomes)}`);
  for (const f of r.findings.slice(0, 20)) console.log(`FINDING ${f.what}\n  #${f.fragment.slice(0, 2000)}`);
  console.log(`${r.findings.length} findings`);
  process.exitCode = r.findings.length ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
