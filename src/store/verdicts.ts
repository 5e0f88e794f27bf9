// The verdicts table (append-only): recording a reviewer's verdict or a lead's adjudication, alone or in a batch.
import type { VerdictKind } from '../review/article-review.ts';
import type { Severity } from '../review/taxonomy.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { refreshArticleCounts, refreshEditOutcome } from './outcomes.ts';
import type { Sql, Store, Transaction } from './sql.ts';
import { nowIso } from './values.ts';
import { type StoredVerdict, type VerdictDecision, verdictColumns, withReviewers } from './verdict-columns.ts';

export type { StoredVerdict, VerdictDecision } from './verdict-columns.ts';

/** A verdict to record; values are validated above the store, the table's CHECK constraints only guard it. */
export interface VerdictInput {
  editId: string;
  reviewerId: number;
  /** A reviewer's verdict (the default) or a lead's adjudication; who may adjudicate is decided above the store. */
  kind?: VerdictKind;
  decision: VerdictDecision;
  category?: string | null;
  severity?: Severity | null;
  note?: string | null;
  /** Required for 'amend'; ignored for the other decisions. */
  amendedText?: string | null;
  /** Chosen by the client per request, so that a retry after a lost response is recognised. */
  clientRequestId?: string | null;
}

/** What recording a verdict gave: the verdict, and whether it was a retry of one already recorded. */
export interface Recorded {
  verdict: StoredVerdict;
  duplicate: boolean;
}

// The verdict's own columns, as RETURNING gives them back (the reviewer's name comes from the caller).
const returned = `id, edit_id AS "editId", article_id AS "articleId", reviewer_id AS "reviewerId", kind, decision,
  category, severity, note, amended_text AS "amendedText", client_request_id AS "clientRequestId",
  created_at AS "createdAt"`;

/**
 * Appends a verdict (or an adjudication) and makes it current: the reviewer's on the edit, or the edit's final word.
 * A repeated (reviewerId, clientRequestId) returns the first verdict with `duplicate: true`: the unique constraint
 * decides (ON CONFLICT DO NOTHING), so two requests racing on two servers record it once. An approved article takes
 * none (ConflictError). The edit's outcome is brought up to date; the article's counts are the caller's (once per
 * article of a batch). A few statements, since on PostgreSQL each is a round trip.
 */
async function recordIn(
  tx: Transaction,
  input: VerdictInput,
  reviewerName: string,
): Promise<Recorded & { outcomeChanged: boolean }> {
  const kind = input.kind ?? 'verdict';
  const row = await tx.get<Omit<StoredVerdict, 'reviewerName' | 'retractedAt'>>(
    `INSERT INTO verdicts (edit_id, article_id, reviewer_id, kind, decision, category, severity, note, amended_text,
       client_request_id, created_at)
     SELECT e.id, e.article_id, :reviewerId, :kind, :decision, :category, :severity, :note, :amendedText,
       :clientRequestId, :createdAt
     FROM edits e JOIN article_review ar ON ar.article_id = e.article_id
     WHERE e.id = :editId AND ar.approved_at IS NULL
     ON CONFLICT (reviewer_id, client_request_id) DO NOTHING
     RETURNING ${returned}`,
    {
      editId: input.editId,
      reviewerId: input.reviewerId,
      kind,
      decision: input.decision,
      category: input.category ?? null,
      severity: input.severity ?? null,
      note: input.note ?? null,
      amendedText: input.decision === 'amend' ? (input.amendedText ?? null) : null,
      clientRequestId: input.clientRequestId ?? null,
      createdAt: nowIso(),
    },
  );
  if (!row) return { ...(await refused(tx, input)), outcomeChanged: false };
  await makeCurrent(tx, row);
  const outcomeChanged = await refreshEditOutcome(tx, row.editId, row.articleId);
  return { verdict: { ...row, reviewerName, retractedAt: null }, duplicate: false, outcomeChanged };
}

// Nothing was inserted: the request id was used before (a retry), the article is approved, or there is no edit.
async function refused(tx: Sql, input: VerdictInput): Promise<Recorded> {
  const first = await findRetried(tx, input);
  if (first) return { verdict: first, duplicate: true };
  const edit = await tx.get<{ articleId: string }>('SELECT article_id AS "articleId" FROM edits WHERE id = :id', {
    id: input.editId,
  });
  if (!edit) throw new NotFoundError(`no edit with id ${input.editId}`);
  throw new ConflictError(`article ${edit.articleId} is approved: a lead must reopen it before it takes verdicts`);
}

// The reviewer's latest verdict on the edit, or the edit's latest adjudication: what outcomes are made of, kept so
// that they need no scan of the history.
async function makeCurrent(tx: Sql, verdict: Omit<StoredVerdict, 'reviewerName' | 'retractedAt'>): Promise<void> {
  if (verdict.kind === 'adjudication') {
    await tx.run(
      `INSERT INTO current_adjudications (edit_id, verdict_id, article_id) VALUES (:editId, :id, :articleId)
       ON CONFLICT (edit_id) DO UPDATE SET verdict_id = excluded.verdict_id`,
      { editId: verdict.editId, id: verdict.id, articleId: verdict.articleId },
    );
    return;
  }
  await setCurrentVerdict(tx, verdict);
}

/** Makes `verdict` its reviewer's current one on its edit. */
export async function setCurrentVerdict(
  tx: Sql,
  verdict: Pick<StoredVerdict, 'id' | 'editId' | 'articleId' | 'reviewerId' | 'decision' | 'category' | 'severity'>,
): Promise<void> {
  await tx.run(
    `INSERT INTO current_verdicts (edit_id, reviewer_id, verdict_id, article_id, decision, category, severity)
     VALUES (:editId, :reviewerId, :id, :articleId, :decision, :category, :severity)
     ON CONFLICT (edit_id, reviewer_id) DO UPDATE SET verdict_id = excluded.verdict_id,
       decision = excluded.decision, category = excluded.category, severity = excluded.severity`,
    {
      editId: verdict.editId,
      reviewerId: verdict.reviewerId,
      id: verdict.id,
      articleId: verdict.articleId,
      decision: verdict.decision,
      category: verdict.category,
      severity: verdict.severity,
    },
  );
}

async function findRetried(db: Sql, input: VerdictInput): Promise<StoredVerdict | undefined> {
  if (input.clientRequestId == null) return undefined;
  const first = await db.get<StoredVerdict>(
    `SELECT ${verdictColumns} ${withReviewers}
     WHERE v.reviewer_id = :reviewerId AND v.client_request_id = :clientRequestId`,
    { reviewerId: input.reviewerId, clientRequestId: input.clientRequestId },
  );
  // A retry repeats its request; the same id on another edit is a client bug that would silently lose a verdict.
  if (first && first.editId !== input.editId) {
    throw new ConflictError(`client request id ${input.clientRequestId} was already used for edit ${first.editId}`);
  }
  return first;
}

/** The names of these reviewers by id; an id no reviewer has is left out. */
async function reviewerNames(db: Sql, ids: readonly number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (const id of new Set(ids)) {
    const row = await db.get<{ name: string }>('SELECT name FROM reviewers WHERE id = :id', { id });
    if (row) names.set(id, row.name);
  }
  return names;
}

/** Appends one verdict in a transaction of its own (see recordVerdictBatch for many). */
export async function recordVerdict(store: Store, input: VerdictInput): Promise<Recorded> {
  const [outcome] = await recordVerdictBatch(store, [input]);
  if (outcome && 'recorded' in outcome) return outcome.recorded;
  throw outcome?.error;
}

/** One verdict of a batch: recorded (as recordVerdict answers), or the error that refused it alone. */
export type BatchOutcome = { recorded: Recorded } | { error: unknown };

/**
 * Records several verdicts in one transaction, so that they share one commit (one fsync): each in a savepoint of its
 * own, so a refused one (unknown edit, reused request id, approved article) rolls back alone and the others stand.
 * Each article whose edits' outcome states changed has its counts brought up to date once (a verdict that leaves the
 * state as it was changes no count). Nothing is acknowledged before the whole batch is committed.
 */
export function recordVerdictBatch(store: Store, inputs: readonly VerdictInput[]): Promise<BatchOutcome[]> {
  return store.transaction((tx) => recordAllIn(tx, inputs));
}

/** recordVerdictBatch inside the caller's transaction (a bulk action records its own rows beside the verdicts). */
export async function recordAllIn(tx: Transaction, inputs: readonly VerdictInput[]): Promise<BatchOutcome[]> {
  const names = await reviewerNames(
    tx,
    inputs.map((input) => input.reviewerId),
  );
  const outcomes: BatchOutcome[] = [];
  const articles = new Set<string>();
  for (const input of inputs) {
    const name = names.get(input.reviewerId);
    if (name === undefined) {
      outcomes.push({ error: new NotFoundError(`no reviewer with id ${input.reviewerId}`) });
      continue;
    }
    try {
      const { outcomeChanged, ...recorded } = await tx.savepoint(() => recordIn(tx, input, name));
      if (outcomeChanged) articles.add(recorded.verdict.articleId);
      outcomes.push({ recorded });
    } catch (error) {
      outcomes.push({ error });
    }
  }
  for (const articleId of articles) await refreshArticleCounts(tx, articleId);
  return outcomes;
}
