// The article a reviewer should open next: the next one assigned to them with edits left to decide, else the next
// with edits they have not decided.
import type { Sql } from './sql.ts';

/** The article to go to, and why it was chosen. */
export interface NextArticle {
  articleId: string;
  title: string | null;
  reason: 'assigned' | 'unreviewed';
  /** Its current edits the reviewer has not decided (and no lead decided for everyone). */
  undecided: number;
}

// Current edits of article `a` (an article_review row) that the reviewer has not decided and no lead has.
const undecidedForMe = `FROM edits e WHERE e.article_id = ar.article_id AND e.status = 'current'
  AND NOT EXISTS (SELECT 1 FROM current_verdicts cv WHERE cv.edit_id = e.id AND cv.reviewer_id = :me)
  AND NOT EXISTS (SELECT 1 FROM current_adjudications ca WHERE ca.edit_id = e.id)`;

async function firstAfter(db: Sql, me: number, after: string, assigned: boolean, wrap: boolean) {
  const mine = assigned
    ? 'AND EXISTS (SELECT 1 FROM assignments s WHERE s.article_id = ar.article_id AND s.reviewer_id = :me)'
    : '';
  const where = wrap ? 'ar.article_id < :after' : 'ar.article_id > :after';
  return db.get<{ articleId: string; title: string | null; undecided: number }>(
    `SELECT ar.article_id AS "articleId", a.title,
       (SELECT CAST(count(*) AS INTEGER) ${undecidedForMe}) AS "undecided"
     FROM article_review ar JOIN articles a ON a.id = ar.article_id
     WHERE ${where} AND ar.approved_at IS NULL AND ar.edits > 0 ${mine} AND EXISTS (SELECT 1 ${undecidedForMe})
     ORDER BY ar.article_id LIMIT 1`,
    { me, after },
  );
}

/**
 * The next article (in id order after `after`, wrapping round, never `after` itself) assigned to the reviewer that
 * has edits they have not decided; else the next such article of any assignment; undefined when there is none.
 * Approved (locked) articles are left out: they take no verdicts.
 */
export async function nextArticleFor(db: Sql, reviewerId: number, after: string): Promise<NextArticle | undefined> {
  for (const assigned of [true, false]) {
    const found =
      (await firstAfter(db, reviewerId, after, assigned, false)) ??
      (await firstAfter(db, reviewerId, after, assigned, true));
    if (found) return { ...found, reason: assigned ? 'assigned' : 'unreviewed' };
  }
  return undefined;
}
