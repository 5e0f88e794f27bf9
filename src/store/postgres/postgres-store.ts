// The PostgreSQL engine: a pool behind the Store interface; the named parameters of the shared SQL made positional.
import type { ClientBase } from 'pg';
import type { SqlParams, SqlValue, Store, Transaction } from '../sql.ts';
import { PostgresChanges } from './changes.ts';
import { closePostgres, openPostgres, type PostgresDatabase, query, transaction } from './connection.ts';
import { toStoreError } from './errors.ts';
import { migrate } from './migrations.ts';

/** A statement rewritten for node-postgres: `$1...` in the text, and the parameter names in that order. */
interface Positional {
  text: string;
  names: string[];
  /** The prepared statement's name on each connection, for the statements worth preparing (not DDL). */
  prepared?: string;
}

// `:name` not preceded by a word character or a colon (so not `'check:x'` or a `::type` cast).
const namedParameter = /(?<![\w:]):([A-Za-z_]\w*)/g;

/** The shared SQL's `:name` parameters as PostgreSQL's `$n`, each name numbered once. */
export function toPositional(sql: string): Positional {
  const names: string[] = [];
  const text = sql.replace(namedParameter, (_, name: string) => {
    let index = names.indexOf(name);
    if (index === -1) index = names.push(name) - 1;
    return `$${index + 1}`;
  });
  return { text, names };
}

/** The values of `params` in the order the rewritten statement numbers them; a missing one is an error, as on SQLite. */
function valuesOf(statement: Positional, params: SqlParams | undefined): SqlValue[] {
  return statement.names.map((name) => {
    const value = params?.[name];
    if (value === undefined) throw new RangeError(`missing named parameter "${name}"`);
    return value;
  });
}

/** A PostgreSQL database reached through a pool: statements outside a transaction take any pooled connection. */
export class PostgresStore implements Store {
  readonly engine = 'postgres' as const;
  readonly location: string;
  /** The pool and its settings, for the engine's own work (LISTEN) and PostgreSQL-only tests. */
  readonly database: PostgresDatabase;
  /** Every instance's committed changes, heard through LISTEN once something subscribes. */
  readonly changes: PostgresChanges;
  private readonly statements = new Map<string, Positional>();
  private closed = false;

  private constructor(database: PostgresDatabase) {
    this.database = database;
    this.location = database.label;
    this.changes = new PostgresChanges(database);
  }

  /** Connects to `url` (failing in one line that names it, password hidden) and brings the schema up to date. */
  static async open(url: string, options: { maxConnections?: number } = {}): Promise<PostgresStore> {
    const database = await openPostgres(url, options);
    try {
      await migrate(database);
    } catch (error) {
      await closePostgres(database);
      throw error;
    }
    return new PostgresStore(database);
  }

  get open(): boolean {
    return !this.closed;
  }

  private positional(sql: string): Positional {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = toPositional(sql);
      // Prepared once per connection, then only bound and run: the store's few hundred statements run thousands of
      // times, and parsing and planning each time was a good part of a query's cost.
      if (/^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(sql)) statement.prepared = `mtr_${this.statements.size}`;
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private async rows(client: ClientBase | undefined, sql: string, params?: SqlParams) {
    const statement = this.positional(sql);
    const values = valuesOf(statement, params);
    const config = { text: statement.text, values, ...(statement.prepared ? { name: statement.prepared } : {}) };
    if (!client) return query(this.database, config);
    try {
      return await client.query(config);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  private on(client: ClientBase | undefined) {
    return {
      all: async <Row>(sql: string, params?: SqlParams) => (await this.rows(client, sql, params)).rows as Row[],
      get: async <Row>(sql: string, params?: SqlParams) =>
        (await this.rows(client, sql, params)).rows[0] as Row | undefined,
      run: async (sql: string, params?: SqlParams) => (await this.rows(client, sql, params)).rowCount ?? 0,
    };
  }

  private readonly pooled = this.on(undefined);

  all<Row>(sql: string, params?: SqlParams): Promise<Row[]> {
    return this.pooled.all<Row>(sql, params);
  }

  get<Row>(sql: string, params?: SqlParams): Promise<Row | undefined> {
    return this.pooled.get<Row>(sql, params);
  }

  run(sql: string, params?: SqlParams): Promise<number> {
    return this.pooled.run(sql, params);
  }

  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    return transaction(this.database, (client) => {
      let savepoints = 0;
      const tx: Transaction = {
        engine: 'postgres',
        ...this.on(client),
        savepoint: async <S>(inner: () => Promise<S>) => {
          const name = `sp${++savepoints}`;
          await client.query(`SAVEPOINT ${name}`);
          try {
            const result = await inner();
            await client.query(`RELEASE SAVEPOINT ${name}`);
            return result;
          } catch (error) {
            await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
            throw error;
          }
        },
      };
      return fn(tx);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.changes.close();
    await closePostgres(this.database);
  }
}
