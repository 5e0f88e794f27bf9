// Tests of reading edits and adding a reviewer's own edit.
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../src/store/articles.ts';
import { addReviewerEdit, getEdit, listEdits, setEditAside } from '../../src/store/edits.ts';
import { ConflictError, NotFoundError, StoreError } from '../../src/store/errors.ts';
import type { Store } from '../../src/store/sql.ts';
import { listVerdicts } from '../../src/store/verdict-reads.ts';
import { recordVerdict } from '../../src/store/verdicts.ts';
import { addReviewer, bylineEdit, makeEdit, markerEdit, openTestStore, seedArticle, seedEdits } from './helpers.ts';

describe('listEdits', () => {
  it('orders edits by MT offset, then by the order the diff gave them', async () => {
    const db = await openTestStore();
    const insertion = makeEdit('e-insert', 20, '', 'Russian Foreign Minister ');
    await importArticle(db, seedArticle, [markerEdit, makeEdit('e-after', 20, 'Sergey', 'Sergei'), bylineEdit]);
    expect((await listEdits(db, seedArticle.id)).map((edit) => edit.id)).toEqual(['e-byline', 'e-after', 'e-marker']);
    await importArticle(db, seedArticle, [insertion, makeEdit('e-after', 20, 'Sergey', 'Sergei')]);
    expect((await listEdits(db, seedArticle.id)).map((edit) => edit.id)).toEqual(['e-insert', 'e-after']);
    expect((await listEdits(db, seedArticle.id, { includeStale: true })).map((edit) => edit.id)).toEqual([
      'e-byline',
      'e-insert',
      'e-after',
      'e-marker',
    ]);
  });

  it('keeps the suggestion a check attached to its edit', async () => {
    const db = await openTestStore();
    const suggestion = {
      ...makeEdit('c-star', 46, '*', '', 'check:link-marker'),
      suggestedCategory: 'design/link-residue',
      suggestedSeverity: 'minor' as const,
      suggestedMessage: 'Link marker left in the text',
    };
    await importArticle(db, { ...seedArticle, corrected: undefined }, [suggestion]);
    expect(await getEdit(db, 'c-star')).toMatchObject({
      origin: 'check:link-marker',
      suggestedCategory: 'design/link-residue',
      suggestedSeverity: 'minor',
      suggestedMessage: 'Link marker left in the text',
      status: 'current',
      articleId: seedArticle.id,
    });
    expect((await getEdit(db, 'e-byline'))?.suggestedCategory).toBeUndefined();
    expect(await getEdit(db, 'nope')).toBeUndefined();
  });
});

describe('addReviewerEdit', () => {
  it("stores the edit with origin 'reviewer' and its author", async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    await importArticle(db, seedArticle, seedEdits);
    const stored = await addReviewerEdit(db, seedArticle.id, makeEdit('r-1', 34, 'visits', 'is visiting'), alice.id);
    expect(stored).toMatchObject({ id: 'r-1', origin: 'reviewer', createdBy: alice.id, status: 'current', ordinal: 3 });
    expect((await listEdits(db, seedArticle.id)).map((edit) => edit.id)).toEqual([
      'e-byline',
      'e-sergey',
      'r-1',
      'e-marker',
    ]);
  });

  it('refuses an unknown article and an id already taken', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    await importArticle(db, seedArticle, seedEdits);
    await expect(addReviewerEdit(db, 'nope', makeEdit('r-1', 0, 'Of:', 'By'), alice.id)).rejects.toThrowError(
      NotFoundError,
    );
    await expect(addReviewerEdit(db, seedArticle.id, bylineEdit, alice.id)).rejects.toThrowError(ConflictError);
  });

  it('refuses, inside its transaction, a span that overlaps or an insertion that touches a current edit', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    await importArticle(db, seedArticle, seedEdits);
    const before = await listEdits(db, seedArticle.id);
    const mt = seedArticle.mt;
    const insertion = (id: string, at: number) => makeEdit(id, at, '', 'new ');
    // e-sergey is [20, 26): an insertion at its start, at its end or inside it has no place in the resolved text.
    for (const edit of [
      insertion('r-start', 20),
      insertion('r-end', 26),
      insertion('r-inside', 22),
      makeEdit('r-overlap', 18, mt.slice(18, 22), 'x'),
      makeEdit('r-covers', 19, mt.slice(19, 27), 'x'),
    ]) {
      await expect(addReviewerEdit(db, seedArticle.id, edit, alice.id), edit.id).rejects.toThrowError(ConflictError);
    }
    expect(await listEdits(db, seedArticle.id)).toEqual(before);
  });

  it('refuses a span outside the MT or whose text is not the MT there, as invalid', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    await importArticle(db, seedArticle, seedEdits);
    const length = seedArticle.mt.length;
    for (const edit of [
      makeEdit('r-past-end', length, 'x', 'y'),
      { ...makeEdit('r-negative', 0, 'Of', 'x'), mtStart: -1 },
      makeEdit('r-wrong-text', 30, 'Lavrov', 'x'),
    ]) {
      let thrown: unknown;
      try {
        await addReviewerEdit(db, seedArticle.id, edit, alice.id);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, edit.id).toBeInstanceOf(StoreError);
      expect((thrown as StoreError).kind, edit.id).toBe('invalid');
    }
    expect((await listEdits(db, seedArticle.id)).map((edit) => edit.id)).toEqual(['e-byline', 'e-sergey', 'e-marker']);
  });

  it('accepts an insertion between edits and a span that merely touches an edit', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    await importArticle(db, seedArticle, seedEdits);
    await addReviewerEdit(db, seedArticle.id, makeEdit('r-between', 27, '', 'the '), alice.id);
    await addReviewerEdit(db, seedArticle.id, makeEdit('r-touching', 3, ' Marvin', ' M.'), alice.id);
    expect((await listEdits(db, seedArticle.id)).map((edit) => edit.id)).toEqual([
      'e-byline',
      'r-touching',
      'e-sergey',
      'r-between',
      'e-marker',
    ]);
  });
});

describe('reviewer edits across imports', () => {
  const reviewerLavrov = () => ({
    ...makeEdit('r-lavrov', 27, 'Lavrov', 'Lavrov,'),
    contextBefore: 'Sergey ',
    contextAfter: ' visits',
  });
  const current = async (db: Store) => (await listEdits(db, seedArticle.id)).map((edit) => [edit.id, edit.mtStart]);

  it('turn stale when a post-edit edit takes their span, verdicts kept, and come back when it goes', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    await importArticle(db, seedArticle, seedEdits);
    await addReviewerEdit(db, seedArticle.id, reviewerLavrov(), alice.id);
    await recordVerdict(db, { editId: 'r-lavrov', reviewerId: alice.id, decision: 'accept' });
    const taking = makeEdit('e-name', 20, 'Sergey Lavrov', 'Sergei Lavrov');
    expect(await importArticle(db, { ...seedArticle, corrected: 'changed' }, [bylineEdit, taking])).toMatchObject({
      staled: 3,
    });
    expect(await current(db)).toEqual([
      ['e-byline', 0],
      ['e-name', 20],
    ]);
    expect(await listVerdicts(db, seedArticle.id)).toHaveLength(1);
    expect(await importArticle(db, seedArticle, seedEdits)).toMatchObject({ revived: 3 });
    expect(await current(db)).toContainEqual(['r-lavrov', 27]);
  });

  it('move with their text when the MT changes around them, and turn stale when it is gone', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    await importArticle(db, seedArticle, seedEdits);
    await addReviewerEdit(db, seedArticle.id, reviewerLavrov(), alice.id);
    const longer = { ...seedArticle, mt: `Breaking. ${seedArticle.mt}` };
    await importArticle(db, longer, []);
    expect(await current(db)).toEqual([['r-lavrov', 37]]);
    expect(await getEdit(db, 'r-lavrov')).toMatchObject({ mtStart: 37, mtEnd: 43, status: 'current' });
    await importArticle(db, { ...seedArticle, mt: 'Of: Marvin Ziegele. Sergey visits China*.' }, []);
    expect((await getEdit(db, 'r-lavrov'))?.status).toBe('stale');
  });
});

describe('setEditAside', () => {
  it('turns a current edit stale and refuses an unknown or already stale one', async () => {
    const db = await openTestStore();
    await importArticle(db, seedArticle, seedEdits);
    expect((await setEditAside(db, seedArticle.id, 'e-sergey')).status).toBe('stale');
    await expect(setEditAside(db, seedArticle.id, 'e-sergey')).rejects.toThrowError(ConflictError);
    await expect(setEditAside(db, seedArticle.id, 'nope')).rejects.toThrowError(NotFoundError);
  });
});
