// Tests of importing articles (idempotence, stale and revived edits), the reviewer's corrected text, the list.
import { describe, expect, it } from 'vitest';
import { getArticle, importArticle, listArticles, setCorrectedText } from '../../src/store/articles.ts';
import { addReviewerEdit, listEdits } from '../../src/store/edits.ts';
import { ConflictError, NotFoundError } from '../../src/store/errors.ts';
import { latestTextChangeUnderVerdicts, listTextRevisions } from '../../src/store/text-revisions.ts';
import { currentVerdicts, listVerdicts } from '../../src/store/verdict-reads.ts';
import { recordVerdict } from '../../src/store/verdicts.ts';
import {
  addReviewer,
  bylineEdit,
  makeEdit,
  openTestStore,
  reviewRows,
  seedArticle,
  seedEdits,
  sergeyEdit,
} from './helpers.ts';

const withoutCorrected = { ...seedArticle, id: 'mt-only', corrected: undefined };

describe('importArticle', () => {
  it('stores a new article with its metadata and edits', async () => {
    const db = await openTestStore();
    expect(await importArticle(db, seedArticle, seedEdits)).toEqual({
      status: 'new',
      added: 3,
      staled: 0,
      revived: 0,
      revision: 1,
    });
    const article = await getArticle(db, seedArticle.id);
    expect(article).toMatchObject({ title: 'Lavrov in China', publisher: 'fr.de', sourceLang: 'de' });
    expect(article).toMatchObject({ mt: seedArticle.mt, corrected: seedArticle.corrected, correctedOrigin: 'file' });
    expect(article?.author).toBeNull();
    expect((await listEdits(db, seedArticle.id)).map((edit) => edit.id)).toEqual(['e-byline', 'e-sergey', 'e-marker']);
  });

  it('writes nothing when the same article is imported again', async () => {
    const db = await openTestStore();
    await importArticle(db, seedArticle, seedEdits);
    const before = await reviewRows(db);
    const copy = { ...seedArticle, meta: { ...seedArticle.meta } };
    expect(
      await importArticle(
        db,
        copy,
        seedEdits.map((edit) => ({ ...edit })),
      ),
    ).toEqual({
      status: 'unchanged',
      added: 0,
      staled: 0,
      revived: 0,
    });
    expect(await reviewRows(db)).toEqual(before);
  });

  it('updates when only the metadata changed, keeping the edits', async () => {
    const db = await openTestStore();
    await importArticle(db, seedArticle, seedEdits);
    const retitled = { ...seedArticle, meta: { ...seedArticle.meta, title: 'Lavrov visits China' } };
    expect(await importArticle(db, retitled, seedEdits)).toEqual({
      status: 'updated',
      added: 0,
      staled: 0,
      revived: 0,
      revision: 2,
    });
    expect((await getArticle(db, seedArticle.id))?.title).toBe('Lavrov visits China');
  });

  it('marks edits no longer produced stale, keeps their verdicts, and revives them when they come back', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    await importArticle(db, seedArticle, seedEdits);
    await recordVerdict(db, {
      editId: 'e-marker',
      reviewerId: alice.id,
      decision: 'accept',
      category: 'design/link-residue',
    });
    await recordVerdict(db, { editId: 'e-sergey', reviewerId: alice.id, decision: 'accept' });

    // The post-editor no longer removes the link marker, and fixes the word order instead.
    const revised = { ...seedArticle, corrected: 'By Marvin Ziegele. Sergei Lavrov visits China*.' };
    const newEdits = [...seedEdits.slice(0, 2), makeEdit('e-visits', 34, 'visits', 'is visiting')];
    expect(await importArticle(db, revised, newEdits)).toEqual({
      status: 'updated',
      added: 1,
      staled: 1,
      revived: 0,
      revision: 2,
    });
    expect((await listEdits(db, seedArticle.id)).map((edit) => edit.id)).toEqual(['e-byline', 'e-sergey', 'e-visits']);
    const all = await listEdits(db, seedArticle.id, { includeStale: true });
    expect(all.map((edit) => [edit.id, edit.status])).toContainEqual(['e-marker', 'stale']);
    expect((await listVerdicts(db, seedArticle.id)).map((verdict) => verdict.editId)).toEqual(['e-marker', 'e-sergey']);
    expect(await currentVerdicts(db, seedArticle.id)).toHaveLength(2);

    expect(await importArticle(db, seedArticle, seedEdits)).toEqual({
      status: 'updated',
      added: 0,
      staled: 1,
      revived: 1,
      revision: 3,
    });
    // The history of the text: the revision that moved it from a decided edit says so.
    const history = await listTextRevisions(db, seedArticle.id, { limit: 10 });
    expect(history.map((r) => [r.number, r.via, r.staled, r.revived, r.reviewedStaled])).toEqual([
      [3, 'corpus', 1, 1, 0],
      [2, 'corpus', 1, 0, 1],
      [1, 'corpus', 0, 0, 0],
    ]);
    expect((await latestTextChangeUnderVerdicts(db, seedArticle.id))?.number).toBe(2);
    expect((await listEdits(db, seedArticle.id)).map((edit) => edit.id)).toEqual(['e-byline', 'e-sergey', 'e-marker']);
    // Revived, the edit is current again with its verdict still on it.
    expect((await listArticles(db))[0]).toMatchObject({ edits: 3, reviewed: 2 });
  });

  it('never stales an edit a reviewer added', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    await importArticle(db, seedArticle, seedEdits);
    await addReviewerEdit(db, seedArticle.id, makeEdit('r-lavrov', 27, 'Lavrov', 'Lavrov,'), alice.id);
    const result = await importArticle(db, { ...seedArticle, corrected: seedArticle.mt }, []);
    expect(result).toEqual({ status: 'updated', added: 0, staled: 3, revived: 0, revision: 2 });
    expect((await listEdits(db, seedArticle.id)).map((edit) => [edit.id, edit.origin])).toEqual([
      ['r-lavrov', 'reviewer'],
    ]);
  });

  it("keeps the reviewer's corrected text when the folder has no corrected.txt", async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    await importArticle(db, withoutCorrected, []);
    await setCorrectedText(db, 'mt-only', 'By Marvin Ziegele. Sergey Lavrov visits China*.', [bylineEdit], alice.id);
    const changedMeta = { ...withoutCorrected, meta: { ...withoutCorrected.meta, author: 'Marvin Ziegele' } };
    expect(await importArticle(db, changedMeta, [])).toEqual({
      status: 'updated',
      added: 0,
      staled: 0,
      revived: 0,
      revision: 2,
    });
    const article = await getArticle(db, 'mt-only');
    expect(article).toMatchObject({ correctedOrigin: 'reviewer', correctedBy: alice.id, author: 'Marvin Ziegele' });
    expect(article?.corrected).toBe('By Marvin Ziegele. Sergey Lavrov visits China*.');
    expect((await listEdits(db, 'mt-only')).map((edit) => edit.id)).toEqual(['e-byline']);
  });

  it('lets a corrected.txt that appears later take over from the reviewer', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    await importArticle(db, withoutCorrected, []);
    await setCorrectedText(db, 'mt-only', 'By Marvin Ziegele. Sergey Lavrov visits China*.', [bylineEdit], alice.id);
    const withFile = { ...withoutCorrected, corrected: seedArticle.corrected };
    expect(await importArticle(db, withFile, seedEdits)).toMatchObject({ added: 2, staled: 0 });
    expect(await getArticle(db, 'mt-only')).toMatchObject({ correctedOrigin: 'file', correctedBy: null });
  });

  it('refuses an edit id that another article already uses', async () => {
    const db = await openTestStore();
    await importArticle(db, seedArticle, seedEdits);
    await expect(importArticle(db, withoutCorrected, [bylineEdit])).rejects.toThrowError(ConflictError);
    expect(await getArticle(db, 'mt-only')).toBeUndefined();
  });
});

describe('setCorrectedText', () => {
  it('syncs the edits computed for the typed text: those it drops turn stale, check edits included', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    const star = makeEdit('c-star', 46, '*', '', 'check:link-marker');
    await importArticle(db, withoutCorrected, [star]);
    const first = await setCorrectedText(db, 'mt-only', 'x', [bylineEdit, sergeyEdit, star], alice.id);
    expect(first).toEqual({ added: 2, staled: 0, revived: 0 });
    // The typed text replaces the checks' suggestions as an import of corrected.txt would: what it drops goes stale.
    expect(await setCorrectedText(db, 'mt-only', 'y', [sergeyEdit], alice.id)).toEqual({
      added: 0,
      staled: 2,
      revived: 0,
    });
    expect((await listEdits(db, 'mt-only')).map((edit) => [edit.id, edit.createdBy])).toEqual([['e-sergey', alice.id]]);
    expect((await listEdits(db, 'mt-only', { includeStale: true })).map((edit) => edit.id)).toContain('c-star');
  });

  it('refuses an article whose corrected text comes from corrected.txt, and an unknown article', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    await importArticle(db, seedArticle, seedEdits);
    await expect(setCorrectedText(db, seedArticle.id, 'x', [], alice.id)).rejects.toThrowError(ConflictError);
    await expect(setCorrectedText(db, 'nope', 'x', [], alice.id)).rejects.toThrowError(NotFoundError);
  });
});

describe('listArticles and getArticle', () => {
  it('counts current edits and those with a current verdict', async () => {
    const db = await openTestStore();
    const alice = await addReviewer(db);
    const bob = await addReviewer(db, 'bob');
    await importArticle(db, seedArticle, seedEdits);
    await importArticle(db, { ...withoutCorrected, meta: { title: 'Undated' } }, []);
    await recordVerdict(db, { editId: 'e-byline', reviewerId: alice.id, decision: 'accept' });
    await recordVerdict(db, { editId: 'e-byline', reviewerId: bob.id, decision: 'reject' });
    await recordVerdict(db, { editId: 'e-marker', reviewerId: bob.id, decision: 'accept' });
    expect(await listArticles(db)).toEqual([
      {
        id: 'lavrov-in-china',
        title: 'Lavrov in China',
        publisher: 'fr.de',
        published: '2022-03-30',
        edits: 3,
        reviewed: 2,
      },
      { id: 'mt-only', title: 'Undated', publisher: null, published: null, edits: 0, reviewed: 0 },
    ]);
  });

  it('returns undefined for an unknown article', async () => {
    expect(await getArticle(await openTestStore(), 'nope')).toBeUndefined();
  });
});
