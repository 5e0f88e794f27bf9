// The verdicts table (append-only) and current_verdicts: recording a decision, reading the history.
import Database from 'better-sqlite3';
import type { Severity } from '../review/taxonomy.ts';
import type { Store } from './db.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { nowIso, statement } from './statements.ts';

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

const columns = `v.id, v.edit_id AS editId, v.article_id AS articleId, v.reviewer_id AS reviewerId,
  r.name AS reviewerName, v.decision, v.category, v.severity, v.note, v.amended_text AS amendedText,
  v.client_request_id AS clientRequestId, v.created_at AS createdAt`;
const fromVerdicts = 'FROM verdicts v JOIN reviewers r ON r.id = v.reviewer_id';

/**
 * Appends a verdict and makes it the reviewer's current one on the edit, all in one transaction. A repeated (reviewerId, clientRequestId) returns the first verdict with `duplicate: true`.
 */
export function recordVerdict(db: Store, input: VerdictInput): { verdict: StoredVerdict; duplicate: boolean } {
  return db
    .transaction(() => {
      const first = findRetried(db, input);
      if (first) return { verdict: first, duplicate: true };
      const edit = statement(db, 'SELECT article_id AS articleId FROM edits WHERE id = :editId').get({
        editId: input.editId,
      }) as { articleId: string } | undefined;
      if (!edit) throw new NotFoundError(`no edit with id ${input.editId}`);
      const verdictId = insertVerdict(db, input, edit.articleId);
      makeCurrent(db, input, verdictId, edit.articleId);
      return { verdict: getVerdict(db, verdictId) as StoredVerdict, duplicate: false };
    })
    .immediate();
}

function findRetried(db: Store, input: VerdictInput): StoredVerdict | undefined {
  if (input.clientRequestId == null) return undefined;
  const first = statement(
    db,
    `SELECT ${columns} ${fromVerdicts} WHERE v.reviewer_id = :reviewerId AND v.client_request_id = :clientRequestId`,
  ).get({ reviewerId: input.reviewerId, clientRequestId: input.clientRequestId }) as StoredVerdict | undefined;
  // A retry repeats its request; the same id on another edit is a client bug that would silently lose a verdict.
  if (first && first.editId !== input.editId) {
    throw new ConflictError(`client request id ${input.clientRequestId} was already used for edit ${first.editId}`);
  }
  return first;
}

function insertVerdict(db: Store, input: VerdictInput, articleId: string): number {
  try {
    const info = statement(
      db,
      `INSERT INTO verdicts (edit_id, article_id, reviewer_id, decision, category, severity, note, amended_text,
         client_request_id, created_at)
       VALUES (:editId, :articleId, :reviewerId, :decision, :category, :severity, :note, :amendedText,
         :clientRequestId, :createdAt)`,
    ).run({
      editId: input.editId,
      articleId,
      reviewerId: input.reviewerId,
      decision: input.decision,
      category: input.category ?? null,
      severity: input.severity ?? null,
      note: input.note ?? null,
      amendedText: input.decision === 'amend' ? (input.amendedText ?? null) : null,
      clientRequestId: input.clientRequestId ?? null,
      createdAt: nowIso(),
    });
    return Number(info.lastInsertRowid);
  } catch (error) {
    // The edit was found just before, so a foreign-key failure here can only be the reviewer.
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new NotFoundError(`no reviewer with id ${input.reviewerId}`);
    }
    throw error;
  }
}

// The reviewer's latest verdict on the edit, kept so that "reviewed" and current verdicts need no scan of history.
function makeCurrent(db: Store, input: VerdictInput, verdictId: number, articleId: string): void {
  statement(
    db,
    `INSERT INTO current_verdicts (edit_id, reviewer_id, verdict_id, article_id, decision, category, severity)
     VALUES (:editId, :reviewerId, :verdictId, :articleId, :decision, :category, :severity)
     ON CONFLICT (edit_id, reviewer_id) DO UPDATE SET verdict_id = excluded.verdict_id,
       decision = excluded.decision, category = excluded.category, severity = excluded.severity`,
  ).run({
    editId: input.editId,
    reviewerId: input.reviewerId,
    verdictId,
    articleId,
    decision: input.decision,
    category: input.category ?? null,
    severity: input.severity ?? null,
  });
}

/** The verdict with this id, or undefined. */
export function getVerdict(db: Store, id: number): StoredVerdict | undefined {
  return statement(db, `SELECT ${columns} ${fromVerdicts} WHERE v.id = :id`).get({ id }) as StoredVerdict | undefined;
}

/** Every verdict ever recorded on the article's edits (stale ones included), oldest first. */
export function listVerdicts(db: Store, articleId: string): StoredVerdict[] {
  return statement(db, `SELECT ${columns} ${fromVerdicts} WHERE v.article_id = :articleId ORDER BY v.id`).all({
    articleId,
  }) as StoredVerdict[];
}

/** The latest verdict of each reviewer on each edit of the article (stale edits included), oldest first. */
export function currentVerdicts(db: Store, articleId: string): StoredVerdict[] {
  return statement(
    db,
    `SELECT ${columns} FROM current_verdicts cv JOIN verdicts v ON v.id = cv.verdict_id
     JOIN reviewers r ON r.id = v.reviewer_id WHERE cv.article_id = :articleId ORDER BY v.id`,
  ).all({ articleId }) as StoredVerdict[];
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
export function reviewerActivity(db: Store, articleId: string): StoredActivity[] {
  return statement(
    db,
    `SELECT r.name AS reviewer, count(*) AS verdicts, count(DISTINCT v.edit_id) AS edits,
       sum(v.decision = 'accept') AS accept, sum(v.decision = 'reject') AS reject, sum(v.decision = 'amend') AS amend,
       min(v.created_at) AS firstAt, max(v.created_at) AS lastAt
     ${fromVerdicts} WHERE v.article_id = :articleId GROUP BY v.reviewer_id ORDER BY r.name`,
  ).all({ articleId }) as StoredActivity[];
}

/** The most verdicts one page of history carries. */
export const maxHistoryPage = 200;

/**
 * A page of the verdict history of one edit (`editId`) or of a whole article (`articleId`), newest first: at most
 * `limit` verdicts with ids below `before` (keyset paging, so a page costs the same however deep it is).
 */
export function verdictHistory(
  db: Store,
  scope: { editId: string } | { articleId: string },
  page: { before?: number; limit?: number } = {},
): StoredVerdict[] {
  const limit = Math.min(Math.max(1, page.limit ?? 50), maxHistoryPage);
  const before = page.before ?? Number.MAX_SAFE_INTEGER;
  const where = 'editId' in scope ? 'v.edit_id = :key' : 'v.article_id = :key';
  return statement(
    db,
    `SELECT ${columns} ${fromVerdicts} WHERE ${where} AND v.id < :before ORDER BY v.id DESC LIMIT :limit`,
  ).all({ key: 'editId' in scope ? scope.editId : scope.articleId, before, limit }) as StoredVerdict[];
}

/** One verdict of a batch: recorded (as recordVerdict answers), or the error that refused it alone. */
export type BatchOutcome = { recorded: { verdict: StoredVerdict; duplicate: boolean } } | { error: unknown };

/**
 * Records several verdicts in one transaction, so that they share one commit (one fsync): each in a savepoint of its
 * own, so a refused one (unknown edit, reused request id) rolls back alone and the others stand. Nothing is
 * acknowledged before the whole batch is committed.
 */
export function recordVerdictBatch(db: Store, inputs: readonly VerdictInput[]): BatchOutcome[] {
  return db
    .transaction(() =>
      inputs.map((input): BatchOutcome => {
        try {
          return { recorded: recordVerdict(db, input) };
        } catch (error) {
          return { error };
        }
      }),
    )
    .immediate();
}
