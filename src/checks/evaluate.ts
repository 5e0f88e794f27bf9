// Evaluation of the checks against annotated texts: locate annotations, match findings, recall and precision.
import type { Finding } from './types.ts';

/** One expected finding as an annotator writes it: the check, the span's text (nth occurrence), the fix. */
export interface Annotation {
  check: string;
  text: string;
  /** The expected replacement; '' deletes; null when any proposal (or none) is fine. */
  suggestion: string | null;
  /** Which occurrence of `text` is meant, from 1 (the default). */
  occurrence?: number;
  note?: string;
}

/** An annotation placed in its text. */
export interface LocatedAnnotation extends Annotation {
  start: number;
  end: number;
}

/** The annotation file `<name>.expected.json`: expected findings, and errors known to be out of every check's reach. */
export interface AnnotationFile {
  findings: Annotation[];
  outOfScope?: Array<{ text: string; note: string }>;
}

/** Places each annotation in `text`; throws naming the annotation when its text is not there. */
export function locateAnnotations(text: string, annotations: readonly Annotation[]): LocatedAnnotation[] {
  return annotations.map((annotation, i) => {
    let start = -1;
    for (let n = 0; n < (annotation.occurrence ?? 1); n++) start = text.indexOf(annotation.text, start + 1);
    if (start < 0 || annotation.text === '') {
      throw new Error(
        `annotation ${i + 1} (${annotation.check}): ${JSON.stringify(annotation.text)} not found in the text`,
      );
    }
    return { ...annotation, start, end: start + annotation.text.length };
  });
}

/** The outcome on one text: matched pairs, annotations no finding matched, findings no annotation expected. */
export interface TextEvaluation {
  name: string;
  /** Words of the text (runs of non-space), the base of the false-alarm rate. */
  words: number;
  matched: Array<{ finding: Finding; annotation: LocatedAnnotation; suggestionRight: boolean | null }>;
  missed: LocatedAnnotation[];
  unexpected: Finding[];
}

const normalise = (value: string) => value.replace(/\s+/g, ' ').trim();

/**
 * True when the finding's fix gives the annotated result: both applied over the union of their spans, compared
 * exactly or up to whitespace (a paragraph deleted with or without its separator is the same fix). Null when the
 * annotation leaves the suggestion open.
 */
export function isSuggestionRight(text: string, finding: Finding, annotation: LocatedAnnotation): boolean | null {
  if (annotation.suggestion === null) return null;
  if (finding.suggestion === null) return false;
  const from = Math.min(finding.start, annotation.start);
  const to = Math.max(finding.end, annotation.end);
  const apply = (start: number, end: number, replacement: string) =>
    text.slice(from, start) + replacement + text.slice(end, to);
  const ours = apply(finding.start, finding.end, finding.suggestion);
  const expected = apply(annotation.start, annotation.end, annotation.suggestion);
  return ours === expected || normalise(ours) === normalise(expected);
}

/** Matches findings to annotations one to one: same check, overlapping spans, in text order. */
export function evaluateText(
  name: string,
  text: string,
  findings: readonly Finding[],
  annotations: readonly LocatedAnnotation[],
): TextEvaluation {
  const free = new Set(findings);
  const words = text.split(/\s+/).filter(Boolean).length;
  const result: TextEvaluation = { name, words, matched: [], missed: [], unexpected: [] };
  for (const annotation of annotations) {
    const finding = [...free].find(
      (f) => f.check === annotation.check && f.start < annotation.end && annotation.start < f.end,
    );
    if (!finding) {
      result.missed.push(annotation);
      continue;
    }
    free.delete(finding);
    result.matched.push({ finding, annotation, suggestionRight: isSuggestionRight(text, finding, annotation) });
  }
  result.unexpected = [...free];
  return result;
}

/** Counts for one check (or overall): expected, found, matched, and suggestions judged and right. */
export interface Score {
  check: string;
  expected: number;
  found: number;
  matched: number;
  judged: number;
  right: number;
}

/** Recall: matched / expected (1 when nothing was expected). */
export const recall = (s: Score) => (s.expected ? s.matched / s.expected : 1);
/** Precision: matched / found (1 when nothing was found). */
export const precision = (s: Score) => (s.found ? s.matched / s.found : 1);

/** Findings no annotation expected, per 1,000 words of the texts: the false-alarm rate on clean text. */
export function unexpectedPerThousandWords(results: readonly TextEvaluation[]): number {
  const words = results.reduce((total, r) => total + r.words, 0);
  const unexpected = results.reduce((total, r) => total + r.unexpected.length, 0);
  return words ? (unexpected * 1000) / words : 0;
}

/** Per-check scores summed into groups (check families): `groupOf` names each check's group, in `groups` order. */
export function scoreGroups(
  scores: readonly Score[],
  groupOf: (check: string) => string,
  groups: readonly string[],
): Score[] {
  const rows = new Map(groups.map((group) => [group, emptyScore(group)]));
  for (const score of scores) {
    if (score.check === 'overall') continue;
    const group = groupOf(score.check);
    const row = rows.get(group) ?? (rows.set(group, emptyScore(group)).get(group) as Score);
    for (const key of scoreKeys) row[key] += score[key];
  }
  return [...rows.values()];
}

const scoreKeys = ['expected', 'found', 'matched', 'judged', 'right'] as const;
const emptyScore = (check: string): Score => ({ check, expected: 0, found: 0, matched: 0, judged: 0, right: 0 });

/** Scores per check, in `checkIds` order, and overall as the last row. */
export function scoreEvaluations(results: readonly TextEvaluation[], checkIds: readonly string[]): Score[] {
  const rows = new Map(checkIds.map((check) => [check, emptyScore(check)]));
  const row = (check: string) => rows.get(check) ?? (rows.set(check, emptyScore(check)).get(check) as Score);
  for (const result of results) {
    for (const { finding, suggestionRight } of result.matched) {
      const r = row(finding.check);
      r.expected++;
      r.found++;
      r.matched++;
      if (suggestionRight === null) continue;
      r.judged++;
      if (suggestionRight) r.right++;
    }
    for (const annotation of result.missed) row(annotation.check).expected++;
    for (const finding of result.unexpected) row(finding.check).found++;
  }
  const all = [...rows.values()];
  const overall = emptyScore('overall');
  for (const score of all) for (const key of scoreKeys) overall[key] += score[key];
  return [...all, overall];
}
