// The filters above the columns, applied in the browser as they change (the same rules as src/web/review-filter.ts,
// which applies them when the form is sent without JavaScript); the address keeps them for a reload.
import { $, data, findFrom, isDecided, isShown, on, select, selectedEdit, setFilter } from './state.js';

const form = document.querySelector('form.filters');
const names = ['undecided', 'origin', 'check', 'category'];

const originGroup = (origin) =>
  origin.startsWith('check:') ? 'check' : origin === 'reviewer' ? 'reviewer' : 'post-edit';
const categoryOf = (edit) => edit.outcome.category ?? edit.suggestedCategory ?? 'none';

function readFilter() {
  const fields = new FormData(form);
  const value = (name) => fields.get(name) || null;
  return {
    undecided: fields.get('undecided') === '1',
    origin: value('origin'),
    check: value('check'),
    category: value('category'),
  };
}

function passes(filter) {
  return (edit) =>
    (!filter.undecided || !isDecided(edit)) &&
    (filter.origin === null || originGroup(edit.origin) === filter.origin) &&
    (filter.check === null || edit.checkId === filter.check) &&
    (filter.category === null || categoryOf(edit) === filter.category);
}

function apply() {
  const filter = readFilter();
  setFilter(passes(filter));
  const shown = data.edits.filter(isShown).length;
  $('filter-count').textContent = `${shown} of ${data.edits.length} edits shown`;
  const url = new URL(location.href);
  for (const name of names) {
    const value = name === 'undecided' ? (filter.undecided ? '1' : null) : filter[name];
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  history.replaceState(null, '', url);
}

/** Starts the filters: a change applies at once; a verdict may take an edit out (or in). */
export function startFilters() {
  if (!form) return;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  form.addEventListener('change', () => {
    apply();
    // The selected edit filtered out: select the first one shown instead.
    if (selectedEdit() && !isShown(selectedEdit())) select(findFrom(-1, 1));
  });
  on('verdict', apply);
  apply();
}

/** Moves the focus to the first filter. */
export function focusFilters() {
  form?.querySelector('input, select')?.focus();
}
