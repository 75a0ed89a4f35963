// Country names for the pickers and the results: one entry per country of rates/countries.json, the list the
// engine itself knows. (The browser's own region names are not used: they include retired codes such as UK, DY,
// VD and YD, which name countries already listed under their ISO code and which the engine refuses.)
import { COUNTRIES_FILE } from './site-data.js';

let list = [];
const names = new Map();

// doc: the parsed countries file -> [{code, name, otherNames}] sorted by name, one per code (otherNames: what people
// also call the country, which a country field accepts as its name).
export function countryList(doc) {
  const seen = new Set();
  const out = [];
  for (const c of Array.isArray(doc?.countries) ? doc.countries : []) {
    if (!c || typeof c.code !== 'string' || !/^[A-Z]{2}$/.test(c.code) || typeof c.name !== 'string' || seen.has(c.code)) continue;
    seen.add(c.code);
    const otherNames = Array.isArray(c.other_names) ? c.other_names.filter((n) => typeof n === 'string' && n.trim()) : [];
    out.push({ code: c.code, name: c.name, otherNames });
  }
  return out.sort((x, y) => x.name.localeCompare(y.name, 'en'));
}

export async function loadCountries() {
  const response = await fetch(COUNTRIES_FILE);
  if (!response.ok) throw new Error('the list of countries could not be loaded; reload the page.');
  list = countryList(await response.json());
  if (!list.length) throw new Error('the list of countries is empty; reload the page.');
  names.clear();
  for (const c of list) names.set(c.code, c.name);
  return list;
}

export const countries = () => list;
export const countryName = (code) => names.get(code) ?? code;
