// Tests of sessions, one-time sign-in links and API tokens: tokens work, expire, and are stored only as hashes.
import { describe, expect, it } from 'vitest';
import { createApiToken, findReviewerByApiToken } from '../../src/store/api-tokens.ts';
import { NotFoundError } from '../../src/store/errors.ts';
import {
  consumeSignInLink,
  createSession,
  createSignInLink,
  deleteExpiredTokens,
  deleteSession,
  findSessionReviewer,
} from '../../src/store/sessions.ts';
import { addReviewer, openTestStore } from './helpers.ts';

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
