// The verdict panel: the selected edit's change and origin, its fields, and each reviewer's latest verdict.
import { categoryLabel, verdictLabel } from './labels.js';
import { $, data, isLead, on, selectedEdit, stateOf, states, text } from './state.js';

const form = $('verdict-form');

function renderChange(element, content, placeholder) {
  element.textContent = content === '' ? placeholder : content;
  element.classList.toggle('placeholder', content === '');
}

function historyItem(verdict) {
  const item = document.createElement('li');
  const state = states[verdict.decision];
  item.append(text('span', `${state.symbol} ${state.label}`, `badge state-${verdict.decision}`), ' ');
  if (verdict.kind === 'adjudication') item.append(text('span', 'final', 'badge final'), ' ');
  item.append(text('strong', verdict.reviewer), ' ');
  const time = text('time', verdict.createdAt.slice(0, 16).replace('T', ' '));
  time.dateTime = verdict.createdAt;
  item.append(time, ' ', text('span', verdictLabel(verdict), 'labels'));
  if (verdict.amendedText) item.append(` → “${verdict.amendedText}”`);
  if (verdict.note) item.append(document.createElement('br'), text('q', verdict.note));
  if (isLead && verdict.kind !== 'adjudication') item.append(' ', makeFinalButton(verdict));
  return item;
}

// A lead takes one reviewer's verdict as the final word, with its labels and amendment.
function makeFinalButton(verdict) {
  const button = text('button', 'Make final', 'link make-final');
  button.type = 'button';
  button.addEventListener('click', () => {
    document.dispatchEvent(new CustomEvent('mtr:make-final', { detail: verdict }));
  });
  return button;
}

function renderHistory(edit) {
  const verdicts = [...edit.current].reverse();
  if (edit.adjudication) verdicts.unshift(edit.adjudication);
  const items = verdicts.map(historyItem);
  $('history').replaceChildren(...(items.length > 0 ? items : [text('li', 'No verdict yet.', 'none')]));
  $('history-link').href =
    `/articles/${encodeURIComponent(data.articleId)}/edits/${encodeURIComponent(edit.id)}/history`;
}

function renderPanel() {
  const edit = selectedEdit();
  if (!edit || !form) return;
  const base = `/articles/${encodeURIComponent(data.articleId)}/edits/${encodeURIComponent(edit.id)}`;
  form.action = `${base}/verdicts`;
  for (const button of form.querySelectorAll('[name="final"]')) button.formAction = `${base}/adjudication`;
  for (const button of form.querySelectorAll('[name="undo"]')) button.formAction = `${base}/retraction`;
  $('panel-number').textContent = edit.number;
  const state = stateOf(edit);
  $('panel-state').className = `badge state-${state}`;
  $('panel-state').textContent = `${states[state].symbol} ${states[state].label}`;
  renderChange($('panel-mt'), edit.mtText, '(insert)');
  renderChange($('panel-corrected'), edit.correctedText, '(delete)');
  $('panel-origin').textContent = edit.originLabel + (edit.message ? `: ${edit.message}` : '');
  $('amended-text').value = edit.outcome.amendedText ?? edit.correctedText;
  $('category').value = edit.outcome.category ?? edit.suggestedCategory ?? '';
  const severity = edit.outcome.severity ?? edit.suggestedSeverity ?? 'minor';
  for (const radio of form.querySelectorAll('input[name="severity"]')) radio.checked = radio.value === severity;
  $('note').value = '';
  renderHistory(edit);
  const url = new URL(location.href);
  url.searchParams.set('edit', edit.id);
  url.hash = '';
  history.replaceState(null, '', url);
}

/** The panel's category, severity and note, as a verdict carries them. */
export function panelFields() {
  const fields = new FormData(form);
  return {
    category: fields.get('category') || null,
    severity: fields.get('severity') || null,
    note: fields.get('note') || null,
    amendedText: fields.get('amendedText'),
  };
}

/** Sets the panel's severity to the n-th (1-4); returns its label. */
export function setSeverity(n) {
  const radio = form?.querySelectorAll('input[name="severity"]')[n - 1];
  if (!radio) return null;
  radio.checked = true;
  return radio.value;
}

/** Sets the panel's category; returns its label. */
export function setCategory(id) {
  $('category').value = id;
  return categoryLabel(id);
}

/** Starts the panel: it follows the selection and each verdict. */
export function startPanel() {
  on('select', renderPanel);
  on('verdict', ({ edit }) => {
    if (edit === selectedEdit()) renderPanel();
  });
  renderPanel();
}

/** The panel's form (absent when the article has no edit). */
export const panelForm = form;
