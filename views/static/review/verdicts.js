// Recording a verdict (a lead: an adjudication) through the JSON API, with the panel's category, severity and note;
// undoing one; then the page brought up to date, on to the next undecided edit, and a word for screen readers.
import { announce } from './announce.js';
import { verdictLabel } from './labels.js';
import { panelFields, panelForm } from './panel.js';
import { $, csrfToken, findFrom, select, selectedEdit, selectedIndex, stateOf, states, text } from './state.js';
import { refresh } from './sync.js';

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

async function post(path, body) {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken, Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    return response.ok ? answer : { error: answer.error ?? `HTTP ${response.status}` };
  } catch {
    return { error: 'The server could not be reached: nothing was saved.' };
  }
}

/** Runs one request at a time (a second key press meanwhile is ignored); shows its error, or clears the last one. */
async function once(work) {
  if (pending) return undefined;
  pending = true;
  try {
    const answer = await work();
    if (answer.error) {
      showError(answer.error);
      return undefined;
    }
    $('panel-error')?.remove();
    await refresh();
    return answer;
  } finally {
    pending = false;
  }
}

/** The edit to go to after a verdict: the next undecided one the filters show, else an earlier one, else none. */
function nextUndecided() {
  const undecided = (edit) => stateOf(edit) === 'undecided';
  const after = findFrom(selectedIndex(), 1, undecided);
  return after >= 0 ? after : findFrom(-1, 1, undecided);
}

/**
 * Records `decision` on the selected edit: a verdict, or with `final` (leads) the adjudication that stands whatever
 * the reviewers said. `from` takes another verdict's labels and amendment (a reviewer's, made final).
 */
export async function submitVerdict(decision, { final = false, from = undefined } = {}) {
  const edit = selectedEdit();
  if (!edit || !panelForm) return;
  const fields = from ?? panelFields();
  const path = `/api/edits/${encodeURIComponent(edit.id)}/${final ? 'adjudication' : 'verdicts'}`;
  const answer = await once(() =>
    post(path, {
      decision,
      category: fields.category ?? null,
      severity: fields.severity ?? null,
      note: from ? null : fields.note,
      amendedText: decision === 'amend' ? fields.amendedText : null,
      clientRequestId: crypto.randomUUID(),
    }),
  );
  if (!answer) return;
  const recorded = answer.verdict ?? answer.adjudication;
  const labels = verdictLabel(recorded);
  const said = `Edit ${edit.number} ${final ? 'finally ' : ''}${states[decision].label}${labels ? `: ${labels}` : ''}.`;
  const next = nextUndecided();
  if (next < 0) return announce(`${said} Every edit is decided: article done.`);
  select(next);
  announce(`${said} Now edit ${selectedEdit().number}, undecided.`);
}

/** Takes back the reader's own verdict on the selected edit (a lead's adjudication with `final`); appended. */
export async function undoVerdict({ final = false } = {}) {
  const edit = selectedEdit();
  if (!edit) return;
  const path = `/api/edits/${encodeURIComponent(edit.id)}/${final ? 'adjudication' : 'verdicts'}/retraction`;
  const answer = await once(() => post(path, {}));
  if (answer) announce(`Edit ${edit.number}: your ${final ? 'adjudication' : 'verdict'} is taken back.`);
}

/** Starts the panel's buttons (a click sends the same verdict as its key). */
export function startVerdicts() {
  document.addEventListener('mtr:make-final', (event) => {
    const from = event.detail;
    void submitVerdict(from.decision, { final: true, from });
  });
  panelForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    const button = event.submitter;
    if (button?.name === 'undo') return void undoVerdict({ final: button.value === 'adjudication' });
    void submitVerdict(button?.value ?? 'accept', { final: button?.name === 'final' });
  });
}
