// What every export format reads: one article with its edits and the full verdict history, as the store holds them.
import type { ArticleMeta } from '../corpus/types.ts';
import type { Edit } from '../diff/types.ts';
import type { Severity } from '../review/taxonomy.ts';

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

/** The input of an export: the article, its edits in MT order, and every verdict oldest first. */
export interface ArticleReview {
  id: string;
  meta: ArticleMeta;
  mt: string;
  corrected: string | null;
  source: string | null;
  edits: StoredEdit[];
  verdicts: VerdictRecord[];
}
