// Test helpers for the PostgreSQL engine: a fresh migrated database per test file, and rows written as plain SQL.
import type { ClientBase } from 'pg';
import { inject } from 'vitest';
import { closePostgres, openPostgres, type PostgresDatabase, query } from '../../../src/store/postgres/connection.ts';
import { migrate } from '../../../src/store/postgres/migrations.ts';
import { createDatabase, type TestDatabase } from '../../support/postgres.ts';

/** The run's PostgreSQL server ('' when there is none: describe.runIf(pgUrl) skips). */
export const pgUrl = inject('pgUrl');

/** A time in the one shape the schema accepts (ISO 8601 UTC with milliseconds). */
export const at = '2026-01-02T03:04:05.678Z';

/** A fresh database on the run's server, with its own pool; `close` ends every pool opened on it and drops it. */
export interface OpenTestDatabase {
  url: string;
  database: PostgresDatabase;
  /** Another pool on the same database, as a second app instance would have. */
  openAnother(): Promise<PostgresDatabase>;
  close(): Promise<void>;
}

/** Creates a database named after `label`, opens a pool on it and, unless told not to, migrates it. */
export async function openTestDatabase(label: string, options = { migrate: true }): Promise<OpenTestDatabase> {
  const created: TestDatabase = await createDatabase(pgUrl, label);
  const pools: PostgresDatabase[] = [];
  const openAnother = async () => {
    const pool = await openPostgres(created.url);
    pools.push(pool);
    return pool;
  };
  const database = await openAnother();
  if (options.migrate) await migrate(database);
  return {
    url: created.url,
    database,
    openAnother,
    async close() {
      await Promise.all(pools.map(closePostgres));
      await created.drop();
    },
  };
}

type Target = PostgresDatabase | ClientBase;

async function run(target: Target, sql: string, values: unknown[]): Promise<{ id?: number }[]> {
  const result = 'pool' in target ? await query(target, sql, values) : await target.query(sql, values);
  return result.rows;
}

/** Inserts a reviewer and returns its id. */
export async function insertReviewer(target: Target, name: string): Promise<number> {
  const rows = await run(
    target,
    'INSERT INTO reviewers (name, name_key, password_hash, created_at) VALUES ($1, lower($1), $2, $3) RETURNING id',
    [name, 'not-a-real-hash', at],
  );
  return rows[0]?.id as number;
}

/** Inserts an article with an MT text only. */
export async function insertArticle(target: Target, id: string): Promise<void> {
  await run(
    target,
    'INSERT INTO articles (id, mt, content_hash, imported_at, updated_at) VALUES ($1, $2, $3, $4, $4)',
    [id, 'Of: Marvin Ziegele', `hash-of-${id}`, at],
  );
}

/** Inserts a post-edit edit of `articleId` ("Of:" → "By"). */
export async function insertEdit(target: Target, id: string, articleId: string, ordinal = 0): Promise<void> {
  await run(
    target,
    `INSERT INTO edits (id, article_id, ordinal, mt_start, mt_end, mt_text, corrected_start, corrected_end,
       corrected_text, paragraph, context_before, context_after, origin, created_at)
     VALUES ($1, $2, $3, 0, 3, 'Of:', 0, 2, 'By', 0, '', ' Marvin Ziegele', 'post-edit', $4)`,
    [id, articleId, ordinal, at],
  );
}

/** Inserts an accept verdict (with an optional client request id) and returns its id. */
export async function insertVerdict(
  target: Target,
  verdict: { editId: string; articleId: string; reviewerId: number; clientRequestId?: string },
): Promise<number> {
  const rows = await run(
    target,
    `INSERT INTO verdicts (edit_id, article_id, reviewer_id, decision, client_request_id, created_at)
     VALUES ($1, $2, $3, 'accept', $4, $5) RETURNING id`,
    [verdict.editId, verdict.articleId, verdict.reviewerId, verdict.clientRequestId ?? null, at],
  );
  return rows[0]?.id as number;
}

/** The revision of an article as the triggers keep it. */
export async function revisionOf(database: PostgresDatabase, articleId: string): Promise<number | undefined> {
  const result = await query<{ revision: number }>(
    database,
    'SELECT revision FROM article_revisions WHERE article_id = $1',
    [articleId],
  );
  return result.rows[0]?.revision;
}
