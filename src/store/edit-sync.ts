// Synchronising an article's stored edits with the edits its text produces now: added, kept, staled, revived, moved.
import { spanProblem, spansConflict } from '../diff/index.ts';
import type { EditOrigin } from '../diff/types.ts';
import {
  type EditStatus,
  editValues,
  type ImportedEdit,
  insertEdit,
  listEdits,
  type StoredEdit,
  setEditStatus,
} from './edits.ts';
import { ConflictError } from './errors.ts';
import { refreshArticleCounts } from './outcomes.ts';
import type { Sql } from './sql.ts';

/** What a synchronisation did: edits inserted, turned stale, and turned current again. */
export interface SyncResult {
  added: number;
  staled: number;
  revived: number;
}

/** What a sync needs beside the edits: the article's MT, which origins its text owns, who made them, and when. */
export interface SyncOptions {
  mt: string;
  inScope: (origin: EditOrigin) => boolean;
  createdBy: number | null;
  now: string;
}

/**
 * Makes the stored edits of an article match `edits`: new ids inserted, known ids updated (and revived if stale),
 * and current edits missing from `edits` turned stale when `inScope(origin)` says this text owns that origin; then
 * reviewers' own edits reconciled with the result. Run inside the caller's transaction.
 */
export async function syncEdits(
  tx: Sql,
  articleId: string,
  edits: readonly ImportedEdit[],
  options: SyncOptions,
): Promise<SyncResult> {
  const result: SyncResult = { added: 0, staled: 0, revived: 0 };
  const produced = new Set<string>();
  for (const [ordinal, edit] of edits.entries()) {
    produced.add(edit.id);
    const outcome = await upsertEdit(tx, articleId, edit, ordinal, options);
    if (outcome === 'added') result.added++;
    if (outcome === 'revived') result.revived++;
  }
  const current = await tx.all<{ id: string; origin: EditOrigin }>(
    `SELECT id, origin FROM edits WHERE article_id = :articleId AND status = 'current' AND origin <> 'reviewer'`,
    { articleId },
  );
  for (const edit of current) {
    if (produced.has(edit.id) || !options.inScope(edit.origin)) continue;
    await setEditStatus(tx, edit.id, 'stale');
    result.staled++;
  }
  const reconciled = await reconcileReviewerEdits(tx, articleId, options.mt);
  result.staled += reconciled.staled;
  result.revived += reconciled.revived;
  await refreshArticleCounts(tx, articleId);
  return result;
}

async function upsertEdit(
  tx: Sql,
  articleId: string,
  edit: ImportedEdit,
  ordinal: number,
  options: SyncOptions,
): Promise<'added' | 'kept' | 'revived'> {
  const existing = await tx.get<{ articleId: string; status: EditStatus }>(
    'SELECT article_id AS "articleId", status FROM edits WHERE id = :id',
    { id: edit.id },
  );
  if (!existing) {
    await insertEdit(tx, articleId, edit, ordinal, options.createdBy, options.now);
    return 'added';
  }
  // Edit ids are meant to be globally unique; a clash across articles would merge two articles' verdicts.
  if (existing.articleId !== articleId) {
    throw new ConflictError(
      `edit id ${edit.id} of article ${articleId} is already used by article ${existing.articleId}`,
    );
  }
  // The id says it is the same change; its offsets and context may still have moved with the text around it.
  await tx.run(
    `UPDATE edits SET ordinal = :ordinal, mt_start = :mtStart, mt_end = :mtEnd, mt_text = :mtText,
       corrected_start = :correctedStart, corrected_end = :correctedEnd, corrected_text = :correctedText,
       paragraph = :paragraph, context_before = :contextBefore, context_after = :contextAfter,
       origin = CASE WHEN origin = 'reviewer' THEN origin ELSE :origin END,
       suggested_category = :suggestedCategory, suggested_severity = :suggestedSeverity,
       suggested_message = :suggestedMessage, check_id = :checkId, status = 'current',
       group_key = CASE WHEN origin = 'reviewer' THEN :reviewerGroupKey ELSE :groupKey END
     WHERE id = :id`,
    { ...editValues(edit), ordinal },
  );
  return existing.status === 'current' ? 'kept' : 'revived';
}

/**
 * Keeps reviewers' own edits applicable after the article's text or its other edits changed: an edit whose MT text
 * moved is moved with it (found again by its text and context), and one that no longer fits (its text gone, or its
 * span now taken by a post-edit or check edit, or by an older reviewer edit) turns stale, verdicts kept; a stale one
 * that fits again comes back. So no sync can leave an article whose edits cannot be applied together.
 */
async function reconcileReviewerEdits(
  tx: Sql,
  articleId: string,
  mt: string,
): Promise<{ staled: number; revived: number }> {
  const all = await listEdits(tx, articleId, { includeStale: true });
  const standing: StoredEdit[] = all.filter((e) => e.origin !== 'reviewer' && e.status === 'current');
  const result = { staled: 0, revived: 0 };
  for (const edit of all.filter((e) => e.origin === 'reviewer').sort((a, b) => a.ordinal - b.ordinal)) {
    const placed = spanProblem(mt, edit) ? relocated(mt, edit) : edit;
    const fits = placed !== undefined && !standing.some((other) => spansConflict(other, placed));
    if (fits) {
      standing.push(placed);
      if (placed !== edit || edit.status === 'stale') await moveEdit(tx, placed);
      if (edit.status === 'stale') result.revived++;
    } else if (edit.status === 'current') {
      await setEditStatus(tx, edit.id, 'stale');
      result.staled++;
    }
  }
  return result;
}

/** The edit at the one place where its MT text stands with the same context, if there is exactly one. */
function relocated(mt: string, edit: StoredEdit): StoredEdit | undefined {
  const needle = edit.contextBefore + edit.mtText + edit.contextAfter;
  const at = mt.indexOf(needle);
  if (at === -1 || mt.indexOf(needle, at + 1) !== -1) return undefined;
  const mtStart = at + edit.contextBefore.length;
  const shift = mtStart - edit.mtStart;
  return {
    ...edit,
    mtStart,
    mtEnd: mtStart + edit.mtText.length,
    correctedStart: edit.correctedStart + shift,
    correctedEnd: edit.correctedEnd + shift,
  };
}

async function moveEdit(tx: Sql, edit: StoredEdit): Promise<void> {
  await tx.run(
    `UPDATE edits SET mt_start = :mtStart, mt_end = :mtEnd, corrected_start = :correctedStart,
       corrected_end = :correctedEnd, status = 'current' WHERE id = :id`,
    {
      id: edit.id,
      mtStart: edit.mtStart,
      mtEnd: edit.mtEnd,
      correctedStart: edit.correctedStart,
      correctedEnd: edit.correctedEnd,
    },
  );
}
