// What a stored verdict is, and the columns every query of verdicts selects to make one.
import type { VerdictKind } from '../review/article-review.ts';
import type { Severity } from '../review/taxonomy.ts';

/** What a reviewer decided about an edit. */
export type VerdictDecision = 'accept' | 'reject' | 'amend';

/** A recorded verdict, with its reviewer's name, and when it was retracted (null: it was not). */
export interface StoredVerdict {
  id: number;
  editId: string;
  articleId: string;
  reviewerId: number;
  reviewerName: string;
  kind: VerdictKind;
  decision: VerdictDecision;
  category: string | null;
  severity: Severity | null;
  note: string | null;
  amendedText: string | null;
  clientRequestId: string | null;
  createdAt: string;
  retractedAt: string | null;
}

/** The columns that make a StoredVerdict, for queries on `verdicts v` with `reviewers r` and `retractions rt`. */
export const verdictColumns = `v.id, v.edit_id AS "editId", v.article_id AS "articleId", v.reviewer_id AS "reviewerId",
  r.name AS "reviewerName", v.kind, v.decision, v.category, v.severity, v.note, v.amended_text AS "amendedText",
  v.client_request_id AS "clientRequestId", v.created_at AS "createdAt", rt.created_at AS "retractedAt"`;

/** The FROM clause that goes with verdictColumns. */
export const withReviewers =
  'FROM verdicts v JOIN reviewers r ON r.id = v.reviewer_id LEFT JOIN retractions rt ON rt.verdict_id = v.id';
