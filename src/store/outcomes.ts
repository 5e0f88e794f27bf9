// Each edit's outcome and each article's counts of them, kept by the store with every write that changes them.
import type { VerdictRecord } from '../review/article-review.ts';
import { type OutcomeState, outcomeOf, outcomeStates } from '../review/outcome.ts';
import type { Sql, Store } from './sql.ts';
import { inList, slices, valuesTable } from './sql-lists.ts';
import type { StoredVerdict } from './verdict-columns.ts';
import { queueStatusWebhooks } from './webhook-outbox.ts';

/** A stored verdict as the review model reads it. */
export function toVerdictRecord(v: StoredVerdict): VerdictRecord {
  return {
    id: v.id,
    editId: v.editId,
    reviewer: v.reviewerName,
    kind: v.kind,
    decision: v.decision,
    category: v.category,
    severity: v.severity,
    note: v.note,
    amendedText: v.amendedText,
    createdAt: v.createdAt,
    retractedAt: v.retractedAt,
  };
}

// What the edits' outcome states are made of, in one statement: each current verdict's decision and text, whether an
// adjudication stands, and the state kept before (a row of kind 'kept'). Slim on purpose: it runs with every batch of
// verdicts. The verdict's own columns come by its key, one lookup per current verdict: as a join, PostgreSQL's
// planner chose to scan the whole verdicts table while its statistics were those of a smaller one (1.1 ms at 6,000
// verdicts, growing with them, inside the section that holds the articles' locks).
const outcomeInputs = (edits: string) => `SELECT cv.edit_id AS "editId", 'verdict' AS kind, cv.decision,
    (SELECT v.amended_text FROM verdicts v WHERE v.id = cv.verdict_id) AS "amendedText", cv.verdict_id AS id,
    (SELECT v.created_at FROM verdicts v WHERE v.id = cv.verdict_id) AS "createdAt"
  FROM current_verdicts cv WHERE cv.edit_id IN ${edits}
  UNION ALL SELECT edit_id, 'adjudication', NULL, NULL, NULL, NULL FROM current_adjudications WHERE edit_id IN ${edits}
  UNION ALL SELECT edit_id, 'kept', state, NULL, NULL, NULL FROM edit_outcomes WHERE edit_id IN ${edits}`;

/** A row of what an edit's outcome state is made of: a current verdict, a standing adjudication, or the kept state. */
export type OutcomeInput = Pick<VerdictRecord, 'editId' | 'decision' | 'amendedText' | 'id' | 'createdAt'> & {
  kind: 'verdict' | 'adjudication' | 'kept';
};

/** An edit whose outcome may have moved, and its article. */
export interface EditRef {
  editId: string;
  articleId: string;
}

/**
 * Recomputes these edits' outcome states from their current verdicts and adjudications (review/outcome.ts decides)
 * and keeps them, so that lists and filters read states instead of every reviewer's verdicts. Returns the articles
 * whose edits changed state (only their counts can have changed). A read and at most one write per slice of edits
 * (maxListRows), the read left out where the caller gives what it read: on PostgreSQL each statement is a round trip.
 * Run in the transaction that changed them.
 */
export async function refreshEditOutcomes(
  tx: Sql,
  edits: readonly EditRef[],
  read?: readonly OutcomeInput[],
): Promise<Set<string>> {
  const changed = new Set<string>();
  const unique = [...new Map(edits.map((edit) => [edit.editId, edit])).values()];
  // `read`: every row of these edits, read by the caller in this transaction (PostgreSQL's batch of verdicts).
  if (read) return refreshFrom(tx, unique, read);
  for (const slice of slices(unique)) {
    const ids = slice.map((edit) => edit.editId);
    const list = inList('o', ids);
    const rows = await tx.all<OutcomeInput>(outcomeInputs(list.sql), list.params);
    for (const id of await refreshFrom(tx, slice, rows)) changed.add(id);
  }
  return changed;
}

async function refreshFrom(tx: Sql, edits: readonly EditRef[], rows: readonly OutcomeInput[]): Promise<Set<string>> {
  const articleOf = new Map(edits.map((edit) => [edit.editId, edit.articleId]));
  const changed = new Set<string>();
  const byEdit = new Map<string, OutcomeInput[]>();
  for (const row of rows) {
    const inputs = byEdit.get(row.editId);
    if (inputs) inputs.push(row);
    else byEdit.set(row.editId, [row]);
  }
  const moved: [string, string, OutcomeState][] = [];
  for (const [editId, articleId] of articleOf) {
    const inputs = byEdit.get(editId) ?? [];
    const kept = (inputs.find((row) => row.kind === 'kept')?.decision as OutcomeState | undefined) ?? 'undecided';
    const current = inputs
      .filter((row) => row.kind === 'verdict')
      .map((row): VerdictRecord => ({ ...row, reviewer: '', kind: 'verdict', ...noLabels }));
    // An adjudication stands whatever the verdicts say: its own fields do not matter to the state.
    const adjudicated = inputs.some((row) => row.kind === 'adjudication');
    const { state } = adjudicated ? { state: 'adjudicated' as const } : outcomeOf(current);
    if (state === kept) continue;
    moved.push([editId, articleId, state]);
    changed.add(articleId);
  }
  for (const slice of slices(moved)) {
    const values = valuesTable('m', ['text', 'text', 'text'], slice);
    await tx.run(
      `INSERT INTO edit_outcomes (edit_id, article_id, state)
       SELECT column1, column2, column3 FROM (${values.sql}) AS m WHERE column1 IS NOT NULL ON CONFLICT (edit_id) DO UPDATE SET state = excluded.state`,
      values.params,
    );
  }
  return changed;
}

/** refreshEditOutcomes for one edit: true when its state changed. */
export async function refreshEditOutcome(tx: Sql, editId: string, articleId: string): Promise<boolean> {
  return (await refreshEditOutcomes(tx, [{ editId, articleId }])).size > 0;
}

const noLabels = { category: null, severity: null, note: null, retractedAt: null };

/** Each article's current edits counted by outcome state (an edit without a kept state is undecided). */
async function countStates(db: Sql, articleIds: readonly string[]): Promise<Map<string, Record<OutcomeState, number>>> {
  const list = inList('a', articleIds);
  const rows = await db.all<{ articleId: string; state: OutcomeState | null; n: number }>(
    `SELECT e.article_id AS "articleId", o.state, count(*) AS n FROM edits e
     LEFT JOIN edit_outcomes o ON o.edit_id = e.id
     WHERE e.article_id IN ${list.sql} AND e.status = 'current' GROUP BY e.article_id, o.state`,
    list.params,
  );
  const zero = () => Object.fromEntries(outcomeStates.map((state) => [state, 0])) as Record<OutcomeState, number>;
  const counts = new Map(articleIds.map((id) => [id, zero()]));
  // PostgreSQL returns count(*) as a string.
  for (const { articleId, state, n } of rows)
    (counts.get(articleId) as Record<OutcomeState, number>)[state ?? 'undecided'] += Number(n);
  return counts;
}

/**
 * Recounts the articles' current edits by outcome into article_review: after verdicts, and after anything that adds,
 * stales or revives edits. A read and a write however many articles (a batch of verdicts touches many), then the
 * webhooks of those whose status moved. Run in the transaction that changed them.
 */
export async function refreshArticlesCounts(tx: Sql, articleIds: Iterable<string>): Promise<void> {
  for (const slice of slices([...new Set(articleIds)])) await recountSlice(tx, slice);
}

async function recountSlice(tx: Sql, ids: readonly string[]): Promise<void> {
  const counts = await countStates(tx, ids);
  const rows = ids.map((id) => {
    const c = counts.get(id) as Record<OutcomeState, number>;
    return [id, c.undecided + c.agreed + c.disputed + c.adjudicated, c.undecided, c.agreed, c.disputed, c.adjudicated];
  });
  const values = valuesTable('c', ['text', 'integer', 'integer', 'integer', 'integer', 'integer'], rows);
  await tx.run(
    `UPDATE article_review SET edits = m.column2, undecided = m.column3, agreed = m.column4, disputed = m.column5,
       adjudicated = m.column6
     FROM (${values.sql}) AS m WHERE article_review.article_id = m.column1`,
    values.params,
  );
  // Webhooks out: new counts may mean a new status (compared with the one last announced).
  await queueStatusWebhooks(tx, ids);
}

/** refreshArticlesCounts for one article. */
export function refreshArticleCounts(tx: Sql, articleId: string): Promise<void> {
  return refreshArticlesCounts(tx, [articleId]);
}

// Bumped when outcomes are kept differently: a store whose kept outcomes are older recomputes them once at open.
const outcomesVersion = '1';

/**
 * Brings kept outcomes up to date with the verdicts, once per store (a database from before team review has
 * verdicts but no kept outcomes): every edit with a verdict, then every article's counts, a transaction per article.
 */
export async function keepOutcomes(store: Store): Promise<void> {
  const kept = await store.get<{ value: string }>("SELECT value FROM settings WHERE key = 'outcomes-version'");
  if (kept?.value === outcomesVersion) return;
  const articles = await store.all<{ id: string }>('SELECT id FROM articles ORDER BY id');
  for (const { id } of articles) {
    await store.transaction(async (tx) => {
      const decided = await tx.all<{ editId: string }>(
        `SELECT DISTINCT edit_id AS "editId" FROM verdicts WHERE article_id = :id`,
        { id },
      );
      for (const { editId } of decided) await refreshEditOutcome(tx, editId, id);
      await refreshArticleCounts(tx, id);
    });
  }
  await store.run(
    `INSERT INTO settings (key, value) VALUES ('outcomes-version', :v) ON CONFLICT (key) DO UPDATE SET value = :v`,
    { v: outcomesVersion },
  );
}
