// Recording a verdict through the JSON API, with the panel's category, severity and note; then on to the next
// undecided edit, and a word for screen readers.
import { announce } from './announce.js';
import { verdictLabel } from './labels.js';
import { panelFields, panelForm } from './panel.js';
import { $, csrfToken, emit, findFrom, select, selectedEdit, selectedIndex, stateOf, states, text } from './state.js';

let pending = false;

function showError(message) {
  let box = $('panel-error');
  if (!box) {
    box = text('p', '', 'error');
    box.id = 'panel-error';
    box.setAttribute('role', 'alert');
    panelForm.prepend(box);
  }
  box.textContent = message;
}

async function post(edit, body) {
  try {
    const response = await fetch(`/api/edits/${encodeURIComponent(edit.id)}/verdicts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken, Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    return response.ok ? { verdict: answer.verdict } : { error: answer.error ?? `HTTP ${response.status}` };
  } catch {
    return { error: 'The server could not be reached: the verdict was not saved.' };
  }
}

/** The edit to go to after a verdict: the next undecided one the filters show, else an earlier one, else none. */
function nextUndecided() {
  const undecided = (edit) => stateOf(edit) === 'undecided';
  const after = findFrom(selectedIndex(), 1, undecided);
  return after >= 0 ? after : findFrom(-1, 1, undecided);
}

/** Records `decision` on the selected edit; one verdict at a time (a second key press meanwhile is ignored). */
export async function submitVerdict(decision) {
  const edit = selectedEdit();
  if (!edit || !panelForm || pending) return;
  const fields = panelFields();
  pending = true;
  const answer = await post(edit, {
    decision,
    category: fields.category,
    severity: fields.severity,
    note: fields.note,
    amendedText: decision === 'amend' ? fields.amendedText : null,
    clientRequestId: crypto.randomUUID(),
  }).finally(() => {
    pending = false;
  });
  if (answer.error) return showError(answer.error);
  $('panel-error')?.remove();
  const record = { ...answer.verdict, reviewer: answer.verdict.reviewerName };
  edit.standing = record;
  // Each reviewer's latest verdict: this one replaces the reviewer's earlier one.
  edit.current = [...edit.current.filter((v) => v.reviewer !== record.reviewer), record];
  emit('verdict', { edit });
  const labels = verdictLabel(record);
  const said = `Edit ${edit.number} ${states[decision].label}${labels ? `: ${labels}` : ''}.`;
  const next = nextUndecided();
  if (next < 0) return announce(`${said} Every edit is decided.`);
  select(next);
  announce(`${said} Now edit ${selectedEdit().number}, undecided.`);
}

/** Starts the panel's buttons (a click sends the same verdict as its key). */
export function startVerdicts() {
  panelForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    void submitVerdict(event.submitter?.value ?? 'accept');
  });
}
