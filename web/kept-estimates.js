// Estimates an admin keeps side by side, the way cloud pricing calculators keep several: named inputs stored in this
// browser only (localStorage; nothing is sent anywhere) and in a file they save. Each is kept as its scenario
// (core/CONTRACT.md "Scenario"), not as figures, so the table prices every one again with the rates loaded now and
// no kept figure can disagree with the rates the page names. Pure functions: the page passes the storage in.
const STORAGE_KEY = 'ccredits.kept-estimates';
const FILE_KIND = 'ccredits kept estimates';
export const MAX_KEPT = 20;
const MAX_NAME = 60;

const isScenario = (s) => s !== null && typeof s === 'object' && !Array.isArray(s);

function cleanName(name) {
  return String(name ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
}

// A name not yet taken: "Estimate 3", or "Move to Pay-As-You-Go (2)" when that name is kept already.
export function uniqueName(list, wanted) {
  const taken = new Set(list.map((k) => k.name.toLowerCase()));
  const base = cleanName(wanted) || `Estimate ${list.length + 1}`;
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; ++n) {
    const name = `${base} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

let serial = 0;
const newId = () => `k${Date.now().toString(36)}${(++serial).toString(36)}`;

function entry(value) {
  if (!value || typeof value !== 'object' || !isScenario(value.scenario)) return null;
  const name = cleanName(value.name);
  if (!name) return null;
  return {
    id: typeof value.id === 'string' && value.id ? value.id : newId(),
    name,
    kept_on: typeof value.kept_on === 'string' ? value.kept_on.slice(0, 10) : '',
    scenario: value.scenario,
  };
}

// The kept list in this browser; [] when there is none, storage is off, or what is stored is not ours.
export function readKept(storage) {
  try {
    const parsed = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.map(entry).filter(Boolean).slice(0, MAX_KEPT) : [];
  } catch {
    return [];
  }
}

// -> '' when stored, else a sentence for the person (private browsing, storage full).
export function writeKept(storage, list) {
  try {
    if (!storage) throw new Error('no storage');
    storage.setItem(STORAGE_KEY, JSON.stringify(list));
    return '';
  } catch {
    return 'This browser does not let the page keep estimates (storage is off or full): save them to a file instead.';
  }
}

// -> {list, kept} | {list, error}
export function keepEstimate(list, name, scenario, date) {
  if (list.length >= MAX_KEPT) return { list, error: `At most ${MAX_KEPT} estimates are kept: remove one first.` };
  const kept = { id: newId(), name: uniqueName(list, name), kept_on: date, scenario };
  return { list: [...list, kept], kept };
}

export function cloneEstimate(list, id, date) {
  const original = list.find((k) => k.id === id);
  if (!original) return { list };
  return keepEstimate(list, `${original.name} (copy)`, structuredClone(original.scenario), date);
}

export function removeEstimate(list, id) {
  return list.filter((k) => k.id !== id);
}

export function renameEstimate(list, id, name) {
  const others = list.filter((k) => k.id !== id);
  return list.map((k) => (k.id === id ? { ...k, name: uniqueName(others, name) || k.name } : k));
}

// The file "Save kept estimates" writes; the page's "Open" reads it back (it also opens a single scenario).
export function keptFileText(list) {
  const estimates = list.map(({ name, kept_on: keptOn, scenario }) => ({ name, kept_on: keptOn, scenario }));
  return `${JSON.stringify({ kind: FILE_KIND, version: 1, estimates }, null, 2)}\n`;
}

export const isKeptFile = (doc) => doc !== null && typeof doc === 'object' && doc.kind === FILE_KIND;

// A kept-estimates file added to the list: names made unique, entries without a scenario left out and counted.
// -> {list, added, skipped}; throws Error with a sentence when the file is not one the page can read.
export function addFromFile(list, doc) {
  if (!isKeptFile(doc) || doc.version !== 1 || !Array.isArray(doc.estimates)) {
    throw new Error('This file is not a kept-estimates file this calculator can read.');
  }
  let next = list;
  let added = 0;
  let skipped = 0;
  for (const value of doc.estimates) {
    const e = entry(value);
    if (!e || next.length >= MAX_KEPT) {
      ++skipped;
      continue;
    }
    next = [...next, { ...e, id: newId(), name: uniqueName(next, e.name) }];
    ++added;
  }
  return { list: next, added, skipped };
}
