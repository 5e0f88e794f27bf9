// The PostgreSQL engine: a pool behind the Store interface; the named parameters of the shared SQL made positional.
import type { ClientBase, QueryResult } from 'pg';
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

/**
 * `sql` with its named parameters written in as literals, for the simple protocol (which takes several statements in
 * one message but no parameters): each value as the driver escapes a string literal, a type-less literal that the
 * statement types from where it stands, as it would an untyped parameter; null as NULL.
 */
function inlined(sql: string, params: SqlParams | undefined, client: ClientBase): string {
  return sql.replace(namedParameter, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new RangeError(`missing named parameter "${name}"`);
    return value === null ? 'NULL' : client.escapeLiteral(String(value));
  });
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
    return transaction(
      this.database,
      (client, began) => {
        let savepoints = 0;
        const on = this.on(client);
        // BEGIN goes with the transaction's first statement, in one message of the simple protocol: one round trip
        // instead of two (a batch of verdicts is BEGIN, one call and COMMIT, and under load each round trip waits
        // its turn on a busy event loop). A value holding NUL cannot be written in (the message would end there):
        // that statement goes bound after a BEGIN of its own, and fails as a bound one does.
        const first = async (sql: string, params: SqlParams | undefined): Promise<QueryResult> => {
          began.sent = true;
          if (Object.values(params ?? {}).some((value) => typeof value === 'string' && value.includes('\u0000'))) {
            await client.query('BEGIN');
            return this.rows(client, sql, params);
          }
          const text = `BEGIN;\n${inlined(sql, params, client)}`;
          try {
            // Several statements answer with a result each: the statement's is the second.
            return ((await client.query(text)) as unknown as QueryResult[])[1] as QueryResult;
          } catch (error) {
            throw toStoreError(error);
          }
        };
        const tx: Transaction = {
          engine: 'postgres',
          all: async <Row>(sql: string, params?: SqlParams) =>
            began.sent ? on.all<Row>(sql, params) : ((await first(sql, params)).rows as Row[]),
          get: async <Row>(sql: string, params?: SqlParams) =>
            began.sent ? on.get<Row>(sql, params) : ((await first(sql, params)).rows[0] as Row | undefined),
          run: async (sql: string, params?: SqlParams) =>
            began.sent ? on.run(sql, params) : ((await first(sql, params)).rowCount ?? 0),
          savepoint: async <S>(inner: () => Promise<S>) => {
            if (!began.sent) {
              began.sent = true;
              await client.query('BEGIN');
            }
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
      },
      { deferBegin: true },
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.changes.close();
    await closePostgres(this.database);
  }
}
