// Sign-in sessions and one-time sign-in links: random tokens handed out, only their sha256 stored. A session ends at
// its maximum age, after an idle time without requests, or when its reviewer is disabled.
import { NotFoundError } from './errors.ts';
import { type Reviewer, reviewerColumns, toReviewer } from './reviewers.ts';
import type { Sql, SqlParams, Store } from './sql.ts';
import { hashToken, nowIso, randomToken } from './values.ts';

/** How long a session lasts without a request before it ends. */
export const defaultSessionIdleMs = 12 * 3600 * 1000;

// last_seen_at only has to be right to the minute for a limit of hours. Writing it on every request would add a
// synced commit to each one (synchronous=FULL), so it is refreshed at most once a minute.
const lastSeenResolutionMs = 60_000;

const ago = (now: Date, ms: number) => nowIso(new Date(now.getTime() - ms));

// A reviewer id that does not exist is the caller's mistake, said as such rather than as a constraint failure.
async function insertForReviewer(db: Sql, reviewerId: number, sql: string, values: SqlParams): Promise<void> {
  try {
    await db.run(sql, { reviewerId, ...values });
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError(`no reviewer with id ${reviewerId}`);
    throw error;
  }
}

/** Starts a session for the reviewer, valid for `ttlMs` at most; returns the token for the cookie (32 random bytes). */
export async function createSession(db: Sql, reviewerId: number, ttlMs: number): Promise<string> {
  const token = randomToken();
  const now = new Date();
  await insertForReviewer(
    db,
    reviewerId,
    `INSERT INTO sessions (token_hash, reviewer_id, created_at, expires_at, last_seen_at)
     VALUES (:tokenHash, :reviewerId, :now, :expiresAt, :now)`,
    { tokenHash: hashToken(token), now: nowIso(now), expiresAt: nowIso(new Date(now.getTime() + ttlMs)) },
  );
  return token;
}

/**
 * The reviewer a session token belongs to, or undefined when the token is unknown, past its maximum age, idle for
 * `idleMs` or more, or its reviewer is disabled. Notes the request as the session's last activity.
 */
export async function findSessionReviewer(
  db: Sql,
  token: string,
  idleMs = defaultSessionIdleMs,
): Promise<Reviewer | undefined> {
  const now = new Date();
  const tokenHash = hashToken(token);
  const row = await db.get<{ lastSeenAt: string }>(
    `SELECT ${reviewerColumns}, s.last_seen_at AS "lastSeenAt" FROM sessions s JOIN reviewers r ON r.id = s.reviewer_id
     WHERE s.token_hash = :tokenHash AND s.expires_at > :now AND s.last_seen_at > :idleSince
       AND r.disabled_at IS NULL`,
    { tokenHash, now: nowIso(now), idleSince: ago(now, idleMs) },
  );
  if (row && row.lastSeenAt < ago(now, lastSeenResolutionMs)) {
    await db.run('UPDATE sessions SET last_seen_at = :now WHERE token_hash = :tokenHash', {
      now: nowIso(now),
      tokenHash,
    });
  }
  return toReviewer(row);
}

/** Ends a session (sign-out); an unknown token is no error. */
export async function deleteSession(db: Sql, token: string): Promise<void> {
  await db.run('DELETE FROM sessions WHERE token_hash = :tokenHash', { tokenHash: hashToken(token) });
}

/**
 * Ends every session of the reviewer but `except` (the one changing the password), and their sign-in links. Run in
 * the caller's transaction when it goes with another change (a new password, a disabled account).
 */
export async function endReviewerSessions(db: Sql, reviewerId: number, except?: string): Promise<number> {
  const sessions = await db.run(
    'DELETE FROM sessions WHERE reviewer_id = :reviewerId AND token_hash IS DISTINCT FROM :keep',
    { reviewerId, keep: except === undefined ? null : hashToken(except) },
  );
  return sessions + (await db.run('DELETE FROM sign_in_links WHERE reviewer_id = :reviewerId', { reviewerId }));
}

/** Removes sessions past their maximum age or idle limit and expired sign-in links; returns how many rows went. */
export function deleteExpiredTokens(store: Store, idleMs = defaultSessionIdleMs): Promise<number> {
  const now = new Date();
  const values = { now: nowIso(now), idleSince: ago(now, idleMs) };
  return store.transaction(
    async (tx) =>
      (await tx.run('DELETE FROM sessions WHERE expires_at <= :now OR last_seen_at <= :idleSince', values)) +
      (await tx.run('DELETE FROM sign_in_links WHERE expires_at <= :now', { now: values.now })),
  );
}

/** Creates a one-time sign-in link token for the reviewer, valid for `ttlMs`. */
export async function createSignInLink(db: Sql, reviewerId: number, ttlMs: number): Promise<string> {
  const token = randomToken();
  const now = new Date();
  await insertForReviewer(
    db,
    reviewerId,
    `INSERT INTO sign_in_links (token_hash, reviewer_id, created_at, expires_at)
     VALUES (:tokenHash, :reviewerId, :now, :expiresAt)`,
    { tokenHash: hashToken(token), now: nowIso(now), expiresAt: nowIso(new Date(now.getTime() + ttlMs)) },
  );
  return token;
}

/** Uses up a sign-in link token: its reviewer id, or undefined when unknown or expired. Works once. */
export async function consumeSignInLink(db: Sql, token: string): Promise<number | undefined> {
  // Deleting and reading in one statement: two requests racing with the same link cannot both get the row.
  const row = await db.get<{ reviewerId: number; expiresAt: string }>(
    `DELETE FROM sign_in_links WHERE token_hash = :tokenHash
     RETURNING reviewer_id AS "reviewerId", expires_at AS "expiresAt"`,
    { tokenHash: hashToken(token) },
  );
  return row && row.expiresAt > nowIso() ? row.reviewerId : undefined;
}
