// Tests of recording verdicts: append-only history, current verdict per reviewer, retries, kept counts.
import { describe, expect, it } from 'vitest';
import { articleRevisions, articleVersion, importArticle } from '../../src/store/articles.ts';
import { ConflictError, NotFoundError } from '../../src/store/errors.ts';
import type { Transaction } from '../../src/store/sql.ts';
import { currentVerdicts, listVerdicts } from '../../src/store/verdict-reads.ts';
import { recordVerdict } from '../../src/store/verdicts.ts';
import { addReviewer, openTestStore, reviewRows, seedArticle, seedEdits } from './helpers.ts';

async function reviewedSeed() {
  const db = await openTestStore();
  await importArticle(db, seedArticle, seedEdits);
  const alice = await addReviewer(db, 'alice');
  const bob = await addReviewer(db, 'bob');
  return { db, alice, bob };
}

describe('recordVerdict', () => {
  it('stores every field and returns the verdict with the reviewer name', async () => {
    const { db, alice } = await reviewedSeed();
    const { verdict, duplicate } = await recordVerdict(db, {
      editId: 'e-sergey',
      reviewerId: alice.id,
      decision: 'amend',
      category: 'terminology/inconsistent-entity',
      severity: 'minor',
      note: 'House style: Sergei',
      amendedText: 'Sergei',
      clientRequestId: 'req-1',
    });
    expect(duplicate).toBe(false);
    expect(verdict).toMatchObject({
      editId: 'e-sergey',
      articleId: seedArticle.id,
      reviewerName: 'alice',
      decision: 'amend',
      severity: 'minor',
      note: 'House style: Sergei',
      amendedText: 'Sergei',
      clientRequestId: 'req-1',
    });
    expect(Date.parse(verdict.createdAt)).not.toBeNaN();
  });

  it('returns the first verdict for a repeated client request id and writes nothing', async () => {
    const { db, alice, bob } = await reviewedSeed();
    const first = await recordVerdict(db, {
      editId: 'e-byline',
      reviewerId: alice.id,
      decision: 'accept',
      clientRequestId: 'r1',
    });
    const before = await reviewRows(db);
    const retry = await recordVerdict(db, {
      editId: 'e-byline',
      reviewerId: alice.id,
      decision: 'reject',
      clientRequestId: 'r1',
    });
    expect(retry).toEqual({ verdict: first.verdict, duplicate: true });
    expect(await reviewRows(db)).toEqual(before);
    // The id is unique per reviewer: another reviewer may use the same one.
    expect(
      (await recordVerdict(db, { editId: 'e-byline', reviewerId: bob.id, decision: 'accept', clientRequestId: 'r1' }))
        .duplicate,
    ).toBe(false);
  });

  it('refuses a client request id reused for another edit', async () => {
    const { db, alice } = await reviewedSeed();
    await recordVerdict(db, { editId: 'e-byline', reviewerId: alice.id, decision: 'accept', clientRequestId: 'r1' });
    await expect(
      recordVerdict(db, { editId: 'e-marker', reviewerId: alice.id, decision: 'accept', clientRequestId: 'r1' }),
    ).rejects.toThrowError(ConflictError);
  });

  it('throws NotFoundError for an unknown edit or reviewer, writing nothing', async () => {
    const { db, alice } = await reviewedSeed();
    const before = await reviewRows(db);
    await expect(
      recordVerdict(db, { editId: 'no-such-edit', reviewerId: alice.id, decision: 'accept' }),
    ).rejects.toThrowError(NotFoundError);
    await expect(recordVerdict(db, { editId: 'e-byline', reviewerId: 999, decision: 'accept' })).rejects.toThrowError(
      'no reviewer with id 999',
    );
    expect(await reviewRows(db)).toEqual(before);
  });

  it('takes the reviewer name an authenticating caller gives without looking it up, and looks up the others', async () => {
    const { db, alice, bob } = await reviewedSeed();
    // Counts the reviewers' lookups in the store's transactions (a batch runs in one).
    let lookups = 0;
    const transaction = db.transaction.bind(db);
    db.transaction = ((fn: (tx: Transaction) => Promise<unknown>) =>
      transaction((tx) =>
        fn(
          new Proxy(tx, {
            get(target, name) {
              const value = Reflect.get(target, name);
              if (typeof value !== 'function') return value;
              return (sql: string, ...rest: unknown[]) => {
                if (name === 'all' && sql.includes('FROM reviewers WHERE id IN')) lookups++;
                return value.call(target, sql, ...rest);
              };
            },
          }),
        ),
      )) as typeof db.transaction;
    const given = await recordVerdict(db, {
      editId: 'e-byline',
      reviewerId: alice.id,
      reviewerName: 'alice',
      decision: 'accept',
    });
    expect(given.verdict.reviewerName).toBe('alice');
    expect(lookups).toBe(0);
    const looked = await recordVerdict(db, { editId: 'e-byline', reviewerId: bob.id, decision: 'reject' });
    expect(looked.verdict.reviewerName).toBe('bob');
    expect(lookups).toBe(1);
    db.transaction = transaction;
    const current = (await currentVerdicts(db, 'lavrov-in-china')).filter((v) => v.editId === 'e-byline');
    expect(current.map((v) => v.reviewerName).sort()).toEqual(['alice', 'bob']);
  });

  it('is guarded by CHECK constraints when a bad value slips past validation', async () => {
    const { db, alice } = await reviewedSeed();
    const bad = { editId: 'e-byline', reviewerId: alice.id };
    const invalid = { kind: 'invalid' };
    await expect(recordVerdict(db, { ...bad, decision: 'maybe' as 'accept' })).rejects.toMatchObject(invalid);
    await expect(recordVerdict(db, { ...bad, decision: 'accept', severity: 'huge' as 'minor' })).rejects.toMatchObject(
      invalid,
    );
    await expect(recordVerdict(db, { ...bad, decision: 'amend' })).rejects.toMatchObject(invalid);
    expect(await listVerdicts(db, seedArticle.id)).toEqual([]);
  });

  it('keeps the history append-only at the table level', async () => {
    const { db, alice } = await reviewedSeed();
    await recordVerdict(db, { editId: 'e-byline', reviewerId: alice.id, decision: 'accept' });
    await expect(db.run("UPDATE verdicts SET decision = 'reject'")).rejects.toThrowError('verdicts are append-only');
    await expect(db.run('DELETE FROM verdicts')).rejects.toThrowError('verdicts are append-only');
  });
});

describe('listVerdicts and currentVerdicts', () => {
  it('lists the whole history oldest first, and the latest verdict per reviewer and edit as current', async () => {
    const { db, alice, bob } = await reviewedSeed();
    await recordVerdict(db, { editId: 'e-byline', reviewerId: alice.id, decision: 'accept' });
    await recordVerdict(db, { editId: 'e-byline', reviewerId: bob.id, decision: 'accept' });
    await recordVerdict(db, {
      editId: 'e-byline',
      reviewerId: alice.id,
      decision: 'reject',
      note: 'on second thought',
    });
    await recordVerdict(db, { editId: 'e-marker', reviewerId: alice.id, decision: 'amend', amendedText: '' });
    const history = (await listVerdicts(db, seedArticle.id)).map((v) => [v.reviewerName, v.editId, v.decision]);
    expect(history).toEqual([
      ['alice', 'e-byline', 'accept'],
      ['bob', 'e-byline', 'accept'],
      ['alice', 'e-byline', 'reject'],
      ['alice', 'e-marker', 'amend'],
    ]);
    const current = (await currentVerdicts(db, seedArticle.id)).map((v) => [
      v.reviewerName,
      v.editId,
      v.decision,
      v.note,
    ]);
    expect(current).toEqual([
      ['bob', 'e-byline', 'accept', null],
      ['alice', 'e-byline', 'reject', 'on second thought'],
      ['alice', 'e-marker', 'amend', null],
    ]);
  });
});

describe('articleVersion', () => {
  it('grows with every verdict and stays put when an unchanged article is imported again', async () => {
    const { db, alice } = await reviewedSeed();
    const first = await articleVersion(db, 'lavrov-in-china');
    await recordVerdict(db, { editId: 'e-byline', reviewerId: alice.id, decision: 'reject' });
    const second = await articleVersion(db, 'lavrov-in-china');
    expect(Number(second)).toBeGreaterThan(Number(first));
    await importArticle(db, seedArticle, seedEdits);
    expect(await articleVersion(db, 'lavrov-in-china')).toBe(second);
    expect(await articleVersion(db, 'no-such-article')).toBeUndefined();
    expect((await articleRevisions(db)).map((r) => r.id)).toEqual(['lavrov-in-china']);
  });
});
