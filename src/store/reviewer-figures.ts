// What the per-reviewer statistics are made of, aggregated in SQL: a few grouped scans, never a query per article.
import type { OutcomeState } from '../review/outcome.ts';
import type { Sql, SqlParams } from './sql.ts';
import { inList } from './sql-lists.ts';
import type { VerdictDecision } from './verdict-columns.ts';

/** Which articles a grouped read covers: all of them, or these (a batch of changed ones; ids bound as parameters). */
export type ArticleScope = readonly string[] | undefined;

/** The `AND <column> IN (...)` of a scope and its parameters; nothing for every article. */
function scoped(column: string, scope: ArticleScope): { where: string; params: SqlParams } {
  if (scope === undefined) return { where: '', params: {} };
  const list = inList('s', scope);
  return { where: `AND ${column} IN ${list.sql}`, params: list.params };
}

/**
 * One reviewer's verdicts on one article (whole history, retracted ones too: they were given), the first and the
 * last of them (null when they only adjudicated there), and the adjudications they gave there as a lead.
 */
export interface ReviewerArticleSpan {
  reviewerId: number;
  articleId: string;
  verdicts: number;
  adjudications: number;
  firstAt: string | null;
  lastAt: string | null;
}

/**
 * Every (reviewer, article) with verdicts or adjudications, of every article or of the scope's: the activity kept by
 * a trigger on each verdict (reviewer_activity), one row per reviewer and article whatever the history's length.
 */
export function reviewerArticleSpans(db: Sql, scope?: ArticleScope): Promise<ReviewerArticleSpan[]> {
  const { where, params } = scoped('article_id', scope);
  return db.all<ReviewerArticleSpan>(
    `SELECT reviewer_id AS "reviewerId", article_id AS "articleId", verdicts, adjudications, first_at AS "firstAt",
       last_at AS "lastAt"
     FROM reviewer_activity WHERE 1 = 1 ${where}`,
    params,
  );
}

/**
 * How a reviewer's current verdicts on current edits stand against the edits' outcomes, counted: per outcome state,
 * and for adjudicated edits whether the lead's decision was theirs (`upheld` 1) or not (0; null for other states).
 */
export interface ReviewerOutcomeCount {
  articleId: string;
  reviewerId: number;
  state: OutcomeState;
  upheld: 0 | 1 | null;
  n: number;
}

// What JavaScript's String.prototype.trim removes, so that SQL compares amended texts as review/outcome.ts does
// (sameDecision: the same text, its edges' white space aside). trim(X, Y) is SQLite's and PostgreSQL's (btrim).
const whiteSpace =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/**
 * Each reviewer's current verdicts on current edits, grouped by the edit's kept outcome state and, when a lead
 * adjudicated it, by whether the adjudication took the reviewer's decision (and for amend their text).
 */
export function reviewerOutcomeCounts(db: Sql, scope?: ArticleScope): Promise<ReviewerOutcomeCount[]> {
  const { where, params } = scoped('cv.article_id', scope);
  return db.all<ReviewerOutcomeCount>(
    `SELECT cv.article_id AS "articleId", cv.reviewer_id AS "reviewerId", o.state,
       CASE WHEN o.state <> 'adjudicated' THEN NULL
         WHEN cv.decision = av.decision AND (cv.decision <> 'amend'
           OR trim(v.amended_text, :ws) = trim(av.amended_text, :ws)) THEN 1
         ELSE 0 END AS upheld,
       count(*) AS n
     FROM current_verdicts cv
       JOIN edits e ON e.id = cv.edit_id AND e.status = 'current'
       JOIN edit_outcomes o ON o.edit_id = cv.edit_id
       LEFT JOIN current_adjudications ca ON ca.edit_id = cv.edit_id AND o.state = 'adjudicated'
       LEFT JOIN verdicts av ON av.id = ca.verdict_id
       LEFT JOIN verdicts v ON v.id = cv.verdict_id AND cv.decision = 'amend' AND av.decision = 'amend'
     WHERE 1 = 1 ${where}
     GROUP BY 1, 2, 3, 4`,
    { ws: whiteSpace, ...params },
  );
}

/** How often two reviewers' current verdicts on one edit paired these decisions (reviewer ids a < b). */
export interface ReviewerPairCount {
  articleId: string;
  a: number;
  b: number;
  decisionA: VerdictDecision;
  decisionB: VerdictDecision;
  n: number;
  categoryCompared: number;
  categoryAgreed: number;
  severityCompared: number;
  severityAgreed: number;
}

/**
 * Every pair of reviewers' current verdicts on the same edit, counted per pair of decisions, with how often both
 * labelled the category (severity) and agreed on it: the cells Cohen's kappa is computed from (metrics/agreement.ts),
 * over the edits the statistics page counts (every edit with current verdicts).
 */
export function reviewerPairCounts(db: Sql, scope?: ArticleScope): Promise<ReviewerPairCount[]> {
  const { where, params } = scoped('x.article_id', scope);
  const both = (field: string) =>
    `CAST(sum(CASE WHEN x.${field} IS NOT NULL AND y.${field} IS NOT NULL THEN 1 ELSE 0 END) AS INTEGER)`;
  const same = (field: string) => `CAST(sum(CASE WHEN x.${field} = y.${field} THEN 1 ELSE 0 END) AS INTEGER)`;
  return db.all<ReviewerPairCount>(
    `SELECT x.article_id AS "articleId", x.reviewer_id AS a, y.reviewer_id AS b, x.decision AS "decisionA", y.decision AS "decisionB",
       count(*) AS n, ${both('category')} AS "categoryCompared", ${same('category')} AS "categoryAgreed",
       ${both('severity')} AS "severityCompared", ${same('severity')} AS "severityAgreed"
     FROM current_verdicts x JOIN current_verdicts y ON y.edit_id = x.edit_id AND y.reviewer_id > x.reviewer_id
     WHERE 1 = 1 ${where}
     GROUP BY 1, 2, 3, 4, 5`,
    params,
  );
}

/** Every reviewer account's id, name and role (accounts number in the hundreds, not the millions). */
export function reviewerDirectory(db: Sql): Promise<{ id: number; name: string; role: string }[]> {
  return db.all('SELECT id, name, role FROM reviewers ORDER BY name_key');
}

/** One article of the per-article table: its kept outcome counts, approval and assignees. */
export interface ArticleReviewSummary {
  id: string;
  title: string | null;
  approvedAt: string | null;
  edits: number;
  undecided: number;
  agreed: number;
  disputed: number;
  adjudicated: number;
  assignees: string[];
}

/** Articles by id after `after` (keyset paging: a deep page costs what the first does), at most `limit`. */
export async function articleReviewPage(
  db: Sql,
  page: { after?: string; limit: number },
): Promise<ArticleReviewSummary[]> {
  const rows = await db.all<Omit<ArticleReviewSummary, 'assignees'>>(
    `SELECT a.id, a.title, ar.approved_at AS "approvedAt", ar.edits, ar.undecided, ar.agreed, ar.disputed,
       ar.adjudicated
     FROM articles a JOIN article_review ar ON ar.article_id = a.id
     WHERE a.id > :after ORDER BY a.id LIMIT :limit`,
    { after: page.after ?? '', limit: page.limit },
  );
  if (rows.length === 0) return [];
  const ids = inList(
    'a',
    rows.map((row) => row.id),
  );
  const assigned = await db.all<{ articleId: string; name: string }>(
    `SELECT s.article_id AS "articleId", r.name FROM assignments s JOIN reviewers r ON r.id = s.reviewer_id
     WHERE s.article_id IN ${ids.sql} ORDER BY r.name_key`,
    ids.params,
  );
  return rows.map((row) => ({
    ...row,
    assignees: assigned.filter((a) => a.articleId === row.id).map((a) => a.name),
  }));
}

/** How many articles there are (for the per-article table's heading). */
export async function articleCount(db: Sql): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM articles'))?.n ?? 0;
}
