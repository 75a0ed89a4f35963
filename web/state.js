import { readNumber, pageLocale, typedNumber } from './number-input.js';
import { countryName } from './countries.js';

// The scenario model behind the form: every value as the person typed it (strings), sensible defaults, the checks
// that give a message next to the field, and the conversions to and from core/CONTRACT.md's scenario JSON.
export const PLANS = [
  ['domestic', 'Domestic Calling Plan'],
  ['domestic_120', 'Domestic Calling Plan 120 minutes'],
  ['domestic_240', 'Domestic Calling Plan 240 minutes'],
  ['domestic_international', 'Domestic and International Calling Plan'],
  ['payg', 'Pay-As-You-Go Calling Plan'],
  ['none', 'No Calling Plan'],
];
export const NUMBER_TYPES = [['wireline', 'Landline'], ['wireless', 'Mobile'], ['all', 'Any number type'], ['premium', 'Premium']];
export const SERVICES = [['conferencing', 'Audio Conferencing bridge'], ['auto_attendant', 'Auto attendant'], ['call_queue', 'Call queue']];
export const ACCOUNTS = [
  ['mosa', 'MOSA (Microsoft Online Subscription Agreement)'],
  ['mca', 'MCA (Microsoft Customer Agreement)'],
  ['nce', 'New commerce (NCE)'],
  ['ea', 'Enterprise Agreement'],
  ['', 'I don\'t know'],
];
export const CHANNELS = [['direct', 'Directly from Microsoft'], ['csp', 'Through a CSP partner'], ['volume_licensing', 'Volume licensing'], ['', 'I don\'t know']];
export const FUNDING = [['auto_recharge', 'Auto-recharge'], ['one_time', 'One-time amount only']];

// Each list section: its scenario kind, its fields, and a fresh row.
export const ROW_SECTIONS = {
  licenses: { fields: ['country', 'plan', 'users'], blank: () => ({ country: 'US', plan: 'domestic', users: '1' }) },
  user_out: { fields: ['from', 'to', 'number_type', 'minutes', 'calls'], blank: () => ({ from: 'US', to: 'US', number_type: 'wireline', minutes: '0', calls: '' }) },
  // Meeting dial-out is priced per number type where the card has one (India: landline or mobile); a row says
  // which, landline unless chosen, and its line in the results names it.
  conf_out: { fields: ['to', 'number_type', 'minutes'], blank: () => ({ to: 'US', number_type: 'wireline', minutes: '0' }) },
  toll_free_in: { fields: ['country', 'service', 'minutes'], blank: () => ({ country: 'US', service: 'conferencing', minutes: '0' }) },
  toll_in: { fields: ['country', 'minutes'], blank: () => ({ country: 'US', minutes: '0' }) },
};
export const USAGE_KINDS = ['user_out', 'conf_out', 'toll_free_in', 'toll_in'];

export function defaultModel() {
  return {
    licenses: [
      { country: 'US', plan: 'domestic', users: '100' },
      { country: 'GB', plan: 'domestic_international', users: '10' },
    ],
    conferencing: { standard: '50', us_ca_dial_out: '0', pay_per_minute: '0' },
    user_out: [
      { from: 'US', to: 'US', number_type: 'wireline', minutes: '250000', calls: '' },
      { from: 'US', to: 'FR', number_type: 'wireless', minutes: '1000', calls: '400' },
      { from: 'GB', to: 'DE', number_type: 'wireline', minutes: '500', calls: '' },
    ],
    // Empty by default: the example shows Calling Plan usage only.
    conf_out: [],
    toll_free_in: [],
    toll_in: [],
    billing: { calling_account: 'mosa', default_account: 'mosa', channel: 'direct', organization_country: 'US', ea_billing_country: '', tenant_country: 'US' },
    funding: { mode: 'auto_recharge', months: '12' },
    // The what-if comparison: '' lets the core choose (Domestic-family users -> Pay-As-You-Go, or the reverse).
    what_if: { from: '', to: '' },
    licence_prices: blankLicencePrices(),
  };
}

// What the admin pays per licence per month (optional, theirs: ccredits ships no licence prices). With them the
// what-if compares licences plus credits.
export const CONFERENCING_LICENCES = [['standard', 'Audio Conferencing'], ['us_ca_dial_out', 'Dial-out to USA/CAN'], ['pay_per_minute', 'Pay-per-minute conferencing']];
export const PRICED_PLANS = PLANS.filter(([key]) => key !== 'none');
function blankLicencePrices() {
  return {
    calling_plans: Object.fromEntries(PRICED_PLANS.map(([key]) => [key, ''])),
    conferencing: Object.fromEntries(CONFERENCING_LICENCES.map(([key]) => [key, ''])),
  };
}
export const hasLicencePrices = (model) => Object.values(model.licence_prices ?? {}).some((group) => Object.values(group).some((v) => String(v).trim() !== ''));

// An empty, valid input: no licences, no minutes, billing answers unknown. "Start from blank" on the page.
export function blankModel() {
  const model = defaultModel();
  model.licenses = [];
  model.conferencing = { standard: '0', us_ca_dial_out: '0', pay_per_minute: '0' };
  for (const kind of USAGE_KINDS) model[kind] = [];
  model.billing = { calling_account: '', default_account: '', channel: '', organization_country: '', ea_billing_country: '', tenant_country: '' };
  return model;
}

// The check for one field, as the person's locale writes numbers (number-input.js): undefined when fine, else a
// sentence.
export function checkField(kind, value, locale = pageLocale()) {
  return readField(kind, value, locale).error;
}

// -> {value} (a plain decimal string, or undefined for an empty optional field) | {error}
function readField(kind, raw, locale) {
  switch (kind) {
    case 'minutes': {
      const r = readNumber(raw, { locale, name: 'Minutes', decimals: 6, digits: 12 });
      return r.empty ? { error: 'Type the minutes per month (0 if none).' } : r;
    }
    case 'count': {
      const r = readNumber(raw, { locale, whole: true, digits: 9 });
      return r.empty ? { error: 'Type a whole number (0 if none).' } : r;
    }
    case 'optional_count': {
      const r = readNumber(raw, { locale, whole: true, digits: 9 });
      return r.empty ? { value: undefined } : r;
    }
    case 'price': {
      const r = readNumber(raw, { locale, name: 'A price', decimals: 6, digits: 9 });
      return r.empty ? { value: undefined } : r;
    }
    case 'months': {
      const r = readNumber(raw, { locale, whole: true, digits: 2 });
      return r.value && Number(r.value) >= 1 && Number(r.value) <= 12 ? r : { error: 'Plan for 1 to 12 months (credits expire after 12).' };
    }
    default:
      return { value: raw };
  }
}

// The form is read whole on each keystroke, and all its fields but one hold what they held at the last: each field's
// reading is kept with the text it read, so a 200-row form does not parse 600 numbers again on every key.
const lastReads = new Map(); // field key -> {raw, kind, locale, read}
function readFieldAt(key, kind, raw, locale) {
  const last = lastReads.get(key);
  if (last && last.raw === raw && last.kind === kind && last.locale === locale) return last.read;
  const read = readField(kind, raw, locale);
  lastReads.set(key, { raw, kind, locale, read });
  return read;
}

const FIELD_KIND = { users: 'count', calls: 'optional_count', minutes: 'minutes', standard: 'count', us_ca_dial_out: 'count', pay_per_minute: 'count', months: 'months', price: 'price' };
export const fieldKind = (name) => FIELD_KIND[name];

// The most minutes a month can hold for n users: every one of them on a call around the clock for 31 days.
const MONTH_MINUTES = 31 * 24 * 60;
const COUNTRY = /^[A-Z]{2}$/;
const COUNTRY_FIELDS = new Set(['country', 'from', 'to']);

// model -> {scenario, errors: [{key, message}], paths: Map(scenario path -> field key)}.
// Fields that fail their check keep their typed text in the scenario, so a share link or file restores them as typed.
export function toScenario(model, { locale = pageLocale() } = {}) {
  const errors = [];
  const paths = new Map();
  const value = (key, name, raw) => {
    const kind = FIELD_KIND[name];
    const read = readFieldAt(key, kind, raw, locale);
    if (read.error) {
      errors.push({ key, message: read.error });
      return String(raw ?? '');
    }
    if (kind === 'minutes' || kind === 'price' || read.value === undefined) return read.value;
    return Number(read.value);
  };
  // A country field holds a code, or the text typed when it names no country (web/inputs/fields.js). A code the
  // list lacks (from a link or a file) goes to the core, which prices it if the rate card has it.
  const place = (key, code, { optional = false } = {}) => {
    if (optional && !code) return null;
    if (typeof code !== 'string' || !COUNTRY.test(code)) {
      errors.push({ key, message: code ? 'No country has this name or code: type a country\'s name or its two-letter code, or choose one from the list.'
        : 'Choose a country: type its name or its two-letter code.' });
    }
    return code;
  };
  const scenario = { schema: 'ccredits.scenario/1' };
  scenario.licenses = model.licenses.map((row, i) => {
    paths.set(`licenses[${i}]`, `licenses.${i}`);
    return { country: place(`licenses.${i}.country`, row.country), plan: row.plan, users: value(`licenses.${i}.users`, 'users', row.users) };
  });
  scenario.conferencing = {};
  for (const name of ['standard', 'us_ca_dial_out', 'pay_per_minute']) {
    scenario.conferencing[name] = value(`conferencing.${name}`, name, model.conferencing[name]);
  }
  scenario.usage = [];
  for (const kind of USAGE_KINDS) {
    model[kind].forEach((row, i) => {
      const out = { kind };
      for (const f of ROW_SECTIONS[kind].fields) {
        const v = FIELD_KIND[f] ? value(`${kind}.${i}.${f}`, f, row[f])
          : COUNTRY_FIELDS.has(f) ? place(`${kind}.${i}.${f}`, row[f]) : row[f];
        if (v !== undefined) out[f] = v;
      }
      paths.set(`usage[${scenario.usage.length}]`, `${kind}.${i}`);
      scenario.usage.push(out);
    });
  }
  // Minutes more than the users calling from that country can talk in a month: read, but said to look wrong.
  const users = new Map();
  scenario.licenses.forEach((l) => { if (typeof l.users === 'number') users.set(l.country, (users.get(l.country) ?? 0) + l.users); });
  model.user_out.forEach((row, i) => {
    const minutes = Number(readFieldAt(`user_out.${i}.minutes`, 'minutes', row.minutes, locale).value);
    const n = users.get(row.from) ?? 0;
    if (n > 0 && minutes > n * MONTH_MINUTES) {
      errors.push({ key: `user_out.${i}.minutes`, warning: true,
        message: `More minutes than ${n} user${n === 1 ? '' : 's'} in ${countryName(row.from)} can talk in a month (at most ${(n * MONTH_MINUTES).toLocaleString(locale)}, every user on a call day and night): check the figure.` });
    }
  });
  const b = model.billing;
  scenario.billing = {
    calling_account: b.calling_account || null,
    default_account: b.default_account || null,
    channel: b.channel || null,
    organization_country: place('billing.organization_country', b.organization_country, { optional: true }),
    ea_billing_country: place('billing.ea_billing_country', b.ea_billing_country, { optional: true }),
    tenant_country: place('billing.tenant_country', b.tenant_country, { optional: true }),
  };
  scenario.funding = { mode: model.funding.mode, months: value('funding.months', 'months', model.funding.months) };
  if (model.funding.daily_profile?.length) scenario.funding.daily_profile = model.funding.daily_profile;
  const w = model.what_if ?? {};
  if (w.from && w.to && w.from !== w.to) scenario.what_if = { plan_changes: [{ from: w.from, to: w.to }] };
  if (hasLicencePrices(model)) {
    const prices = {};
    for (const [group, entries] of Object.entries(model.licence_prices)) {
      for (const [key, raw] of Object.entries(entries)) {
        const v = value(`licence_prices.${group}.${key}`, 'price', raw);
        if (v !== undefined) (prices[group] ??= {})[key] = v;
      }
    }
    scenario.licence_prices = prices;
  }
  if (model.report) scenario.report = model.report;
  return { scenario, errors, paths };
}

const pick = (v, allowed, fallback) => (allowed.some(([k]) => k === v) ? v : fallback);
const country = (v, fallback) => (typeof v === 'string' && COUNTRY.test(v.trim().toUpperCase()) ? v.trim().toUpperCase() : fallback);
const optionalCountry = (v) => (v == null ? '' : country(v, ''));
// Any JSON value as text for a message. String() is not safe on a parsed document: {"toString": 1} makes it throw.
const shown = (v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? 'nothing');
// A document's number as the form's text, typed as a person in `locale` types it ("1000.5" -> "1000,5" in de-DE):
// the form reads its text in the page's locale. A string may be a field's text that was kept as typed because it
// could not be read, so a question it raised ("1.000": 1 or 1000?) is asked again, not answered; a JSON number is
// one number.
const textIn = (locale) => (v, fallback = '0') => (v == null ? fallback
  : typeof v === 'number' ? typedNumber(String(v).slice(0, 40), locale)
  : typeof v === 'string' ? typedNumber(v.slice(0, 40), locale, { keepQuestion: true }) : fallback);

// A scenario document (from a file, a share link or the usage importer) -> model, its numbers written as the page's
// locale writes them (toScenario reads them back). Throws an Error with a sentence when it is not a scenario.
export function fromScenario(doc, { locale = pageLocale() } = {}) {
  const text = textIn(locale);
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('The file is not a ccredits scenario (it is not a JSON object).');
  if (doc.schema !== undefined && doc.schema !== 'ccredits.scenario/1') {
    throw new Error(`The scenario format "${shown(doc.schema).slice(0, 40)}" is not one this page reads (expected ccredits.scenario/1).`);
  }
  const model = defaultModel();
  const list = (v, max = 200) => (Array.isArray(v) ? v.slice(0, max).filter((r) => r && typeof r === 'object') : []);
  model.licenses = list(doc.licenses).map((r) => ({ country: country(r.country, 'US'), plan: pick(r.plan, PLANS, 'domestic'), users: text(r.users) }));
  const c = doc.conferencing && typeof doc.conferencing === 'object' ? doc.conferencing : {};
  model.conferencing = { standard: text(c.standard), us_ca_dial_out: text(c.us_ca_dial_out), pay_per_minute: text(c.pay_per_minute) };
  for (const kind of USAGE_KINDS) model[kind] = [];
  for (const r of list(doc.usage, 2000)) {
    if (r.kind === 'user_out') model.user_out.push({ from: country(r.from, 'US'), to: country(r.to, 'US'), number_type: pick(r.number_type, NUMBER_TYPES, 'wireline'), minutes: text(r.minutes), calls: text(r.calls, '') });
    else if (r.kind === 'conf_out') model.conf_out.push({ to: country(r.to, 'US'), number_type: pick(r.number_type, NUMBER_TYPES, 'wireline'), minutes: text(r.minutes) });
    else if (r.kind === 'toll_free_in') model.toll_free_in.push({ country: country(r.country, 'US'), service: pick(r.service, SERVICES, 'conferencing'), minutes: text(r.minutes) });
    else if (r.kind === 'toll_in') model.toll_in.push({ country: country(r.country, 'US'), minutes: text(r.minutes) });
  }
  const b = doc.billing && typeof doc.billing === 'object' ? doc.billing : {};
  model.billing = {
    calling_account: pick(b.calling_account ?? '', ACCOUNTS, ''),
    default_account: pick(b.default_account ?? '', ACCOUNTS, ''),
    channel: pick(b.channel ?? '', CHANNELS, ''),
    organization_country: optionalCountry(b.organization_country),
    ea_billing_country: optionalCountry(b.ea_billing_country),
    tenant_country: optionalCountry(b.tenant_country),
  };
  const f = doc.funding && typeof doc.funding === 'object' ? doc.funding : {};
  model.funding = { mode: pick(f.mode, FUNDING, 'auto_recharge'), months: text(f.months, '12') };
  const profile = dailyProfile(f.daily_profile);
  if (profile) model.funding.daily_profile = profile;
  const change = Array.isArray(doc.what_if?.plan_changes) ? doc.what_if.plan_changes[0] : null;
  if (change && typeof change === 'object') model.what_if = { from: pick(change.from, PLANS, ''), to: pick(change.to, PLANS, '') };
  model.licence_prices = blankLicencePrices();
  const prices = doc.licence_prices && typeof doc.licence_prices === 'object' ? doc.licence_prices : {};
  for (const group of ['calling_plans', 'conferencing']) {
    const given = prices[group] && typeof prices[group] === 'object' ? prices[group] : {};
    for (const key of Object.keys(model.licence_prices[group])) {
      if (given[key] != null) model.licence_prices[group][key] = text(given[key], '');
    }
  }
  // An imported report's charges, learned rates and the input as imported: kept as they are; the core checks them.
  if (doc.report && typeof doc.report === 'object' && !Array.isArray(doc.report)) model.report = doc.report;
  return model;
}

const AMOUNT = /^\d{1,12}(\.\d{1,6})?$/;
// Spend per day as decimal strings (only its shape is used by the planner), or null when there is no usable shape.
function dailyProfile(days) {
  if (!Array.isArray(days) || days.length === 0 || days.length > 400) return null;
  const out = days.map((d) => (typeof d === 'string' || typeof d === 'number' ? String(d) : ''));
  if (!out.every((d) => AMOUNT.test(d)) || out.every((d) => Number(d) === 0)) return null;
  return out;
}

// The model with the usage of an imported Teams PSTN usage report (core/CONTRACT.md's usage object): its monthly rows
// replace the typed minutes, and its spend per day gives the planner the shape of a real month. Licences, billing
// and the funding choice stay as typed.
//
// With charges in the report (its `report_basis`), the scenario also gets `report` (CONTRACT.md "Scenario"): the
// report's charges per month are the spend, the rates learned from its charged calls price what is typed on top,
// and `baseline` (the input right after the import) is what "on top" is measured from.
export function withImportedUsage(model, report, { locale = pageLocale() } = {}) {
  const imported = fromScenario({ usage: report.scenario_usage ?? [] }, { locale });
  const next = { ...model, funding: { ...model.funding } };
  delete next.report;
  for (const kind of USAGE_KINDS) next[kind] = imported[kind];
  const profile = dailyProfile((report.per_day ?? []).map((d) => d.spend));
  if (profile) next.funding.daily_profile = profile;
  else delete next.funding.daily_profile;
  const basis = report.report_basis;
  if (basis && typeof basis === 'object') {
    next.report = { currency: basis.currency, charges: basis.charges, period: basis.period };
    if (report.learned_rates) next.report.rates = report.learned_rates;
    // The report's trend: the planner follows its 12-month forecast instead of a flat average month. It takes each
    // month's exact amount, so its months add up to the forecast's total as the insights show it (each rounded once).
    const ahead = report.trend?.currency === basis.currency ? report.trend?.forecast?.months : null;
    const exact = (m) => m?.spend_exact ?? m?.spend ?? '';
    if (Array.isArray(ahead) && ahead.length > 0 && ahead.length <= 12 && ahead.every((m) => AMOUNT.test(exact(m)))) {
      next.report.forecast = ahead.map(exact);
    }
    next.report.baseline = baselineOf(next, locale);
  }
  return next;
}

// The input as if a report without charges had just been imported into it, in `currency`: the shape
// withImportedUsage gives (a `report` with charges, learned rates, a forecast and the baseline), so that pricing it
// runs the module's functions for a report-based estimate, which no typed input calls. app.js prices it while a real
// report is being imported; its figures are never shown.
export function asIfImported(model, currency) {
  const { scenario } = toScenario({ ...model, report: undefined });
  const rates = { schema: 'ccredits.rates/1', currency, sheets: {} };
  return { ...scenario, report: { currency, charges: {}, rates, forecast: ['0.00'], baseline: baselineIn(scenario) } };
}

// A report's baseline: the input's licences, conferencing and usage, without a report.
const baselineIn = ({ licenses, conferencing, usage }) => ({ licenses, conferencing, usage });
const baselineOf = (model, locale) => baselineIn(toScenario({ ...model, report: undefined }, { locale }).scenario);

// The countries whose users placed calls in the report but have no licence group in the input: without one, their
// calls are priced as Pay-As-You-Go. -> [{country, users}]
export function licenceGaps(model, report) {
  const have = new Set(model.licenses.map((l) => l.country));
  return (Array.isArray(report?.by_location) ? report.by_location : [])
    .filter((l) => typeof l.country === 'string' && !have.has(l.country) && Number(l.minutes_by_use_case?.user_out) > 0)
    .map((l) => ({ country: l.country, users: Number.isInteger(l.users) && l.users > 0 ? l.users : 1 }));
}

// Adds a licence group (Domestic Calling Plan, the report's number of users) to the input and to the input as
// imported: it describes the licences the report's users had, so it corrects the starting point instead of
// counting as a change typed on top.
export function withLicenceGroup(model, { country, users }) {
  const row = { country, plan: 'domestic', users: String(users) };
  const next = { ...model, licenses: [...model.licenses, row] };
  if (model.report?.baseline) {
    const baseline = model.report.baseline;
    next.report = { ...model.report, baseline: { ...baseline, licenses: [...(baseline.licenses ?? []), { ...row, users }] } };
  }
  return next;
}
