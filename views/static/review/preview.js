// Progress, preview and the full-article corrected text, recomputed in the browser after each verdict.
import { $, data, isDecided, on, stateOf, text } from './state.js';

// The same rule as amendedReplacement in src/diff/apply-verdicts.ts: the span's edge spaces and blank line stay.
function amendedReplacement(mtText, amendedText) {
  const visible = amendedText.trim();
  if (mtText.trim() === '') return amendedText;
  if (visible === '') return '';
  return (/^\s*/.exec(mtText)?.[0] ?? '') + visible + (/\s*$/.exec(mtText)?.[0] ?? '');
}

/** The MT with the outcomes applied, as src/review/resolve.ts builds the preview. */
function applyDecisions() {
  let out = '';
  let position = 0;
  for (const edit of data.edits) {
    out += data.mt.slice(position, edit.mtStart);
    const state = stateOf(edit);
    // As on the server: a check's extra suggestion next to a post-edit applies only once accepted; a disputed edit
    // is undecided for the text.
    const proposalOnly = data.hasPostEdit && edit.origin.startsWith('check:');
    const open = state === 'undecided' || state === 'disputed';
    if (state === 'reject' || (open && proposalOnly)) out += edit.mtText;
    else if (state === 'amend') out += amendedReplacement(edit.mtText, edit.outcome.amendedText);
    else out += edit.correctedText;
    position = edit.mtEnd;
  }
  return out + data.mt.slice(position);
}

// The typed corrected text starts as the preview; it follows the verdicts until the reviewer types in it.
const typed = $('corrected-textarea');
let touched = false;
typed?.addEventListener('input', () => {
  touched = true;
});

function render() {
  const reviewed = data.edits.filter(isDecided).length;
  $('progress-text').textContent = `${reviewed} of ${data.edits.length} reviewed`;
  $('progress-bar').value = reviewed;
  const preview = applyDecisions();
  $('preview-text').replaceChildren(...preview.split(/\n\s*\n/).map((p) => text('p', p)));
  if (typed && !touched) typed.value = preview;
}

/** Starts the preview: it follows each verdict. */
export function startPreview() {
  on('verdict', render);
}
