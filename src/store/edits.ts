// The edits table: an article's reviewable differences, kept current or stale across imports, never deleted.
import { spanProblem, spansConflict } from '../diff/index.ts';
import type { Edit, EditOrigin } from '../diff/types.ts';
import type { Severity } from '../review/taxonomy.ts';
import type { Store } from './db.ts';
import { ConflictError, NotFoundError, StoreError } from './errors.ts';
import { nowIso, statement } from './statements.ts';

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

/** What a synchronisation did: edits inserted, turned stale, and turned current again. */
export interface SyncResult {
  added: number;
  staled: number;
  revived: number;
}

const columns = `id, article_id AS articleId, ordinal, mt_start AS mtStart, mt_end AS mtEnd, mt_text AS mtText,
  corrected_start AS correctedStart, corrected_end AS correctedEnd, corrected_text AS correctedText, paragraph,
  context_before AS contextBefore, context_after AS contextAfter, origin, suggested_category AS suggestedCategory,
  suggested_severity AS suggestedSeverity, suggested_message AS suggestedMessage, check_id AS checkId, status, created_by AS createdBy,
  created_at AS createdAt`;

/** The edits of an article in reading order (MT offset, then ordinal); stale ones only when asked for. */
export function listEdits(db: Store, articleId: string, options: { includeStale?: boolean } = {}): StoredEdit[] {
  const filter = options.includeStale ? '' : "AND status = 'current'";
  return statement(
    db,
    `SELECT ${columns} FROM edits WHERE article_id = :articleId ${filter} ORDER BY mt_start, ordinal`,
  ).all({ articleId }) as StoredEdit[];
}

/** The edit with this id, or undefined. */
export function getEdit(db: Store, id: string): StoredEdit | undefined {
  return statement(db, `SELECT ${columns} FROM edits WHERE id = :id`).get({ id }) as StoredEdit | undefined;
}

/**
 * Adds an edit a reviewer made in the browser (origin 'reviewer'); imports never stale it. Refused inside the same
 * transaction when its span is not the article's MT there (invalid) or clashes with a current edit (conflict), so
 * that no caller can store an edit the article could never be resolved with.
 */
export function addReviewerEdit(db: Store, articleId: string, edit: Edit, reviewerId: number): StoredEdit {
  return db
    .transaction(() => {
      const article = statement(db, 'SELECT mt FROM articles WHERE id = :articleId').get({ articleId }) as
        | { mt: string }
        | undefined;
      if (!article) throw new NotFoundError(`no article with id ${articleId}`);
      if (getEdit(db, edit.id)) throw new ConflictError(`an edit with id ${edit.id} already exists`);
      assertSpanOfMt(article.mt, edit);
      const clash = listEdits(db, articleId).find((current) => clashes(edit, current));
      if (clash) throw new ConflictError(`the span overlaps an existing edit ("${clash.mtText}")`);
      const last = statement(db, 'SELECT max(ordinal) AS ordinal FROM edits WHERE article_id = :articleId').get({
        articleId,
      }) as { ordinal: number | null };
      const row = { ...edit, origin: 'reviewer' as const };
      insertEdit(db, articleId, row, (last.ordinal ?? -1) + 1, reviewerId, nowIso());
      return getEdit(db, edit.id) as StoredEdit;
    })
    .immediate();
}

function assertSpanOfMt(mt: string, edit: Edit): void {
  const { mtStart, mtEnd } = edit;
  if (!Number.isSafeInteger(mtStart) || !Number.isSafeInteger(mtEnd) || mtStart < 0 || mtEnd < mtStart) {
    throw new StoreError('invalid', `edit ${edit.id}: ${mtStart}-${mtEnd} is not a span`);
  }
  if (mtEnd > mt.length || mt.slice(mtStart, mtEnd) !== edit.mtText) {
    throw new StoreError('invalid', `edit ${edit.id}: its text is not the MT at ${mtStart}-${mtEnd}`);
  }
}

/**
 * Whether a new edit cannot stand beside a current one. Edits resolve in MT order, a new edit after older ones at
 * the same offset, so spans must not overlap; and an insertion at the start or the end of an edit (or inside it)
 * has no defined place in the text that edit produces.
 */
function clashes(added: Pick<Edit, 'mtStart' | 'mtEnd'>, current: Pick<Edit, 'mtStart' | 'mtEnd'>): boolean {
  if (current.mtStart < added.mtEnd && added.mtStart < current.mtEnd) return true;
  const insertion = added.mtStart === added.mtEnd;
  return insertion && current.mtStart <= added.mtStart && added.mtStart <= current.mtEnd;
}

/**
 * Makes the stored edits of an article match `edits`: new ids inserted, known ids updated (and revived if stale),
 * and current edits missing from `edits` turned stale when `inScope(origin)` says this text owns that origin.
 * Reviewer edits are never staled. Run inside the caller's transaction.
 */
export function syncEdits(
  db: Store,
  articleId: string,
  edits: readonly ImportedEdit[],
  options: { mt: string; inScope: (origin: EditOrigin) => boolean; createdBy: number | null; now: string },
): SyncResult {
  const result: SyncResult = { added: 0, staled: 0, revived: 0 };
  const produced = new Set<string>();
  edits.forEach((edit, ordinal) => {
    produced.add(edit.id);
    const outcome = upsertEdit(db, articleId, edit, ordinal, options.createdBy, options.now);
    if (outcome === 'added') result.added++;
    if (outcome === 'revived') result.revived++;
  });
  const current = statement(
    db,
    `SELECT id, origin FROM edits WHERE article_id = :articleId AND status = 'current' AND origin <> 'reviewer'`,
  ).all({ articleId }) as { id: string; origin: EditOrigin }[];
  for (const edit of current) {
    if (produced.has(edit.id) || !options.inScope(edit.origin)) continue;
    statement(db, "UPDATE edits SET status = 'stale' WHERE id = :id").run({ id: edit.id });
    result.staled++;
  }
  const reconciled = reconcileReviewerEdits(db, articleId, options.mt);
  result.staled += reconciled.staled;
  result.revived += reconciled.revived;
  return result;
}

/**
 * Keeps reviewers' own edits applicable after the article's text or its other edits changed: an edit whose MT text
 * moved is moved with it (found again by its text and context), and one that no longer fits (its text gone, or its
 * span now taken by a post-edit or check edit, or by an older reviewer edit) turns stale, verdicts kept; a stale one
 * that fits again comes back. So no sync can leave an article whose edits cannot be applied together.
 */
function reconcileReviewerEdits(db: Store, articleId: string, mt: string): { staled: number; revived: number } {
  const all = listEdits(db, articleId, { includeStale: true });
  const standing: StoredEdit[] = all.filter((e) => e.origin !== 'reviewer' && e.status === 'current');
  const result = { staled: 0, revived: 0 };
  for (const edit of all.filter((e) => e.origin === 'reviewer').sort((a, b) => a.ordinal - b.ordinal)) {
    const placed = spanProblem(mt, edit) ? relocated(mt, edit) : edit;
    const fits = placed !== undefined && !standing.some((other) => spansConflict(other, placed));
    if (fits) {
      standing.push(placed);
      if (placed !== edit || edit.status === 'stale') moveEdit(db, placed, 'current');
      if (edit.status === 'stale') result.revived++;
    } else if (edit.status === 'current') {
      statement(db, "UPDATE edits SET status = 'stale' WHERE id = :id").run({ id: edit.id });
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

function moveEdit(db: Store, edit: StoredEdit, status: EditStatus): void {
  statement(
    db,
    `UPDATE edits SET mt_start = :mtStart, mt_end = :mtEnd, corrected_start = :correctedStart,
       corrected_end = :correctedEnd, status = :status WHERE id = :id`,
  ).run({
    id: edit.id,
    mtStart: edit.mtStart,
    mtEnd: edit.mtEnd,
    correctedStart: edit.correctedStart,
    correctedEnd: edit.correctedEnd,
    status,
  });
}

/**
 * Sets a current edit aside: it turns stale, as an edit the post-edit no longer produces (its verdicts kept, nothing
 * deleted). The repair for an article whose edits cannot be applied together.
 */
export function setEditAside(db: Store, articleId: string, editId: string): StoredEdit {
  return db
    .transaction(() => {
      const edit = getEdit(db, editId);
      if (!edit || edit.articleId !== articleId) throw new NotFoundError(`no edit ${editId} in article ${articleId}`);
      if (edit.status !== 'current') throw new ConflictError(`edit ${editId} is already set aside (stale)`);
      statement(db, "UPDATE edits SET status = 'stale' WHERE id = :id").run({ id: editId });
      return getEdit(db, editId) as StoredEdit;
    })
    .immediate();
}

function upsertEdit(
  db: Store,
  articleId: string,
  edit: ImportedEdit,
  ordinal: number,
  createdBy: number | null,
  now: string,
): 'added' | 'kept' | 'revived' {
  const existing = statement(db, 'SELECT article_id AS articleId, status FROM edits WHERE id = :id').get({
    id: edit.id,
  }) as { articleId: string; status: EditStatus } | undefined;
  if (!existing) {
    insertEdit(db, articleId, edit, ordinal, createdBy, now);
    return 'added';
  }
  // Edit ids are meant to be globally unique; a clash across articles would merge two articles' verdicts.
  if (existing.articleId !== articleId) {
    throw new ConflictError(
      `edit id ${edit.id} of article ${articleId} is already used by article ${existing.articleId}`,
    );
  }
  // The id says it is the same change; its offsets and context may still have moved with the text around it.
  statement(
    db,
    `UPDATE edits SET ordinal = :ordinal, mt_start = :mtStart, mt_end = :mtEnd, mt_text = :mtText,
       corrected_start = :correctedStart, corrected_end = :correctedEnd, corrected_text = :correctedText,
       paragraph = :paragraph, context_before = :contextBefore, context_after = :contextAfter,
       origin = CASE WHEN origin = 'reviewer' THEN origin ELSE :origin END,
       suggested_category = :suggestedCategory, suggested_severity = :suggestedSeverity,
       suggested_message = :suggestedMessage, check_id = :checkId, status = 'current'
     WHERE id = :id`,
  ).run({ ...edit, ...suggestionsOf(edit), ordinal });
  return existing.status === 'current' ? 'kept' : 'revived';
}

function insertEdit(
  db: Store,
  articleId: string,
  edit: ImportedEdit,
  ordinal: number,
  createdBy: number | null,
  now: string,
): void {
  statement(
    db,
    `INSERT INTO edits (id, article_id, ordinal, mt_start, mt_end, mt_text, corrected_start, corrected_end,
       corrected_text, paragraph, context_before, context_after, origin, suggested_category, suggested_severity,
       suggested_message, check_id, status, created_by, created_at)
     VALUES (:id, :articleId, :ordinal, :mtStart, :mtEnd, :mtText, :correctedStart, :correctedEnd, :correctedText,
       :paragraph, :contextBefore, :contextAfter, :origin, :suggestedCategory, :suggestedSeverity, :suggestedMessage,
       :checkId, 'current', :createdBy, :createdAt)`,
  ).run({ ...edit, ...suggestionsOf(edit), articleId, ordinal, createdBy, createdAt: now });
}

// Named parameters must all be bound, so absent suggestions become explicit NULLs.
function suggestionsOf(edit: ImportedEdit) {
  return {
    suggestedCategory: edit.suggestedCategory ?? null,
    suggestedSeverity: edit.suggestedSeverity ?? null,
    suggestedMessage: edit.suggestedMessage ?? null,
    checkId: edit.checkId ?? (edit.origin.startsWith('check:') ? edit.origin.slice('check:'.length) : null),
  };
}
