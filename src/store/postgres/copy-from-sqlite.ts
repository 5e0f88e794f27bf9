// Moving a newsroom: every row of a SQLite store copied into a PostgreSQL one in one transaction, then verified.
import { createHash } from 'node:crypto';
import { StoreError } from '../errors.ts';
import type { SqlValue, Store, Transaction } from '../sql.ts';

/** A table as the copy sees it: its columns (the source's, in order) and its primary key. */
interface TableShape {
  name: string;
  columns: string[];
  primaryKey: string[];
}

/** One table's figures after the copy: rows and checksum on each side. */
export interface TableCheck {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceChecksum: string;
  targetChecksum: string;
  ok: boolean;
}

/** What the copy did. */
export interface CopyReport {
  tables: TableCheck[];
  rows: number;
  ok: boolean;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function sqliteTables(source: Store): Promise<TableShape[]> {
  const all = await source.all<{ name: string; sql: string | null }>(
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
  );
  // SQLite's own search index (an FTS5 table, its shadow tables, and article_search_keys beside them) is derived from
  // the articles by triggers; PostgreSQL searches through an index of its own, so none of it is copied.
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  const names = all.filter(({ name }) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
  const shapes: TableShape[] = [];
  for (const { name } of names) {
    const columns = await source.all<{ name: string; pk: number }>(
      'SELECT name, pk FROM pragma_table_info(:table) ORDER BY cid',
      { table: name },
    );
    shapes.push({
      name,
      columns: columns.map((c) => c.name),
      primaryKey: columns
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
    });
  }
  return shapes;
}

/** The tables in an order where each comes after the tables its foreign keys name. */
async function inDependencyOrder(source: Store, tables: TableShape[]): Promise<TableShape[]> {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const needs = new Map<string, Set<string>>();
  for (const table of tables) {
    const keys = await source.all<{ table: string }>('SELECT "table" FROM pragma_foreign_key_list(:table)', {
      table: table.name,
    });
    needs.set(table.name, new Set(keys.map((k) => k.table).filter((t) => t !== table.name && byName.has(t))));
  }
  const ordered: TableShape[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t.name) && [...(needs.get(t.name) ?? [])].every((n) => placed.has(n)),
    );
    if (ready.length === 0) throw new StoreError('invalid', 'the tables\u2019 foreign keys form a cycle');
    for (const table of ready) {
      ordered.push(table);
      placed.add(table.name);
    }
  }
  return ordered;
}

async function targetColumns(target: Store): Promise<Map<string, Set<string>>> {
  const rows = await target.all<{ table: string; column: string }>(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
     WHERE table_schema = current_schema()`,
  );
  const columns = new Map<string, Set<string>>();
  for (const row of rows) {
    let set = columns.get(row.table);
    if (!set) {
      set = new Set();
      columns.set(row.table, set);
    }
    set.add(row.column);
  }
  return columns;
}

/** Tables of `target` that hold rows (of those the source has). */
export async function nonEmptyTables(target: Store, tables: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of tables) {
    if (await target.get(`SELECT 1 AS one FROM ${quote(table)} LIMIT 1`)) found.push(table);
  }
  return found;
}

const pageSize = 500;

/** Every row of a table, a page at a time, in primary key order (all columns' where there is none). */
async function* rowsOf(store: Store, table: TableShape): AsyncGenerator<Record<string, SqlValue>[]> {
  const order = (table.primaryKey.length > 0 ? table.primaryKey : table.columns).map(quote).join(', ');
  const columns = table.columns.map(quote).join(', ');
  for (let offset = 0; ; offset += pageSize) {
    const page = await store.all<Record<string, SqlValue>>(
      `SELECT ${columns} FROM ${quote(table.name)} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${offset}`,
    );
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
  }
}

async function insertPage(tx: Transaction, table: TableShape, rows: Record<string, SqlValue>[]): Promise<void> {
  const params: Record<string, SqlValue> = {};
  const tuples = rows.map((row, r) => {
    const names = table.columns.map((column, c) => {
      const name = `r${r}c${c}`;
      params[name] = row[column] ?? null;
      return `:${name}`;
    });
    return `(${names.join(', ')})`;
  });
  await tx.run(
    `INSERT INTO ${quote(table.name)} (${table.columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`,
    params,
  );
}

/**
 * Row count and an order-free checksum of a table: the XOR of a SHA-256 of each row's values as JSON (every table
 * has a primary key, so no two rows are equal and cancel out). Numbers and text read alike from both engines.
 */
async function checksum(store: Store, table: TableShape): Promise<{ rows: number; checksum: string }> {
  const sum = Buffer.alloc(32);
  let rows = 0;
  for await (const page of rowsOf(store, table)) {
    for (const row of page) {
      const digest = createHash('sha256')
        .update(JSON.stringify(table.columns.map((c) => row[c] ?? null)))
        .digest();
      for (let i = 0; i < 32; i++) sum[i] = (sum[i] as number) ^ (digest[i] as number);
      rows++;
    }
  }
  return { rows, checksum: sum.toString('hex') };
}

/** Counts and checksums of every table on both sides. */
export async function verifyCopy(source: Store, target: Store, tables: TableShape[]): Promise<CopyReport> {
  const checks: TableCheck[] = [];
  for (const table of tables) {
    const [from, to] = [await checksum(source, table), await checksum(target, table)];
    checks.push({
      table: table.name,
      sourceRows: from.rows,
      targetRows: to.rows,
      sourceChecksum: from.checksum,
      targetChecksum: to.checksum,
      ok: from.rows === to.rows && from.checksum === to.checksum,
    });
  }
  return {
    tables: checks,
    rows: checks.reduce((n, c) => n + c.sourceRows, 0),
    ok: checks.every((c) => c.ok),
  };
}

/**
 * Copies every row of the SQLite store `source` into the PostgreSQL store `target` (both at the same schema), in one
 * transaction: a failure leaves the target as it was. Ids are kept, and the identity sequences moved past them. The
 * target's own triggers are off meanwhile (revisions, review rows, append-only guards: the rows arrive as they were),
 * which needs the tables' owner, as the migrations do. With `replace`, what the target held is removed first;
 * otherwise a target with rows is refused. Then counts and checksums of every table are compared.
 */
export async function copySqliteToPostgres(
  source: Store,
  target: Store,
  options: { replace?: boolean; log?: (line: string) => void } = {},
): Promise<CopyReport> {
  if (source.engine !== 'sqlite' || target.engine !== 'postgres') {
    throw new StoreError('invalid', 'the copy goes from a SQLite file to a PostgreSQL database');
  }
  const tables = await inDependencyOrder(source, await sqliteTables(source));
  const columns = await targetColumns(target);
  for (const table of tables) {
    const there = columns.get(table.name);
    if (!there) throw new StoreError('invalid', `${target.location} has no table ${table.name}: is it up to date?`);
    const missing = table.columns.filter((c) => !there.has(c));
    if (missing.length > 0) {
      throw new StoreError('invalid', `${target.location}: table ${table.name} has no column ${missing.join(', ')}`);
    }
  }
  const names = tables.map((t) => t.name);
  // Opening a store writes its settings (the outcomes' version): a target that holds nothing else is empty.
  const holding = await nonEmptyTables(
    target,
    names.filter((name) => name !== 'settings'),
  );
  if (holding.length > 0 && !options.replace) {
    throw new StoreError(
      'conflict',
      `${target.location} is not empty (${holding.join(', ')} hold rows): pass --replace to replace its data`,
    );
  }
  const all = names.map(quote).join(', ');
  await target.transaction(async (tx) => {
    for (const name of names) await tx.run(`ALTER TABLE ${quote(name)} DISABLE TRIGGER USER`);
    if (holding.length > 0) await tx.run(`TRUNCATE ${all} RESTART IDENTITY`);
    else if (names.includes('settings')) await tx.run('DELETE FROM settings');
    for (const table of tables) {
      let copied = 0;
      const batch = Math.max(1, Math.floor(30_000 / table.columns.length));
      for await (const page of rowsOf(source, table)) {
        for (let at = 0; at < page.length; at += batch) await insertPage(tx, table, page.slice(at, at + batch));
        copied += page.length;
      }
      options.log?.(`${table.name}: ${copied} row(s)`);
    }
    // Identity columns keep the copied ids: the next id the database gives must come after them.
    const identities = await tx.all<{ table: string; column: string }>(
      `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
       WHERE table_schema = current_schema() AND is_identity = 'YES'`,
    );
    for (const { table, column } of identities.filter((i) => names.includes(i.table))) {
      await tx.get(
        `SELECT setval(pg_get_serial_sequence(:table, :column), COALESCE(max(${quote(column)}), 0) + 1, false)
         FROM ${quote(table)}`,
        { table: quote(table), column },
      );
    }
    for (const name of names) await tx.run(`ALTER TABLE ${quote(name)} ENABLE TRIGGER USER`);
  });
  return verifyCopy(source, target, tables);
}
