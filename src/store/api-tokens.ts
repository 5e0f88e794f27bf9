// API tokens for `Authorization: Bearer ...`: shown once in plain text, stored as their sha256, optionally expiring.
import { NotFoundError } from './errors.ts';
import { type Reviewer, reviewerColumns, toReviewer } from './reviewers.ts';
import type { Sql } from './sql.ts';
import { hashToken, nowIso, randomToken } from './values.ts';

/** The prefix of every API token: makes one recognisable in a log or a secret scanner. */
export const apiTokenPrefix = 'mtr_';

/** What can be known of a token after its creation: never the token itself. */
export interface ApiTokenInfo {
  id: number;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** When the token stops working, or null for never. */
  expiresAt: string | null;
}

// last_used_at is for "is this token still in use?", which minute precision answers. Writing it on every request
// would add a synced commit to every API call (synchronous=FULL), so it is refreshed at most once a minute.
const lastUsedResolutionMs = 60_000;

/**
 * Creates an API token for the reviewer, working for `expiresInMs` (forever without); returns the plaintext
 * `mtr_...`, which cannot be read back later.
 */
export async function createApiToken(
  db: Sql,
  reviewerId: number,
  label: string,
  expiresInMs?: number,
): Promise<string> {
  const token = `${apiTokenPrefix}${randomToken()}`;
  const now = new Date();
  const expiresAt = expiresInMs === undefined ? null : nowIso(new Date(now.getTime() + expiresInMs));
  try {
    await db.run(
      `INSERT INTO api_tokens (token_hash, reviewer_id, label, created_at, expires_at)
       VALUES (:tokenHash, :reviewerId, :label, :createdAt, :expiresAt)`,
      { tokenHash: hashToken(token), reviewerId, label, createdAt: nowIso(now), expiresAt },
    );
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError(`no reviewer with id ${reviewerId}`);
    throw error;
  }
  return token;
}

/** A valid token's owner, and when the token stops working (null for never). */
export interface TokenOwner {
  reviewer: Reviewer;
  expiresAt: string | null;
}

/** The reviewer owning an API token and its expiry, or undefined (unknown, revoked, expired, or the reviewer disabled); notes its use. */
export async function findApiTokenOwner(db: Sql, token: string): Promise<TokenOwner | undefined> {
  if (!token.startsWith(apiTokenPrefix)) return undefined;
  const now = new Date();
  const row = await db.get<{ tokenId: number; lastUsedAt: string | null; expiresAt: string | null }>(
    `SELECT ${reviewerColumns}, t.id AS "tokenId", t.last_used_at AS "lastUsedAt", t.expires_at AS "expiresAt"
     FROM api_tokens t JOIN reviewers r ON r.id = t.reviewer_id
     WHERE t.token_hash = :tokenHash AND (t.expires_at IS NULL OR t.expires_at > :now) AND r.disabled_at IS NULL`,
    { tokenHash: hashToken(token), now: nowIso(now) },
  );
  if (!row) return undefined;
  const staleBefore = nowIso(new Date(now.getTime() - lastUsedResolutionMs));
  if (row.lastUsedAt === null || row.lastUsedAt < staleBefore) {
    await db.run('UPDATE api_tokens SET last_used_at = :now WHERE id = :id', { now: nowIso(now), id: row.tokenId });
  }
  return { reviewer: toReviewer(row) as Reviewer, expiresAt: row.expiresAt };
}

/** The reviewer owning an API token, or undefined (unknown, revoked, expired, or the reviewer disabled); notes its use. */
export async function findReviewerByApiToken(db: Sql, token: string): Promise<Reviewer | undefined> {
  return (await findApiTokenOwner(db, token))?.reviewer;
}

/** The reviewer's API tokens, oldest first, expired ones included. */
export function listApiTokens(db: Sql, reviewerId: number): Promise<ApiTokenInfo[]> {
  return db.all<ApiTokenInfo>(
    `SELECT id, label, created_at AS "createdAt", last_used_at AS "lastUsedAt", expires_at AS "expiresAt"
     FROM api_tokens WHERE reviewer_id = :reviewerId ORDER BY id`,
    { reviewerId },
  );
}

/** Revokes one of the reviewer's tokens by id; a NotFoundError when the reviewer has no token with that id. */
export async function revokeApiToken(db: Sql, reviewerId: number, tokenId: number): Promise<void> {
  const changes = await db.run('DELETE FROM api_tokens WHERE id = :tokenId AND reviewer_id = :reviewerId', {
    tokenId,
    reviewerId,
  });
  if (changes === 0) throw new NotFoundError(`the reviewer has no API token with id ${tokenId}`);
}

/** Revokes every API token of the reviewer; returns how many there were. */
export function revokeAllApiTokens(db: Sql, reviewerId: number): Promise<number> {
  return db.run('DELETE FROM api_tokens WHERE reviewer_id = :reviewerId', { reviewerId });
}
