// The verdicts table (append-only): recording a reviewer's verdict or a lead's adjudication, alone or in a batch.
import type { VerdictKind } from '../review/article-review.ts';
import type { Severity } from '../review/taxonomy.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { type OutcomeInput, refreshArticlesCounts, refreshEditOutcomes } from './outcomes.ts';
import type { Sql, Store, Transaction } from './sql.ts';
import { inList, slices, valuesTable } from './sql-lists.ts';
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
  /**
   * The reviewer's name, where the caller has just authenticated them (reviewers are never deleted): the batch then
   * need not look it up, a round trip fewer on PostgreSQL. Without it the store looks it up and refuses an unknown id.
   */
  reviewerName?: string;
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

// A verdict as stored from its input: defaults applied, the amended text kept for 'amend' only.
type Row = Omit<StoredVerdict, 'id' | 'articleId' | 'reviewerName' | 'retractedAt'>;

function rowOf(input: VerdictInput, createdAt: string): Row {
  return {
    editId: input.editId,
    reviewerId: input.reviewerId,
    kind: input.kind ?? 'verdict',
    decision: input.decision,
    category: input.category ?? null,
    severity: input.severity ?? null,
    note: input.note ?? null,
    amendedText: input.decision === 'amend' ? (input.amendedText ?? null) : null,
    clientRequestId: input.clientRequestId ?? null,
    createdAt,
  };
}

// Every value a verdict was given, in the order of the insert's columns after the ordinal.
const given = (row: Row) => [
  row.editId,
  row.reviewerId,
  row.kind,
  row.decision,
  row.category,
  row.severity,
  row.note,
  row.amendedText,
  row.clientRequestId,
];

// What tells an inserted row's input from another's: every value it was given.
const identity = (row: Row) => JSON.stringify(given(row));

type Inserted = Omit<StoredVerdict, 'reviewerName' | 'retractedAt'>;

/**
 * Appends these verdicts (or adjudications) in one statement, in their order, and returns each one's stored row, or
 * undefined where nothing was inserted: its request id was used before (a retry, also one earlier in `rows`), its
 * article is approved, or there is no such edit. The unique constraint decides about request ids (ON CONFLICT DO
 * NOTHING), so two requests racing on two servers record once. One statement for many: on PostgreSQL each statement
 * is a round trip, and the revision triggers run once.
 */
async function insertAll(tx: Sql, rows: readonly Row[]): Promise<(Inserted | undefined)[]> {
  const values = valuesTable(
    'v',
    ['integer', 'text', 'integer', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'],
    rows.map((row, i) => [i, ...given(row), row.createdAt]),
  );
  const inserted = await tx.all<Inserted>(
    `INSERT INTO verdicts (edit_id, article_id, reviewer_id, kind, decision, category, severity, note, amended_text,
       client_request_id, created_at)
     SELECT e.id, e.article_id, input.column3, input.column4, input.column5, input.column6, input.column7,
       input.column8, input.column9, input.column10, input.column11
     FROM (${values.sql}) AS input JOIN edits e ON e.id = input.column2
       JOIN article_review ar ON ar.article_id = e.article_id
     WHERE ar.approved_at IS NULL
     ORDER BY input.column1
     ON CONFLICT (reviewer_id, client_request_id) DO NOTHING
     RETURNING ${returned}`,
    values.params,
  );
  return matchInputs(rows, inserted);
}

/**
 * Each input's inserted row, or undefined. Rows come back in no promised order; ids follow the inputs' order (the
 * insert's ORDER BY), and inputs alike in every value are interchangeable, so each input takes the first unclaimed
 * row with its values.
 */
function matchInputs(rows: readonly Row[], inserted: Inserted[]): (Inserted | undefined)[] {
  const byIdentity = new Map<string, Inserted[]>();
  for (const row of inserted.sort((a, b) => a.id - b.id)) {
    const key = identity(row);
    const alike = byIdentity.get(key);
    if (alike) alike.push(row);
    else byIdentity.set(key, [row]);
  }
  return rows.map((row) => byIdentity.get(identity(row))?.shift());
}

// Verdicts a statement at most: 11 parameters each, padded to 256 rows, well inside both engines' limits.
const rowsPerStatement = 200;

/**
 * Nothing was inserted: the request id was used before (a retry), the article is approved, or there is no edit.
 * `later` holds the ids of verdicts inserted for inputs after this one in its batch: recorded one at a time, they
 * would not exist yet, so a request id first used there does not make this one a retry.
 */
async function refused(tx: Sql, input: VerdictInput, later: ReadonlySet<number>): Promise<Recorded> {
  const first = await findRetried(tx, input, later);
  if (first) return { verdict: first, duplicate: true };
  const edit = await tx.get<{ articleId: string }>('SELECT article_id AS "articleId" FROM edits WHERE id = :id', {
    id: input.editId,
  });
  if (!edit) throw new NotFoundError(`no edit with id ${input.editId}`);
  throw new ConflictError(`article ${edit.articleId} is approved: a lead must reopen it before it takes verdicts`);
}

// Each reviewer's latest verdict on an edit, and each edit's latest adjudication: what outcomes are made of, kept so
// that they need no scan of the history. `verdicts` in the order recorded: the last one per key wins.
async function makeCurrent(tx: Sql, verdicts: readonly Inserted[]): Promise<void> {
  const latestVerdicts = new Map<string, Inserted>();
  const latestAdjudications = new Map<string, Inserted>();
  for (const v of verdicts) {
    if (v.kind === 'adjudication') latestAdjudications.set(v.editId, v);
    else latestVerdicts.set(`${v.editId}\u0000${v.reviewerId}`, v);
  }
  for (const slice of slices([...latestAdjudications.values()])) {
    const values = valuesTable(
      'a',
      ['text', 'integer', 'text'],
      slice.map((v) => [v.editId, v.id, v.articleId]),
    );
    await tx.run(
      `INSERT INTO current_adjudications (edit_id, verdict_id, article_id)
       SELECT column1, column2, column3 FROM (${values.sql}) AS a WHERE column1 IS NOT NULL
       ON CONFLICT (edit_id) DO UPDATE SET verdict_id = excluded.verdict_id`,
      values.params,
    );
  }
  for (const slice of slices([...latestVerdicts.values()])) await setCurrentVerdicts(tx, slice);
}

type CurrentVerdict = Pick<
  StoredVerdict,
  'id' | 'editId' | 'articleId' | 'reviewerId' | 'decision' | 'category' | 'severity'
>;

/** Makes each verdict its reviewer's current one on its edit (at most one per edit and reviewer). */
async function setCurrentVerdicts(tx: Sql, verdicts: readonly CurrentVerdict[]): Promise<void> {
  const values = valuesTable(
    'c',
    ['text', 'integer', 'integer', 'text', 'text', 'text', 'text'],
    verdicts.map((v) => [v.editId, v.reviewerId, v.id, v.articleId, v.decision, v.category, v.severity]),
  );
  await tx.run(
    `INSERT INTO current_verdicts (edit_id, reviewer_id, verdict_id, article_id, decision, category, severity)
     SELECT column1, column2, column3, column4, column5, column6, column7 FROM (${values.sql}) AS c
     WHERE column1 IS NOT NULL
     ON CONFLICT (edit_id, reviewer_id) DO UPDATE SET verdict_id = excluded.verdict_id,
       decision = excluded.decision, category = excluded.category, severity = excluded.severity`,
    values.params,
  );
}

/** Makes `verdict` its reviewer's current one on its edit. */
export function setCurrentVerdict(tx: Sql, verdict: CurrentVerdict): Promise<void> {
  return setCurrentVerdicts(tx, [verdict]);
}

async function findRetried(
  db: Sql,
  input: VerdictInput,
  later: ReadonlySet<number>,
): Promise<StoredVerdict | undefined> {
  if (input.clientRequestId == null) return undefined;
  const first = await db.get<StoredVerdict>(
    `SELECT ${verdictColumns} ${withReviewers}
     WHERE v.reviewer_id = :reviewerId AND v.client_request_id = :clientRequestId`,
    { reviewerId: input.reviewerId, clientRequestId: input.clientRequestId },
  );
  if (first && later.has(first.id)) return undefined;
  // A retry repeats its request; the same id on another edit is a client bug that would silently lose a verdict.
  if (first && first.editId !== input.editId) {
    throw new ConflictError(`client request id ${input.clientRequestId} was already used for edit ${first.editId}`);
  }
  return first;
}

/** The names of the inputs' reviewers by id, looked up where not given; an id no reviewer has is left out. */
async function reviewerNames(db: Sql, inputs: readonly VerdictInput[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (const input of inputs) if (input.reviewerName !== undefined) names.set(input.reviewerId, input.reviewerName);
  const unknown = [...new Set(inputs.map((input) => input.reviewerId))].filter((id) => !names.has(id));
  if (unknown.length === 0) return names;
  const list = inList('r', unknown);
  const rows = await db.all<{ id: number; name: string }>(
    `SELECT id, name FROM reviewers WHERE id IN ${list.sql}`,
    list.params,
  );
  for (const row of rows) names.set(row.id, row.name);
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
 * Records several verdicts in one transaction, so that they share one commit (one fsync), and a few statements: a
 * refused one (unknown edit, reused request id, approved article, a value the database refuses) is refused alone and
 * the others stand.
 * Each article whose edits' outcome states changed has its counts brought up to date once (a verdict that leaves the
 * state as it was changes no count). Nothing is acknowledged before the whole batch is committed.
 */
export async function recordVerdictBatch(store: Store, inputs: readonly VerdictInput[]): Promise<BatchOutcome[]> {
  try {
    // Optimistically without savepoints (two round trips fewer on PostgreSQL), which a failed statement costs the
    // whole transaction; then again with them, so that only the verdict at fault is refused.
    return await store.transaction((tx) => recordAllIn(tx, inputs, { guarded: false }));
  } catch (error) {
    if (!(error instanceof UnguardedInsertFailed)) throw error;
    return store.transaction((tx) => recordAllIn(tx, inputs));
  }
}

// The insert of an unguarded batch failed: its transaction is lost, the batch is to be recorded again, guarded.
class UnguardedInsertFailed extends Error {}

/**
 * recordVerdictBatch inside the caller's transaction (a bulk action records its own rows beside the verdicts).
 * Guarded (the default), a failed insert is retried verdict by verdict in savepoints; unguarded, it throws
 * UnguardedInsertFailed and the caller's transaction is to be rolled back.
 */
export async function recordAllIn(
  tx: Transaction,
  inputs: readonly VerdictInput[],
  { guarded = true } = {},
): Promise<BatchOutcome[]> {
  const names = await reviewerNames(tx, inputs);
  // Every input's outcome is set below; an unknown reviewer's error is made only for it (an Error takes a stack trace,
  // a cost every verdict of every batch paid while errors were made for all inputs up front).
  const outcomes: BatchOutcome[] = new Array(inputs.length);
  const known: number[] = [];
  for (const [at, input] of inputs.entries()) {
    if (names.has(input.reviewerId)) known.push(at);
    else outcomes[at] = { error: new NotFoundError(`no reviewer with id ${input.reviewerId}`) };
  }
  const createdAt = nowIso();
  const recorded: Inserted[] = [];
  // On PostgreSQL, unguarded, the whole batch goes in one call that also makes the verdicts current and reads their
  // edits' outcome inputs (see insertOnPostgres).
  const inOneCall = tx.engine === 'postgres' && !guarded;
  let outcomeInputs: OutcomeInput[] | undefined;
  const perStatement = inOneCall ? Math.max(1, known.length) : rowsPerStatement;
  for (let from = 0; from < known.length; from += perStatement) {
    const chunk = known.slice(from, from + perStatement);
    const rows = chunk.map((at) => rowOf(inputs[at] as VerdictInput, createdAt));
    let inserted: (Inserted | undefined | Error)[];
    if (inOneCall) ({ inserted, outcomeInputs } = await insertOnPostgres(tx, rows));
    else inserted = guarded ? await insertChunk(tx, rows) : await insertUnguarded(tx, rows);
    const later = new Set(inserted.flatMap((row) => (row && !(row instanceof Error) ? [row.id] : [])));
    for (const [i, at] of chunk.entries()) {
      const input = inputs[at] as VerdictInput;
      const row = inserted[i];
      if (row && !(row instanceof Error)) later.delete(row.id);
      const reviewerName = names.get(input.reviewerId) as string;
      if (row instanceof Error) outcomes[at] = { error: row };
      else if (row) {
        recorded.push(row);
        outcomes[at] = { recorded: { verdict: { ...row, reviewerName, retractedAt: null }, duplicate: false } };
      } else {
        // Nothing inserted: a retry (answered with the first verdict), an approved article or no such edit.
        try {
          outcomes[at] = { recorded: await refused(tx, input, later) };
        } catch (error) {
          outcomes[at] = { error };
        }
      }
    }
  }
  if (recorded.length > 0) {
    if (!outcomeInputs) await makeCurrent(tx, recorded);
    const changed = await refreshEditOutcomes(tx, recorded, outcomeInputs);
    // A verdict that leaves its edit's state as it was changes no count.
    await refreshArticlesCounts(tx, changed);
  }
  return outcomes;
}

/**
 * The rows, their current verdicts and their edits' outcome inputs in one round trip: the function of PostgreSQL
 * migration 12, which does what insertAll, makeCurrent and refreshEditOutcomes's read do. A verdict's path on
 * PostgreSQL is round trips (five statements took twice SQLite's time for the same batch); the articles' revision
 * rows are locked from the insert to the commit, so the statements after it also held up every other batch on them.
 */
async function insertOnPostgres(
  tx: Sql,
  rows: readonly Row[],
): Promise<{ inserted: (Inserted | undefined)[]; outcomeInputs: OutcomeInput[] }> {
  const batch = rows.map((row, ordinal) => ({
    ordinal,
    edit_id: row.editId,
    reviewer_id: row.reviewerId,
    kind: row.kind,
    decision: row.decision,
    category: row.category,
    severity: row.severity,
    note: row.note,
    amended_text: row.amendedText,
    client_request_id: row.clientRequestId,
    created_at: row.createdAt,
  }));
  let parts: (Inserted & { part: 'inserted' | OutcomeInput['kind'] })[];
  try {
    parts = await tx.all('SELECT * FROM record_verdict_batch(CAST(:batch AS jsonb))', {
      batch: JSON.stringify(batch),
    });
  } catch (error) {
    throw new UnguardedInsertFailed('a batch of verdicts failed to insert', { cause: error });
  }
  const inserted: Inserted[] = [];
  const outcomeInputs: OutcomeInput[] = [];
  for (const { part, ...row } of parts) {
    if (part === 'inserted') inserted.push(row);
    else outcomeInputs.push({ ...row, kind: part });
  }
  return { inserted: matchInputs(rows, inserted), outcomeInputs };
}

async function insertUnguarded(tx: Sql, rows: readonly Row[]): Promise<(Inserted | undefined)[]> {
  try {
    return await insertAll(tx, rows);
  } catch (error) {
    throw new UnguardedInsertFailed('a batch of verdicts failed to insert', { cause: error });
  }
}

/**
 * insertAll in a savepoint; when the statement fails (a constraint the validation above the store did not foresee),
 * each row is tried alone in a savepoint of its own, so the one at fault is refused with its error and the others
 * stand.
 */
async function insertChunk(tx: Transaction, rows: readonly Row[]): Promise<(Inserted | undefined | Error)[]> {
  try {
    return await tx.savepoint(() => insertAll(tx, rows));
  } catch {
    const alone: (Inserted | undefined | Error)[] = [];
    for (const row of rows) {
      try {
        alone.push((await tx.savepoint(() => insertAll(tx, [row])))[0]);
      } catch (error) {
        alone.push(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return alone;
  }
}
