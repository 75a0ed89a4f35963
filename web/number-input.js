// Numbers as people type them: "1,000", "1 000", "1.000" (a thousand where "." groups thousands), "1,5" (one and
// a half where "," is the decimal mark), read as the page's locale means them. Input that could mean two numbers
// in that locale ("1.000" in en-US: 1 or 1000? "1,5": 1.5 or 15?) is refused with a sentence, never guessed.
const SPACE_OR_APOSTROPHE = /^[\s\u00a0\u202f\u2009\u2007'\u2019]$/;

const cache = new Map();
// locale -> {group, decimal, indian, example}: the locale's own marks (Intl), and whether it groups as 12,34,567.
// Cached: making an Intl.NumberFormat costs about as much as reading a hundred numbers, and the form reads every
// field on each keystroke.
export function separatorsOf(locale) {
  const key = locale ?? '';
  if (!cache.has(key)) {
    const parts = new Intl.NumberFormat(locale || undefined).formatToParts(1234567.5);
    const integers = parts.filter((p) => p.type === 'integer').map((p) => p.value.length);
    cache.set(key, {
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      indian: integers.length === 3 && integers[1] === 2,
      example: parts.map((p) => p.value).join(''), // 1234567.5 as the locale writes it, for messages
    });
  }
  return cache.get(key);
}

// The locale the page formats its figures in (format.js uses the same default).
let locale = null;
export const pageLocale = () => (locale ??= new Intl.NumberFormat().resolvedOptions().locale);

// Digit runs between thousands marks: 1-3 digits, then runs of 3 (or, where the locale groups so, 1-2 digits,
// runs of 2, and a last run of 3: 12,34,567).
function groupsValid(runs, indian) {
  if (runs.length < 2) return true;
  if (!/^[1-9]\d{0,2}$/.test(runs[0]) || runs.at(-1).length !== 3) return false;
  const middle = runs.slice(1, -1);
  return middle.every((r) => r.length === 3) || (indian && runs[0].length <= 2 && middle.every((r) => r.length === 2));
}

const plain = (digits) => digits.replace(/^0+(?=\d)/, '');

// text -> {value: "1000.5" (a plain decimal string)} | {error: a sentence} | {empty: true}.
// options: {locale, whole: whole numbers only, decimals: most digits after the decimal mark, digits: most before it,
// name: the field's name for the sentence ("Minutes")}.
export function readNumber(text, { locale, whole = false, decimals = 6, digits = 12, name } = {}) {
  const t = String(text ?? '').trim();
  if (t === '') return { empty: true };
  const seps = separatorsOf(locale);
  const notNumber = whole ? 'Type a whole number like 25, without letters, signs or decimals.'
    : `${name ? `${name} must be` : 'Type'} a number like 1500 or 12${seps.decimal}5, without letters or signs.`;
  const runs = t.split(/\D/);
  const marks = t.match(/\D/g) ?? [];
  if (runs.some((r) => r === '') || marks.some((m) => m !== '.' && m !== ',' && !SPACE_OR_APOSTROPHE.test(m))) return { error: notNumber };
  const badGroups = { error: `"${t}" is not a number as your settings write them (for example ${seps.example}).` };
  const done = (intRuns, fraction) => finish(t, plain(intRuns.join('')), fraction, { whole, decimals, digits, seps });

  const points = [...new Set(marks.filter((m) => m === '.' || m === ','))];
  if (points.length === 0) return groupsValid(runs, seps.indian) ? done(runs, '') : badGroups;
  if (points.length === 2) {
    // "1,234.5" or "1.234,5": the last mark, used once, is the decimal mark; the other groups thousands.
    const last = marks.at(-1);
    if (marks.filter((m) => m === last).length !== 1 || !groupsValid(runs.slice(0, -1), seps.indian)) return badGroups;
    return done(runs.slice(0, -1), runs.at(-1));
  }
  const mark = points[0];
  const count = marks.filter((m) => m === mark).length;
  if (count > 1) return groupsValid(runs, seps.indian) ? done(runs, '') : badGroups; // "1.000.000": only thousands marks
  if (marks.at(-1) !== mark) return badGroups; // "1,000 000"
  const intRuns = runs.slice(0, -1);
  const fraction = runs.at(-1);
  if (!groupsValid(intRuns, seps.indian)) return badGroups;
  const alone = marks.length === 1;
  if (mark === seps.group) {
    // The locale's thousands mark: "1,000" in en-US, "1.000" in de-DE. Anything else ("1,5" in en-US) is 1.5 or 15.
    return groupsValid(runs, seps.indian) ? done(runs, '') : ambiguous(t, runs, seps, whole);
  }
  // The locale's decimal mark, or a decimal mark from elsewhere ("1.5" in fr-FR). Alone before exactly three
  // digits it may be someone's thousands mark: "1.000" in en-US is 1 or 1000.
  if (alone && fraction.length === 3 && plain(intRuns[0]) !== '0') return ambiguous(t, runs, seps, whole);
  return done(intRuns, fraction);
}

const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;

// A plain decimal ("1000.5", as a scenario document and the usage importer hold numbers) -> the same number as a
// person types it in `locale` ("1000,5" in de-DE), which readNumber reads back as that number. The form is read in
// the page's locale, so text put into it that was never typed must be written the same way. It works on the text,
// never through floating point; whole numbers are left as they are (no thousands marks to misread). Anything that
// is not a plain decimal is returned unchanged, for the form to check and explain.
//
// readNumber asks whether a lone mark before exactly three digits groups thousands ("61.436": 61436?), so such a
// fraction gets a fourth digit, a zero: the same number, read one way only. Unless `keepQuestion`: text a field
// kept as typed because it could mean two numbers ("1.000" in en-US) asks again rather than being answered here.
export function typedNumber(plainText, locale, { keepQuestion = false } = {}) {
  const text = String(plainText);
  const m = PLAIN_DECIMAL.exec(text);
  if (!m || m[2] === undefined) return text;
  const [, int, fraction] = m;
  // A locale whose decimal mark is neither "," nor "." (Arabic's "٫") is typed with ".", which readNumber reads
  // as a decimal mark from elsewhere.
  const mark = separatorsOf(locale).decimal === ',' ? ',' : '.';
  const couldGroup = /^[1-9]\d{0,2}$/.test(plain(int));
  const settle = fraction.length === 3 && plain(int) !== '0' && !(keepQuestion && couldGroup);
  return `${int}${mark}${fraction}${settle ? '0' : ''}`;
}

// "1,5" / "1.000": the digits as one number, or the mark as a decimal mark.
function ambiguous(t, runs, seps, whole) {
  const together = plain(runs.join(''));
  const fraction = runs[1].replace(/0+$/, '');
  const small = fraction ? `${plain(runs[0])}${seps.decimal}${fraction}` : plain(runs[0]);
  if (whole && fraction) return { error: `"${t}" is not a whole number as your settings write numbers; type ${together} if you meant ${together}.` };
  return { error: `"${t}" could mean ${small} or ${together}: type ${together} or ${small} to say which.` };
}

function finish(t, int, fraction, { whole, decimals, digits, seps }) {
  if (whole && fraction !== '') return { error: `"${t}" is not a whole number: type a whole number like 25.` };
  if (int.length > digits) return { error: `"${t}" is too large for this field.` };
  if (fraction.length > decimals) return { error: `"${t}" has more than ${decimals} digits after the decimal mark (${seps.decimal}).` };
  return { value: fraction ? `${int}.${fraction}` : int };
}
