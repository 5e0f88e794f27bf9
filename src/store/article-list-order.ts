// The article list's order as a tuple of sort keys, the keyset condition that starts a page after a row, its cursor.
import type { EngineKind } from './sql.ts';

/** What the list is sorted by: a date (which one is the query's `date`), or progress (the share of decided edits). */
export type ListSort = 'date' | 'progress';
/** Which date the list shows, sorts and filters by. */
export type ListDate = 'published' | 'imported';
/** Ascending or descending. */
export type ListOrder = 'asc' | 'desc';

/** The order a page is in: with `mineFirst`, the viewer's assigned articles come before the others. */
export interface ListOrdering {
  sort: ListSort;
  date: ListDate;
  order: ListOrder;
  mineFirst: boolean;
}

/** One sort key: its SQL over `a` (articles) and `r` (article_review), its direction, and the type of its values. */
interface SortKey {
  sql: string;
  dir: ListOrder;
  type: 'number' | 'text';
}

/** The values of a row's sort keys, in key order: where the next page starts. */
export type KeyValues = (string | number)[];

// Undated articles come last either way: '' sorts below every date, and this sorts above every one.
const afterEveryDate = '9999-99-99';

/** Decided edits per thousand (integer division on both engines, so equal progress compares equal). */
export const progressSql = 'CASE WHEN r.edits = 0 THEN 1000 ELSE ((r.edits - r.undecided) * 1000) / r.edits END';

/** The sort keys of an ordering, ending with the article id, which makes every row's tuple unique. */
export function sortKeys(ordering: ListOrdering): SortKey[] {
  const keys: SortKey[] = [];
  if (ordering.mineFirst) {
    keys.push({
      sql: 'CASE WHEN EXISTS (SELECT 1 FROM assignments m WHERE m.article_id = a.id AND m.reviewer_id = :viewer) THEN 0 ELSE 1 END',
      dir: 'asc',
      type: 'number',
    });
  }
  const { order } = ordering;
  if (ordering.sort === 'progress') keys.push({ sql: progressSql, dir: order, type: 'number' });
  else if (ordering.date === 'imported') keys.push({ sql: 'a.imported_at', dir: order, type: 'text' });
  else {
    const missing = order === 'desc' ? "''" : `'${afterEveryDate}'`;
    keys.push({ sql: `COALESCE(a.published, ${missing})`, dir: order, type: 'text' });
  }
  keys.push({ sql: 'a.id', dir: 'asc', type: 'text' });
  return keys;
}

// Text keys compare byte by byte on both engines: a PostgreSQL database in a language's collation would otherwise
// order ids (and so pages) differently from SQLite.
const collated = (engine: EngineKind, key: SortKey, sql: string) =>
  key.type === 'text' && engine === 'postgres' ? `${sql} COLLATE "C"` : sql;

/** ORDER BY over the derived columns k0, k1, ... of the list's inner query. */
export function orderBySql(engine: EngineKind, keys: readonly SortKey[]): string {
  return keys.map((key, i) => `${collated(engine, key, `t.k${i}`)} ${key.dir.toUpperCase()}`).join(', ');
}

/**
 * The rows after `after` in the order of `keys`: (k0 > c0) OR (k0 = c0 AND k1 > c1) OR ..., each comparison turned
 * for descending keys. The parameters are `c0`, `c1`, ...
 */
export function afterSql(engine: EngineKind, keys: readonly SortKey[]): string {
  const terms = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => `${collated(engine, k, `t.k${j}`)} = :c${j}`);
    const beyond = `${collated(engine, key, `t.k${i}`)} ${key.dir === 'asc' ? '>' : '<'} :c${i}`;
    return `(${[...equal, beyond].join(' AND ')})`;
  });
  return `(${terms.join(' OR ')})`;
}

/** A signature of the ordering, carried in the cursor, so that a cursor from another order is refused. */
const signatureOf = (o: ListOrdering) => `${o.sort}.${o.date}.${o.order}.${o.mineFirst ? 1 : 0}`;

/** The opaque cursor of the page after a row: the ordering's signature and the row's key values, base64url JSON. */
export function encodeCursor(ordering: ListOrdering, values: KeyValues): string {
  return Buffer.from(JSON.stringify([signatureOf(ordering), ...values])).toString('base64url');
}

/** The key values a cursor carries, or undefined when it is not one of this ordering's cursors. */
export function decodeCursor(ordering: ListOrdering, cursor: string): KeyValues | undefined {
  if (cursor.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const keys = sortKeys(ordering);
  if (!Array.isArray(parsed) || parsed.length !== keys.length + 1 || parsed[0] !== signatureOf(ordering)) {
    return undefined;
  }
  const values = parsed.slice(1) as unknown[];
  const fits = keys.every((key, i) =>
    key.type === 'number' ? Number.isSafeInteger(values[i]) : typeof values[i] === 'string',
  );
  return fits ? (values as KeyValues) : undefined;
}
