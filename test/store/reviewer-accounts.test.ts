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
    const db = await openTestStore();
    const root = await addReviewer(db, 'root', 'admin');
    const anna = await addReviewer(db, 'anna');
    expect((await setReviewerRole(db, anna.id, 'lead')).role).toBe('lead');
    await expect(setReviewerRole(db, root.id, 'lead')).rejects.toThrowError(ConflictError);
    await expect(setReviewerRole(db, root.id, 'lead')).rejects.toThrowError('root is the last enabled admin');
    await setReviewerRole(db, anna.id, 'admin');
    expect((await setReviewerRole(db, root.id, 'reviewer')).role).toBe('reviewer');
    await expect(setReviewerRole(db, 999, 'lead')).rejects.toThrowError(NotFoundError);
  });
});

describe('disableReviewer and enableReviewer', () => {
  it('ends the sessions, sign-in links and API tokens of a disabled reviewer at once, and refuses them', async () => {
    const db = await openTestStore();
    await addReviewer(db, 'root', 'admin');
    const anna = await addReviewer(db, 'anna');
    const session = await createSession(db, anna.id, hour);
    const link = await createSignInLink(db, anna.id, hour);
    const token = await createApiToken(db, anna.id, 'ci');
    const disabled = await disableReviewer(db, anna.id);
    expect(disabled.disabledAt).not.toBeNull();
    expect(await findSessionReviewer(db, session)).toBeUndefined();
    expect(await consumeSignInLink(db, link)).toBeUndefined();
    expect(await findReviewerByApiToken(db, token)).toBeUndefined();
    expect(await listApiTokens(db, anna.id)).toEqual([]);
    // The password still matches, and says whose it is: the caller refuses a disabled reviewer.
    expect((await verifyReviewerPassword(db, 'anna', testPassword))?.disabledAt).toBe(disabled.disabledAt);
    expect((await disableReviewer(db, anna.id)).disabledAt).toBe(disabled.disabledAt);
  });

  it('enables a reviewer again: they may sign in, no old token comes back', async () => {
    const db = await openTestStore();
    await addReviewer(db, 'root', 'admin');
    const anna = await addReviewer(db, 'anna');
    const token = await createApiToken(db, anna.id, 'ci');
    await disableReviewer(db, anna.id);
    expect((await enableReviewer(db, anna.id)).disabledAt).toBeNull();
    expect(await findReviewerByApiToken(db, token)).toBeUndefined();
    expect(await findSessionReviewer(db, await createSession(db, anna.id, hour))).toEqual(
      await getReviewer(db, anna.id),
    );
  });

  it('refuses to disable the last enabled admin, and a reviewer that does not exist', async () => {
    const db = await openTestStore();
    const root = await addReviewer(db, 'root', 'admin');
    const other = await addReviewer(db, 'other', 'admin');
    await disableReviewer(db, other.id);
    await expect(disableReviewer(db, root.id)).rejects.toThrowError('root is the last enabled admin');
    expect((await getReviewer(db, root.id))?.disabledAt).toBeNull();
    await expect(enableReviewer(db, 999)).rejects.toThrowError(NotFoundError);
  });
});

describe('setReviewerPassword and resetReviewerPassword', () => {
  it('sets a password the policy allows, ending all other sessions and links, keeping API tokens', async () => {
    const db = await openTestStore();
    const anna = await addReviewer(db, 'anna');
    const [own, other] = [await createSession(db, anna.id, hour), await createSession(db, anna.id, hour)];
    const link = await createSignInLink(db, anna.id, hour);
    const token = await createApiToken(db, anna.id, 'ci');
    await expect(setReviewerPassword(db, anna.id, 'password1', own)).rejects.toThrowError('common passwords');
    expect(await findSessionReviewer(db, other)).toEqual(anna);
    await setReviewerPassword(db, anna.id, 'Elbe-Kähne treiben leise', own);
    expect(await verifyReviewerPassword(db, 'anna', 'Elbe-Kähne treiben leise')).toEqual(anna);
    expect(await verifyReviewerPassword(db, 'anna', testPassword)).toBeUndefined();
    expect(await findSessionReviewer(db, own)).toEqual(anna);
    expect(await findSessionReviewer(db, other)).toBeUndefined();
    expect(await consumeSignInLink(db, link)).toBeUndefined();
    expect(await findReviewerByApiToken(db, token)).toEqual(anna);
  });

  it('resets to a generated password that works, ending every session', async () => {
    const db = await openTestStore();
    const anna = await addReviewer(db, 'anna');
    const session = await createSession(db, anna.id, hour);
    const password = await resetReviewerPassword(db, anna.id);
    expect(password).toMatch(/^[\w-]{16}$/);
    expect(await verifyReviewerPassword(db, 'anna', password)).toEqual(anna);
    expect(await findSessionReviewer(db, session)).toBeUndefined();
    await expect(resetReviewerPassword(db, 999)).rejects.toThrowError(NotFoundError);
  });
});
