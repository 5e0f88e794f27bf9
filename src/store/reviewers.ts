// The reviewers table: accounts with a name, a scrypt password hash, a role, and a time they were disabled at.
import { isRole, type Role } from '../review/roles.ts';
import { ConflictError, StoreError } from './errors.ts';
import { passwordProblem } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { findLookAlike, normalizeReviewerName, reviewerNameProblem } from './reviewer-names.ts';
import type { Sql, Store } from './sql.ts';
import { nowIso } from './values.ts';

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
export const reviewerColumns = 'r.id, r.name, r.role, r.created_at AS "createdAt", r.disabled_at AS "disabledAt"';

/** The reviewer's own fields of a row selected with `reviewerColumns` (and maybe more); undefined stays undefined. */
export function toReviewer(row: unknown): Reviewer | undefined {
  if (row === undefined) return undefined;
  const { id, name, role, createdAt, disabledAt } = row as Reviewer;
  return { id, name, role, createdAt, disabledAt };
}

/**
 * The key a name is looked up and kept unique by: NFKC-normalised, ASCII letters lower-cased (as SQLite's NOCASE
 * does), kept in its own column so that both engines compare names alike and by an index.
 */
export function reviewerNameKey(name: string): string {
  return normalizeReviewerName(name).replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

// The name a new account may not have: its own rule, a name taken (ignoring case) or one it looks like.
async function nameConflict(db: Sql, name: string): Promise<ConflictError | undefined> {
  const names = (await db.all<{ name: string }>('SELECT name FROM reviewers')).map((row) => row.name);
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
  store: Store,
  rawName: string,
  password: string,
  options: { role?: Role } = {},
): Promise<Reviewer> {
  const name = normalizeReviewerName(rawName);
  const role = options.role ?? 'reviewer';
  // A look-alike first: "bоss" beside "boss" is better told as such than as a name mixing two scripts.
  const early = await nameConflict(store, name);
  if (early) throw early;
  const problem = reviewerNameProblem(name) ?? (isRole(role) ? undefined : `unknown role "${role}"`);
  if (problem) throw new StoreError('invalid', problem);
  const weakness = await passwordProblem(password, name);
  if (weakness) throw new StoreError('invalid', weakness);
  const passwordHash = await hashPassword(password);
  try {
    // Checked again with the insert, in one transaction: another request may have taken a look-alike meanwhile.
    const id = await store.transaction(async (tx) => {
      const conflict = await nameConflict(tx, name);
      if (conflict) throw conflict;
      const row = await tx.get<{ id: number }>(
        `INSERT INTO reviewers (name, name_key, password_hash, role, created_at)
         VALUES (:name, :nameKey, :passwordHash, :role, :createdAt) RETURNING id`,
        { name, nameKey: reviewerNameKey(name), passwordHash, role, createdAt: nowIso() },
      );
      return (row as { id: number }).id;
    });
    return (await getReviewer(store, id)) as Reviewer;
  } catch (error) {
    // Another server may have taken the name exactly: the unique index says so (a driver error is the cause).
    if (error instanceof ConflictError && error.cause !== undefined) {
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
export async function verifyReviewerPassword(db: Sql, name: string, password: string): Promise<Reviewer | undefined> {
  const row = await db.get<{ id: number; passwordHash: string }>(
    'SELECT id, password_hash AS "passwordHash" FROM reviewers WHERE name_key = :nameKey',
    { nameKey: reviewerNameKey(name) },
  );
  decoyHash ??= hashPassword('decoy password for unknown reviewers');
  const matches = await verifyPassword(password, row ? row.passwordHash : await decoyHash);
  return row && matches ? getReviewer(db, row.id) : undefined;
}

/** How many reviewers exist (0 on a first start, when the server creates an admin). */
export async function countReviewers(db: Sql): Promise<number> {
  return ((await db.get<{ n: number }>('SELECT count(*) AS n FROM reviewers')) as { n: number }).n;
}

/** Every reviewer, disabled ones included, by name. */
export function listReviewers(db: Sql): Promise<Reviewer[]> {
  return db.all<Reviewer>(`SELECT ${reviewerColumns} FROM reviewers r ORDER BY r.name_key`);
}

/** The reviewer with this id, or undefined. */
export async function getReviewer(db: Sql, id: number): Promise<Reviewer | undefined> {
  return toReviewer(await db.get(`SELECT ${reviewerColumns} FROM reviewers r WHERE r.id = :id`, { id }));
}

/** The reviewer with this name (NFKC-normalised, ASCII letters in any case), or undefined. */
export async function findReviewerByName(db: Sql, name: string): Promise<Reviewer | undefined> {
  return toReviewer(
    await db.get(`SELECT ${reviewerColumns} FROM reviewers r WHERE r.name_key = :nameKey`, {
      nameKey: reviewerNameKey(name),
    }),
  );
}
