// The core's sentences as a person reads them: the core writes for every front end (the CLI, the JSON), so its
// text names scenario paths ("usage[3].minutes"), sheet keys, ISO codes and the files its rules come from. Here
// each becomes what the person sees: the field's label, the sheet's title, the country's name, Microsoft's page
// by its title (a link), and this project's own notes are left out.
import { learnPage } from './links.js';
import { countryName } from './countries.js';

const SHEETS = {
  dial_out_calls: 'Dial-out calls', dial_out_audio: 'Dial-out Audio Rates', toll_free_in: 'Dial-in to toll free', toll_in: 'Dial-in to toll',
};
const NUMBER_TYPES = { wireline: 'landline', wireless: 'mobile', all: 'any number type', premium: 'premium' };
const OUR_FILES = { 'plans.json': 'the plan data', 'countries.json': 'the country list' };

// A project note reference with the separator around it: "DOMAIN.md §1; ", "; DOMAIN.md section 1", "(DOMAIN.md)".
const NOTE = /(\s*[;,]\s*)?(\()?\b(?:DOMAIN|CONTRACT|TOOLCHAIN)\.md(?:\s*(?:§\s*|section\s+)\d+(?:\.\d+)*)?(\))?(\s*[;,]\s*)?/g;
const PATH = /"?\b(usage|licenses)\[(\d+)\](?:\.([a-z_]+))?"?|"?\b(conferencing|billing|funding)\.([a-z_]+)"?/g;
const TYPE_LIST = /\(((?:wireline|wireless|all|premium)(?:, (?:wireline|wireless|all|premium))*)\)/g;
const COUNTRY_AFTER = /\b(destination|tenants in|calls to|to|from|in|prices) ([A-Z]{2})\b/g;
// A Microsoft page the core names by file ("what-are-communications-credits.md") or cites by link (its title, then
// "https://learn.microsoft.com/…"; the link ends before closing punctuation).
const PAGE = /\b([a-z0-9]+(?:-[a-z0-9]+)+)\.md\b|(https:\/\/[\w.-]+\.microsoft\.com\/[^\s()]*[^\s().,;:])/g;

// describe(path) -> the field's words ("Minutes, row 3 of Outbound calls by users") or null.
function rewrite(text, describe) {
  return String(text)
    .replace(NOTE, (all, before, open, close, after) => {
      if (open && close) return '';
      if (open) return '(';
      if (close) return ')';
      return before && after ? '; ' : '';
    })
    .replace(/\s*\(sheet [a-z_]+\)/g, '')
    .replace(/\bsheet ([a-z_]+)\b/g, (all, key) => (SHEETS[key] ? `the "${SHEETS[key]}" sheet` : all))
    .replace(/\s*\((plans|countries)\.json\)/g, '')
    .replace(/\b(plans|countries)\.json\b/g, (name) => OUR_FILES[name])
    .replace(PATH, (all, list, index, field, group, member) => {
      const path = list ? `${list}[${index}]${field ? `.${field}` : ''}` : `${group}.${member}`;
      return describe?.(path) ?? (list ? `row ${Number(index) + 1} of the ${list === 'usage' ? 'minutes' : 'licences'}` : member.replace(/_/g, ' '));
    })
    // The core's own words for a row ("row 4 of the usage") count rows of its whole list, not the form's sections.
    .replace(/\brow (\d+) of the (usage|licences|licenses)\b/g, (all, n, list) => {
      const path = `${list === 'usage' ? 'usage' : 'licenses'}[${Number(n) - 1}]`;
      return describe?.(path) ?? all;
    })
    .replace(TYPE_LIST, (all, types) => `(${types.split(', ').map((t) => NUMBER_TYPES[t]).join(', ')})`)
    .replace(COUNTRY_AFTER, (all, word, code) => `${word} ${countryName(code)}`)
    .replace(/ {2,}/g, ' ')
    .replace(/ ([.,;:)])/g, '$1');
}

// text -> pieces: strings, and {href, label} for each Microsoft page it cites.
export function peoplePieces(text, describe) {
  const t = rewrite(text, describe);
  const pieces = [];
  let at = 0;
  for (const m of t.matchAll(PAGE)) {
    if (m.index > at) pieces.push(t.slice(at, m.index));
    pieces.push(m[2] ? { href: m[2], label: m[2].replace(/^https:\/\//, '') } : learnPage(m[1]));
    at = m.index + m[0].length;
  }
  if (at < t.length) pieces.push(t.slice(at));
  // Whatever snake_case id is left (a key the core added later) reads as words.
  return pieces.map((p) => (typeof p === 'string' ? p.replace(/\b[a-z]+(?:_[a-z0-9]+)+\b/g, (id) => id.replace(/_/g, ' ')) : p));
}

export const peopleText = (text, describe) => peoplePieces(text, describe).map((p) => (typeof p === 'string' ? p : p.label)).join('');
