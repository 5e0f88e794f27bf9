// Source column shown or hidden (three columns or two), remembered in this browser.
import { $ } from './state.js';

const key = 'mt-review.source-column';
const toggle = $('source-toggle');
const section = document.querySelector('.side-by-side.with-source');

function remembered() {
  try {
    return localStorage.getItem(key) !== 'hidden';
  } catch {
    return true;
  }
}

function show(visible, remember) {
  if (!toggle || !section) return;
  section.classList.toggle('hide-source', !visible);
  toggle.setAttribute('aria-pressed', String(visible));
  if (!remember) return;
  try {
    localStorage.setItem(key, visible ? 'shown' : 'hidden');
  } catch {
    // Storage refused (private mode, quota): the choice lasts until the page is left.
  }
}

/** Shows the source column if hidden, hides it if shown. */
export function toggleSource() {
  show(toggle?.getAttribute('aria-pressed') !== 'true', true);
}

/** Starts the switch with the choice this browser remembers. */
export function startColumns() {
  show(remembered(), false);
  toggle?.addEventListener('click', toggleSource);
}
