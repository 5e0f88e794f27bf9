// What a lead does to an article's review: approve and reopen it, open or blind it, assign reviewers; all logged.

import type { ReviewMode, TeamReview } from '../review/article-review.ts';
import { type ArticleStatus, articleStatus } from '../review/article-status.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import type { Sql, Store } from './sql.ts';
import { inList, slices } from './sql-lists.ts';
import { nowIso } from './values.ts';
import { queueStatusWebhook } from './webhook-outbox.ts';

/** What is logged of a lead's actions on an article. */
export type ArticleAction = 'approved' | 'reopened' | 'assigned' | 'unassigned' | 'review-opened' | 'review-blinded';

/** An article's review state as kept: the lead's settings and the counts of its current edits by outcome. */
export interface ArticleReviewRow {
  mode: ReviewMode;
  approvedAt: string | null;
  approvedBy: string | null;
  edits: number;
  undecided: number;
  agreed: number;
  disputed: number;
  adjudicated: number;
}

/** The article's review state, or undefined for an unknown article. */
export function getArticleReviewRow(db: Sql, articleId: string): Promise<ArticleReviewRow | undefined> {
  return db.get<ArticleReviewRow>(
    `SELECT ar.mode, ar.approved_at AS "approvedAt", r.name AS "approvedBy", ar.edits, ar.undecided, ar.agreed,
       ar.disputed, ar.adjudicated
     FROM article_review ar LEFT JOIN reviewers r ON r.id = ar.approved_by WHERE ar.article_id = :articleId`,
    { articleId },
  );
}

/** The article's review mode (blind or open), or undefined for an unknown article: one key lookup, for caches. */
export async function reviewModeOf(db: Sql, articleId: string): Promise<ReviewMode | undefined> {
  return (
    await db.get<{ mode: ReviewMode }>('SELECT mode FROM article_review WHERE article_id = :articleId', { articleId })
  )?.mode;
}

/** What a cached review page is keyed by: the article's revision (see articleVersion) and its review mode. */
export interface PageKey {
  version: string;
  mode: ReviewMode;
}

/**
 * What a cached review page is keyed by, in one read (on PostgreSQL each is a round trip); undefined when there is no
 * such article.
 */
export async function pageKeyOf(db: Sql, articleId: string): Promise<PageKey | undefined> {
  return (await pageKeysOf(db, [articleId])).get(articleId);
}

/** The page keys of these articles, in one read a slice; an article that does not exist has none. */
export async function pageKeysOf(db: Sql, articleIds: readonly string[]): Promise<Map<string, PageKey>> {
  const keys = new Map<string, PageKey>();
  for (const slice of slices([...new Set(articleIds)])) {
    const list = inList('a', slice);
    const rows = await db.all<{ id: string; revision: number; mode: ReviewMode | null }>(
      `SELECT v.article_id AS id, v.revision, r.mode FROM article_revisions v
       LEFT JOIN article_review r ON r.article_id = v.article_id WHERE v.article_id IN ${list.sql}`,
      list.params,
    );
    for (const row of rows) keys.set(row.id, { version: String(row.revision), mode: row.mode ?? 'blind' });
  }
  return keys;
}

/** The names of the reviewers assigned to the article, by name. */
export async function assigneesOf(db: Sql, articleId: string): Promise<string[]> {
  const rows = await db.all<{ name: string }>(
    `SELECT r.name FROM assignments a JOIN reviewers r ON r.id = a.reviewer_id WHERE a.article_id = :articleId
     ORDER BY r.name_key`,
    { articleId },
  );
  return rows.map((row) => row.name);
}

/** What the review model needs of the team review: mode, assignees, approval. */
export async function teamReviewOf(db: Sql, articleId: string): Promise<TeamReview | undefined> {
  const row = await getArticleReviewRow(db, articleId);
  if (!row) return undefined;
  const approval = row.approvedAt && row.approvedBy ? { by: row.approvedBy, at: row.approvedAt } : null;
  return { mode: row.mode, assignees: await assigneesOf(db, articleId), approval };
}

/** The article's status, from its kept review state (see review/article-status.ts). */
export async function articleStatusOf(db: Sql, articleId: string): Promise<ArticleStatus | undefined> {
  const row = await getArticleReviewRow(db, articleId);
  return row && articleStatus(row);
}

/** Refuses a change to an approved article (ConflictError) or an unknown one (NotFoundError). Run in the change's tx. */
export async function assertOpen(tx: Sql, articleId: string): Promise<void> {
  const row = await tx.get<{ approvedAt: string | null }>(
    'SELECT approved_at AS "approvedAt" FROM article_review WHERE article_id = :articleId',
    { articleId },
  );
  if (!row) throw new NotFoundError(`no article with id ${articleId}`);
  if (row.approvedAt) throw new ConflictError(`article ${articleId} is approved: a lead must reopen it first`);
}

async function logAction(
  tx: Sql,
  articleId: string,
  actorId: number | null,
  action: ArticleAction,
  extra: { subjectId?: number; note?: string | null } = {},
): Promise<void> {
  await tx.run(
    `INSERT INTO article_events (article_id, actor_id, action, subject_id, note, created_at)
     VALUES (:articleId, :actorId, :action, :subjectId, :note, :at)`,
    { articleId, actorId, action, subjectId: extra.subjectId ?? null, note: extra.note ?? null, at: nowIso() },
  );
}

/**
 * Approves the article, which locks it: no verdict, adjudication, retraction or edit is taken until a lead reopens
 * it. Only a reviewed article can be approved (every current edit agreed or adjudicated): a ConflictError says how
 * many are undecided or disputed.
 */
export function approveArticle(store: Store, articleId: string, leadId: number, note?: string | null): Promise<void> {
  return store.transaction(async (tx) => {
    await assertOpen(tx, articleId);
    const row = (await getArticleReviewRow(tx, articleId)) as ArticleReviewRow;
    if (row.undecided + row.disputed > 0) {
      throw new ConflictError(
        `article ${articleId} is not reviewed yet: ${row.undecided} undecided and ${row.disputed} disputed edit(s)`,
      );
    }
    await tx.run('UPDATE article_review SET approved_at = :at, approved_by = :leadId WHERE article_id = :articleId', {
      at: nowIso(),
      leadId,
      articleId,
    });
    await logAction(tx, articleId, leadId, 'approved', { note });
    await queueStatusWebhook(tx, articleId);
  });
}

/** Reopens an approved article for verdicts; ConflictError when it is not approved. */
export function reopenArticle(store: Store, articleId: string, leadId: number, note?: string | null): Promise<void> {
  return store.transaction(async (tx) => {
    const row = await getArticleReviewRow(tx, articleId);
    if (!row) throw new NotFoundError(`no article with id ${articleId}`);
    if (!row.approvedAt) throw new ConflictError(`article ${articleId} is not approved`);
    await tx.run('UPDATE article_review SET approved_at = NULL, approved_by = NULL WHERE article_id = :articleId', {
      articleId,
    });
    await logAction(tx, articleId, leadId, 'reopened', { note });
    await queueStatusWebhook(tx, articleId);
  });
}

/** Sets blind or open review; nothing changes (and nothing is logged) when the article already has that mode. */
export function setReviewMode(store: Store, articleId: string, mode: ReviewMode, leadId: number): Promise<void> {
  return store.transaction(async (tx) => {
    const row = await getArticleReviewRow(tx, articleId);
    if (!row) throw new NotFoundError(`no article with id ${articleId}`);
    if (row.mode === mode) return;
    await tx.run('UPDATE article_review SET mode = :mode WHERE article_id = :articleId', { mode, articleId });
    await logAction(tx, articleId, leadId, mode === 'open' ? 'review-opened' : 'review-blinded');
  });
}

/** Assigns a reviewer to the article (again: nothing changes); NotFoundError for an unknown article or reviewer. */
export function assignReviewer(store: Store, articleId: string, reviewerId: number, leadId: number): Promise<void> {
  return store.transaction(async (tx) => {
    const added = await tx.run(
      `INSERT INTO assignments (article_id, reviewer_id, assigned_by, assigned_at)
       VALUES (:articleId, :reviewerId, :leadId, :at) ON CONFLICT (article_id, reviewer_id) DO NOTHING`,
      { articleId, reviewerId, leadId, at: nowIso() },
    );
    if (added > 0) await logAction(tx, articleId, leadId, 'assigned', { subjectId: reviewerId });
  });
}

/** Takes a reviewer off the article; NotFoundError when they were not assigned. */
export function unassignReviewer(store: Store, articleId: string, reviewerId: number, leadId: number): Promise<void> {
  return store.transaction(async (tx) => {
    const removed = await tx.run(
      'DELETE FROM assignments WHERE article_id = :articleId AND reviewer_id = :reviewerId',
      { articleId, reviewerId },
    );
    if (removed === 0) throw new NotFoundError(`reviewer ${reviewerId} is not assigned to ${articleId}`);
    await logAction(tx, articleId, leadId, 'unassigned', { subjectId: reviewerId });
  });
}

/** One logged action on an article, with the names of who did it and to whom. */
export interface ArticleEvent {
  id: number;
  action: ArticleAction;
  actor: string | null;
  subject: string | null;
  note: string | null;
  createdAt: string;
}

/** The latest actions on the article, newest first (at most `limit`). */
export function articleEvents(db: Sql, articleId: string, limit = 20): Promise<ArticleEvent[]> {
  return db.all<ArticleEvent>(
    `SELECT ev.id, ev.action, a.name AS actor, s.name AS subject, ev.note, ev.created_at AS "createdAt"
     FROM article_events ev LEFT JOIN reviewers a ON a.id = ev.actor_id LEFT JOIN reviewers s ON s.id = ev.subject_id
     WHERE ev.article_id = :articleId ORDER BY ev.id DESC LIMIT :limit`,
    { articleId, limit },
  );
}
