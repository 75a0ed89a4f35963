// The core's sentences as a person reads them on the page. The core writes for every front end (the CLI, the
// JSON): it names a row by its place in the whole scenario ("row 4 of the usage", "licence row 2"), number types
// and countries by their keys and ISO codes, the plan data by its file, and cites Microsoft's pages by title and
// link. Here the row becomes the form's label for it, the keys and codes their names, the files what they hold,
// and each link a link.
import { countryName } from './countries.js';
import { decimalText } from './format.js';

const NUMBER_TYPES = { wireline: 'landline', wireless: 'mobile', all: 'any number type', premium: 'premium' };
const OUR_FILES = { plans: 'the plan data', countries: 'the country list' };

// "row 4 of the usage" and "licence row 2", as the core's field words write them (core/src/formats/json_input.cpp),
// but not a row of an imported report's baseline, which the form does not show.
const ROW = /\b([Rr]ow (\d+) of the usage|[Ll]icence row (\d+))\b(?! of the baseline)/g;
const TYPE_LIST = /\(((?:wireline|wireless|all|premium)(?:, (?:wireline|wireless|all|premium))*)\)/g;
const COUNTRY_AFTER = /\b(destination|tenants in|calls to|to|from|in|prices) ([A-Z]{2})\b/g;
// A Microsoft page the core cites by link (after its title); the link ends before closing punctuation.
const LINK = /https:\/\/[\w.-]+\.microsoft\.com\/[^\s()]*[^\s().,;:]/g;

const capitalFirst = (words) => words.charAt(0).toUpperCase() + words.slice(1);

// A number the core writes with a decimal point or thousands commas ("1,068.00", "0.089", "50,000"), standing alone
// (not part of a date, a code, a link or a version): the page writes it in its own locale, as it writes its own
// figures ("1.068,00" in German). Whole numbers without grouping ("3000", "2024") are the same in every locale.
const CORE_NUMBER = /(?<![\w.,/:-])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\w/-]|[.,]\d)/g;

// The page's words for a row of its current input (web/app.js sets it on every update), used when a caller gives
// none: a warning in the results names the form's row ("row 1 of Outbound calls by users") as an error does.
let currentRows = null;
export function describeRowsWith(describe) {
  currentRows = describe;
}

// describe(path) -> the field's words ("Minutes, row 3 of Outbound calls by users") or null.
function rewrite(text, describe) {
  return String(text)
    .replace(/\s*\((?:rates\/)?(plans|countries)\.json\)/g, '')
    .replace(/\b(?:rates\/)?(plans|countries)\.json\b/g, (all, name) => OUR_FILES[name])
    .replace(ROW, (all, words, usageRow, licenceRow) => {
      const path = usageRow ? `usage[${Number(usageRow) - 1}]` : `licenses[${Number(licenceRow) - 1}]`;
      const label = (describe ?? currentRows)?.(path);
      if (!label) return all;
      return /^[A-Z]/.test(all) ? capitalFirst(label) : label;
    })
    .replace(TYPE_LIST, (all, types) => `(${types.split(', ').map((t) => NUMBER_TYPES[t]).join(', ')})`)
    .replace(COUNTRY_AFTER, (all, word, code) => `${word} ${countryName(code)}`)
    .replace(CORE_NUMBER, (number) => decimalText(number.replaceAll(',', '')))
    .replace(/ {2,}/g, ' ')
    .replace(/ ([.,;:)])/g, '$1');
}

// text -> pieces: strings, and {href, label} for each Microsoft page it links to.
export function peoplePieces(text, describe) {
  const t = rewrite(text, describe);
  const pieces = [];
  let at = 0;
  for (const m of t.matchAll(LINK)) {
    if (m.index > at) pieces.push(t.slice(at, m.index));
    pieces.push({ href: m[0], label: m[0].replace(/^https:\/\//, '') });
    at = m.index + m[0].length;
  }
  if (at < t.length) pieces.push(t.slice(at));
  // Whatever snake_case key is left (a use case, a setting) reads as words.
  return pieces.map((p) => (typeof p === 'string' ? p.replace(/\b[a-z]+(?:_[a-z0-9]+)+\b/g, (id) => id.replace(/_/g, ' ')) : p));
}

export const peopleText = (text, describe) => peoplePieces(text, describe).map((p) => (typeof p === 'string' ? p : p.label)).join('');
