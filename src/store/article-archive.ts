// Archiving: an article hidden from the lists and the current statistics, never deleted (undone by unarchiving).
import { NotFoundError } from './errors.ts';
import type { Sql, Store } from './sql.ts';
import { nowIso } from './values.ts';

/** When and by whom (null: the command line) an article was archived, or null while it is not. */
export interface ArchiveState {
  archivedAt: string | null;
  archivedBy: string | null;
}

/** The article's archive state, or undefined for an unknown article. */
export function archiveStateOf(db: Sql, articleId: string): Promise<ArchiveState | undefined> {
  return db.get<ArchiveState>(
    `SELECT a.archived_at AS "archivedAt", r.name AS "archivedBy"
     FROM articles a LEFT JOIN reviewers r ON r.id = a.archived_by WHERE a.id = :articleId`,
    { articleId },
  );
}

/**
 * Archives the article (its verdicts, edits and texts stay). The row's update moves its revision on, so cached pages
 * and statistics see it. False (and nothing changes) when it was archived already; NotFoundError for an unknown one.
 */
export function archiveArticle(store: Store, articleId: string, byId: number | null): Promise<boolean> {
  return store.transaction(async (tx) => {
    const state = await archiveStateOf(tx, articleId);
    if (!state) throw new NotFoundError(`no article with id ${articleId}`);
    if (state.archivedAt) return false;
    await tx.run('UPDATE articles SET archived_at = :at, archived_by = :byId WHERE id = :articleId', {
      at: nowIso(),
      byId,
      articleId,
    });
    return true;
  });
}

/** Brings an archived article back to the lists and statistics; false (nothing changes) when it was not archived. */
export function unarchiveArticle(store: Store, articleId: string): Promise<boolean> {
  return store.transaction(async (tx) => {
    const state = await archiveStateOf(tx, articleId);
    if (!state) throw new NotFoundError(`no article with id ${articleId}`);
    if (!state.archivedAt) return false;
    await tx.run('UPDATE articles SET archived_at = NULL, archived_by = NULL WHERE id = :articleId', { articleId });
    return true;
  });
}

/** The revision of every article not archived (see articleRevisions): what the current statistics are made of. */
export function unarchivedArticleRevisions(db: Sql): Promise<{ id: string; revision: number }[]> {
  return db.all<{ id: string; revision: number }>(
    `SELECT v.article_id AS id, v.revision FROM article_revisions v JOIN articles a ON a.id = v.article_id
     WHERE a.archived_at IS NULL`,
  );
}
