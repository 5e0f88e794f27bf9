// Findings → edits: the checks' suggestions as the corrected version of an MT-only article, or labels on a post-edit.
import { type Edit, extractEdits } from '../diff/index.ts';
import type { Severity } from '../review/taxonomy.ts';
import type { Finding } from './types.ts';

/** An edit with what a check says about it: the category, severity and explanation a reviewer starts from. */
export interface LabelledEdit extends Edit {
  suggestedCategory?: string | null;
  suggestedSeverity?: Severity | null;
  suggestedMessage?: string | null;
  checkId?: string | null;
}

/** The MT with every suggestion applied, in text order; a finding overlapping an applied one is left out. */
export function applySuggestions(mt: string, findings: readonly Finding[]): string {
  const parts: string[] = [];
  let position = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.suggestion === null || finding.start < position) continue;
    parts.push(mt.slice(position, finding.start), finding.suggestion);
    position = finding.end;
  }
  return parts.join('') + mt.slice(position);
}

const overlaps = (edit: Edit, finding: Finding) =>
  finding.start < Math.max(edit.mtEnd, edit.mtStart + 1) && edit.mtStart < Math.max(finding.end, finding.start + 1);

/**
 * The finding that best explains an edit: one with a fix before one without (a caption marked for review explains
 * less than the name fix inside it), then the narrowest span, then the surest.
 */
function bestLabel(edit: Edit, findings: readonly Finding[]): Finding | undefined {
  const better = (a: Finding, b: Finding) =>
    Number(a.suggestion === null) - Number(b.suggestion === null) ||
    a.end - a.start - (b.end - b.start) ||
    b.confidence - a.confidence;
  let best: Finding | undefined;
  for (const f of findings) if (overlaps(edit, f) && (!best || better(f, best) < 0)) best = f;
  return best;
}

/** Each edit with the finding that best explains it as its label; `asOrigin` also makes the check the edit's origin. */
export function labelEdits(edits: readonly Edit[], findings: readonly Finding[], asOrigin: boolean): LabelledEdit[] {
  return edits.map((edit) => {
    const finding = bestLabel(edit, findings);
    if (!finding) return edit;
    return {
      ...edit,
      origin: asOrigin ? (`check:${finding.check}` as const) : edit.origin,
      suggestedCategory: finding.category,
      suggestedSeverity: finding.severity,
      suggestedMessage: finding.message,
      checkId: finding.check,
    };
  });
}

/**
 * The checks' suggestions for an article without a post-edit, as edits: the suggestions are applied to make a
 * corrected text, and the edit engine diffs it like any post-edit, so ids are as stable as the post-edit's.
 */
export function suggestionEdits(mt: string, findings: readonly Finding[], salt: string): LabelledEdit[] {
  const suggested = applySuggestions(mt, findings);
  return labelEdits(extractEdits(mt, suggested, { salt }), findings, true);
}

/**
 * What the checks found that a post-edit left alone, as extra suggested edits (origin `check:<id>`): only findings
 * clear of every post-edit edit (not even touching one), so both sets apply together in any combination.
 */
export function extraSuggestionEdits(
  mt: string,
  postEdit: readonly Edit[],
  findings: readonly Finding[],
  salt: string,
): LabelledEdit[] {
  const clear = (start: number, end: number) => postEdit.every((e) => end < e.mtStart || start > e.mtEnd);
  const missed = findings.filter((f) => f.suggestion !== null && clear(f.start, f.end));
  return suggestionEdits(mt, missed, `${salt}:checks`).filter((e) => clear(e.mtStart, e.mtEnd));
}
