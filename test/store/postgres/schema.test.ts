// The PostgreSQL schema's own rules on a real server: append-only verdicts, CHECKs, keys, names, revisions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, StoreError } from '../../../src/store/errors.ts';
import { type PostgresDatabase, query } from '../../../src/store/postgres/connection.ts';
import {
  at,
  insertArticle,
  insertEdit,
  insertReviewer,
  insertVerdict,
  type OpenTestDatabase,
  openTestDatabase,
  pgUrl,
} from './helpers.ts';

let test: OpenTestDatabase;
let db: PostgresDatabase;
let reviewerId: number;

const failure = (promise: Promise<unknown>) => promise.then(() => undefined).catch((error: unknown) => error);

describe.runIf(pgUrl)('the PostgreSQL schema', () => {
  beforeAll(async () => {
    test = await openTestDatabase('schema');
    db = test.database;
    reviewerId = await insertReviewer(db, 'anna');
    await insertArticle(db, 'seed');
    await insertEdit(db, 'edit-1', 'seed');
  });

  afterAll(async () => {
    await test?.close();
  });

  describe('verdicts', () => {
    it('refuses UPDATE, DELETE and TRUNCATE of a stored verdict: they are append-only', async () => {
      const id = await insertVerdict(db, { editId: 'edit-1', articleId: 'seed', reviewerId });
      for (const sql of [
        "UPDATE verdicts SET note = 'changed' WHERE id = $1",
        'DELETE FROM verdicts WHERE id = $1',
        'TRUNCATE verdicts CASCADE',
      ]) {
        const error = await failure(query(db, sql, sql.includes('$1') ? [id] : []));
        expect(error, sql).toBeInstanceOf(ConflictError);
        expect((error as Error).message).toBe('verdicts are append-only');
      }
      const kept = await query<{ note: string | null }>(db, 'SELECT note FROM verdicts WHERE id = $1', [id]);
      expect(kept.rows).toEqual([{ note: null }]);
    });

    it('refuses an amend without amended text, and amended text on an accept (CHECK → invalid)', async () => {
      for (const [decision, amended] of [
        ['amend', null],
        ['accept', 'By'],
      ]) {
        const error = await failure(
          query(
            db,
            `INSERT INTO verdicts (edit_id, article_id, reviewer_id, decision, amended_text, created_at)
             VALUES ('edit-1', 'seed', $1, $2, $3, $4)`,
            [reviewerId, decision, amended, at],
          ),
        );
        expect(error).toBeInstanceOf(StoreError);
        expect(error).toMatchObject({ kind: 'invalid', cause: { code: '23514', table: 'verdicts' } });
      }
    });

    it('refuses an unknown decision or severity (CHECK → invalid)', async () => {
      const insert = (decision: string, severity: string) =>
        query(
          db,
          `INSERT INTO verdicts (edit_id, article_id, reviewer_id, decision, severity, created_at)
           VALUES ('edit-1', 'seed', $1, $2, $3, $4)`,
          [reviewerId, decision, severity, at],
        );
      expect(await failure(insert('maybe', 'minor'))).toMatchObject({ kind: 'invalid' });
      expect(await failure(insert('accept', 'catastrophic'))).toMatchObject({ kind: 'invalid' });
      await insert('accept', 'critical');
    });

    it('refuses a verdict on an edit that does not exist (foreign key → not found)', async () => {
      const error = await failure(insertVerdict(db, { editId: 'no-such-edit', articleId: 'seed', reviewerId }));
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as Error).message).toContain('Key (edit_id)=(no-such-edit) is not present in table "edits"');
    });

    it('records a client request id once per reviewer (unique → conflict), and other reviewers freely', async () => {
      const other = await insertReviewer(db, 'bert');
      const verdict = { editId: 'edit-1', articleId: 'seed', clientRequestId: 'req-1' };
      await insertVerdict(db, { ...verdict, reviewerId });
      const error = await failure(insertVerdict(db, { ...verdict, reviewerId }));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ cause: { constraint: 'verdicts_request_once' } });
      await insertVerdict(db, { ...verdict, reviewerId: other });
      // Verdicts without a request id are never the same request.
      await insertVerdict(db, { editId: 'edit-1', articleId: 'seed', reviewerId });
      await insertVerdict(db, { editId: 'edit-1', articleId: 'seed', reviewerId });
    });
  });

  describe('edits and articles', () => {
    it('accepts the origins post-edit, reviewer and check:<id>, and no other', async () => {
      const insert = (id: string, origin: string) =>
        query(
          db,
          `INSERT INTO edits (id, article_id, ordinal, mt_start, mt_end, mt_text, corrected_start, corrected_end,
             corrected_text, paragraph, context_before, context_after, origin, created_at)
           VALUES ($1, 'seed', 9, 0, 0, '', 0, 0, '', 0, '', '', $2, $3)`,
          [id, origin, at],
        );
      await insert('origin-1', 'reviewer');
      await insert('origin-2', 'check:breadcrumb');
      expect(await failure(insert('origin-3', 'check:'))).toMatchObject({ kind: 'invalid' });
      expect(await failure(insert('origin-4', 'spellcheck'))).toMatchObject({ kind: 'invalid' });
    });

    it('refuses a span that ends before it starts, and a corrected text without its origin', async () => {
      const span = query(
        db,
        `INSERT INTO edits (id, article_id, ordinal, mt_start, mt_end, mt_text, corrected_start, corrected_end,
           corrected_text, paragraph, context_before, context_after, origin, created_at)
         VALUES ('backwards', 'seed', 0, 5, 3, '', 0, 0, '', 0, '', '', 'post-edit', $1)`,
        [at],
      );
      expect(await failure(span)).toMatchObject({ kind: 'invalid' });
      const origin = query(db, "UPDATE articles SET corrected = 'By Marvin Ziegele' WHERE id = 'seed'");
      expect(await failure(origin)).toMatchObject({ kind: 'invalid' });
    });

    it('keeps times in the one sortable shape: ISO 8601 UTC with milliseconds', async () => {
      const insert = (createdAt: string) =>
        query(db, 'INSERT INTO reviewers (name, name_key, password_hash, created_at) VALUES ($1, lower($1), $2, $3)', [
          `r${createdAt.length}`,
          'hash',
          createdAt,
        ]);
      for (const wrong of ['2026-01-02T03:04:05Z', '2026-01-02 03:04:05.678', '']) {
        expect(await failure(insert(wrong)), wrong).toMatchObject({ kind: 'invalid', cause: { code: '23514' } });
      }
      await insert(at);
    });
  });

  describe('reviewers', () => {
    it('makes names unique ignoring ASCII case, as SQLite NOCASE does', async () => {
      await insertReviewer(db, 'Carla');
      const error = await failure(insertReviewer(db, 'CARLA'));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ cause: { constraint: 'reviewers_name_unique' } });
      // NOCASE folds ASCII only: Ärger and ärger are two names there, and so here, whatever the server's locale.
      await insertReviewer(db, 'Ärger');
      await insertReviewer(db, 'ärger');
    });

    it('allows the roles reviewer, lead and admin only, reviewer by default', async () => {
      const id = await insertReviewer(db, 'dora');
      const role = await query<{ role: string }>(db, 'SELECT role FROM reviewers WHERE id = $1', [id]);
      expect(role.rows).toEqual([{ role: 'reviewer' }]);
      await query(db, "UPDATE reviewers SET role = 'lead' WHERE id = $1", [id]);
      const error = await failure(query(db, "UPDATE reviewers SET role = 'owner' WHERE id = $1", [id]));
      expect(error).toMatchObject({ kind: 'invalid', cause: { constraint: 'reviewers_role_check' } });
    });

    it("removes a reviewer's sessions, links and tokens with the reviewer (ON DELETE CASCADE)", async () => {
      const id = await insertReviewer(db, 'erik');
      await query(db, 'INSERT INTO sessions VALUES ($1, $2, $3, $3, $3)', ['session-hash', id, at]);
      await query(db, 'INSERT INTO sign_in_links VALUES ($1, $2, $3, $3)', ['link-hash', id, at]);
      await query(db, 'INSERT INTO api_tokens (token_hash, reviewer_id, label, created_at) VALUES ($1, $2, $3, $4)', [
        'token-hash',
        id,
        'ci',
        at,
      ]);
      await query(db, 'DELETE FROM reviewers WHERE id = $1', [id]);
      const left = await query<{ n: number }>(
        db,
        `SELECT (SELECT count(*) FROM sessions WHERE reviewer_id = $1) + (SELECT count(*) FROM sign_in_links
           WHERE reviewer_id = $1) + (SELECT count(*) FROM api_tokens WHERE reviewer_id = $1) AS n`,
        [id],
      );
      expect(left.rows).toEqual([{ n: 0 }]);
    });

    it('refuses a session without last_seen_at (no default: forgetting it fails)', async () => {
      const error = await failure(
        query(db, 'INSERT INTO sessions (token_hash, reviewer_id, created_at, expires_at) VALUES ($1, $2, $3, $3)', [
          'forgetful',
          reviewerId,
          at,
        ]),
      );
      expect(error).toMatchObject({ kind: 'invalid', cause: { code: '23502', column: 'last_seen_at' } });
    });
  });
});
