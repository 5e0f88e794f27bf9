// Prepared statements cached per database, plus the small helpers every table module shares.
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

type Db = Database.Database;
type Statement = Database.Statement<unknown[], unknown>;

// Preparing is the costly part of a query; caching by SQL text per connection means each statement is compiled once
// per database, and a closed database's cache goes away with it (WeakMap).
const cache = new WeakMap<Db, Map<string, Statement>>();

/** The prepared statement for `sql` on `db`, compiled on first use. */
export function statement(db: Db, sql: string): Statement {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let prepared = byText.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    byText.set(sql, prepared);
  }
  return prepared;
}

/** The current time as an ISO 8601 UTC string: sortable as text, readable in the database. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}

/** A new random secret: `bytes` bytes, base64url (URL- and cookie-safe). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The sha256 of a token, hex: what the database keeps, so a copy of the file grants no access. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
