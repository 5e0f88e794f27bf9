// A store's PostgreSQL connection: one pool, transactions on one checked-out client, failures as one-line errors.
import pg, { type PoolClient, type QueryConfig, type QueryResult, type QueryResultRow } from 'pg';
import { StoreError } from '../errors.ts';
import { toStoreError } from './errors.ts';

/** A store's PostgreSQL database: its pool, the settings for clients outside it, and its URL fit for messages. */
export interface PostgresDatabase {
  readonly pool: pg.Pool;
  /** The settings the pool connects with, for a dedicated client (LISTEN) that must not hold a pooled one. */
  readonly clientConfig: pg.ClientConfig;
  /** The URL with its password replaced by `***`: what every message names. */
  readonly label: string;
}

/** How long a connection attempt may take before it fails with a message (pg's default waits for ever). */
const connectTimeoutMs = 10_000;

const int8Oid = 20;

// pg returns bigint (ids, revisions, count(*)) as strings, since JavaScript numbers are exact only up to 2^53. The
// store's numbers stay far below that, so they come back as numbers, and one beyond it is an error, not a rounding.
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`${text} does not fit a JavaScript number exactly`);
  return value;
}

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === int8Oid && format !== 'binary'
      ? parseInt8
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** `url` with its password (in the authority or a `password=` parameter) replaced by `***`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@').replace(/password=[^&\s]*/g, 'password=***');
  }
}

// Node reports a host that resolves to several addresses (localhost: ::1 and 127.0.0.1) as an AggregateError
// with an empty message: the reasons are in its errors.
function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [...new Set(error.errors.map(reasonOf))].join('; ');
  }
  if (error instanceof Error) return error.message || ('code' in error ? String(error.code) : error.name);
  return String(error);
}

/** The one-line error for a connection that failed: the URL (password redacted) and the reason. */
export function connectionError(label: string, error: unknown): StoreError {
  return new StoreError('unreadable', `${label}: cannot connect to PostgreSQL (${reasonOf(error)})`, {
    cause: error,
  });
}

/** Opens a pool on `url` and checks that a connection can be made, so a wrong URL fails at start, in one line. */
export async function openPostgres(url: string, options: { maxConnections?: number } = {}): Promise<PostgresDatabase> {
  const label = redactUrl(url);
  const clientConfig: pg.ClientConfig = { connectionString: url, connectionTimeoutMillis: connectTimeoutMs, types };
  const pool = new pg.Pool({ ...clientConfig, max: options.maxConnections ?? 10 });
  // A client that loses its connection (a server restart, a terminated backend) emits 'error', and an unhandled
  // 'error' event ends the process. While idle the pool handles it, discards the client and re-emits it here; while
  // checked out nobody would, so each client gets a listener of its own. The query in flight fails with the same
  // error, which is where the store reports it; the pool does not take a broken client back.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const database = { pool, clientConfig, label };
  try {
    (await checkOut(database)).release();
  } catch (error) {
    await pool.end();
    throw error;
  }
  return database;
}

/** Closes every connection of the pool (a second call does nothing); the database is unusable afterwards. */
export async function closePostgres(database: PostgresDatabase): Promise<void> {
  if (!database.pool.ended) await database.pool.end();
}

async function checkOut(database: PostgresDatabase): Promise<PoolClient> {
  try {
    return await database.pool.connect();
  } catch (error) {
    throw connectionError(database.label, error);
  }
}

/**
 * Runs one parameterised statement (text and values, or a config that also names a prepared statement) on a pooled
 * connection; constraint errors come back as store errors.
 */
export async function query<Row extends QueryResultRow>(
  database: PostgresDatabase,
  statement: string | QueryConfig,
  values: unknown[] = [],
): Promise<QueryResult<Row>> {
  const client = await checkOut(database);
  try {
    return typeof statement === 'string'
      ? await client.query<Row>(statement, values)
      : await client.query<Row>(statement as QueryConfig<unknown[]>);
  } catch (error) {
    throw toStoreError(error);
  } finally {
    client.release();
  }
}

/**
 * Runs `fn` in one transaction on one checked-out client: COMMIT when it resolves, ROLLBACK when it throws (the
 * error rethrown as a store error). Resolving means committed: with synchronous_commit on, durably.
 */
export async function transaction<T>(
  database: PostgresDatabase,
  fn: (client: PoolClient, began: Began) => Promise<T>,
  { deferBegin = false } = {},
): Promise<T> {
  const client = await checkOut(database);
  // A client whose ROLLBACK failed is in an unknown state (or its connection is gone): destroy it, don't pool it.
  let broken: Error | undefined;
  const began: Began = { sent: false };
  try {
    if (!deferBegin) {
      began.sent = true;
      await client.query('BEGIN');
    }
    const result = await fn(client, began);
    if (began.sent) await client.query('COMMIT');
    return result;
  } catch (error) {
    broken = await rollback(client);
    throw toStoreError(error);
  } finally {
    client.release(broken);
  }
}

/** Whether BEGIN was sent: with `deferBegin`, the caller sends it with its first statement. */
export interface Began {
  sent: boolean;
}

async function rollback(client: PoolClient): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
