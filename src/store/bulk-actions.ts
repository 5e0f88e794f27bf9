// Bulk actions: one reviewer's verdict on many edits at once (a group of identical corrections), and its undo.
import { ConflictError, NotFoundError } from './errors.ts';
import { refreshArticlesCounts } from './outcomes.ts';
import { getRecurring, groupLabel } from './recurring.ts';
import { retractIn } from './retractions.ts';
import type { Sql, Store, Transaction } from './sql.ts';
import { inList, slices } from './sql-lists.ts';
import { nowIso } from './values.ts';
import { recordAllIn, type VerdictInput } from './verdicts.ts';

/** The most edits one bulk action takes: a bigger group is decided in several actions (or by explicit ids). */
export const maxBulkEdits = 5000;

/** Why an edit of a bulk action was left alone. */
export type SkipReason =
  | 'unknown' // no edit has this id
  | 'not-in-group' // the edit is not one of the group's
  | 'stale' // the article's text no longer produces it
  | 'approved' // its article is approved (locked)
  | 'other-reviewer' // another reviewer's verdict (or a lead's final word) stands on it
  | 'yours' // the caller decided it already
  | 'changed' // (undo) the caller's verdict is no longer the one the action recorded
  | 'refused'; // the store refused the verdict (a race with an approval, say)

export interface Skipped {
  editId: string;
  articleId: string | null;
  reason: SkipReason;
}

/** Which edits a bulk action is for: a group, explicit edits, or the chosen edits of a group. */
export interface BulkTarget {
  key?: string;
  editIds?: readonly string[];
}

/** A bulk verdict to record (or, with dryRun, to try). */
export interface BulkInput extends BulkTarget {
  reviewerId: number;
  decision: 'accept' | 'reject';
  category?: string | null;
  severity?: VerdictInput['severity'];
  note?: string | null;
  /** What the action is called in its verdicts' notes and in lists; by default the group's label (or "N edits"). */
  label?: string;
  dryRun?: boolean;
}

/** What a bulk action did (or, for a dry run, would do). */
export interface BulkResult {
  actionId: number | null;
  label: string;
  decision: 'accept' | 'reject';
  dryRun: boolean;
  recorded: { editId: string; articleId: string; verdictId: number | null }[];
  skipped: Skipped[];
}

interface Candidate {
  editId: string;
  articleId: string;
  status: string;
  groupKey: string | null;
  locked: number;
  mine: string | null;
  others: number;
}

const candidateColumns = `e.id AS "editId", e.article_id AS "articleId", e.status, e.group_key AS "groupKey",
  CASE WHEN ar.approved_at IS NULL THEN 0 ELSE 1 END AS "locked",
  (SELECT cv.decision FROM current_verdicts cv WHERE cv.edit_id = e.id AND cv.reviewer_id = :me) AS "mine",
  CASE WHEN EXISTS (SELECT 1 FROM current_verdicts cv WHERE cv.edit_id = e.id AND cv.reviewer_id <> :me)
    OR EXISTS (SELECT 1 FROM current_adjudications ca WHERE ca.edit_id = e.id) THEN 1 ELSE 0 END AS "others"
  FROM edits e JOIN article_review ar ON ar.article_id = e.article_id`;

// The target's edits as they stand, in article order; ids that name no edit come back as 'unknown'.
async function candidates(db: Sql, me: number, target: BulkTarget): Promise<{ found: Candidate[]; unknown: string[] }> {
  if (!target.editIds) {
    const found = await db.all<Candidate>(
      `SELECT ${candidateColumns} WHERE e.group_key = :key AND e.status = 'current'
       ORDER BY e.article_id, e.mt_start, e.id LIMIT :limit`,
      { me, key: target.key ?? '', limit: maxBulkEdits },
    );
    return { found, unknown: [] };
  }
  const ids = [...new Set(target.editIds)];
  const found: Candidate[] = [];
  for (const chunk of slices(ids)) {
    const list = inList('e', chunk);
    found.push(
      ...(await db.all<Candidate>(`SELECT ${candidateColumns} WHERE e.id IN ${list.sql}`, { me, ...list.params })),
    );
  }
  const known = new Set(found.map((c) => c.editId));
  found.sort((a, b) => a.articleId.localeCompare(b.articleId) || a.editId.localeCompare(b.editId));
  return { found, unknown: ids.filter((id) => !known.has(id)) };
}

function reasonOf(c: Candidate, key: string | undefined): SkipReason | undefined {
  if (key !== undefined && c.groupKey !== key) return 'not-in-group';
  if (c.status !== 'current') return 'stale';
  if (c.locked) return 'approved';
  if (c.others) return 'other-reviewer';
  if (c.mine) return 'yours';
  return undefined;
}

async function plan(db: Sql, input: BulkInput) {
  const { found, unknown } = await candidates(db, input.reviewerId, input);
  const eligible: Candidate[] = [];
  const skipped: Skipped[] = unknown.map((editId) => ({ editId, articleId: null, reason: 'unknown' }));
  for (const c of found) {
    const reason = reasonOf(c, input.key);
    if (reason) skipped.push({ editId: c.editId, articleId: c.articleId, reason });
    else eligible.push(c);
  }
  return { eligible, skipped };
}

// The group's label; NotFoundError when the key names no group (a typo must not look like "nothing to do").
async function labelOf(db: Sql, target: BulkTarget): Promise<string> {
  if (target.key === undefined) return `${target.editIds?.length ?? 0} chosen edits`;
  const group = await getRecurring(db, target.key);
  if (!group) throw new NotFoundError(`no recurring correction with key ${target.key}`);
  return groupLabel(group);
}

/** The note each verdict of the action carries: it names the action, so the history says where a verdict came from. */
export function bulkNote(label: string, actionId: number, note?: string | null): string {
  return `bulk: ${label} (action ${actionId})${note ? `: ${note}` : ''}`;
}

/**
 * Records the caller's verdict on every edit of the target that is theirs to decide: edits another reviewer (or a
 * lead's final word) decided, edits in approved articles, edits they decided already and stale edits are skipped
 * with the reason. One transaction: the action, its verdicts (ordinary ones, each with a note naming the action) and
 * the list of them undo reads. A dry run reads the same and writes nothing.
 */
export async function recordBulkVerdicts(store: Store, given: BulkInput): Promise<BulkResult> {
  const input = { ...given, label: given.label ?? (await labelOf(store, given)) };
  const base = { label: input.label, decision: input.decision };
  if (input.dryRun) {
    const { eligible, skipped } = await plan(store, input);
    const recorded = eligible.map((c) => ({ editId: c.editId, articleId: c.articleId, verdictId: null }));
    return { ...base, actionId: null, dryRun: true, recorded, skipped };
  }
  return store.transaction(async (tx) => {
    const { eligible, skipped } = await plan(tx, input);
    if (eligible.length === 0) return { ...base, actionId: null, dryRun: false, recorded: [], skipped };
    const action = await tx.get<{ id: number }>(
      `INSERT INTO bulk_actions (reviewer_id, label, group_key, decision, created_at)
       VALUES (:reviewerId, :label, :key, :decision, :at) RETURNING id`,
      {
        reviewerId: input.reviewerId,
        label: input.label,
        key: input.key ?? null,
        decision: input.decision,
        at: nowIso(),
      },
    );
    const actionId = action?.id as number;
    const note = bulkNote(input.label, actionId, input.note);
    const inputs = eligible.map((c) => ({
      editId: c.editId,
      reviewerId: input.reviewerId,
      decision: input.decision,
      category: input.category ?? null,
      severity: input.severity ?? null,
      note,
    }));
    const outcomes = await recordAllIn(tx, inputs);
    const recorded: BulkResult['recorded'] = [];
    for (const [i, outcome] of outcomes.entries()) {
      const c = eligible[i] as Candidate;
      if (!('recorded' in outcome)) {
        skipped.push({ editId: c.editId, articleId: c.articleId, reason: 'refused' });
        continue;
      }
      const verdictId = outcome.recorded.verdict.id;
      await tx.run(
        'INSERT INTO bulk_action_verdicts (action_id, verdict_id, edit_id) VALUES (:actionId, :verdictId, :editId)',
        { actionId, verdictId, editId: c.editId },
      );
      recorded.push({ editId: c.editId, articleId: c.articleId, verdictId });
    }
    return { ...base, actionId, dryRun: false, recorded, skipped };
  });
}

/** A bulk action as kept. */
export interface BulkAction {
  id: number;
  reviewerId: number;
  label: string;
  groupKey: string | null;
  decision: 'accept' | 'reject';
  createdAt: string;
  undoneAt: string | null;
  verdicts: number;
}

const actionColumns = `b.id, b.reviewer_id AS "reviewerId", b.label, b.group_key AS "groupKey", b.decision,
  b.created_at AS "createdAt", b.undone_at AS "undoneAt",
  (SELECT CAST(count(*) AS INTEGER) FROM bulk_action_verdicts bv WHERE bv.action_id = b.id) AS "verdicts"`;

/** The bulk action with this id, or undefined. */
export function getBulkAction(db: Sql, id: number): Promise<BulkAction | undefined> {
  return db.get<BulkAction>(`SELECT ${actionColumns} FROM bulk_actions b WHERE b.id = :id`, { id });
}

/** The reviewer's latest bulk actions, newest first. */
export function listBulkActions(db: Sql, reviewerId: number, limit = 20): Promise<BulkAction[]> {
  return db.all<BulkAction>(
    `SELECT ${actionColumns} FROM bulk_actions b WHERE b.reviewer_id = :reviewerId ORDER BY b.id DESC LIMIT :limit`,
    { reviewerId, limit },
  );
}

/** What undoing a bulk action did. */
export interface BulkUndo {
  actionId: number;
  label: string;
  retracted: { editId: string; articleId: string }[];
  skipped: Skipped[];
}

/**
 * Undoes the reviewer's bulk action in one transaction: a retraction for each of its verdicts that is still their
 * current one on its edit (one they have since changed is left as it is, and listed), the action marked undone.
 * NotFoundError when the reviewer has no such action, ConflictError when it was undone already.
 */
export function undoBulkAction(store: Store, actionId: number, reviewerId: number): Promise<BulkUndo> {
  return store.transaction(async (tx: Transaction) => {
    const action = await getBulkAction(tx, actionId);
    if (!action || action.reviewerId !== reviewerId) throw new NotFoundError(`no bulk action ${actionId} of yours`);
    if (action.undoneAt) throw new ConflictError(`bulk action ${actionId} was undone at ${action.undoneAt}`);
    const rows = await tx.all<{ editId: string; articleId: string; verdictId: number; current: number | null }>(
      `SELECT bv.edit_id AS "editId", e.article_id AS "articleId", bv.verdict_id AS "verdictId",
         cv.verdict_id AS "current"
       FROM bulk_action_verdicts bv JOIN edits e ON e.id = bv.edit_id
       LEFT JOIN current_verdicts cv ON cv.edit_id = bv.edit_id AND cv.reviewer_id = :reviewerId
       WHERE bv.action_id = :actionId ORDER BY e.article_id, bv.verdict_id`,
      { actionId, reviewerId },
    );
    const result: BulkUndo = { actionId, label: action.label, retracted: [], skipped: [] };
    const articles = new Set<string>();
    for (const row of rows) {
      const skip = (reason: SkipReason) =>
        result.skipped.push({ editId: row.editId, articleId: row.articleId, reason });
      if (row.current !== row.verdictId) {
        skip('changed');
        continue;
      }
      try {
        await tx.savepoint(() => retractIn(tx, row.editId, reviewerId, 'verdict'));
        result.retracted.push({ editId: row.editId, articleId: row.articleId });
        articles.add(row.articleId);
      } catch (error) {
        if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
        skip(error instanceof ConflictError ? 'approved' : 'changed');
      }
    }
    await refreshArticlesCounts(tx, articles);
    await tx.run('UPDATE bulk_actions SET undone_at = :at WHERE id = :id', { at: nowIso(), id: actionId });
    return result;
  });
}
