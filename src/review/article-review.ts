// The review model: one article with its edits, its reviewers' verdicts and a lead's adjudications, and its team review.
import type { ArticleMeta } from '../corpus/types.ts';
import type { Edit } from '../diff/types.ts';
import type { Severity } from './taxonomy.ts';

/** A reviewer's verdict, or a lead's adjudication: the final word on an edit, whatever the reviewers said. */
export type VerdictKind = 'verdict' | 'adjudication';

/** One verdict as recorded (append-only history), with the reviewer's name. */
export interface VerdictRecord {
  id: number;
  editId: string;
  reviewer: string;
  /** Absent: a reviewer's verdict. */
  kind?: VerdictKind;
  decision: 'accept' | 'reject' | 'amend';
  category: string | null;
  severity: Severity | null;
  note: string | null;
  amendedText: string | null;
  /** ISO 8601 time the verdict was recorded. */
  createdAt: string;
  /** When its reviewer took it back (undo): it no longer counts, and stays in the history. */
  retractedAt?: string | null;
}

/** Whether reviewers see each other's verdicts on an edit only once they decided it (blind) or always (open). */
export type ReviewMode = 'blind' | 'open';

/** What a lead has set for the article's review: the mode, the reviewers assigned, and the approval. */
export interface TeamReview {
  mode: ReviewMode;
  assignees: string[];
  /** Who approved the article and when; approval locks it until a lead reopens it. */
  approval: { by: string; at: string } | null;
}

/** A team review nobody has set anything on: blind, unassigned, not approved. */
export const unsetTeamReview: TeamReview = { mode: 'blind', assignees: [], approval: null };

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
 * and adjudications oldest first. `verdicts` holds at least each reviewer's current verdict on each edit and each
 * edit's current adjudication, which is all an outcome is made of (see outcome.ts); the exports that carry the
 * history (JSON, CSV) load all of it, retracted verdicts included, the page and the statistics only the current
 * ones, so that their cost does not grow with the history. `activity` counts the whole history either way.
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
  /** Absent: as `unsetTeamReview`. */
  team?: TeamReview;
}
