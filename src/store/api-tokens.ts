// API tokens for `Authorization: Bearer ...`: shown once in plain text, stored as their sha256.
import Database from 'better-sqlite3';
import type { Store } from './db.ts';
import { NotFoundError } from './errors.ts';
import { type Reviewer, type ReviewerRow, reviewerColumns, toReviewer } from './reviewers.ts';
import { hashToken, nowIso, randomToken, statement } from './statements.ts';

/** The prefix of every API token: makes one recognisable in a log or a secret scanner. */
export const apiTokenPrefix = 'mtr_';

// last_used_at is for "is this token still in use?", which minute precision answers. Writing it on every request
// would add a synced commit to every API call (synchronous=FULL), so it is refreshed at most once a minute.
const lastUsedResolutionMs = 60_000;

/** Creates an API token for the reviewer; returns the plaintext `mtr_...`, which cannot be read back later. */
export function createApiToken(db: Store, reviewerId: number, label: string): string {
  const token = `${apiTokenPrefix}${randomToken()}`;
  try {
    statement(
      db,
      `INSERT INTO api_tokens (token_hash, reviewer_id, label, created_at)
       VALUES (:tokenHash, :reviewerId, :label, :createdAt)`,
    ).run({ tokenHash: hashToken(token), reviewerId, label, createdAt: nowIso() });
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new NotFoundError(`no reviewer with id ${reviewerId}`);
    }
    throw error;
  }
  return token;
}

/** The reviewer owning an API token, or undefined; notes when the token was last used. */
export function findReviewerByApiToken(db: Store, token: string): Reviewer | undefined {
  if (!token.startsWith(apiTokenPrefix)) return undefined;
  const tokenHash = hashToken(token);
  const row = statement(
    db,
    `SELECT ${reviewerColumns}, t.id AS tokenId, t.last_used_at AS lastUsedAt
     FROM api_tokens t JOIN reviewers r ON r.id = t.reviewer_id WHERE t.token_hash = :tokenHash`,
  ).get({ tokenHash }) as (ReviewerRow & { tokenId: number; lastUsedAt: string | null }) | undefined;
  if (!row) return undefined;
  const now = new Date();
  const staleBefore = nowIso(new Date(now.getTime() - lastUsedResolutionMs));
  if (row.lastUsedAt === null || row.lastUsedAt < staleBefore) {
    statement(db, 'UPDATE api_tokens SET last_used_at = :now WHERE id = :id').run({
      now: nowIso(now),
      id: row.tokenId,
    });
  }
  return toReviewer(row);
}
