// Tests of managing accounts: roles, disabling (which ends sessions and tokens at once), enabling, new passwords,
// and the rule that one enabled admin always remains.
import { describe, expect, it } from 'vitest';
import { createApiToken, findReviewerByApiToken, listApiTokens } from '../../src/store/api-tokens.ts';
import { ConflictError, NotFoundError } from '../../src/store/errors.ts';
import {
  disableReviewer,
  enableReviewer,
  resetReviewerPassword,
  setReviewerPassword,
  setReviewerRole,
} from '../../src/store/reviewer-accounts.ts';
import { getReviewer, verifyReviewerPassword } from '../../src/store/reviewers.ts';
import { consumeSignInLink, createSession, createSignInLink, findSessionReviewer } from '../../src/store/sessions.ts';
import { addReviewer, openTestStore, testPassword } from './helpers.ts';

const hour = 3_600_000;

describe('setReviewerRole', () => {
  it('changes the role, and refuses to take admin from the last enabled admin', async () => {
    const db = openTestStore();
    const root = await addReviewer(db, 'root', 'admin');
    const anna = await addReviewer(db, 'anna');
    expect(setReviewerRole(db, anna.id, 'lead').role).toBe('lead');
    expect(() => setReviewerRole(db, root.id, 'lead')).toThrowError(ConflictError);
    expect(() => setReviewerRole(db, root.id, 'lead')).toThrowError('root is the last enabled admin');
    setReviewerRole(db, anna.id, 'admin');
    expect(setReviewerRole(db, root.id, 'reviewer').role).toBe('reviewer');
    expect(() => setReviewerRole(db, 999, 'lead')).toThrowError(NotFoundError);
  });
});

describe('disableReviewer and enableReviewer', () => {
  it('ends the sessions, sign-in links and API tokens of a disabled reviewer at once, and refuses them', async () => {
    const db = openTestStore();
    await addReviewer(db, 'root', 'admin');
    const anna = await addReviewer(db, 'anna');
    const session = createSession(db, anna.id, hour);
    const link = createSignInLink(db, anna.id, hour);
    const token = createApiToken(db, anna.id, 'ci');
    const disabled = disableReviewer(db, anna.id);
    expect(disabled.disabledAt).not.toBeNull();
    expect(findSessionReviewer(db, session)).toBeUndefined();
    expect(consumeSignInLink(db, link)).toBeUndefined();
    expect(findReviewerByApiToken(db, token)).toBeUndefined();
    expect(listApiTokens(db, anna.id)).toEqual([]);
    // The password still matches, and says whose it is: the caller refuses a disabled reviewer.
    expect((await verifyReviewerPassword(db, 'anna', testPassword))?.disabledAt).toBe(disabled.disabledAt);
    expect(disableReviewer(db, anna.id).disabledAt).toBe(disabled.disabledAt);
  });

  it('enables a reviewer again: they may sign in, no old token comes back', async () => {
    const db = openTestStore();
    await addReviewer(db, 'root', 'admin');
    const anna = await addReviewer(db, 'anna');
    const token = createApiToken(db, anna.id, 'ci');
    disableReviewer(db, anna.id);
    expect(enableReviewer(db, anna.id).disabledAt).toBeNull();
    expect(findReviewerByApiToken(db, token)).toBeUndefined();
    expect(findSessionReviewer(db, createSession(db, anna.id, hour))).toEqual(getReviewer(db, anna.id));
  });

  it('refuses to disable the last enabled admin, and a reviewer that does not exist', async () => {
    const db = openTestStore();
    const root = await addReviewer(db, 'root', 'admin');
    const other = await addReviewer(db, 'other', 'admin');
    disableReviewer(db, other.id);
    expect(() => disableReviewer(db, root.id)).toThrowError('root is the last enabled admin');
    expect(getReviewer(db, root.id)?.disabledAt).toBeNull();
    expect(() => enableReviewer(db, 999)).toThrowError(NotFoundError);
  });
});

describe('setReviewerPassword and resetReviewerPassword', () => {
  it('sets a password the policy allows, ending all other sessions and links, keeping API tokens', async () => {
    const db = openTestStore();
    const anna = await addReviewer(db, 'anna');
    const [own, other] = [createSession(db, anna.id, hour), createSession(db, anna.id, hour)];
    const link = createSignInLink(db, anna.id, hour);
    const token = createApiToken(db, anna.id, 'ci');
    await expect(setReviewerPassword(db, anna.id, 'password1', own)).rejects.toThrowError('common passwords');
    expect(findSessionReviewer(db, other)).toEqual(anna);
    await setReviewerPassword(db, anna.id, 'Elbe-Kähne treiben leise', own);
    expect(await verifyReviewerPassword(db, 'anna', 'Elbe-Kähne treiben leise')).toEqual(anna);
    expect(await verifyReviewerPassword(db, 'anna', testPassword)).toBeUndefined();
    expect(findSessionReviewer(db, own)).toEqual(anna);
    expect(findSessionReviewer(db, other)).toBeUndefined();
    expect(consumeSignInLink(db, link)).toBeUndefined();
    expect(findReviewerByApiToken(db, token)).toEqual(anna);
  });

  it('resets to a generated password that works, ending every session', async () => {
    const db = openTestStore();
    const anna = await addReviewer(db, 'anna');
    const session = createSession(db, anna.id, hour);
    const password = await resetReviewerPassword(db, anna.id);
    expect(password).toMatch(/^[\w-]{16}$/);
    expect(await verifyReviewerPassword(db, 'anna', password)).toEqual(anna);
    expect(findSessionReviewer(db, session)).toBeUndefined();
    await expect(resetReviewerPassword(db, 999)).rejects.toThrowError(NotFoundError);
  });
});
