// Tests of reviewer accounts and password hashing.
import { describe, expect, it } from 'vitest';
import { ConflictError, StoreError } from '../../src/store/errors.ts';
import { hashPassword, verifyPassword } from '../../src/store/passwords.ts';
import {
  countReviewers,
  createReviewer,
  findReviewerByName,
  getReviewer,
  verifyReviewerPassword,
} from '../../src/store/reviewers.ts';
import { openTestStore } from './helpers.ts';

describe('hashPassword and verifyPassword', () => {
  it('stores the parameters and salt in the hash, and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^scrypt\$\d+\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await hashPassword('correct horse')).not.toBe(hash);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct hors', hash)).toBe(false);
  });

  it('answers false for a string it did not make', async () => {
    expect(await verifyPassword('x', 'plain text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$3$8$1$AAAA$AAAA')).toBe(false);
  });
});

describe('createReviewer', () => {
  it('creates reviewers and admins, never returning the password hash', async () => {
    const db = openTestStore();
    expect(countReviewers(db)).toBe(0);
    const admin = await createReviewer(db, 'desk.editor_1', 'secret', { admin: true });
    const plain = await createReviewer(db, 'Jürgen', 'secret');
    expect(admin).toMatchObject({ name: 'desk.editor_1', isAdmin: true });
    expect(plain.isAdmin).toBe(false);
    expect(Object.keys(admin).sort()).toEqual(['createdAt', 'id', 'isAdmin', 'name']);
    expect(countReviewers(db)).toBe(2);
    expect(getReviewer(db, admin.id)).toEqual(admin);
    expect(getReviewer(db, 999)).toBeUndefined();
  });

  it('refuses a taken name, whatever its case, and a name outside the rule', async () => {
    const db = openTestStore();
    await createReviewer(db, 'alice', 'secret');
    await expect(createReviewer(db, 'Alice', 'other')).rejects.toThrowError(ConflictError);
    await expect(createReviewer(db, 'Alice', 'other')).rejects.toThrowError('a reviewer named "Alice" already exists');
    for (const name of ['', 'a'.repeat(41), 'with space', 'semi;colon', '<script>']) {
      await expect(createReviewer(db, name, 'secret')).rejects.toThrowError(StoreError);
    }
    await expect(createReviewer(db, 'bob', '')).rejects.toThrowError('the password must not be empty');
    expect(countReviewers(db)).toBe(1);
  });
});

describe('verifyReviewerPassword and findReviewerByName', () => {
  it('returns the reviewer for the right password only', async () => {
    const db = openTestStore();
    const alice = await createReviewer(db, 'alice', 'secret');
    expect(await verifyReviewerPassword(db, 'alice', 'secret')).toEqual(alice);
    expect(await verifyReviewerPassword(db, 'ALICE', 'secret')).toEqual(alice);
    expect(await verifyReviewerPassword(db, 'alice', 'Secret')).toBeUndefined();
    expect(await verifyReviewerPassword(db, 'nobody', 'secret')).toBeUndefined();
    expect(findReviewerByName(db, 'Alice')).toEqual(alice);
    expect(findReviewerByName(db, 'nobody')).toBeUndefined();
  });
});
