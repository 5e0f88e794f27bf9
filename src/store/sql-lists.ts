// Lists bound as parameters, in the SQL both engines read: `IN (...)` lists and `VALUES (...), (...)` tables.
import type { SqlParams, SqlValue } from './sql.ts';

/**
 * How many places a list of `n` gets: the next power of two. The SQL text then takes one of a few shapes, each
 * prepared and planned once per connection, instead of one per length.
 */
function places(n: number): number {
  return n <= 1 ? 1 : 2 ** Math.ceil(Math.log2(n));
}

/**
 * Items a list or VALUES table binds at most: at the widest table (ten columns) far inside SQLite's 32,766
 * parameters, padded or not. A statement over more (a bulk action: thousands of edits in thousands of articles) runs
 * once per slice (`slices`).
 */
export const maxListRows = 256;

/** `items` in slices of at most maxListRows, in order. */
export function slices<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += maxListRows) out.push(items.slice(at, at + maxListRows));
  return out;
}

/** `(:p0, :p1, ...)` for an IN list and its parameters, padded with NULLs (which match nothing). */
export function inList(prefix: string, values: readonly SqlValue[]): { sql: string; params: SqlParams } {
  const padded = Array.from({ length: places(values.length) }, (_, i) => values[i] ?? null);
  const params = Object.fromEntries(padded.map((value, i) => [`${prefix}${i}`, value]));
  return {
    sql: `(${Object.keys(params)
      .map((key) => `:${key}`)
      .join(', ')})`,
    params,
  };
}

/**
 * `VALUES (...), (...)` of `rows`, a column per entry of `columns`: its columns are column1, column2, ... on both
 * engines. Padded with rows of NULLs, which the statement must leave out (a join or `WHERE column1 IS NOT NULL`). A
 * column typed 'integer' is cast, since PostgreSQL takes an untyped parameter in VALUES for text.
 */
export function valuesTable(
  prefix: string,
  columns: readonly ('text' | 'integer')[],
  rows: readonly (readonly SqlValue[])[],
): { sql: string; params: SqlParams } {
  const params: Record<string, SqlValue> = {};
  const tuples = Array.from({ length: places(rows.length) }, (_, r) => {
    const cells = columns.map((type, c) => {
      const name = `${prefix}${r}_${c}`;
      params[name] = rows[r]?.[c] ?? null;
      return type === 'integer' ? `CAST(:${name} AS INTEGER)` : `:${name}`;
    });
    return `(${cells.join(', ')})`;
  });
  return { sql: `VALUES ${tuples.join(', ')}`, params };
}
