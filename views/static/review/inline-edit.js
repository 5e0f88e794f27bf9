// The add-correction box at a selection of MT text: the correction typed in place and sent with the selection's
// exact offsets (POST /api/articles/:id/edits, which refuses a span overlapping an edit); then the page shows it.
import { $, csrfToken, data } from './state.js';

const box = $('inline-edit');
const form = $('inline-edit-form');
const input = $('inline-edit-correction');
const error = $('inline-edit-error');
let span = null;
let returnTo = null;

function showError(message) {
  error.hidden = !message;
  error.textContent = message ?? '';
}

// The client's copy of the server's rule, so the reviewer hears at once rather than after a round trip.
function overlapError({ start, end }) {
  const edit = data.edits.find((e) => e.mtStart < end && start < e.mtEnd);
  return edit ? `The selection overlaps edit ${edit.number}: select text outside the marked edits.` : null;
}

function place(rect) {
  box.hidden = false;
  const width = box.offsetWidth;
  box.style.top = `${rect.bottom + window.scrollY + 8}px`;
  box.style.left = `${Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + innerWidth - width - 8))}px`;
}

/** Opens the box under `rect` for `chosen` ({start, end} of the MT, or {error}); `focus` moves the focus into it. */
export function openInlineEdit(chosen, rect, { focus }) {
  const problem = chosen.error ?? overlapError(chosen);
  span = problem ? null : chosen;
  $('inline-edit-text').textContent = chosen.error ? '…' : data.mt.slice(chosen.start, chosen.end);
  showError(problem);
  input.disabled = span === null;
  form.querySelector('button[type="submit"]').disabled = span === null;
  input.value = span ? data.mt.slice(span.start, span.end) : '';
  place(rect);
  if (focus) focusInlineEdit();
}

/** Moves the focus into the open box (its correction, selected, ready to be typed over). */
export function focusInlineEdit() {
  if (box.hidden) return;
  returnTo = document.activeElement;
  if (span === null) return form.querySelector('#inline-edit-cancel').focus();
  input.focus();
  input.select();
}

/** Closes the box; the focus goes back where it was. */
export function closeInlineEdit() {
  if (box.hidden) return;
  const hadFocus = box.contains(document.activeElement);
  box.hidden = true;
  span = null;
  if (hadFocus) returnTo?.focus?.({ preventScroll: true });
}

async function send() {
  if (!span) return;
  const response = await fetch(`/api/articles/${encodeURIComponent(data.articleId)}/edits`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken, Accept: 'application/json' },
    body: JSON.stringify({ mtStart: span.start, mtEnd: span.end, correctedText: input.value }),
  }).catch(() => null);
  const answer = (await response?.json().catch(() => null)) ?? {};
  if (!response?.ok) return showError(answer.error ?? 'The server could not be reached: nothing was added.');
  // The new edit splits a paragraph the server laid out: the page is built anew around it.
  const url = new URL(location.href);
  url.searchParams.set('edit', answer.edit.id);
  location.assign(url);
}

/** Starts the box's own keys and buttons. */
export function startInlineEdit() {
  if (!box) return;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });
  $('inline-edit-cancel').addEventListener('click', closeInlineEdit);
  box.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    closeInlineEdit();
  });
}
