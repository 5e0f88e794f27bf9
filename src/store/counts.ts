// The verdict_counts table: buckets of current verdicts on current edits, kept in step inside each write.
import type { Store } from './db.ts';
import { statement } from './statements.ts';

/** One bucket: how many current verdicts on current edits of an article share a category, severity and decision. */
export interface VerdictCount {
  articleId: string;
  category: string | null;
  severity: string | null;
  decision: string;
  n: number;
}

/** One bucket of one reviewer's current verdicts, over all articles (current edits only). */
export interface ReviewerCount {
  reviewerId: number;
  reviewerName: string;
  category: string | null;
  severity: string | null;
  decision: string;
  n: number;
}

/** The bucket a verdict falls into, as stored in current_verdicts. */
export interface Bucket {
  articleId: string;
  category: string | null;
  severity: string | null;
  decision: string;
}

// In verdict_counts a missing category or severity is '' (primary-key columns); readers turn it back into null.
const fromKey = "NULLIF(category, '') AS category, NULLIF(severity, '') AS severity";
const key = "article_id = :articleId AND category = IFNULL(:category, '') AND severity = IFNULL(:severity, '')";

/** Adds one to (delta 1) or takes one from (delta -1) a bucket; a bucket that reaches zero is removed. */
export function bumpBucket(db: Store, bucket: Bucket, delta: 1 | -1): void {
  if (delta === 1) {
    statement(
      db,
      `INSERT INTO verdict_counts (article_id, category, severity, decision, n)
       VALUES (:articleId, IFNULL(:category, ''), IFNULL(:severity, ''), :decision, 1)
       ON CONFLICT (article_id, category, severity, decision) DO UPDATE SET n = n + 1`,
    ).run(bucket);
    return;
  }
  const removed = statement(db, `DELETE FROM verdict_counts WHERE ${key} AND decision = :decision AND n = 1`).run(
    bucket,
  );
  if (removed.changes === 0) {
    statement(db, `UPDATE verdict_counts SET n = n - 1 WHERE ${key} AND decision = :decision`).run(bucket);
  }
}

/** Counts (delta 1) or uncounts (delta -1) every current verdict on an edit: used when it turns current or stale. */
export function bumpEditBuckets(db: Store, editId: string, delta: 1 | -1): void {
  const buckets = statement(
    db,
    `SELECT article_id AS articleId, category, severity, decision FROM current_verdicts WHERE edit_id = :editId`,
  ).all({ editId }) as Bucket[];
  for (const bucket of buckets) bumpBucket(db, bucket, delta);
}

/** The verdict buckets, of one article or of all; cheap at any history size because they are kept, not computed. */
export function verdictCounts(db: Store, options: { articleId?: string } = {}): VerdictCount[] {
  const columns = `article_id AS articleId, ${fromKey}, decision, n`;
  if (options.articleId !== undefined) {
    return statement(
      db,
      `SELECT ${columns} FROM verdict_counts WHERE article_id = :articleId ORDER BY category, severity, decision`,
    ).all({ articleId: options.articleId }) as VerdictCount[];
  }
  return statement(
    db,
    `SELECT ${columns} FROM verdict_counts ORDER BY article_id, category, severity, decision`,
  ).all() as VerdictCount[];
}

/** Each reviewer's current verdicts on current edits, bucketed by category, severity and decision. */
export function countsByReviewer(db: Store): ReviewerCount[] {
  return statement(
    db,
    `SELECT cv.reviewer_id AS reviewerId, r.name AS reviewerName, cv.category, cv.severity, cv.decision, count(*) AS n
     FROM current_verdicts cv
     JOIN edits e ON e.id = cv.edit_id AND e.status = 'current'
     JOIN reviewers r ON r.id = cv.reviewer_id
     GROUP BY cv.reviewer_id, cv.category, cv.severity, cv.decision
     ORDER BY r.name, cv.category, cv.severity, cv.decision`,
  ).all() as ReviewerCount[];
}
