// Tests of sessions, one-time sign-in links and API tokens: they work, expire (sessions also when idle), end together
// when asked to, and are stored only as hashes.
import { describe, expect, it } from 'vitest';
import {
  createApiToken,
  findReviewerByApiToken,
  listApiTokens,
  revokeAllApiTokens,
  revokeApiToken,
} from '../../src/store/api-tokens.ts';
import { NotFoundError } from '../../src/store/errors.ts';
import {
  consumeSignInLink,
  createSession,
  createSignInLink,
  deleteExpiredTokens,
  deleteSession,
  endReviewerSessions,
  findSessionReviewer,
} from '../../src/store/sessions.ts';
import type { Store } from '../../src/store/sql.ts';
import { addReviewer, openTestStore } from './helpers.ts';

const hour = 3_600_000;

async function storedValues(db: Store, table: string): Promise<string> {
  return JSON.stringify(await db.all(`SELECT * FROM ${table}`));
}

describe('createSession and findSessionReviewer', () => {
  it('finds the reviewer of a live session and stores only the token hash', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    const token = await createSession(db, alice.id, hour);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(await findSessionReviewer(db, token)).toEqual(alice);
    expect(await storedValues(db, 'sessions')).not.toContain(token);
    expect(await findSessionReviewer(db, `${token}x`)).toBeUndefined();
  });

  it('forgets an expired session and a deleted one', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    const expired = await createSession(db, alice.id, -1);
    const live = await createSession(db, alice.id, hour);
    expect(await findSessionReviewer(db, expired)).toBeUndefined();
    expect(await deleteExpiredTokens(db)).toBe(1);
    await deleteSession(db, live);
    expect(await findSessionReviewer(db, live)).toBeUndefined();
  });

  it('refuses a session for an unknown reviewer', async () => {
    await expect(createSession(await openTestStore(), 42, hour)).rejects.toThrowError(NotFoundError);
  });
});

describe('createSignInLink and consumeSignInLink', () => {
  it('gives the reviewer id once, and never for an expired link', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    const token = await createSignInLink(db, alice.id, hour);
    expect(await storedValues(db, 'sign_in_links')).not.toContain(token);
    expect(await consumeSignInLink(db, token)).toBe(alice.id);
    expect(await consumeSignInLink(db, token)).toBeUndefined();
    const expired = await createSignInLink(db, alice.id, -1);
    expect(await consumeSignInLink(db, expired)).toBeUndefined();
    expect(await storedValues(db, 'sign_in_links')).toBe('[]');
  });
});

describe('createApiToken and findReviewerByApiToken', () => {
  it('returns an mtr_ token shown once, finds its reviewer and notes its use', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    const token = await createApiToken(db, alice.id, 'bench');
    expect(token).toMatch(/^mtr_[\w-]{43}$/);
    expect(await storedValues(db, 'api_tokens')).not.toContain(token.slice(4));
    const lastUsed = async () => (await db.get<{ t: string | null }>('SELECT last_used_at AS t FROM api_tokens'))?.t;
    expect(await lastUsed()).toBeNull();
    expect(await findReviewerByApiToken(db, token)).toEqual(alice);
    expect(Date.parse((await lastUsed()) ?? '')).not.toBeNaN();
    expect(await findReviewerByApiToken(db, 'mtr_unknown')).toBeUndefined();
    expect(await findReviewerByApiToken(db, token.slice(4))).toBeUndefined();
  });
});

describe('findSessionReviewer with an idle limit', () => {
  const lastSeen = async (db: Store) =>
    ((await db.get<{ t: string }>('SELECT last_seen_at AS t FROM sessions')) as { t: string }).t;
  const setLastSeen = (db: Store, msAgo: number) =>
    db.run('UPDATE sessions SET last_seen_at = :at', { at: new Date(Date.now() - msAgo).toISOString() });

  it('ends a session idle for the limit, though it is far from its maximum age', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    const token = await createSession(db, alice.id, 30 * 24 * hour);
    await setLastSeen(db, 12 * hour - 60_000);
    expect(await findSessionReviewer(db, token)).toEqual(alice);
    await setLastSeen(db, 12 * hour + 1000);
    expect(await findSessionReviewer(db, token)).toBeUndefined();
    expect(await findSessionReviewer(db, token, 13 * hour)).toEqual(alice);
    await setLastSeen(db, 14 * hour);
    expect(await deleteExpiredTokens(db)).toBe(1);
  });

  it('notes a request as the last activity at most once a minute', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    const token = await createSession(db, alice.id, hour);
    const created = await lastSeen(db);
    const rows = await storedValues(db, 'sessions');
    for (let i = 0; i < 5; i++) await findSessionReviewer(db, token);
    expect(await storedValues(db, 'sessions')).toBe(rows);
    expect(await lastSeen(db)).toBe(created);
    await setLastSeen(db, 61_000);
    const before = await lastSeen(db);
    await findSessionReviewer(db, token);
    expect((await lastSeen(db)) > before).toBe(true);
    expect(Date.now() - Date.parse(await lastSeen(db))).toBeLessThan(5000);
  });
});

describe('endReviewerSessions', () => {
  it('ends every session and sign-in link of one reviewer but the one kept, and nobody else', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    const bob = await addReviewer(db, 'bob');
    const [kept, other] = [await createSession(db, alice.id, hour), await createSession(db, alice.id, hour)];
    const link = await createSignInLink(db, alice.id, hour);
    const bobs = await createSession(db, bob.id, hour);
    expect(await endReviewerSessions(db, alice.id, kept)).toBe(2);
    expect(await findSessionReviewer(db, kept)).toEqual(alice);
    expect(await findSessionReviewer(db, other)).toBeUndefined();
    expect(await consumeSignInLink(db, link)).toBeUndefined();
    expect(await findSessionReviewer(db, bobs)).toEqual(bob);
    expect(await endReviewerSessions(db, alice.id)).toBe(1);
    expect(await findSessionReviewer(db, kept)).toBeUndefined();
  });
});

describe('API tokens with an expiry, listed and revoked', () => {
  it('refuses a token after its expiry and lists it as it is, never with the token', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    const lasting = await createApiToken(db, alice.id, 'ci');
    const brief = await createApiToken(db, alice.id, 'laptop', hour);
    expect(await findReviewerByApiToken(db, brief)).toEqual(alice);
    await db.run("UPDATE api_tokens SET expires_at = :at WHERE label = 'laptop'", {
      at: new Date(Date.now() - 1).toISOString(),
    });
    expect(await findReviewerByApiToken(db, brief)).toBeUndefined();
    expect(await findReviewerByApiToken(db, lasting)).toEqual(alice);
    const listed = await listApiTokens(db, alice.id);
    expect(listed.map((t) => [t.label, t.expiresAt === null, t.lastUsedAt === null])).toEqual([
      ['ci', true, false],
      ['laptop', false, false],
    ]);
    expect(JSON.stringify(listed)).not.toContain(lasting.slice(4));
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'label', 'lastUsedAt']);
  });

  it('revokes one token by id (only the owner’s), or all of them', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    const bob = await addReviewer(db, 'bob');
    const [first, second] = [await createApiToken(db, alice.id, 'a'), await createApiToken(db, alice.id, 'b')];
    const bobs = await createApiToken(db, bob.id, 'c');
    const [firstId] = (await listApiTokens(db, alice.id)).map((t) => t.id);
    await expect(revokeApiToken(db, bob.id, firstId as number)).rejects.toThrowError(NotFoundError);
    await revokeApiToken(db, alice.id, firstId as number);
    expect(await findReviewerByApiToken(db, first)).toBeUndefined();
    expect(await findReviewerByApiToken(db, second)).toEqual(alice);
    expect(await revokeAllApiTokens(db, alice.id)).toBe(1);
    expect(await findReviewerByApiToken(db, second)).toBeUndefined();
    expect(await findReviewerByApiToken(db, bobs)).toEqual(bob);
  });
});
