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
import { addReviewer, openTestStore, totalChanges } from './helpers.ts';

const hour = 3_600_000;

function storedValues(db: ReturnType<typeof openTestStore>, table: string): string {
  return JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all());
}

describe('createSession and findSessionReviewer', () => {
  it('finds the reviewer of a live session and stores only the token hash', async () => {
    const db = openTestStore();
    const alice = await addReviewer(db);
    const token = createSession(db, alice.id, hour);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(findSessionReviewer(db, token)).toEqual(alice);
    expect(storedValues(db, 'sessions')).not.toContain(token);
    expect(findSessionReviewer(db, `${token}x`)).toBeUndefined();
  });

  it('forgets an expired session and a deleted one', async () => {
    const db = openTestStore();
    const alice = await addReviewer(db);
    const expired = createSession(db, alice.id, -1);
    const live = createSession(db, alice.id, hour);
    expect(findSessionReviewer(db, expired)).toBeUndefined();
    expect(deleteExpiredTokens(db)).toBe(1);
    deleteSession(db, live);
    expect(findSessionReviewer(db, live)).toBeUndefined();
  });

  it('refuses a session for an unknown reviewer', () => {
    expect(() => createSession(openTestStore(), 42, hour)).toThrowError(NotFoundError);
  });
});

describe('createSignInLink and consumeSignInLink', () => {
  it('gives the reviewer id once, and never for an expired link', async () => {
    const db = openTestStore();
    const alice = await addReviewer(db);
    const token = createSignInLink(db, alice.id, hour);
    expect(storedValues(db, 'sign_in_links')).not.toContain(token);
    expect(consumeSignInLink(db, token)).toBe(alice.id);
    expect(consumeSignInLink(db, token)).toBeUndefined();
    const expired = createSignInLink(db, alice.id, -1);
    expect(consumeSignInLink(db, expired)).toBeUndefined();
    expect(storedValues(db, 'sign_in_links')).toBe('[]');
  });
});

describe('createApiToken and findReviewerByApiToken', () => {
  it('returns an mtr_ token shown once, finds its reviewer and notes its use', async () => {
    const db = openTestStore();
    const alice = await addReviewer(db);
    const token = createApiToken(db, alice.id, 'bench');
    expect(token).toMatch(/^mtr_[\w-]{43}$/);
    expect(storedValues(db, 'api_tokens')).not.toContain(token.slice(4));
    const lastUsed = () => db.prepare('SELECT last_used_at AS t FROM api_tokens').get() as { t: string | null };
    expect(lastUsed().t).toBeNull();
    expect(findReviewerByApiToken(db, token)).toEqual(alice);
    expect(Date.parse(lastUsed().t ?? '')).not.toBeNaN();
    expect(findReviewerByApiToken(db, 'mtr_unknown')).toBeUndefined();
    expect(findReviewerByApiToken(db, token.slice(4))).toBeUndefined();
  });
});

describe('findSessionReviewer with an idle limit', () => {
  const lastSeen = (db: ReturnType<typeof openTestStore>) =>
    (db.prepare('SELECT last_seen_at AS t FROM sessions').get() as { t: string }).t;
  const setLastSeen = (db: ReturnType<typeof openTestStore>, msAgo: number) =>
    db.prepare('UPDATE sessions SET last_seen_at = ?').run(new Date(Date.now() - msAgo).toISOString());

  it('ends a session idle for the limit, though it is far from its maximum age', async () => {
    const db = openTestStore();
    const alice = await addReviewer(db);
    const token = createSession(db, alice.id, 30 * 24 * hour);
    setLastSeen(db, 12 * hour - 60_000);
    expect(findSessionReviewer(db, token)).toEqual(alice);
    setLastSeen(db, 12 * hour + 1000);
    expect(findSessionReviewer(db, token)).toBeUndefined();
    expect(findSessionReviewer(db, token, 13 * hour)).toEqual(alice);
    setLastSeen(db, 14 * hour);
    expect(deleteExpiredTokens(db)).toBe(1);
  });

  it('notes a request as the last activity at most once a minute', async () => {
    const db = openTestStore();
    const alice = await addReviewer(db);
    const token = createSession(db, alice.id, hour);
    const created = lastSeen(db);
    const writes = totalChanges(db);
    for (let i = 0; i < 5; i++) findSessionReviewer(db, token);
    expect(totalChanges(db)).toBe(writes);
    expect(lastSeen(db)).toBe(created);
    setLastSeen(db, 61_000);
    const before = lastSeen(db);
    findSessionReviewer(db, token);
    expect(lastSeen(db) > before).toBe(true);
    expect(Date.now() - Date.parse(lastSeen(db))).toBeLessThan(5000);
  });
});

describe('endReviewerSessions', () => {
  it('ends every session and sign-in link of one reviewer but the one kept, and nobody else', async () => {
    const db = openTestStore();
    const alice = await addReviewer(db);
    const bob = await addReviewer(db, 'bob');
    const [kept, other] = [createSession(db, alice.id, hour), createSession(db, alice.id, hour)];
    const link = createSignInLink(db, alice.id, hour);
    const bobs = createSession(db, bob.id, hour);
    expect(endReviewerSessions(db, alice.id, kept)).toBe(2);
    expect(findSessionReviewer(db, kept)).toEqual(alice);
    expect(findSessionReviewer(db, other)).toBeUndefined();
    expect(consumeSignInLink(db, link)).toBeUndefined();
    expect(findSessionReviewer(db, bobs)).toEqual(bob);
    expect(endReviewerSessions(db, alice.id)).toBe(1);
    expect(findSessionReviewer(db, kept)).toBeUndefined();
  });
});

describe('API tokens with an expiry, listed and revoked', () => {
  it('refuses a token after its expiry and lists it as it is, never with the token', async () => {
    const db = openTestStore();
    const alice = await addReviewer(db);
    const lasting = createApiToken(db, alice.id, 'ci');
    const brief = createApiToken(db, alice.id, 'laptop', hour);
    expect(findReviewerByApiToken(db, brief)).toEqual(alice);
    db.prepare("UPDATE api_tokens SET expires_at = ? WHERE label = 'laptop'").run(
      new Date(Date.now() - 1).toISOString(),
    );
    expect(findReviewerByApiToken(db, brief)).toBeUndefined();
    expect(findReviewerByApiToken(db, lasting)).toEqual(alice);
    const listed = listApiTokens(db, alice.id);
    expect(listed.map((t) => [t.label, t.expiresAt === null, t.lastUsedAt === null])).toEqual([
      ['ci', true, false],
      ['laptop', false, false],
    ]);
    expect(JSON.stringify(listed)).not.toContain(lasting.slice(4));
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'label', 'lastUsedAt']);
  });

  it('revokes one token by id (only the owner’s), or all of them', async () => {
    const db = openTestStore();
    const alice = await addReviewer(db);
    const bob = await addReviewer(db, 'bob');
    const [first, second] = [createApiToken(db, alice.id, 'a'), createApiToken(db, alice.id, 'b')];
    const bobs = createApiToken(db, bob.id, 'c');
    const [firstId] = listApiTokens(db, alice.id).map((t) => t.id);
    expect(() => revokeApiToken(db, bob.id, firstId as number)).toThrowError(NotFoundError);
    revokeApiToken(db, alice.id, firstId as number);
    expect(findReviewerByApiToken(db, first)).toBeUndefined();
    expect(findReviewerByApiToken(db, second)).toEqual(alice);
    expect(revokeAllApiTokens(db, alice.id)).toBe(1);
    expect(findReviewerByApiToken(db, second)).toBeUndefined();
    expect(findReviewerByApiToken(db, bobs)).toEqual(bob);
  });
});
