// Country names for the pickers: rates/countries.json when the site ships it, else the browser's own region names
// (Intl.DisplayNames, built into the browser, no network).
import { COUNTRIES_FILE } from './site-data.js';

// CLDR codes that are regions or placeholders, not countries.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ', 'AA', 'QU', 'XK', 'CP', 'DG', 'EA', 'IC', 'TA', 'AN', 'SU', 'YU', 'CS', 'DD', 'BU', 'ZR', 'TP', 'FX', 'NT']);

let list = [];
const names = new Map();

function fromBrowser() {
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const result = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      let name;
      try { name = display.of(code); } catch { name = undefined; }
      if (name && name !== code) result.push({ code, name });
    }
  }
  return result;
}

export async function loadCountries() {
  let loaded = null;
  if (COUNTRIES_FILE) {
    try {
      const doc = await (await fetch(COUNTRIES_FILE)).json();
      if (Array.isArray(doc.countries)) {
        loaded = doc.countries.filter((c) => typeof c.code === 'string' && typeof c.name === 'string');
      }
    } catch { loaded = null; }
  }
  list = (loaded && loaded.length ? loaded : fromBrowser()).slice().sort((x, y) => x.name.localeCompare(y.name, 'en'));
  for (const c of list) names.set(c.code, c.name);
  return list;
}

export const countries = () => list;
export const countryName = (code) => names.get(code) ?? code;
