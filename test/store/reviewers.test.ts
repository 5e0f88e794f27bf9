// Tests of reviewer accounts: creation with a role, names (NFKC, look-alikes), the password policy, hashing.
import { describe, expect, it } from 'vitest';
import { ConflictError, StoreError } from '../../src/store/errors.ts';
import { hashPassword, verifyPassword } from '../../src/store/passwords.ts';
import {
  countReviewers,
  createReviewer,
  findReviewerByName,
  getReviewer,
  listReviewers,
  verifyReviewerPassword,
} from '../../src/store/reviewers.ts';
import { openTestStore, testPassword } from './helpers.ts';

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
  it('creates reviewers with a role (reviewer by default), never returning the password hash', async () => {
    const db = await openTestStore();
    expect(await countReviewers(db)).toBe(0);
    const admin = await createReviewer(db, 'desk.editor_1', testPassword, { role: 'admin' });
    const lead = await createReviewer(db, 'Jürgen', testPassword, { role: 'lead' });
    const plain = await createReviewer(db, 'anna', testPassword);
    expect(admin).toMatchObject({ name: 'desk.editor_1', role: 'admin', disabledAt: null });
    expect([lead.role, plain.role]).toEqual(['lead', 'reviewer']);
    expect(Object.keys(admin).sort()).toEqual(['createdAt', 'disabledAt', 'id', 'name', 'role']);
    expect(await countReviewers(db)).toBe(3);
    expect(await getReviewer(db, admin.id)).toEqual(admin);
    expect(await getReviewer(db, 999)).toBeUndefined();
    expect((await listReviewers(db)).map((r) => r.name)).toEqual(['anna', 'desk.editor_1', 'Jürgen']);
  });

  it('refuses an unknown role, and the database refuses one written past the code', async () => {
    const db = await openTestStore();
    await expect(createReviewer(db, 'anna', testPassword, { role: 'owner' as 'admin' })).rejects.toThrowError(
      'unknown role "owner"',
    );
    const anna = await createReviewer(db, 'anna', testPassword);
    await expect(db.run("UPDATE reviewers SET role = 'owner' WHERE id = :id", { id: anna.id })).rejects.toMatchObject({
      kind: 'invalid',
    });
  });

  it('refuses a taken name, whatever its case, and a name outside the rule', async () => {
    const db = await openTestStore();
    await createReviewer(db, 'alice', testPassword);
    await expect(createReviewer(db, 'Alice', testPassword)).rejects.toThrowError(ConflictError);
    await expect(createReviewer(db, 'ALICE', testPassword)).rejects.toThrowError(
      'a reviewer named "alice" already exists',
    );
    for (const name of ['', 'a'.repeat(41), 'with space', 'semi;colon', '<script>', 'zero\u200bwidth']) {
      await expect(createReviewer(db, name, testPassword)).rejects.toThrowError(StoreError);
    }
    expect(await countReviewers(db)).toBe(1);
  });

  it('stores the NFKC form of a name: full-width letters and ligatures are the plain name', async () => {
    const db = await openTestStore();
    const full = await createReviewer(db, 'ｂｏｓｓ', testPassword);
    expect(full.name).toBe('boss');
    expect(await findReviewerByName(db, 'ｂｏｓｓ')).toEqual(full);
    expect((await createReviewer(db, 'ﬁona', testPassword)).name).toBe('fiona');
    await expect(createReviewer(db, 'BOSS', testPassword)).rejects.toThrowError('already exists');
  });
});

describe('createReviewer with a look-alike name', () => {
  it('refuses "bоss" with a Cyrillic о beside "boss", and "boss" beside an all-Cyrillic look-alike', async () => {
    const db = await openTestStore();
    await createReviewer(db, 'boss', testPassword);
    await expect(createReviewer(db, 'b\u043Ess', testPassword)).rejects.toThrowError(
      'the name "b\u043Ess" looks like the existing reviewer "boss": choose another',
    );
    // Capital Cyrillic О: looks like "bOss", which sign-in takes for "boss".
    await expect(createReviewer(db, 'b\u041Ess', testPassword)).rejects.toThrowError(ConflictError);

    const other = await openTestStore();
    await createReviewer(other, '\u0441\u043E\u0441\u043E', testPassword); // "сосо", all Cyrillic
    await expect(createReviewer(other, 'coco', testPassword)).rejects.toThrowError('looks like the existing reviewer');
  });

  it('refuses digits and letters that pass for others (0/O, 1/l, I/l, rn/m) and Greek capitals', async () => {
    const db = await openTestStore();
    for (const name of ['Ian', 'bob', 'emma', 'ANNA']) await createReviewer(db, name, testPassword);
    for (const lookAlike of ['lan', 'b0b', 'ernrna', '\u0391\u039D\u039D\u0391']) {
      await expect(createReviewer(db, lookAlike, testPassword)).rejects.toThrowError(ConflictError);
    }
    expect(await countReviewers(db)).toBe(4);
  });

  it('refuses a name mixing Latin, Greek or Cyrillic letters even with nothing like it yet', async () => {
    const db = await openTestStore();
    await expect(createReviewer(db, 'b\u043Ess', testPassword)).rejects.toThrowError(
      'reviewer name "b\u043Ess" mixes Latin and Cyrillic letters',
    );
    await expect(createReviewer(db, 'p\u03B1ul', testPassword)).rejects.toThrowError('mixes Latin and Greek');
  });

  it('accepts names that only share letters, and single-script names of other alphabets', async () => {
    const db = await openTestStore();
    const names = ['boss', 'bass', 'Jürgen', 'Jurgen', 'Влад', 'Ελένη', '李小龍', 'anna-lena', 'anna.lena2'];
    for (const name of names) await createReviewer(db, name, testPassword);
    expect(await countReviewers(db)).toBe(names.length);
  });
});

describe('createReviewer password policy', () => {
  it('refuses passwords under 8 characters, counting code points, and the reviewer name itself', async () => {
    const db = await openTestStore();
    await expect(createReviewer(db, 'anna', 'seven77')).rejects.toThrowError(
      'the password must have at least 8 characters',
    );
    // Four astral characters are 8 UTF-16 units but 4 characters.
    await expect(createReviewer(db, 'anna', '😀😀😀😀')).rejects.toThrowError('at least 8 characters');
    await expect(createReviewer(db, 'annabelle', 'AnnaBelle')).rejects.toThrowError('must not be the reviewer name');
    await expect(createReviewer(db, 'anna', 'x'.repeat(257))).rejects.toThrowError('at most 256 characters');
    expect(await countReviewers(db)).toBe(0);
  });

  it('refuses common passwords from the list, whatever their case', async () => {
    const db = await openTestStore();
    for (const common of ['password', 'Password1', '12345678', 'QWERTYUIOP', 'iloveyou', 'sunshine']) {
      await expect(createReviewer(db, 'anna', common)).rejects.toThrowError('on a list of common passwords');
    }
    expect(await countReviewers(db)).toBe(0);
    expect((await createReviewer(db, 'anna', 'Elbe-Kähne treiben leise')).name).toBe('anna');
  });
});

describe('verifyReviewerPassword and findReviewerByName', () => {
  it('returns the reviewer for the right password only', async () => {
    const db = await openTestStore();
    const alice = await createReviewer(db, 'alice', testPassword);
    expect(await verifyReviewerPassword(db, 'alice', testPassword)).toEqual(alice);
    expect(await verifyReviewerPassword(db, 'ALICE', testPassword)).toEqual(alice);
    expect(await verifyReviewerPassword(db, 'ａｌｉｃｅ', testPassword)).toEqual(alice);
    expect(await verifyReviewerPassword(db, 'alice', testPassword.toUpperCase())).toBeUndefined();
    expect(await verifyReviewerPassword(db, 'nobody', testPassword)).toBeUndefined();
    expect(await findReviewerByName(db, 'Alice')).toEqual(alice);
    expect(await findReviewerByName(db, 'nobody')).toBeUndefined();
  });
});
