// Reading verdicts: the current ones an outcome is made of, the whole history, its pages, and who gave how many.
import type { Sql } from './sql.ts';
import { type StoredVerdict, verdictColumns, withReviewers } from './verdict-columns.ts';

/** Every verdict and adjudication ever recorded on the article's edits (stale ones included), oldest first. */
export function listVerdicts(db: Sql, articleId: string): Promise<StoredVerdict[]> {
  return db.all<StoredVerdict>(
    `SELECT ${verdictColumns} ${withReviewers} WHERE v.article_id = :articleId ORDER BY v.id`,
    { articleId },
  );
}

/**
 * What the article's outcomes are made of: each reviewer's current verdict on each edit and each edit's current
 * adjudication (stale edits included), oldest first. Retracted ones are not current.
 */
export function currentVerdicts(db: Sql, articleId: string): Promise<StoredVerdict[]> {
  return db.all<StoredVerdict>(
    `SELECT ${verdictColumns} FROM current_verdicts cv JOIN verdicts v ON v.id = cv.verdict_id
       JOIN reviewers r ON r.id = v.reviewer_id LEFT JOIN retractions rt ON rt.verdict_id = v.id
     WHERE cv.article_id = :articleId
     UNION ALL
     SELECT ${verdictColumns} FROM current_adjudications ca JOIN verdicts v ON v.id = ca.verdict_id
       JOIN reviewers r ON r.id = v.reviewer_id LEFT JOIN retractions rt ON rt.verdict_id = v.id
     WHERE ca.article_id = :articleId
     ORDER BY 1`,
    { articleId },
  );
}

/** One reviewer's whole history on an article, counted (see ReviewerActivity in review/article-review.ts). */
export interface StoredActivity {
  reviewer: string;
  verdicts: number;
  edits: number;
  accept: number;
  reject: number;
  amend: number;
  firstAt: string;
  lastAt: string;
}

/**
 * Per reviewer, the verdicts they gave on the article's edits (whole history, retracted ones too: they were given;
 * adjudications not: they are a lead's final word, not a review). Kept by a trigger on each verdict (reviewer_activity,
 * with the edits each reviewer decided in reviewer_edits), so that reading them costs the same however long the
 * history is: counted from the verdicts, the article's API answer took 131 ms at 60,000 verdicts on PostgreSQL (38 ms on
 * SQLite), growing with them.
 */
export function reviewerActivity(db: Sql, articleId: string): Promise<StoredActivity[]> {
  return db.all<StoredActivity>(
    `SELECT r.name AS reviewer, a.verdicts,
       (SELECT count(*) FROM reviewer_edits e WHERE e.article_id = a.article_id AND e.reviewer_id = a.reviewer_id)
         AS edits,
       a.accept, a.reject, a.amend, a.first_at AS "firstAt", a.last_at AS "lastAt"
     FROM reviewer_activity a JOIN reviewers r ON r.id = a.reviewer_id
     WHERE a.article_id = :articleId AND a.verdicts > 0 ORDER BY r.name_key`,
    { articleId },
  );
}

/** The most verdicts one page of history carries. */
export const maxHistoryPage = 200;

/**
 * A page of the verdict history of one edit (`editId`) or of a whole article (`articleId`), newest first: at most
 * `limit` verdicts with ids below `before` (keyset paging, so a page costs the same however deep it is).
 */
export function verdictHistory(
  db: Sql,
  scope: { editId: string } | { articleId: string },
  page: { before?: number; limit?: number } = {},
): Promise<StoredVerdict[]> {
  const limit = Math.min(Math.max(1, page.limit ?? 50), maxHistoryPage);
  const before = page.before ?? Number.MAX_SAFE_INTEGER;
  const where = 'editId' in scope ? 'v.edit_id = :key' : 'v.article_id = :key';
  return db.all<StoredVerdict>(
    `SELECT ${verdictColumns} ${withReviewers} WHERE ${where} AND v.id < :before ORDER BY v.id DESC LIMIT :limit`,
    { key: 'editId' in scope ? scope.editId : scope.articleId, before, limit },
  );
}
