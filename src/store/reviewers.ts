// The reviewers table: accounts with a name, a scrypt password hash, a role, and a time they were disabled at.
import Database from 'better-sqlite3';
import { isRole, type Role } from '../review/roles.ts';
import type { Store } from './db.ts';
import { ConflictError, StoreError } from './errors.ts';
import { passwordProblem } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { findLookAlike, normalizeReviewerName, reviewerNameProblem } from './reviewer-names.ts';
import { nowIso, statement } from './statements.ts';

/** A reviewer account as the rest of the code sees it: never with its password hash. */
export interface Reviewer {
  id: number;
  name: string;
  role: Role;
  createdAt: string;
  /** When an admin disabled the account (it can then neither sign in nor use a token), or null. */
  disabledAt: string | null;
}

/** The columns that make a `Reviewer`, for queries on `reviewers r`. */
export const reviewerColumns = 'r.id, r.name, r.role, r.created_at AS createdAt, r.disabled_at AS disabledAt';

/** The reviewer's own fields of a row selected with `reviewerColumns` (and maybe more); undefined stays undefined. */
export function toReviewer(row: unknown): Reviewer | undefined {
  if (row === undefined) return undefined;
  const { id, name, role, createdAt, disabledAt } = row as Reviewer;
  return { id, name, role, createdAt, disabledAt };
}

// The name a new account may not have: its own rule, a name taken (ignoring case) or one it looks like.
function nameConflict(db: Store, name: string): ConflictError | undefined {
  const names = (statement(db, 'SELECT name FROM reviewers').all() as { name: string }[]).map((row) => row.name);
  const existing = findLookAlike(name, names);
  if (existing === undefined) return undefined;
  return new ConflictError(
    existing.toLowerCase() === name.toLowerCase()
      ? `a reviewer named "${existing}" already exists`
      : `the name "${name}" looks like the existing reviewer "${existing}": choose another`,
  );
}

/**
 * Creates a reviewer (role `reviewer` unless given). The name is stored NFKC-normalised; a name outside the rule,
 * a password the policy refuses (see password-policy.ts) or an unknown role is a StoreError 'invalid'; a name taken
 * or looking like one taken is a ConflictError.
 */
export async function createReviewer(
  db: Store,
  rawName: string,
  password: string,
  options: { role?: Role } = {},
): Promise<Reviewer> {
  const name = normalizeReviewerName(rawName);
  const role = options.role ?? 'reviewer';
  // A look-alike first: "bоss" beside "boss" is better told as such than as a name mixing two scripts.
  const early = nameConflict(db, name);
  if (early) throw early;
  const problem = reviewerNameProblem(name) ?? (isRole(role) ? undefined : `unknown role "${role}"`);
  if (problem) throw new StoreError('invalid', problem);
  const weakness = await passwordProblem(password, name);
  if (weakness) throw new StoreError('invalid', weakness);
  const passwordHash = await hashPassword(password);
  // Checked again with the insert, in one transaction: another request may have taken a look-alike meanwhile.
  const insert = db.transaction(() => {
    const conflict = nameConflict(db, name);
    if (conflict) throw conflict;
    return statement(
      db,
      `INSERT INTO reviewers (name, password_hash, role, created_at) VALUES (:name, :passwordHash, :role, :createdAt)`,
    ).run({ name, passwordHash, role, createdAt: nowIso() }).lastInsertRowid;
  });
  try {
    return getReviewer(db, Number(insert.immediate())) as Reviewer;
  } catch (error) {
    // Another process may have taken the name exactly (the unique index says so).
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new ConflictError(`a reviewer named "${name}" already exists`);
    }
    throw error;
  }
}

// Hashed once, on first need: checking a password for an unknown name against it costs as much as for a known one,
// so response time does not tell which names exist.
let decoyHash: Promise<string> | undefined;

/**
 * The reviewer when `name` exists and `password` is theirs, else undefined; the same cost either way. A disabled
 * reviewer is returned too (with `disabledAt`): the caller refuses them, and may say why.
 */
export async function verifyReviewerPassword(db: Store, name: string, password: string): Promise<Reviewer | undefined> {
  const row = statement(db, 'SELECT id, password_hash AS passwordHash FROM reviewers WHERE name = :name').get({
    name: normalizeReviewerName(name),
  }) as { id: number; passwordHash: string } | undefined;
  decoyHash ??= hashPassword('decoy password for unknown reviewers');
  const matches = await verifyPassword(password, row ? row.passwordHash : await decoyHash);
  return row && matches ? getReviewer(db, row.id) : undefined;
}

/** How many reviewers exist (0 on a first start, when the server creates an admin). */
export function countReviewers(db: Store): number {
  return (statement(db, 'SELECT count(*) AS n FROM reviewers').get() as { n: number }).n;
}

/** Every reviewer, disabled ones included, by name. */
export function listReviewers(db: Store): Reviewer[] {
  return statement(db, `SELECT ${reviewerColumns} FROM reviewers r ORDER BY r.name`).all() as Reviewer[];
}

/** The reviewer with this id, or undefined. */
export function getReviewer(db: Store, id: number): Reviewer | undefined {
  return toReviewer(statement(db, `SELECT ${reviewerColumns} FROM reviewers r WHERE r.id = :id`).get({ id }));
}

/** The reviewer with this name (NFKC-normalised, ASCII letters in any case), or undefined. */
export function findReviewerByName(db: Store, name: string): Reviewer | undefined {
  return toReviewer(
    statement(db, `SELECT ${reviewerColumns} FROM reviewers r WHERE r.name = :name`).get({
      name: normalizeReviewerName(name),
    }),
  );
}
