// The review page made fast: keyboard and click verdicts through the JSON API, live progress and preview.
const data = JSON.parse(document.getElementById('page-data').textContent);
const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
const symbols = { accept: '✓', reject: '✗', amend: '✎', undecided: '○' };
const form = document.getElementById('verdict-form');
const $ = (id) => document.getElementById(id);
let selected = Math.max(
  0,
  data.edits.findIndex((e) => e.id === new URLSearchParams(location.search).get('edit')),
);
if (!new URLSearchParams(location.search).get('edit')) {
  const firstOpen = data.edits.findIndex((e) => !e.standing);
  if (firstOpen >= 0) selected = firstOpen;
}

const stateOf = (edit) => (edit.standing ? edit.standing.decision : 'undecided');
const marksOf = (edit) => document.querySelectorAll(`a.edit[data-edit="${CSS.escape(edit.id)}"]`);

function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}

function renderMarks(edit) {
  const state = stateOf(edit);
  for (const mark of marksOf(edit)) {
    mark.className = mark.className.replace(/state-\w+/, `state-${state}`);
    mark.title = `Edit ${edit.number}: ${state}`;
    // The right column shows what stands: an amendment replaces the post-editor's correction there.
    const inserted = mark.querySelector('ins');
    if (inserted) inserted.textContent = state === 'amend' ? edit.standing.amendedText : edit.correctedText;
    const symbol = mark.querySelector('.symbol');
    symbol.textContent = symbols[state];
    symbol.setAttribute('aria-label', state);
  }
}

function renderHistory(edit) {
  const list = $('history');
  list.replaceChildren();
  for (const v of [...edit.current].reverse()) {
    const item = document.createElement('li');
    item.append(text('span', `${symbols[v.decision]} ${v.decision}`, `badge state-${v.decision}`), ' ');
    item.append(text('strong', v.reviewer), ' ', text('time', v.createdAt.slice(0, 16).replace('T', ' ')), ' ');
    item.append([v.category, v.severity].filter(Boolean).join(', '));
    if (v.amendedText) item.append(` → “${v.amendedText}”`);
    if (v.note) item.append(document.createElement('br'), text('q', v.note));
    list.append(item);
  }
  if (edit.current.length === 0) list.append(text('li', 'No verdict yet.', 'none'));
  $('history-link').href =
    `/articles/${encodeURIComponent(data.articleId)}/edits/${encodeURIComponent(edit.id)}/history`;
}

function renderPanel() {
  const edit = data.edits[selected];
  if (!edit || !form) return;
  for (const mark of document.querySelectorAll('a.edit.selected')) mark.classList.remove('selected');
  for (const mark of marksOf(edit)) mark.classList.add('selected');
  marksOf(edit)[0]?.scrollIntoView({ block: 'nearest' });
  form.action = `/articles/${encodeURIComponent(data.articleId)}/edits/${encodeURIComponent(edit.id)}/verdicts`;
  $('panel-number').textContent = edit.number;
  const state = stateOf(edit);
  $('panel-state').className = `badge state-${state}`;
  $('panel-state').textContent = `${symbols[state]} ${state}`;
  $('panel-mt').textContent = edit.mtText;
  $('panel-corrected').textContent = edit.correctedText;
  $('panel-origin').textContent = edit.origin + (edit.message ? `: ${edit.message}` : '');
  $('amended-text').value = edit.standing?.amendedText ?? edit.correctedText;
  $('category').value = edit.standing?.category ?? edit.suggestedCategory ?? '';
  const severity = edit.standing?.severity ?? edit.suggestedSeverity ?? 'minor';
  for (const radio of form.querySelectorAll('input[name="severity"]')) radio.checked = radio.value === severity;
  $('note').value = '';
  renderHistory(edit);
  history.replaceState(null, '', `?edit=${encodeURIComponent(edit.id)}`);
}

// The same rule as amendedReplacement in src/diff/apply-verdicts.ts: the span's edge spaces and blank line stay.
function amendedReplacement(mtText, amendedText) {
  const visible = amendedText.trim();
  if (mtText.trim() === '') return amendedText;
  if (visible === '') return '';
  return (/^\s*/.exec(mtText)?.[0] ?? '') + visible + (/\s*$/.exec(mtText)?.[0] ?? '');
}

function applyDecisions() {
  let out = '';
  let position = 0;
  for (const edit of data.edits) {
    out += data.mt.slice(position, edit.mtStart);
    const state = stateOf(edit);
    // As on the server (resolve.ts): a check's extra suggestion next to a post-edit applies only once accepted.
    const proposalOnly = data.hasPostEdit && edit.origin.startsWith('check:');
    if (state === 'reject' || (state === 'undecided' && proposalOnly)) out += edit.mtText;
    else if (state === 'amend') out += amendedReplacement(edit.mtText, edit.standing.amendedText);
    else out += edit.correctedText;
    position = edit.mtEnd;
  }
  return out + data.mt.slice(position);
}

function renderSummary() {
  const reviewed = data.edits.filter((e) => e.standing).length;
  $('progress-text').textContent = `${reviewed} of ${data.edits.length} reviewed`;
  $('progress-bar').value = reviewed;
  $('preview-text').replaceChildren(
    ...applyDecisions()
      .split(/\n\s*\n/)
      .map((p) => text('p', p)),
  );
}

function showError(message) {
  let box = $('panel-error');
  if (!box) {
    box = text('p', '', 'error');
    box.id = 'panel-error';
    box.setAttribute('role', 'alert');
    form.prepend(box);
  }
  box.textContent = message;
}

async function submitVerdict(decision) {
  const edit = data.edits[selected];
  const fields = new FormData(form);
  const body = {
    decision,
    category: fields.get('category') || null,
    severity: fields.get('severity') || null,
    note: fields.get('note') || null,
    amendedText: decision === 'amend' ? fields.get('amendedText') : null,
    clientRequestId: crypto.randomUUID(),
  };
  const response = await fetch(`/api/edits/${encodeURIComponent(edit.id)}/verdicts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken, Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) return showError(answer.error ?? `HTTP ${response.status}`);
  $('panel-error')?.remove();
  const v = answer.verdict;
  const record = { ...v, reviewer: v.reviewerName };
  edit.standing = record;
  // Each reviewer's latest verdict: this one replaces the reviewer's earlier one.
  edit.current = [...edit.current.filter((v) => v.reviewer !== record.reviewer), record];
  renderMarks(edit);
  renderSummary();
  if (selected < data.edits.length - 1) selected++;
  renderPanel();
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  void submitVerdict(event.submitter?.value ?? 'accept');
});

document.addEventListener('click', (event) => {
  const mark = event.target.closest('a.edit');
  if (!mark) return;
  event.preventDefault();
  selected = data.edits.findIndex((e) => e.id === mark.dataset.edit);
  renderPanel();
});

const keys = {
  j: () => {
    selected = Math.min(selected + 1, data.edits.length - 1);
    renderPanel();
  },
  k: () => {
    selected = Math.max(selected - 1, 0);
    renderPanel();
  },
  a: () => submitVerdict('accept'),
  r: () => submitVerdict('reject'),
  e: () => {
    $('amended-text').focus();
    $('amended-text').select();
  },
  '?': () => $('help').showModal(),
};

document.addEventListener('keydown', (event) => {
  const target = event.target;
  if (target.id === 'amended-text' && event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    target.blur();
    return submitVerdict('amend');
  }
  if (target.closest('input, textarea, select, dialog') || event.ctrlKey || event.metaKey || event.altKey) return;
  if (!form) return;
  if (/^[1-4]$/.test(event.key)) {
    const radios = form.querySelectorAll('input[name="severity"]');
    radios[Number(event.key) - 1].checked = true;
    return;
  }
  const action = keys[event.key];
  if (action) {
    event.preventDefault();
    action();
  }
});

$('help-button')?.addEventListener('click', () => $('help').showModal());

// Selecting MT text fills the "add a correction" form with its exact offsets.
const paragraphStarts = [];
for (const match of data.mt.matchAll(/\s*\n[^\S\n]*\n\s*/g)) paragraphStarts.push(match.index + match[0].length);
document.querySelector('.side-by-side')?.addEventListener('mouseup', () => {
  const selection = window.getSelection();
  const chosen = selection?.toString() ?? '';
  const cell = selection?.anchorNode?.parentElement?.closest('td.mt');
  if (!chosen.trim() || !cell) return;
  const paragraph = Number(cell.parentElement.dataset.paragraph);
  const from = paragraph === 0 ? 0 : (paragraphStarts[paragraph - 1] ?? 0);
  const start = data.mt.indexOf(chosen, from);
  if (start === -1) return;
  $('add-mt-text').value = chosen;
  $('add-mt-start').value = String(start);
  $('add-mt-end').value = String(start + chosen.length);
  $('add-corrected-text').focus();
});

renderPanel();
