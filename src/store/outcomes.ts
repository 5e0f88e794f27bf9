// Each edit's outcome and each article's counts of them, kept by the store with every write that changes them.
import type { VerdictRecord } from '../review/article-review.ts';
import { type OutcomeState, outcomeOf, outcomeStates } from '../review/outcome.ts';
import type { Sql, Store } from './sql.ts';
import type { StoredVerdict } from './verdict-columns.ts';
import { queueStatusWebhook } from './webhook-outbox.ts';

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

// What an edit's outcome state is made of, in one statement: each current verdict's decision and text, whether an
// adjudication stands, and the state kept before (a row of kind 'kept'). Slim on purpose: it runs with every verdict.
const outcomeInputs = `SELECT 'verdict' AS kind, cv.decision, v.amended_text AS "amendedText", v.id, v.created_at AS "createdAt"
  FROM current_verdicts cv JOIN verdicts v ON v.id = cv.verdict_id WHERE cv.edit_id = :editId
  UNION ALL SELECT 'adjudication', NULL, NULL, NULL, NULL FROM current_adjudications WHERE edit_id = :editId
  UNION ALL SELECT 'kept', state, NULL, NULL, NULL FROM edit_outcomes WHERE edit_id = :editId`;

type OutcomeInput = Pick<VerdictRecord, 'decision' | 'amendedText' | 'id' | 'createdAt'> & {
  kind: 'verdict' | 'adjudication' | 'kept';
};

/**
 * Recomputes one edit's outcome state from its current verdicts and adjudication (review/outcome.ts decides) and
 * keeps it, so that lists and filters read states instead of every reviewer's verdicts; true when the state changed
 * (only then can the article's counts have changed). Run in the transaction that changed them.
 */
export async function refreshEditOutcome(tx: Sql, editId: string, articleId: string): Promise<boolean> {
  const rows = await tx.all<OutcomeInput>(outcomeInputs, { editId });
  const kept = (rows.find((row) => row.kind === 'kept')?.decision as OutcomeState | undefined) ?? 'undecided';
  const current = rows
    .filter((row) => row.kind === 'verdict')
    .map((row): VerdictRecord => ({ ...row, editId, reviewer: '', kind: 'verdict', ...noLabels }));
  const adjudicated = rows.some((row) => row.kind === 'adjudication');
  // An adjudication stands whatever the verdicts say: its own fields do not matter to the state.
  const { state } = adjudicated ? { state: 'adjudicated' as const } : outcomeOf(current);
  if (state === kept) return false;
  await tx.run(
    `INSERT INTO edit_outcomes (edit_id, article_id, state) VALUES (:editId, :articleId, :state)
     ON CONFLICT (edit_id) DO UPDATE SET state = excluded.state`,
    { editId, articleId, state },
  );
  return true;
}

const noLabels = { category: null, severity: null, note: null, retractedAt: null };

/** The article's current edits counted by outcome state (an edit without a kept state is undecided). */
async function countStates(db: Sql, articleId: string): Promise<Record<OutcomeState, number>> {
  const rows = await db.all<{ state: OutcomeState | null; n: number }>(
    `SELECT o.state, count(*) AS n FROM edits e LEFT JOIN edit_outcomes o ON o.edit_id = e.id
     WHERE e.article_id = :articleId AND e.status = 'current' GROUP BY o.state`,
    { articleId },
  );
  const counts = Object.fromEntries(outcomeStates.map((state) => [state, 0])) as Record<OutcomeState, number>;
  for (const { state, n } of rows) counts[state ?? 'undecided'] += n;
  return counts;
}

/**
 * Recounts the article's current edits by outcome into article_review: after verdicts, and after anything that adds,
 * stales or revives edits. Run in the transaction that changed them.
 */
export async function refreshArticleCounts(tx: Sql, articleId: string): Promise<void> {
  const counts = await countStates(tx, articleId);
  const edits = counts.undecided + counts.agreed + counts.disputed + counts.adjudicated;
  await tx.run(
    `UPDATE article_review SET edits = :edits, undecided = :undecided, agreed = :agreed, disputed = :disputed,
       adjudicated = :adjudicated WHERE article_id = :articleId`,
    { articleId, edits, ...counts },
  );
  // Webhooks out: new counts may mean a new status (compared with the one last announced).
  await queueStatusWebhook(tx, articleId);
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
