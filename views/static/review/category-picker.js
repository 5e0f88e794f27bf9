// The category picker (key c): the taxonomy's categories, filtered as you type; Enter sets the panel's category.
// A combobox with a listbox (WAI-ARIA APG); the panel's <select> stays the form field.
import { announce } from './announce.js';
import { categories } from './labels.js';
import { setCategory } from './panel.js';
import { $, text } from './state.js';

const picker = document.createElement('div');
picker.className = 'picker';
picker.hidden = true;
const input = document.createElement('input');
const list = document.createElement('ul');
let matches = [];
let active = 0;
let returnTo = null;

function build() {
  const label = text('label', 'Find a category');
  label.htmlFor = input.id = 'category-search';
  list.id = 'category-options';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Categories');
  Object.assign(input, { type: 'text', autocomplete: 'off', spellcheck: false });
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'true');
  input.setAttribute('aria-autocomplete', 'list');
  picker.append(label, input, list);
  $('category').closest('label').after(picker);
}

// Every word typed must occur in the label or the dimension; labels that start with the query come first.
function match(query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found = categories.filter((c) => words.every((w) => `${c.label} ${c.dimension}`.toLowerCase().includes(w)));
  const starts = (c) => (words.length > 0 && c.label.toLowerCase().startsWith(words[0]) ? 0 : 1);
  return found.sort((a, b) => starts(a) - starts(b));
}

function render() {
  matches = match(input.value);
  active = Math.min(active, Math.max(matches.length - 1, 0));
  list.replaceChildren(
    ...matches.map((category, i) => {
      const option = text('li', category.label);
      option.append(text('span', ` ${category.dimension}`, 'dimension'));
      option.id = `category-option-${i}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', String(i === active));
      option.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(category);
      });
      return option;
    }),
  );
  if (matches.length === 0) list.append(text('li', 'No category matches.', 'none'));
  input.setAttribute('aria-activedescendant', matches.length > 0 ? `category-option-${active}` : '');
  list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
}

function close() {
  picker.hidden = true;
  returnTo?.focus?.({ preventScroll: true });
}

function choose(category) {
  const label = setCategory(category.id);
  close();
  announce(`Category ${label}.`);
}

input.addEventListener('input', () => {
  active = 0;
  render();
});
input.addEventListener('keydown', (event) => {
  const moves = { ArrowDown: 1, ArrowUp: -1 };
  if (event.key in moves) {
    active = (active + moves[event.key] + matches.length) % Math.max(matches.length, 1);
    render();
  } else if (event.key === 'Enter') {
    if (matches[active]) choose(matches[active]);
  } else if (event.key === 'Escape') close();
  else return;
  event.preventDefault();
  event.stopPropagation();
});
input.addEventListener('blur', () => {
  picker.hidden = true;
});

/** Opens the picker under the panel's category field, focused, empty. */
export function openCategoryPicker() {
  if (!$('category')) return;
  if (!picker.isConnected) build();
  returnTo = document.activeElement;
  picker.hidden = false;
  input.value = '';
  active = 0;
  render();
  input.focus();
}
