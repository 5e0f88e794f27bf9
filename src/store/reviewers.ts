// The reviewers table: accounts with a name, a scrypt password hash and an admin flag.
import Database from 'better-sqlite3';
import type { Store } from './db.ts';
import { ConflictError, StoreError } from './errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { nowIso, statement } from './statements.ts';

/** A reviewer account as the rest of the code sees it: never with its password hash. */
export interface Reviewer {
  id: number;
  name: string;
  isAdmin: boolean;
  createdAt: string;
}

/** A reviewer row as selected by `reviewerColumns` (SQLite has no booleans). */
export interface ReviewerRow {
  id: number;
  name: string;
  isAdmin: number;
  createdAt: string;
}

/** The columns that make a `ReviewerRow`, for queries on `reviewers r`. */
export const reviewerColumns = 'r.id, r.name, r.is_admin AS isAdmin, r.created_at AS createdAt';

const namePattern = /^[\p{L}\p{Nd}._-]{1,40}$/u;

/** True when `name` is 1 to 40 letters, digits, dots, underscores or hyphens. */
export function isValidReviewerName(name: string): boolean {
  return namePattern.test(name);
}

/** Turns a selected row into a `Reviewer`; undefined stays undefined. */
export function toReviewer(row: ReviewerRow | undefined): Reviewer | undefined {
  return row && { id: row.id, name: row.name, isAdmin: row.isAdmin === 1, createdAt: row.createdAt };
}

/** Creates a reviewer; a bad name, an empty password or a taken name (case-insensitive) is a StoreError. */
export async function createReviewer(
  db: Store,
  name: string,
  password: string,
  options: { admin?: boolean } = {},
): Promise<Reviewer> {
  if (!isValidReviewerName(name)) {
    throw new StoreError('invalid', `reviewer name "${name}" must be 1-40 letters, digits, ".", "_" or "-"`);
  }
  if (password.length === 0) throw new StoreError('invalid', 'the password must not be empty');
  if (findReviewerByName(db, name)) throw new ConflictError(`a reviewer named "${name}" already exists`);
  const passwordHash = await hashPassword(password);
  try {
    const info = statement(
      db,
      `INSERT INTO reviewers (name, password_hash, is_admin, created_at)
       VALUES (:name, :passwordHash, :isAdmin, :createdAt)`,
    ).run({ name, passwordHash, isAdmin: options.admin ? 1 : 0, createdAt: nowIso() });
    return getReviewer(db, Number(info.lastInsertRowid)) as Reviewer;
  } catch (error) {
    // Another request may have taken the name while the hash was being computed.
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new ConflictError(`a reviewer named "${name}" already exists`);
    }
    throw error;
  }
}

// Hashed once, on first need: checking a password for an unknown name against it costs as much as for a known one,
// so response time does not tell which names exist.
let decoyHash: Promise<string> | undefined;

/** The reviewer when `name` exists and `password` is theirs, else undefined; the same cost either way. */
export async function verifyReviewerPassword(db: Store, name: string, password: string): Promise<Reviewer | undefined> {
  const row = statement(db, 'SELECT id, password_hash AS passwordHash FROM reviewers WHERE name = :name').get({
    name,
  }) as { id: number; passwordHash: string } | undefined;
  decoyHash ??= hashPassword('decoy password for unknown reviewers');
  const matches = await verifyPassword(password, row ? row.passwordHash : await decoyHash);
  return row && matches ? getReviewer(db, row.id) : undefined;
}

/** How many reviewers exist (0 on a first start, when the server creates an admin). */
export function countReviewers(db: Store): number {
  return (statement(db, 'SELECT count(*) AS n FROM reviewers').get() as { n: number }).n;
}

/** The reviewer with this id, or undefined. */
export function getReviewer(db: Store, id: number): Reviewer | undefined {
  return toReviewer(
    statement(db, `SELECT ${reviewerColumns} FROM reviewers r WHERE r.id = :id`).get({ id }) as ReviewerRow | undefined,
  );
}

/** The reviewer with this name (case-insensitive), or undefined. */
export function findReviewerByName(db: Store, name: string): Reviewer | undefined {
  return toReviewer(
    statement(db, `SELECT ${reviewerColumns} FROM reviewers r WHERE r.name = :name`).get({ name }) as
      | ReviewerRow
      | undefined,
  );
}
