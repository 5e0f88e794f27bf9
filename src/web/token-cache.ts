// API tokens found valid, remembered for a second: on PostgreSQL looking one up is a round trip on every API request.
import { findApiTokenOwner, type Reviewer, type Sql } from '../store/index.ts';
import { hashToken } from '../store/values.ts';

/**
 * How long a token found valid is taken as valid without asking the database again. A token revoked, or a reviewer
 * disabled or given another role, by another instance or the CLI takes effect within this time; through this
 * instance's own routes at once (they call forget). A busy client then costs one lookup a second, not one a request.
 */
export const tokenCacheMs = 1_000;

// Bounded, whatever the number of tokens in use: past it, the oldest entry goes.
const maxEntries = 10_000;

interface Entry {
  reviewer: Reviewer;
  /** Date.now() after which the entry is asked again: its second is over, or the token expires. */
  until: number;
}

/** Tokens' owners by the token's hash (a heap dump shows no usable token), each for at most tokenCacheMs. */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();

  /** The token's owner, from memory while fresh, else from the database; undefined for a token that is not valid. */
  async owner(db: Sql, token: string): Promise<Reviewer | undefined> {
    const key = hashToken(token);
    const now = Date.now();
    const known = this.entries.get(key);
    if (known && known.until > now) return known.reviewer;
    this.entries.delete(key);
    const found = await findApiTokenOwner(db, token);
    if (!found) return undefined;
    const expires = found.expiresAt === null ? Number.POSITIVE_INFINITY : Date.parse(found.expiresAt);
    if (this.entries.size >= maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { reviewer: found.reviewer, until: Math.min(now + tokenCacheMs, expires) });
    return found.reviewer;
  }

  /** Drops every entry: after a change to reviewers or tokens made through this instance. */
  forget(): void {
    this.entries.clear();
  }
}
