// The edits' marks in the text columns: their state, the selected one (and its paragraph), and what the filters hide.
import { data, editById, isShown, marksOf, mtMarkOf, on, selectedEdit, stateOf, states } from './state.js';

// As `shown` in src/web/view-models.ts: a removed paragraph's blank lines become a space; white space made visible.
function shown(text) {
  if (text.trim() === '') return text.replace(/\n/g, '⏎').replace(/ /g, '␣');
  return text.replace(/^\s*\n\s*|\s*\n\s*$/g, '').replace(/\s*\n\s*/g, ' ');
}

function renderState(edit) {
  const state = stateOf(edit);
  for (const mark of marksOf(edit)) {
    mark.className = mark.className.replace(/\bstate-\w+/, `state-${state}`);
    // The right column shows what stands: an amendment replaces the post-editor's correction there.
    const inserted = mark.querySelector('ins');
    if (inserted) inserted.textContent = shown(state === 'amend' ? edit.outcome.amendedText : edit.correctedText);
    mark.querySelector('.symbol').textContent = states[state].symbol;
    const word = mark.querySelector('.state-word');
    if (word) word.textContent = states[state].label;
  }
}

let selectedMarks = [];

// One mark of the text is a tab stop (the selected edit's): Tab passes the text in one step, j/k move within it.
function renderSelection({ focus, scroll = true }) {
  const hadFocus = selectedMarks.includes(document.activeElement);
  for (const mark of selectedMarks) mark.classList.remove('selected');
  const previous = selectedMarks.find((mark) => mark.classList.contains('edit-mt'));
  if (previous) previous.tabIndex = -1;
  const edit = selectedEdit();
  if (!edit) return;
  selectedMarks = [...marksOf(edit)];
  for (const mark of selectedMarks) mark.classList.add('selected');
  const mark = mtMarkOf(edit);
  document.querySelector('.side-by-side tr.current')?.classList.remove('current');
  if (!mark) return;
  mark.tabIndex = 0;
  mark.closest('tr')?.classList.add('current');
  if (focus || hadFocus) mark.focus({ preventScroll: true });
  if (scroll) mark.scrollIntoView({ block: 'nearest' });
}

function renderFilter() {
  const filtering = data.edits.some((edit) => !isShown(edit));
  for (const mark of document.querySelectorAll('.side-by-side a.edit')) {
    mark.classList.toggle('filtered-out', !isShown(editById.get(mark.dataset.edit)));
  }
  for (const row of document.querySelectorAll('.side-by-side tbody tr')) {
    const marks = [...row.querySelectorAll('a.edit-mt')];
    row.hidden = filtering && !marks.some((mark) => isShown(editById.get(mark.dataset.edit)));
  }
}

/** Starts the marks: one tab stop, and the renderers of the page's events. */
export function startMarks() {
  for (const mark of document.querySelectorAll('.side-by-side a.edit-mt')) mark.tabIndex = -1;
  on('select', renderSelection);
  on('verdict', ({ edit }) => renderState(edit));
  on('filter', renderFilter);
  // Scrolling to an element moves Chromium's Tab starting point there: at load, only a link to an edit (?edit=)
  // scrolls to it, so that the first Tab of a plain visit reaches the skip links.
  renderSelection({ focus: false, scroll: new URLSearchParams(location.search).has('edit') });
}
