// The review page's shared state: the page data, the selected edit, what the filters show, and the events by which
// the feature modules hear of a change (select, verdict, filter) without importing each other.
/** The element with this id. */
export const $ = (id) => document.getElementById(id);
/** What the server put in the page: the article id, the MT, the edits with their verdicts, the states. */
export const data = JSON.parse($('page-data').textContent);
/** This session's token for state-changing requests. */
export const csrfToken = document.querySelector('meta[name="csrf-token"]').content;

/** Each state's symbol and word, as the server names them (src/web/labels.ts). */
export const states = data.states;
/** The state an edit shows: the decision that stands (agreed or adjudicated), disputed, or undecided. */
export const stateOf = (edit) => {
  const { state, decision } = edit.outcome;
  return state === 'agreed' || state === 'adjudicated' ? decision : state;
};
/** True when someone (or, in a reviewer's own review, they) decided the edit: its outcome is not undecided. */
export const isDecided = (edit) => edit.outcome.state !== 'undecided';
/** True for a lead's view of the page (adjudication and the team review's actions are theirs). */
export const isLead = data.lead === true;
/** Every edit by id. */
export const editById = new Map(data.edits.map((edit) => [edit.id, edit]));
/** The edit's marks in both columns, and its mark in the MT column. */
export const marksOf = (edit) => document.querySelectorAll(`a.edit[data-edit="${CSS.escape(edit.id)}"]`);
export const mtMarkOf = (edit) => document.querySelector(`a.edit-mt[data-edit="${CSS.escape(edit.id)}"]`);

const events = new EventTarget();
/** Tells every module that listens: 'select' (the selected edit changed), 'verdict' (an edit's verdict), 'filter'. */
export const emit = (type, detail = {}) => events.dispatchEvent(new CustomEvent(type, { detail }));
export const on = (type, handler) => events.addEventListener(type, (event) => handler(event.detail));

const view = {
  // The server marks the edit it selected (the one asked for, else the first undecided the filters show).
  selected: Math.max(
    0,
    data.edits.findIndex((e) => e.id === document.querySelector('a.edit-mt.selected')?.dataset.edit),
  ),
  passes: () => true,
};

/** The selected edit, its index, and whether the filters show an edit. */
export const selectedIndex = () => view.selected;
export const selectedEdit = () => data.edits[view.selected];
export const isShown = (edit) => view.passes(edit);

/** Selects the edit at `index`; `focus` moves the keyboard focus to its mark. */
export function select(index, { focus = false } = {}) {
  if (!data.edits[index]) return;
  view.selected = index;
  emit('select', { focus });
}

/** Sets the filters' test of an edit. */
export function setFilter(passes) {
  view.passes = passes;
  emit('filter');
}

/** The index of the next (step 1) or previous (step -1) edit the filters show and `wanted` accepts, or -1. */
export function findFrom(start, step, wanted = () => true) {
  for (let i = start + step; i >= 0 && i < data.edits.length; i += step) {
    const edit = data.edits[i];
    if (isShown(edit) && wanted(edit)) return i;
  }
  return -1;
}

/** An element with text (never HTML) in it. */
export function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}
