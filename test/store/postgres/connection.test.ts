// The PostgreSQL connection: redacted URLs, one-line connection failures, transactions, types and error kinds.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/store/errors.ts';
import {
  closePostgres,
  connectionError,
  openPostgres,
  type PostgresDatabase,
  query,
  redactUrl,
  transaction,
} from '../../../src/store/postgres/connection.ts';
import { insertArticle, type OpenTestDatabase, openTestDatabase, pgUrl } from './helpers.ts';

const failure = (promise: Promise<unknown>) => promise.then(() => undefined).catch((error: unknown) => error);

// A loopback port with nothing listening: taken from the system, then released.
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('redactUrl', () => {
  it('replaces the password of the authority and of a password parameter, and keeps the rest', () => {
    expect(redactUrl('postgres://mt:s3cr%40t@db.example:5432/mt?sslmode=require')).toBe(
      'postgres://mt:***@db.example:5432/mt?sslmode=require',
    );
    expect(redactUrl('postgresql://mt@db.example/mt?password=s3cret&application_name=x')).toBe(
      'postgresql://mt@db.example/mt?password=***&application_name=x',
    );
    expect(redactUrl('postgres://mt@127.0.0.1/mt')).toBe('postgres://mt@127.0.0.1/mt');
  });

  it('redacts even a URL it cannot parse', () => {
    expect(redactUrl('postgres://mt:s3cret@exa mple/mt')).toBe('postgres://mt:***@exa mple/mt');
  });
});

describe('openPostgres', () => {
  it('fails in one line naming the URL (password redacted) and the reason when nothing listens', async () => {
    const port = await closedPort();
    const error = await failure(openPostgres(`postgres://mt:hunter2@127.0.0.1:${port}/mt`));
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ kind: 'unreadable' });
    expect((error as Error).message).toBe(
      `postgres://mt:***@127.0.0.1:${port}/mt: cannot connect to PostgreSQL (connect ECONNREFUSED 127.0.0.1:${port})`,
    );
  });

  it('gives every reason when a host with several addresses refuses on each (Node: an AggregateError)', () => {
    const refused = new AggregateError(
      [new Error('connect ECONNREFUSED ::1:5432'), new Error('connect ECONNREFUSED 127.0.0.1:5432')],
      '',
    );
    expect(connectionError('postgres://mt@localhost/mt', refused).message).toBe(
      'postgres://mt@localhost/mt: cannot connect to PostgreSQL ' +
        '(connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432)',
    );
  });

  it.runIf(pgUrl)('fails in one line when the server answers that the database does not exist', async () => {
    const url = new URL(pgUrl);
    url.pathname = '/no_such_database';
    const error = await failure(openPostgres(url.toString()));
    expect((error as Error).message).toBe(
      `${redactUrl(url.toString())}: cannot connect to PostgreSQL (database "no_such_database" does not exist)`,
    );
  });
});

describe.runIf(pgUrl)('transaction and query (PostgreSQL)', () => {
  let test: OpenTestDatabase;
  let db: PostgresDatabase;

  beforeAll(async () => {
    test = await openTestDatabase('connection');
    db = test.database;
  });

  afterAll(async () => {
    await test?.close();
  });

  const articleIds = async () =>
    (await query<{ id: string }>(db, 'SELECT id FROM articles ORDER BY id')).rows.map((row) => row.id);

  it('commits what the function wrote when it resolves, and returns its result', async () => {
    const result = await transaction(db, async (client) => {
      await insertArticle(client, 'kept');
      return 'done';
    });
    expect(result).toBe('done');
    expect(await articleIds()).toContain('kept');
  });

  it('rolls everything back when the function throws, and rethrows its error', async () => {
    const thrown = new Error('half way');
    const error = await failure(
      transaction(db, async (client) => {
        await insertArticle(client, 'dropped-1');
        await insertArticle(client, 'dropped-2');
        throw thrown;
      }),
    );
    expect(error).toBe(thrown);
    expect(await articleIds()).not.toContain('dropped-1');
  });

  it('rolls back on a constraint error and reports it as a store error', async () => {
    const error = await failure(
      transaction(db, async (client) => {
        await insertArticle(client, 'twice');
        await insertArticle(client, 'twice');
      }),
    );
    expect(error).toMatchObject({ kind: 'conflict', cause: { constraint: 'articles_pkey' } });
    expect(await articleIds()).not.toContain('twice');
  });

  it('returns every client to the pool, and replaces one whose connection died inside a transaction', async () => {
    const error = await failure(
      transaction(db, async (client) => {
        await client.query('SELECT pg_terminate_backend(pg_backend_pid())');
      }),
    );
    expect(error).toBeInstanceOf(Error);
    expect(db.pool.idleCount).toBe(db.pool.totalCount);
    await transaction(db, (client) => insertArticle(client, 'after-the-loss'));
    expect(await articleIds()).toContain('after-the-loss');
  });

  it('reads bigint as exact numbers, and refuses one beyond 2^53 instead of rounding it', async () => {
    const exact = await query<{ n: number }>(db, 'SELECT 9007199254740991::bigint AS n');
    expect(exact.rows).toEqual([{ n: Number.MAX_SAFE_INTEGER }]);
    const error = await failure(query(db, 'SELECT 9007199254740992::bigint AS n'));
    expect(error).toBeInstanceOf(RangeError);
  });

  it('refuses a NUL character, which PostgreSQL text cannot hold, as invalid input', async () => {
    const error = await failure(
      query(
        db,
        "INSERT INTO articles (id, mt, content_hash, imported_at, updated_at) VALUES ('nul', $1, 'h', $2, $2)",
        ['Of:\u0000 Marvin', '2026-01-02T03:04:05.678Z'],
      ),
    );
    expect(error).toMatchObject({ kind: 'invalid', cause: { code: '22021' } });
    expect((error as Error).message).toMatch(/^a text PostgreSQL cannot store: invalid byte sequence/);
  });

  it('closes every connection of the pool', async () => {
    const another = await test.openAnother();
    await query(another, 'SELECT 1');
    await closePostgres(another);
    expect(another.pool.totalCount).toBe(0);
    expect(await failure(query(another, 'SELECT 1'))).toBeInstanceOf(StoreError);
  });
});
