// The interface every query runs through, whatever the engine: named parameters, rows as objects, transactions.
import type { ChangeFeed } from './changes.ts';

/** A value a statement can bind or return. */
export type SqlValue = string | number | null;

/** Named parameters: `:name` in the SQL text, `{ name: value }` here. */
export type SqlParams = Readonly<Record<string, SqlValue>>;

/**
 * Statements on an open store, or inside one of its transactions. The SQL is the subset both engines read alike
 * (named `:parameters`, `ON CONFLICT ... DO UPDATE`, `RETURNING`, CAST for sums), so one query serves both.
 */
export interface Sql {
  /** Every row the statement returns. */
  all<Row>(sql: string, params?: SqlParams): Promise<Row[]>;
  /** The first row, or undefined. */
  get<Row>(sql: string, params?: SqlParams): Promise<Row | undefined>;
  /** Runs a statement; resolves with the number of rows it changed. */
  run(sql: string, params?: SqlParams): Promise<number>;
}

/** Statements inside a transaction, which can also set a savepoint. */
export interface Transaction extends Sql {
  /** The engine it runs on, for the few writes with a faster form on one of them (same results on both). */
  readonly engine: EngineKind;
  /** Runs `fn` in a savepoint: when it throws, only its own writes are undone, and the error is rethrown. */
  savepoint<T>(fn: () => Promise<T>): Promise<T>;
}

/** Which engine holds the data: a SQLite file (the embedded default) or a PostgreSQL server. */
export type EngineKind = 'sqlite' | 'postgres';

/**
 * An open mt-review database. Every table module takes one (or the Transaction it opened) and names no driver: the
 * engines, in sqlite/ and postgres/, are the only code that does.
 */
export interface Store extends Sql {
  readonly engine: EngineKind;
  /** Where the data is, for messages: the file, or the URL with its password hidden. */
  readonly location: string;
  /** False once closed. */
  readonly open: boolean;
  /**
   * Committed changes per article, for live updates: on SQLite this process's writes, on PostgreSQL every
   * instance's (LISTEN/NOTIFY). Closed with the store.
   */
  readonly changes: ChangeFeed;
  /**
   * Runs `fn` in one transaction: committed when it resolves (durably: an acknowledged write is on disk), rolled back
   * when it throws. Writes of other callers wait; on SQLite the write lock is taken at the start.
   */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
