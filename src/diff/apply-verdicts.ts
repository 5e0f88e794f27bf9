// Rebuilds text from the MT and the reviewers' decisions: accepted and amended edits applied, rejected ones not.
import type { Decision, Edit, UndecidedPolicy } from './types.ts';

type EditSpan = Pick<Edit, 'id' | 'mtStart' | 'mtEnd' | 'correctedText'>;

/**
 * The MT with each edit resolved: accept → its correction, reject → the MT, amend → the reviewer's text, undecided →
 * per `policy`. `edits` are in MT order and do not overlap (an insertion may touch its neighbours).
 */
export function applyVerdicts(
  mt: string,
  edits: readonly EditSpan[],
  decisions: ReadonlyMap<string, Decision>,
  policy: UndecidedPolicy,
): string {
  const parts: string[] = [];
  let position = 0;
  for (const edit of edits) {
    if (edit.mtStart < position || edit.mtEnd < edit.mtStart || edit.mtEnd > mt.length) {
      throw new RangeError(
        `edit ${edit.id} (${edit.mtStart}-${edit.mtEnd}) overlaps the edit before it or the text end`,
      );
    }
    parts.push(mt.slice(position, edit.mtStart), replacementOf(mt, edit, decisions.get(edit.id), policy));
    position = edit.mtEnd;
  }
  parts.push(mt.slice(position));
  return parts.join('');
}

function replacementOf(mt: string, edit: EditSpan, decision: Decision | undefined, policy: UndecidedPolicy): string {
  const original = mt.slice(edit.mtStart, edit.mtEnd);
  if (!decision) return policy === 'keep-correction' ? edit.correctedText : original;
  if (decision.decision === 'accept') return edit.correctedText;
  if (decision.decision === 'amend') return amendedReplacement(original, decision.amendedText);
  return original;
}

/**
 * What an amendment puts in place of the MT span. Reviewers see and type the visible text; the spaces or the
 * blank line the span carries at its edges (" China*", "split⏎⏎") stay, so "Share" for "split⏎⏎" remains a
 * paragraph of its own. An empty amendment deletes the span; a whitespace-only span is replaced as typed.
 * (views/static/review.js mirrors this for the live preview.)
 */
export function amendedReplacement(mtText: string, amendedText: string): string {
  const visible = amendedText.trim();
  if (mtText.trim() === '') return amendedText;
  if (visible === '') return '';
  const lead = /^\s*/.exec(mtText)?.[0] ?? '';
  const trail = /\s*$/.exec(mtText)?.[0] ?? '';
  return lead + visible + trail;
}
