// Sign-in sessions and one-time sign-in links: random tokens handed out, only their sha256 stored.
import Database from 'better-sqlite3';
import type { Store } from './db.ts';
import { NotFoundError } from './errors.ts';
import { type Reviewer, type ReviewerRow, reviewerColumns, toReviewer } from './reviewers.ts';
import { hashToken, nowIso, randomToken, statement } from './statements.ts';

// Both tables hold (token_hash, reviewer_id, created_at, expires_at); only the name differs.
type TokenTable = 'sessions' | 'sign_in_links';

function insertToken(db: Store, table: TokenTable, reviewerId: number, ttlMs: number): string {
  const token = randomToken();
  const now = new Date();
  try {
    statement(
      db,
      `INSERT INTO ${table} (token_hash, reviewer_id, created_at, expires_at)
       VALUES (:tokenHash, :reviewerId, :createdAt, :expiresAt)`,
    ).run({
      tokenHash: hashToken(token),
      reviewerId,
      createdAt: nowIso(now),
      expiresAt: nowIso(new Date(now.getTime() + ttlMs)),
    });
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new NotFoundError(`no reviewer with id ${reviewerId}`);
    }
    throw error;
  }
  return token;
}

/** Starts a session for the reviewer, valid for `ttlMs`; returns the token for the cookie (32 random bytes). */
export function createSession(db: Store, reviewerId: number, ttlMs: number): string {
  return insertToken(db, 'sessions', reviewerId, ttlMs);
}

/** The reviewer a session token belongs to, or undefined when the token is unknown or expired. */
export function findSessionReviewer(db: Store, token: string): Reviewer | undefined {
  return toReviewer(
    statement(
      db,
      `SELECT ${reviewerColumns} FROM sessions s JOIN reviewers r ON r.id = s.reviewer_id
       WHERE s.token_hash = :tokenHash AND s.expires_at > :now`,
    ).get({ tokenHash: hashToken(token), now: nowIso() }) as ReviewerRow | undefined,
  );
}

/** Ends a session (sign-out); an unknown token is no error. */
export function deleteSession(db: Store, token: string): void {
  statement(db, 'DELETE FROM sessions WHERE token_hash = :tokenHash').run({ tokenHash: hashToken(token) });
}

/** Removes expired sessions and sign-in links; returns how many rows went. */
export function deleteExpiredTokens(db: Store): number {
  const now = nowIso();
  return db.transaction(
    () =>
      statement(db, 'DELETE FROM sessions WHERE expires_at <= :now').run({ now }).changes +
      statement(db, 'DELETE FROM sign_in_links WHERE expires_at <= :now').run({ now }).changes,
  )();
}

/** Creates a one-time sign-in link token for the reviewer, valid for `ttlMs`. */
export function createSignInLink(db: Store, reviewerId: number, ttlMs: number): string {
  return insertToken(db, 'sign_in_links', reviewerId, ttlMs);
}

/** Uses up a sign-in link token: its reviewer id, or undefined when unknown or expired. Works once. */
export function consumeSignInLink(db: Store, token: string): number | undefined {
  // Deleting and reading in one statement: two requests racing with the same link cannot both get the row.
  const row = statement(
    db,
    'DELETE FROM sign_in_links WHERE token_hash = :tokenHash RETURNING reviewer_id AS reviewerId, expires_at AS expiresAt',
  ).get({ tokenHash: hashToken(token) }) as { reviewerId: number; expiresAt: string } | undefined;
  return row && row.expiresAt > nowIso() ? row.reviewerId : undefined;
}
