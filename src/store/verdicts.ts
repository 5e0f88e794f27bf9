// The verdicts table (append-only) and current_verdicts: recording a decision, reading the history.
import type { Severity } from '../review/taxonomy.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import type { Sql, Store, Transaction } from './sql.ts';
import { nowIso } from './values.ts';

/** What a reviewer decided about an edit. */
export type VerdictDecision = 'accept' | 'reject' | 'amend';

/** A verdict to record; values are validated above the store, the table's CHECK constraints only guard it. */
export interface VerdictInput {
  editId: string;
  reviewerId: number;
  decision: VerdictDecision;
  category?: string | null;
  severity?: Severity | null;
  note?: string | null;
  /** Required for 'amend'; ignored for the other decisions. */
  amendedText?: string | null;
  /** Chosen by the client per request, so that a retry after a lost response is recognised. */
  clientRequestId?: string | null;
}

/** A recorded verdict, with its reviewer's name. */
export interface StoredVerdict {
  id: number;
  editId: string;
  articleId: string;
  reviewerId: number;
  reviewerName: string;
  decision: VerdictDecision;
  category: string | null;
  severity: Severity | null;
  note: string | null;
  amendedText: string | null;
  clientRequestId: string | null;
  createdAt: string;
}

/** What recording a verdict gave: the verdict, and whether it was a retry of one already recorded. */
export interface Recorded {
  verdict: StoredVerdict;
  duplicate: boolean;
}

const columns = `v.id, v.edit_id AS "editId", v.article_id AS "articleId", v.reviewer_id AS "reviewerId",
  r.name AS "reviewerName", v.decision, v.category, v.severity, v.note, v.amended_text AS "amendedText",
  v.client_request_id AS "clientRequestId", v.created_at AS "createdAt"`;
const fromVerdicts = 'FROM verdicts v JOIN reviewers r ON r.id = v.reviewer_id';

/**
 * Appends a verdict and makes it the reviewer's current one on the edit. A repeated (reviewerId, clientRequestId)
 * returns the first verdict with `duplicate: true`: the unique constraint decides (ON CONFLICT DO NOTHING), so two
 * requests racing on two servers record it once. Run in the caller's transaction; a few statements, since on
 * PostgreSQL each is a round trip.
 */
async function recordIn(tx: Transaction, input: VerdictInput, reviewerName: string): Promise<Recorded> {
  const row = await tx.get<Omit<StoredVerdict, 'reviewerName'>>(
    `INSERT INTO verdicts (edit_id, article_id, reviewer_id, decision, category, severity, note, amended_text,
       client_request_id, created_at)
     SELECT e.id, e.article_id, :reviewerId, :decision, :category, :severity, :note, :amendedText, :clientRequestId,
       :createdAt
     FROM edits e WHERE e.id = :editId
     ON CONFLICT (reviewer_id, client_request_id) DO NOTHING
     RETURNING ${returned}`,
    {
      editId: input.editId,
      reviewerId: input.reviewerId,
      decision: input.decision,
      category: input.category ?? null,
      severity: input.severity ?? null,
      note: input.note ?? null,
      amendedText: input.decision === 'amend' ? (input.amendedText ?? null) : null,
      clientRequestId: input.clientRequestId ?? null,
      createdAt: nowIso(),
    },
  );
  if (!row) {
    // Nothing inserted: the request id was used before (a retry), or there is no such edit.
    const first = await findRetried(tx, input);
    if (first) return { verdict: first, duplicate: true };
    throw new NotFoundError(`no edit with id ${input.editId}`);
  }
  await makeCurrent(tx, input, row.id, row.articleId);
  return { verdict: { ...row, reviewerName }, duplicate: false };
}

// The verdict's own columns, as RETURNING gives them back (the reviewer's name comes from the caller).
const returned = `id, edit_id AS "editId", article_id AS "articleId", reviewer_id AS "reviewerId", decision, category,
  severity, note, amended_text AS "amendedText", client_request_id AS "clientRequestId", created_at AS "createdAt"`;

/** The names of these reviewers by id; a NotFoundError for an id no reviewer has. */
async function reviewerNames(db: Sql, ids: readonly number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (const id of new Set(ids)) {
    const row = await db.get<{ name: string }>('SELECT name FROM reviewers WHERE id = :id', { id });
    if (row) names.set(id, row.name);
  }
  return names;
}

/** Appends one verdict in a transaction of its own (see recordVerdictBatch for many). */
export function recordVerdict(store: Store, input: VerdictInput): Promise<Recorded> {
  return store.transaction(async (tx) => {
    const name = (await reviewerNames(tx, [input.reviewerId])).get(input.reviewerId);
    if (name === undefined) throw new NotFoundError(`no reviewer with id ${input.reviewerId}`);
    return recordIn(tx, input, name);
  });
}

async function findRetried(db: Sql, input: VerdictInput): Promise<StoredVerdict | undefined> {
  if (input.clientRequestId == null) return undefined;
  const first = await db.get<StoredVerdict>(
    `SELECT ${columns} ${fromVerdicts} WHERE v.reviewer_id = :reviewerId AND v.client_request_id = :clientRequestId`,
    { reviewerId: input.reviewerId, clientRequestId: input.clientRequestId },
  );
  // A retry repeats its request; the same id on another edit is a client bug that would silently lose a verdict.
  if (first && first.editId !== input.editId) {
    throw new ConflictError(`client request id ${input.clientRequestId} was already used for edit ${first.editId}`);
  }
  return first;
}

// The reviewer's latest verdict on the edit, kept so that "reviewed" and current verdicts need no scan of history.
async function makeCurrent(tx: Sql, input: VerdictInput, verdictId: number, articleId: string): Promise<void> {
  await tx.run(
    `INSERT INTO current_verdicts (edit_id, reviewer_id, verdict_id, article_id, decision, category, severity)
     VALUES (:editId, :reviewerId, :verdictId, :articleId, :decision, :category, :severity)
     ON CONFLICT (edit_id, reviewer_id) DO UPDATE SET verdict_id = excluded.verdict_id,
       decision = excluded.decision, category = excluded.category, severity = excluded.severity`,
    {
      editId: input.editId,
      reviewerId: input.reviewerId,
      verdictId,
      articleId,
      decision: input.decision,
      category: input.category ?? null,
      severity: input.severity ?? null,
    },
  );
}

/** Every verdict ever recorded on the article's edits (stale ones included), oldest first. */
export function listVerdicts(db: Sql, articleId: string): Promise<StoredVerdict[]> {
  return db.all<StoredVerdict>(`SELECT ${columns} ${fromVerdicts} WHERE v.article_id = :articleId ORDER BY v.id`, {
    articleId,
  });
}

/** The latest verdict of each reviewer on each edit of the article (stale edits included), oldest first. */
export function currentVerdicts(db: Sql, articleId: string): Promise<StoredVerdict[]> {
  return db.all<StoredVerdict>(
    `SELECT ${columns} FROM current_verdicts cv JOIN verdicts v ON v.id = cv.verdict_id
     JOIN reviewers r ON r.id = v.reviewer_id WHERE cv.article_id = :articleId ORDER BY v.id`,
    { articleId },
  );
}

/** One reviewer's whole history on an article, counted (see ReviewerActivity in export/types.ts). */
export interface StoredActivity {
  reviewer: string;
  verdicts: number;
  edits: number;
  accept: number;
  reject: number;
  amend: number;
  firstAt: string;
  lastAt: string;
}

/** Per reviewer, the verdicts they gave on the article's edits (whole history), counted in one pass of the index. */
export function reviewerActivity(db: Sql, articleId: string): Promise<StoredActivity[]> {
  const count = (decision: VerdictDecision) =>
    `CAST(sum(CASE WHEN v.decision = '${decision}' THEN 1 ELSE 0 END) AS INTEGER) AS ${decision}`;
  return db.all<StoredActivity>(
    `SELECT r.name AS reviewer, count(*) AS verdicts, count(DISTINCT v.edit_id) AS edits,
       ${count('accept')}, ${count('reject')}, ${count('amend')},
       min(v.created_at) AS "firstAt", max(v.created_at) AS "lastAt"
     ${fromVerdicts} WHERE v.article_id = :articleId GROUP BY r.id, r.name ORDER BY r.name`,
    { articleId },
  );
}

/** The most verdicts one page of history carries. */
export const maxHistoryPage = 200;

/**
 * A page of the verdict history of one edit (`editId`) or of a whole article (`articleId`), newest first: at most
 * `limit` verdicts with ids below `before` (keyset paging, so a page costs the same however deep it is).
 */
export function verdictHistory(
  db: Sql,
  scope: { editId: string } | { articleId: string },
  page: { before?: number; limit?: number } = {},
): Promise<StoredVerdict[]> {
  const limit = Math.min(Math.max(1, page.limit ?? 50), maxHistoryPage);
  const before = page.before ?? Number.MAX_SAFE_INTEGER;
  const where = 'editId' in scope ? 'v.edit_id = :key' : 'v.article_id = :key';
  return db.all<StoredVerdict>(
    `SELECT ${columns} ${fromVerdicts} WHERE ${where} AND v.id < :before ORDER BY v.id DESC LIMIT :limit`,
    { key: 'editId' in scope ? scope.editId : scope.articleId, before, limit },
  );
}

/** One verdict of a batch: recorded (as recordVerdict answers), or the error that refused it alone. */
export type BatchOutcome = { recorded: Recorded } | { error: unknown };

/**
 * Records several verdicts in one transaction, so that they share one commit (one fsync): each in a savepoint of its
 * own, so a refused one (unknown edit, reused request id) rolls back alone and the others stand. Nothing is
 * acknowledged before the whole batch is committed.
 */
export function recordVerdictBatch(store: Store, inputs: readonly VerdictInput[]): Promise<BatchOutcome[]> {
  return store.transaction(async (tx) => {
    const names = await reviewerNames(
      tx,
      inputs.map((input) => input.reviewerId),
    );
    const outcomes: BatchOutcome[] = [];
    for (const input of inputs) {
      const name = names.get(input.reviewerId);
      if (name === undefined) {
        outcomes.push({ error: new NotFoundError(`no reviewer with id ${input.reviewerId}`) });
        continue;
      }
      try {
        outcomes.push({ recorded: await tx.savepoint(() => recordIn(tx, input, name)) });
      } catch (error) {
        outcomes.push({ error });
      }
    }
    return outcomes;
  });
}
