// A list section of the form (licences, minutes by destination, …): one fieldset per row, add and remove buttons.
import { h } from '../dom.js';

// spec: {kind, title, rowName, intro, fields(row, i) -> [field elements], blank()}
export function rowSection(model, spec, onStructureChange) {
  const rows = model[spec.kind];
  const list = h('div', { class: 'rows' });
  rows.forEach((row, i) => {
    const legend = `${spec.rowName} ${i + 1}`;
    list.append(h('fieldset', { class: 'row' },
      h('legend', { text: legend }),
      h('div', { class: 'row-fields' }, spec.fields(row, i)),
      h('button', {
        type: 'button', class: 'remove', 'aria-label': `Remove ${legend.toLowerCase()}`, text: 'Remove',
        onclick: () => { rows.splice(i, 1); onStructureChange(spec.kind, 'removed'); },
      })));
  });
  if (rows.length === 0) list.append(h('p', { class: 'empty', text: spec.empty ?? 'None.' }));
  return h('section', { class: 'input-section', 'aria-labelledby': `h-${spec.kind}` },
    h('h3', { id: `h-${spec.kind}`, text: spec.title }),
    spec.intro ? h('p', { class: 'hint', text: spec.intro }) : null,
    list,
    h('button', {
      type: 'button', class: 'add', id: `add-${spec.kind}`, text: `Add ${spec.rowName.toLowerCase()}`,
      onclick: () => { rows.push(spec.blank()); onStructureChange(spec.kind, 'added'); },
    }));
}
