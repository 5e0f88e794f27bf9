// Undo: a reviewer takes back their current verdict on an edit (a lead their adjudication), appended, never deleted.
import type { VerdictKind } from '../review/article-review.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { refreshArticleCounts, refreshEditOutcome } from './outcomes.ts';
import type { Sql, Store } from './sql.ts';
import { nowIso } from './values.ts';
import { type StoredVerdict, verdictColumns, withReviewers } from './verdict-columns.ts';
import { setCurrentVerdict } from './verdicts.ts';

/** What a retraction did: the verdict taken back, and the one of the same reviewer (or lead) that stands now. */
export interface Retracted {
  retracted: StoredVerdict;
  /** The reviewer's earlier verdict on the edit that counts again (for an adjudication: an earlier one), or null. */
  standing: StoredVerdict | null;
}

// The latest verdict of this reviewer and kind on the edit that nobody took back (for adjudications, any lead's).
function latestStanding(db: Sql, editId: string, reviewerId: number, kind: VerdictKind) {
  const who = kind === 'adjudication' ? '' : 'AND v.reviewer_id = :reviewerId';
  return db.get<StoredVerdict>(
    `SELECT ${verdictColumns} ${withReviewers}
     WHERE v.edit_id = :editId AND v.kind = :kind ${who} AND rt.id IS NULL ORDER BY v.id DESC LIMIT 1`,
    { editId, reviewerId, kind },
  );
}

/**
 * Takes back `reviewerId`'s current verdict on the edit (kind 'verdict'), or the edit's current adjudication when it
 * is theirs (kind 'adjudication'): a retraction is appended, their previous verdict that nobody took back counts
 * again (none: the edit is undecided for them), and the outcome follows. NotFoundError when there is nothing of theirs
 * to take back; ConflictError when the article is approved.
 */
export function retractVerdict(
  store: Store,
  editId: string,
  reviewerId: number,
  kind: VerdictKind = 'verdict',
): Promise<Retracted> {
  return store.transaction(async (tx) => {
    const retracted = await retractIn(tx, editId, reviewerId, kind);
    await refreshArticleCounts(tx, retracted.retracted.articleId);
    return retracted;
  });
}

/**
 * retractVerdict inside the caller's transaction, without the article's counts (the caller's, once per article of
 * a batch: a bulk undo retracts many).
 */
export async function retractIn(tx: Sql, editId: string, reviewerId: number, kind: VerdictKind): Promise<Retracted> {
  const edit = await tx.get<{ articleId: string; approvedAt: string | null }>(
    `SELECT e.article_id AS "articleId", ar.approved_at AS "approvedAt" FROM edits e
     JOIN article_review ar ON ar.article_id = e.article_id WHERE e.id = :editId`,
    { editId },
  );
  if (!edit) throw new NotFoundError(`no edit with id ${editId}`);
  if (edit.approvedAt) throw new ConflictError(`article ${edit.articleId} is approved: a lead must reopen it first`);
  const current = await latestStanding(tx, editId, reviewerId, kind);
  if (!current || current.reviewerId !== reviewerId) {
    throw new NotFoundError(`no ${kind === 'adjudication' ? 'adjudication' : 'verdict'} of yours stands on ${editId}`);
  }
  const at = nowIso();
  await tx.run(
    `INSERT INTO retractions (verdict_id, edit_id, article_id, reviewer_id, created_at)
     VALUES (:verdictId, :editId, :articleId, :reviewerId, :at)`,
    { verdictId: current.id, editId, articleId: edit.articleId, reviewerId, at },
  );
  const standing = (await latestStanding(tx, editId, reviewerId, kind)) ?? null;
  await restoreCurrent(tx, editId, reviewerId, kind, standing);
  await refreshEditOutcome(tx, editId, edit.articleId);
  return { retracted: { ...current, retractedAt: at }, standing };
}

async function restoreCurrent(
  tx: Sql,
  editId: string,
  reviewerId: number,
  kind: VerdictKind,
  standing: StoredVerdict | null,
): Promise<void> {
  if (kind === 'adjudication') {
    if (standing) {
      await tx.run('UPDATE current_adjudications SET verdict_id = :id WHERE edit_id = :editId', {
        id: standing.id,
        editId,
      });
    } else {
      await tx.run('DELETE FROM current_adjudications WHERE edit_id = :editId', { editId });
    }
  } else if (standing) {
    await setCurrentVerdict(tx, standing);
  } else {
    await tx.run('DELETE FROM current_verdicts WHERE edit_id = :editId AND reviewer_id = :reviewerId', {
      editId,
      reviewerId,
    });
  }
}
