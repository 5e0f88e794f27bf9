// What every export format reads: one article with its edits and the full verdict history, as the store holds them.
import type { ArticleMeta } from '../corpus/types.ts';
import type { Edit } from '../diff/types.ts';
import type { Severity } from './taxonomy.ts';

/** One verdict as recorded (append-only history), with the reviewer's name. */
export interface VerdictRecord {
  id: number;
  editId: string;
  reviewer: string;
  decision: 'accept' | 'reject' | 'amend';
  category: string | null;
  severity: Severity | null;
  note: string | null;
  amendedText: string | null;
  /** ISO 8601 time the verdict was recorded. */
  createdAt: string;
}

/** An edit as stored: current, or stale (its text no longer produced by the post-edit, kept with its verdicts). */
export interface StoredEdit extends Edit {
  status: 'current' | 'stale';
  /** For a check's suggestion: its proposed category, severity and explanation. */
  suggestedCategory?: string | null;
  suggestedSeverity?: Severity | null;
  message?: string | null;
  /** The check that found this edit, or that explains a post-edit edit (per-check precision counts both). */
  checkId?: string | null;
}

/** One reviewer's work on an article over the whole history: verdicts given, by decision, and when. */
export interface ReviewerActivity {
  reviewer: string;
  verdicts: number;
  /** Distinct edits the reviewer gave a verdict on. */
  edits: number;
  accept: number;
  reject: number;
  amend: number;
  firstAt: string;
  lastAt: string;
}

/**
 * The input of the review page, the statistics and the exports: the article, its edits in MT order, and its verdicts
 * oldest first. `verdicts` holds at least each reviewer's latest verdict on each edit, which is all a decision is
 * made of; the exports that carry the history (JSON, CSV) load all of it, the page and the statistics only the
 * latest, so that their cost does not grow with the history. `activity` counts the whole history either way.
 */
export interface ArticleReview {
  id: string;
  meta: ArticleMeta;
  mt: string;
  corrected: string | null;
  source: string | null;
  edits: StoredEdit[];
  verdicts: VerdictRecord[];
  activity: ReviewerActivity[];
}
