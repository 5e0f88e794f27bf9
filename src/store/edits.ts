// The edits table: an article's reviewable differences, kept current or stale across imports, never deleted.
import { spanProblem, spansConflict } from '../diff/index.ts';
import type { Edit } from '../diff/types.ts';
import type { Severity } from '../review/taxonomy.ts';
import { ConflictError, NotFoundError, StoreError } from './errors.ts';
import { groupKeyOf } from './group-keys.ts';
import { refreshArticleCounts } from './outcomes.ts';
import type { Sql, Store } from './sql.ts';
import { assertOpen } from './team-review.ts';
import { nowIso } from './values.ts';

/** Whether the article's current text still produces the edit. One state column, not a set of flags. */
export type EditStatus = 'current' | 'stale';

/** An edit as handed to the store: a check's suggestion may carry a category, a severity and a message. */
export interface ImportedEdit extends Edit {
  suggestedCategory?: string | null;
  suggestedSeverity?: Severity | null;
  suggestedMessage?: string | null;
  /** The check that found or explains this edit (also for a post-edit edit a check labelled). */
  checkId?: string | null;
}

/** An edit as stored. */
export interface StoredEdit extends Edit {
  articleId: string;
  ordinal: number;
  status: EditStatus;
  suggestedCategory: string | null;
  suggestedSeverity: Severity | null;
  suggestedMessage: string | null;
  checkId: string | null;
  createdBy: number | null;
  createdAt: string;
}

const columns = `id, article_id AS "articleId", ordinal, mt_start AS "mtStart", mt_end AS "mtEnd",
  mt_text AS "mtText", corrected_start AS "correctedStart", corrected_end AS "correctedEnd",
  corrected_text AS "correctedText", paragraph, context_before AS "contextBefore", context_after AS "contextAfter",
  origin, suggested_category AS "suggestedCategory", suggested_severity AS "suggestedSeverity",
  suggested_message AS "suggestedMessage", check_id AS "checkId", status, created_by AS "createdBy",
  created_at AS "createdAt"`;

/** The edits of an article in reading order (MT offset, then ordinal); stale ones only when asked for. */
export function listEdits(db: Sql, articleId: string, options: { includeStale?: boolean } = {}): Promise<StoredEdit[]> {
  const filter = options.includeStale ? '' : "AND status = 'current'";
  return db.all<StoredEdit>(
    `SELECT ${columns} FROM edits WHERE article_id = :articleId ${filter} ORDER BY mt_start, ordinal`,
    { articleId },
  );
}

/** The edit with this id, or undefined. */
export function getEdit(db: Sql, id: string): Promise<StoredEdit | undefined> {
  return db.get<StoredEdit>(`SELECT ${columns} FROM edits WHERE id = :id`, { id });
}

/**
 * Adds an edit a reviewer made in the browser (origin 'reviewer'). Refused inside the same transaction when its span
 * is not the article's MT there (invalid) or clashes with a current edit (conflict), so that no caller can store an
 * edit the article could never be resolved with.
 */
export function addReviewerEdit(store: Store, articleId: string, edit: Edit, reviewerId: number): Promise<StoredEdit> {
  return store.transaction(async (tx) => {
    const article = await tx.get<{ mt: string }>('SELECT mt FROM articles WHERE id = :articleId', { articleId });
    if (!article) throw new NotFoundError(`no article with id ${articleId}`);
    await assertOpen(tx, articleId);
    if (await getEdit(tx, edit.id)) throw new ConflictError(`an edit with id ${edit.id} already exists`);
    const problem = spanProblem(article.mt, edit);
    if (problem) throw new StoreError('invalid', `edit ${edit.id}: ${problem}`);
    const clash = (await listEdits(tx, articleId)).find((current) => spansConflict(edit, current));
    if (clash) throw new ConflictError(`the span overlaps an existing edit ("${clash.mtText}")`);
    const last = await tx.get<{ ordinal: number | null }>(
      'SELECT max(ordinal) AS ordinal FROM edits WHERE article_id = :articleId',
      { articleId },
    );
    const row = { ...edit, origin: 'reviewer' as const };
    await insertEdit(tx, articleId, row, (last?.ordinal ?? -1) + 1, reviewerId, nowIso());
    await refreshArticleCounts(tx, articleId);
    return (await getEdit(tx, edit.id)) as StoredEdit;
  });
}

/**
 * Sets a current edit aside: it turns stale, as an edit the post-edit no longer produces (its verdicts kept, nothing
 * deleted). The repair for an article whose edits cannot be applied together.
 */
export function setEditAside(store: Store, articleId: string, editId: string): Promise<StoredEdit> {
  return store.transaction(async (tx) => {
    const edit = await getEdit(tx, editId);
    if (!edit || edit.articleId !== articleId) throw new NotFoundError(`no edit ${editId} in article ${articleId}`);
    if (edit.status !== 'current') throw new ConflictError(`edit ${editId} is already set aside (stale)`);
    await assertOpen(tx, articleId);
    await setEditStatus(tx, editId, 'stale');
    await refreshArticleCounts(tx, articleId);
    return (await getEdit(tx, editId)) as StoredEdit;
  });
}

/** Marks an edit current or stale. */
export async function setEditStatus(tx: Sql, id: string, status: EditStatus): Promise<void> {
  await tx.run('UPDATE edits SET status = :status WHERE id = :id', { id, status });
}

/** Inserts an edit as current. */
export async function insertEdit(
  tx: Sql,
  articleId: string,
  edit: ImportedEdit,
  ordinal: number,
  createdBy: number | null,
  now: string,
): Promise<void> {
  await tx.run(
    `INSERT INTO edits (id, article_id, ordinal, mt_start, mt_end, mt_text, corrected_start, corrected_end,
       corrected_text, paragraph, context_before, context_after, origin, suggested_category, suggested_severity,
       suggested_message, check_id, group_key, status, created_by, created_at)
     VALUES (:id, :articleId, :ordinal, :mtStart, :mtEnd, :mtText, :correctedStart, :correctedEnd, :correctedText,
       :paragraph, :contextBefore, :contextAfter, :origin, :suggestedCategory, :suggestedSeverity, :suggestedMessage,
       :checkId, :groupKey, 'current', :createdBy, :createdAt)`,
    { ...editValues(edit), articleId, ordinal, createdBy, createdAt: now },
  );
}

/** The edit's columns as named parameters; absent suggestions become explicit NULLs (every name must be bound). */
export function editValues(edit: ImportedEdit) {
  const checkId = edit.checkId ?? (edit.origin.startsWith('check:') ? edit.origin.slice('check:'.length) : null);
  return {
    id: edit.id,
    mtStart: edit.mtStart,
    mtEnd: edit.mtEnd,
    mtText: edit.mtText,
    correctedStart: edit.correctedStart,
    correctedEnd: edit.correctedEnd,
    correctedText: edit.correctedText,
    paragraph: edit.paragraph,
    contextBefore: edit.contextBefore,
    contextAfter: edit.contextAfter,
    origin: edit.origin,
    suggestedCategory: edit.suggestedCategory ?? null,
    suggestedSeverity: edit.suggestedSeverity ?? null,
    suggestedMessage: edit.suggestedMessage ?? null,
    checkId,
    groupKey: groupKeyOf({ ...edit, checkId }),
    // The key the edit has if it keeps the origin 'reviewer' (an import does not take that origin away).
    reviewerGroupKey: groupKeyOf({ ...edit, origin: 'reviewer' }),
  };
}
