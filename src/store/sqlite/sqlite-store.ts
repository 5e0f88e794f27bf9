// The SQLite engine: one better-sqlite3 connection behind the Store interface, its statements prepared once.
import Database from 'better-sqlite3';
import { type ChangeListener, LocalChanges } from '../changes.ts';
import { ConflictError, NotFoundError, StoreError } from '../errors.ts';
import type { SqlParams, Store, Transaction } from '../sql.ts';
import { openSqliteFile } from './open.ts';

type Statement = Database.Statement<unknown[], unknown>;

// SQLite's constraint failures as the store's kinds, so that table modules handle one set of errors on both engines.
function storeErrorOf(error: unknown): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  const { code } = error;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return Object.assign(new ConflictError(error.message), { cause: error });
  // RAISE(ABORT) in a trigger: the append-only guard of verdicts.
  if (code === 'SQLITE_CONSTRAINT_TRIGGER') return Object.assign(new ConflictError(error.message), { cause: error });
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return Object.assign(new NotFoundError(error.message), { cause: error });
  if (code === 'SQLITE_CONSTRAINT_CHECK' || code === 'SQLITE_CONSTRAINT_NOTNULL')
    return new StoreError('invalid', error.message, { cause: error });
  // Anything else (a full disk, a read-only file) keeps its code: the layers above answer it as a server failure.
  return error;
}

/** The in-process change feed of a SQLite store: the first listener makes the store watch its revisions. */
class SqliteChanges extends LocalChanges {
  private readonly watch: () => Promise<void>;

  constructor(watch: () => Promise<void>) {
    super();
    this.watch = watch;
  }

  override async subscribe(articleId: string, listener: ChangeListener): Promise<() => void> {
    await this.watch();
    return this.add(articleId, listener);
  }
}

/**
 * A SQLite database file. better-sqlite3 is synchronous, so a statement outside a transaction runs at once; a
 * transaction's function may await between its statements, and statements of other callers then wait for its end,
 * so that none of them runs inside it by accident. Transactions run one after another (SQLite has one writer).
 */
export class SqliteStore implements Store {
  readonly engine = 'sqlite' as const;
  readonly location: string;
  /** The better-sqlite3 connection, for the engine's own work (pragmas, migrations) and SQLite-only tests. */
  readonly connection: Database.Database;
  private readonly statements = new Map<string, Statement>();
  private queue: Promise<unknown> = Promise.resolve();
  private inTransaction = false;
  private savepoints = 0;
  /** Committed changes of this process's writes, for live updates (another process's writes are not seen). */
  readonly changes = new SqliteChanges(() => this.watchRevisions());
  private watching: Promise<void> | undefined;
  /** Revisions bumped by the statements since the last commit, by article: told once committed. */
  private readonly pending = new Map<string, number>();

  private constructor(file: string, connection: Database.Database) {
    this.location = file;
    this.connection = connection;
  }

  /** Opens (creating if needed) the database file, sets its pragmas and brings its schema up to date. */
  static open(file: string): SqliteStore {
    return new SqliteStore(file, openSqliteFile(file));
  }

  get open(): boolean {
    return this.connection.open;
  }

  private prepare(sql: string): Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.connection.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  private execute<T>(op: () => T): T {
    try {
      return op();
    } catch (error) {
      throw storeErrorOf(error);
    }
  }

  // Statements of the transaction itself: run at once.
  private readonly direct: Transaction = {
    engine: 'sqlite',
    all: async <Row>(sql: string, params?: SqlParams) =>
      this.execute(() => (params ? this.prepare(sql).all(params) : this.prepare(sql).all()) as Row[]),
    get: async <Row>(sql: string, params?: SqlParams) =>
      this.execute(() => (params ? this.prepare(sql).get(params) : this.prepare(sql).get()) as Row | undefined),
    run: async (sql: string, params?: SqlParams) =>
      this.execute(() => (params ? this.prepare(sql).run(params) : this.prepare(sql).run()).changes),
    savepoint: async <T>(fn: () => Promise<T>) => {
      const name = `sp${++this.savepoints}`;
      this.connection.exec(`SAVEPOINT ${name}`);
      try {
        const result = await fn();
        this.connection.exec(`RELEASE ${name}`);
        return result;
      } catch (error) {
        this.connection.exec(`ROLLBACK TO ${name}`);
        this.connection.exec(`RELEASE ${name}`);
        throw error;
      }
    },
  };

  // Statements from outside: after the transaction in progress, if any. Each commits on its own, so what it
  // changed is told at once (or forgotten when it failed).
  private async outside<T>(op: () => Promise<T>): Promise<T> {
    while (this.inTransaction) await this.queue.catch(() => undefined);
    try {
      const result = await op();
      this.announce();
      return result;
    } catch (error) {
      this.pending.clear();
      throw error;
    }
  }

  /**
   * From the first listener on: a temporary trigger (this connection's only, no schema change) reports every bump of
   * an article's revision, which every write path makes, to `pending`; commits announce them.
   */
  private watchRevisions(): Promise<void> {
    this.watching ??= this.outside(async () => {
      this.connection.function('mtr_revision_bumped', (articleId: unknown, revision: unknown) => {
        this.pending.set(String(articleId), Number(revision));
        return null;
      });
      this.connection.exec(`CREATE TEMP TRIGGER IF NOT EXISTS mtr_live_changes
        AFTER UPDATE OF revision ON main.article_revisions
        BEGIN SELECT mtr_revision_bumped(NEW.article_id, NEW.revision); END`);
    });
    return this.watching;
  }

  private announce(): void {
    if (this.pending.size === 0) return;
    const changed = [...this.pending];
    this.pending.clear();
    for (const [articleId, revision] of changed) this.changes.publish({ articleId, revision });
  }

  all<Row>(sql: string, params?: SqlParams): Promise<Row[]> {
    return this.outside(() => this.direct.all<Row>(sql, params));
  }

  get<Row>(sql: string, params?: SqlParams): Promise<Row | undefined> {
    return this.outside(() => this.direct.get<Row>(sql, params));
  }

  run(sql: string, params?: SqlParams): Promise<number> {
    return this.outside(() => this.direct.run(sql, params));
  }

  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      this.inTransaction = true;
      try {
        // IMMEDIATE takes the write lock now: a transaction that reads then writes cannot be refused halfway.
        this.execute(() => this.connection.exec('BEGIN IMMEDIATE'));
        try {
          const result = await fn(this.direct);
          this.execute(() => this.connection.exec('COMMIT'));
          this.announce();
          return result;
        } catch (error) {
          if (this.connection.inTransaction) this.connection.exec('ROLLBACK');
          this.pending.clear();
          throw error;
        }
      } finally {
        this.inTransaction = false;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await this.changes.close();
    await this.queue.catch(() => undefined);
    if (this.connection.open) this.connection.close();
  }
}
