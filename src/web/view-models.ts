// Shapes the review data for the review page and its JSON twin: paragraphs split into text and numbered edits.
import { splitParagraphs } from '../diff/index.ts';
import type { ArticleReview, StoredEdit, VerdictRecord } from '../review/article-review.ts';
import { currentDecisions, type Outcome, undecidedOutcome } from '../review/outcome.ts';
import { paragraphUnits } from '../review/paragraph-units.ts';
import { type Resolution, resolveReview, standingDecision } from '../review/resolve.ts';

/** A piece of a paragraph: plain text, or an edit with its number and the state it shows. */
export type Segment = { text: string } | { text: string; edit: number; editId: string; state: EditState };

/** The state an edit shows: the decision that stands (agreed or adjudicated), disputed, or undecided. */
export type EditState = 'accept' | 'reject' | 'amend' | 'disputed' | 'undecided';

/** The state an outcome shows. */
export function stateOf(outcome: Outcome): EditState {
  return standingDecision(outcome) ?? (outcome.state === 'disputed' ? 'disputed' : 'undecided');
}

/** One row of the side-by-side view: an MT paragraph, its source paragraph if aligned, and what it becomes. */
export interface ReviewRow {
  paragraph: number;
  /** Where the paragraph's text starts and ends in the MT (the page maps a text selection to offsets with them). */
  mtStart: number;
  mtEnd: number;
  /** The source paragraph at the same position, when the source's paragraphs line up with the MT's; else null. */
  source: string | null;
  mt: Segment[];
  corrected: Segment[];
}

/**
 * The source beside the MT: `aligned` when it has as many paragraphs as the MT (each row carries its own), else
 * the whole source as one block, with both counts for the note that says why. Null when the article has none.
 */
export type SourceView =
  | { aligned: true; language: string | null }
  | { aligned: false; language: string | null; text: string; sourceParagraphs: number; mtParagraphs: number }
  | null;

/** An edit as the page and the API show it. */
export interface EditView {
  number: number;
  edit: StoredEdit;
  state: EditState;
  outcome: Outcome;
  /** Each reviewer's current verdict on this edit, oldest first (the history is paged on its own route). */
  current: VerdictRecord[];
  /** A lead's adjudication standing on it, if any. */
  adjudication: VerdictRecord | null;
}

/** Everything the review page shows. */
export interface ReviewView {
  rows: ReviewRow[];
  source: SourceView;
  edits: EditView[];
  stale: EditView[];
  reviewed: number;
  total: number;
  resolution: Resolution;
}

/** Builds the view of one article's review; edit numbers follow MT order and are the same on both sides. */
export function buildReviewView(review: ArticleReview): ReviewView {
  const resolution = resolveReview(review);
  const decided = currentDecisions(review.verdicts);
  const view = (edit: StoredEdit, number: number): EditView => {
    const outcome = resolution.outcomes.get(edit.id) ?? undecidedOutcome;
    const current = decided.verdicts.get(edit.id) ?? [];
    const adjudication = decided.adjudications.get(edit.id) ?? null;
    return { number, edit, state: stateOf(outcome), outcome, current, adjudication };
  };
  const edits = resolution.edits.map((resolved, i) => view(resolved.edit, i + 1));
  const stale = resolution.stale.map((edit, i) => view(edit, edits.length + i + 1));
  const rows = buildRows(review.mt, edits);
  return {
    rows,
    source: alignSource(review, resolution, rows),
    edits,
    stale,
    reviewed: edits.filter((e) => e.outcome.state !== 'undecided').length,
    total: edits.length,
    resolution,
  };
}

/**
 * An edit's text as shown in place: the blank lines a removed paragraph carries become one space (its spaces stay,
 * so words do not run together), and a whitespace-only change is made visible.
 */
function shown(text: string): string {
  if (text.trim() === '') return text.replace(/\n/g, '⏎').replace(/ /g, '␣');
  return text.replace(/^\s*\n\s*|\s*\n\s*$/g, '').replace(/\s*\n\s*/g, ' ');
}

/** Splits each MT paragraph at its edits; the corrected side shows each edit's correction in the same place. */
function buildRows(mt: string, edits: EditView[]): ReviewRow[] {
  const { paragraphs } = splitParagraphs(mt);
  const rows: ReviewRow[] = paragraphs.map((p, paragraph) => ({
    paragraph,
    mtStart: p.start,
    mtEnd: p.end,
    source: null,
    mt: [],
    corrected: [],
  }));
  if (rows.length === 0) {
    rows.push({
      paragraph: 0,
      mtStart: 0,
      mtEnd: mt.length,
      source: null,
      mt: [{ text: mt }],
      corrected: [{ text: mt }],
    });
  }
  const cursor = paragraphs.map((p) => p.start);
  const push = (row: ReviewRow, side: 'mt' | 'corrected', segment: Segment) => {
    if (segment.text !== '' || 'edit' in segment) row[side].push(segment);
  };
  for (const view of edits) {
    const index = Math.min(view.edit.paragraph, rows.length - 1);
    const row = rows[index] as ReviewRow;
    const p = paragraphs[index];
    if (!p) continue;
    const from = cursor[index] as number;
    const start = Math.max(from, Math.min(view.edit.mtStart, p.end));
    const plain = mt.slice(from, start);
    push(row, 'mt', { text: plain });
    push(row, 'corrected', { text: plain });
    const mark = { edit: view.number, editId: view.edit.id, state: view.state };
    row.mt.push({ text: shown(view.edit.mtText), ...mark });
    // The right column shows what stands: an amendment replaces the post-editor's correction there.
    const standingText = view.state === 'amend' ? (view.outcome.amendedText ?? '') : view.edit.correctedText;
    row.corrected.push({ text: shown(standingText), ...mark });
    cursor[index] = Math.max(start, Math.min(view.edit.mtEnd, p.end));
  }
  paragraphs.forEach((p, i) => {
    const rest = mt.slice(cursor[i] as number, p.end);
    push(rows[i] as ReviewRow, 'mt', { text: rest });
    push(rows[i] as ReviewRow, 'corrected', { text: rest });
  });
  return rows;
}

/** Puts each source paragraph on its row when the paragraphs line up (the exports' rule), else keeps it a block. */
function alignSource(review: ArticleReview, resolution: Resolution, rows: ReviewRow[]): SourceView {
  if (review.source === null) return null;
  const language = review.meta.sourceLang ?? null;
  const units = paragraphUnits(review, resolution);
  if (units.length === rows.length && units.every((unit) => unit.source !== null)) {
    rows.forEach((row, i) => {
      row.source = units[i]?.source ?? null;
    });
    return { aligned: true, language };
  }
  const sourceParagraphs = splitParagraphs(review.source).paragraphs.length;
  return { aligned: false, language, text: review.source.trim(), sourceParagraphs, mtParagraphs: units.length };
}
