// Every action by key (the help dialog lists them): verdicts, category, severity, note, moving between edits,
// selecting MT text, filters, the source column.
import { announce } from './announce.js';
import { openCategoryPicker } from './category-picker.js';
import { toggleSource } from './columns.js';
import { focusFilters } from './filters.js';
import { setSeverity } from './panel.js';
import { $, findFrom, isLead, mtMarkOf, select, selectedEdit, selectedIndex, stateOf } from './state.js';
import { handleSelectionKey } from './text-selection.js';
import { submitVerdict, undoVerdict } from './verdicts.js';

const undecided = (edit) => stateOf(edit) === 'undecided';
const go = (index) => index >= 0 && select(index);
let noteBefore = '';
// Shift+E: the amendment typed next is a lead's final word.
let finalAmend = false;

// Back to the text after a field: the focus on the selected edit, so that the next key is a command again.
function backToText() {
  const mark = selectedEdit() && mtMarkOf(selectedEdit());
  if (mark) mark.focus({ preventScroll: true });
  else document.activeElement?.blur();
}

const actions = {
  j: () => go(findFrom(selectedIndex(), 1)),
  k: () => go(findFrom(selectedIndex(), -1)),
  ']': () => go(findFrom(selectedIndex(), 1, undecided)),
  '[': () => go(findFrom(selectedIndex(), -1, undecided)),
  a: () => submitVerdict('accept'),
  r: () => submitVerdict('reject'),
  u: () => undoVerdict(),
  // A lead's final word: Shift with the decision's key.
  A: () => isLead && submitVerdict('accept', { final: true }),
  R: () => isLead && submitVerdict('reject', { final: true }),
  U: () => isLead && undoVerdict({ final: true }),
  e: () => {
    finalAmend = false;
    $('amended-text').focus();
    $('amended-text').select();
  },
  E: () => {
    if (!isLead) return;
    finalAmend = true;
    $('amended-text').focus();
    $('amended-text').select();
  },
  c: openCategoryPicker,
  n: () => {
    noteBefore = $('note').value;
    $('note').focus();
  },
  f: focusFilters,
  s: toggleSource,
  '?': () => $('help').showModal(),
};

// Enter in the amendment records it; in the note Enter keeps the note for the verdict and Esc restores it.
function fieldKey(event) {
  const { id } = event.target;
  const plainEnter = event.key === 'Enter' && !event.shiftKey;
  if (id === 'amended-text' && plainEnter) {
    backToText();
    void submitVerdict('amend', { final: finalAmend });
    finalAmend = false;
  } else if (id === 'amended-text' && event.key === 'Escape') backToText();
  else if (id === 'note' && plainEnter) {
    backToText();
    if ($('note').value) announce('Note kept: it is saved with your verdict.');
  } else if (id === 'note' && event.key === 'Escape') {
    $('note').value = noteBefore;
    backToText();
  } else return false;
  event.preventDefault();
  return true;
}

function onKey(event) {
  if (fieldKey(event)) return;
  if (event.target.closest('input, textarea, select, dialog, [role="dialog"]') || event.metaKey || event.altKey) return;
  if (!selectedEdit()) return;
  if (handleSelectionKey(event)) return event.preventDefault();
  if (event.ctrlKey) return;
  if (/^[1-4]$/.test(event.key)) {
    const severity = setSeverity(Number(event.key));
    if (severity) announce(`Severity ${severity}.`);
    return;
  }
  const action = actions[event.key];
  if (!action) return;
  event.preventDefault();
  action();
}

/** Starts the keys and the help button. */
export function startKeys() {
  document.addEventListener('keydown', onKey);
  $('help-button')?.addEventListener('click', () => $('help').showModal());
}
