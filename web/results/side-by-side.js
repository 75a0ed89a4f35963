// Estimates side by side: the input on the page and the estimates the admin kept (kept-estimates.js), each priced by
// the core with the rates loaded now, in one table: monthly credit spend, by use case, and what to buy in the words
// of the headline (advice.js). Each kept estimate can be opened, cloned, removed, and has its own share link.
import { h, replace, patchContent } from '../dom.js';
import { money, isDecimal } from '../format.js';
import { purchaseAdvice } from './advice.js';
import { useCaseName } from './spend.js';
import { peopleText } from '../people-text.js';
import {
  readKept, writeKept, keepEstimate, cloneEstimate, removeEstimate, keptFileText, addFromFile,
} from '../kept-estimates.js';

const sameScenario = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// page: {storage, today(), current() -> {scenario, estimate} | null, price(scenario) -> estimate | {error},
//        rateNote() -> "at illustrative rates"…, open(scenario, name), share(scenario) -> Promise<fragment>,
//        download(name, text, type)}
export function mountSideBySide(section, page) {
  let list = readKept(page.storage);
  const priced = new Map(); // id -> {key, estimate}
  const links = new Map(); // id -> fragment
  const nameInput = h('input', { id: 'keep-name', type: 'text', maxlength: '60', autocomplete: 'off', placeholder: 'e.g. Move GB users to Pay-As-You-Go' });
  const status = h('p', { id: 'compare-status', class: 'status', role: 'status' });
  const body = h('div', { id: 'compare-table' });
  const licencesNote = h('p', { class: 'note', id: 'compare-licences',
    text: 'Credit spend only: what you pay for licences is not part of this comparison (enter your licence prices in the form to add it).' });
  const saveFile = h('button', { type: 'button', id: 'save-kept', class: 'no-print', onclick: () => {
    page.download('ccredits-estimates.json', keptFileText(list), 'application/json');
    status.textContent = `${list.length} kept estimate${list.length === 1 ? '' : 's'} saved as ccredits-estimates.json.`;
  } });
  saveFile.textContent = 'Save kept estimates (JSON)';

  section.append(
    h('p', { text: 'Keep this input under a name, change it, and keep the next one: the table prices them all with the rates loaded now. '
      + 'Kept estimates stay in this browser (and in the file you save); nothing is sent anywhere.' }),
    h('div', { class: 'keep-row no-print' },
      h('label', { for: 'keep-name', text: 'Name for this estimate' }), nameInput,
      h('button', { type: 'button', id: 'keep-estimate', onclick: keepCurrent, text: 'Keep this estimate' })),
    body,
    licencesNote,
    saveFile,
    status,
  );

  function store(next, message) {
    list = next;
    const problem = writeKept(page.storage, list);
    status.textContent = problem || message;
    draw();
  }

  function keepCurrent() {
    const current = page.current();
    if (!current) {
      status.textContent = 'There is no estimate to keep yet: fix the fields marked in the form first.';
      return;
    }
    const result = keepEstimate(list, nameInput.value, structuredClone(current.scenario), page.today());
    if (result.error) {
      status.textContent = result.error;
      return;
    }
    nameInput.value = '';
    store(result.list, `Kept as "${result.kept.name}".`);
  }

  function estimateOf(kept, current, note) {
    if (current && sameScenario(kept.scenario, current.scenario)) return current.estimate;
    const key = `${note}\n${JSON.stringify(kept.scenario)}`;
    const held = priced.get(kept.id);
    if (held?.key === key) return held.estimate;
    const estimate = page.price(kept.scenario);
    priced.set(kept.id, { key, estimate });
    return estimate;
  }

  function shareLink(kept) {
    const a = h('a', { class: 'kept-link', text: 'Link', 'aria-label': `Share link of ${kept.name}` });
    const known = links.get(kept.id);
    if (known) a.href = `#${known}`;
    else {
      page.share(kept.scenario).then((fragment) => {
        links.set(kept.id, fragment);
        a.href = `#${fragment}`;
      }).catch(() => a.remove());
    }
    return a;
  }

  function actions(kept) {
    const button = (text, label, onclick) => h('button', { type: 'button', class: 'small', text, 'aria-label': `${label} ${kept.name}`, onclick });
    return h('td', { class: 'actions no-print' },
      button('Open', 'Open', () => {
        page.open(structuredClone(kept.scenario), kept.name);
        status.textContent = `Opened "${kept.name}" in the form.`;
      }),
      button('Clone', 'Clone', () => {
        const result = cloneEstimate(list, kept.id, page.today());
        if (result.error) status.textContent = result.error;
        else if (result.kept) store(result.list, `Cloned as "${result.kept.name}".`);
      }),
      button('Remove', 'Remove', () => store(removeEstimate(list, kept.id), `Removed "${kept.name}".`)),
      shareLink(kept));
  }

  let drawn = null; // what the table was last drawn from
  function draw() {
    const current = page.current();
    const note = page.rateNote();
    // Typing redraws nothing here until an estimate is kept; after that, only when a figure shown may have moved
    // (the page's estimates share unchanged members by identity, web/ccredits-client.js).
    const e = current?.estimate;
    const inputs = [list, note, list.length ? JSON.stringify(current?.scenario ?? null) : '', e?.monthly_total, e?.by_use_case,
      e?.recommendation, e?.eligibility, e?.needs_credits, e?.licence_cost];
    if (drawn && inputs.every((v, i) => v === drawn[i])) return;
    drawn = inputs;
    const rows = [];
    const open = current ? list.find((k) => sameScenario(k.scenario, current.scenario)) : null;
    if (current && !open) rows.push({ name: 'This input (not kept)', estimate: current.estimate, kept: null });
    for (const kept of list) rows.push({ name: kept.name, estimate: estimateOf(kept, current, note), kept, open: kept === open });
    if (!list.length) {
      patchContent(body, h('p', { class: 'note', text: 'No estimates kept yet.' })); // the same words: nothing redrawn
      return;
    }
    // The use cases any row spends on, in the order the core lists them.
    const cases = [];
    for (const r of rows) {
      for (const [k, v] of Object.entries(r.estimate?.by_use_case ?? {})) if (isDecimal(v) && Number(v) !== 0 && !cases.includes(k)) cases.push(k);
    }
    // Total cost only where the admin typed licence prices (and every licence in use has one).
    const totalOf = (e) => (e?.licence_cost && Array.isArray(e.licence_cost.unpriced) && !e.licence_cost.unpriced.length
      ? e.licence_cost.total_with_credits : null);
    const withTotals = rows.some((r) => isDecimal(totalOf(r.estimate)));
    licencesNote.textContent = withTotals
      ? 'Licences plus credits: at the licence prices you entered; "—" where an estimate has no price for a licence it uses.'
      : 'Credit spend only: what you pay for licences is not part of this comparison (enter your licence prices in the form to add it).';
    const headers = ['Estimate', 'Monthly credit spend', ...cases.map(useCaseName), ...(withTotals ? ['Licences plus credits'] : []), 'What to buy', 'Actions'];
    const tr = (r) => {
      const e = r.estimate;
      const name = h('th', { scope: 'row' }, r.name, r.open ? h('span', { class: 'open-tag', text: ' (open in the form)' }) : null);
      if (!e || e.error) {
        // A kept input's rows are not the form's: its "row 4 of the usage" stays as the core wrote it.
        const why = e?.error ? peopleText(String(e.error.message ?? ''), () => null) : '';
        return h('tr', {}, name, h('td', { colspan: String(headers.length - (r.kept ? 2 : 1)), text: `Cannot be priced with these rates${why ? `: ${why}` : '.'}` }),
          r.kept ? actions(r.kept) : null);
      }
      return h('tr', {}, name,
        h('td', { class: 'num', text: money(e.monthly_total) }),
        cases.map((k) => h('td', { class: 'num', text: money(e.by_use_case?.[k] ?? '0') })),
        withTotals ? h('td', { class: 'num', text: money(totalOf(e)) }) : null,
        h('td', { class: 'advice', text: purchaseAdvice(e)?.text ?? '—' }),
        r.kept ? actions(r.kept) : h('td', { class: 'no-print' }));
    };
    replace(body, h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Estimates side by side' },
      h('table', { id: 'compare-estimates' },
        h('caption', { text: `Monthly credit spend, ${note}` }),
        h('thead', {}, h('tr', {}, headers.map((t, i) => h('th', { scope: 'col', class: i >= 1 && i < headers.length - 2 ? 'num' : null, text: t })))),
        h('tbody', {}, rows.map(tr)))));
  }

  return {
    // After each estimate the page shows (and after a rate change): kept rows are priced again only when the
    // rates changed.
    refresh: draw,
    // A kept-estimates file from "Open input (JSON)".
    addFile(doc) {
      const { list: next, added, skipped } = addFromFile(list, doc);
      store(next, `Added ${added} kept estimate${added === 1 ? '' : 's'}${skipped ? `; ${skipped} could not be read or did not fit` : ''}.`);
      return added;
    },
  };
}
