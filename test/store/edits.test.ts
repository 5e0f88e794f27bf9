// Tests of reading edits and adding a reviewer's own edit.
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../src/store/articles.ts';
import { addReviewerEdit, getEdit, listEdits } from '../../src/store/edits.ts';
import { ConflictError, NotFoundError } from '../../src/store/errors.ts';
import { addReviewer, bylineEdit, makeEdit, markerEdit, openTestStore, seedArticle, seedEdits } from './helpers.ts';

describe('listEdits', () => {
  it('orders edits by MT offset, then by the order the diff gave them', () => {
    const db = openTestStore();
    const insertion = makeEdit('e-insert', 20, '', 'Russian Foreign Minister ');
    importArticle(db, seedArticle, [markerEdit, makeEdit('e-after', 20, 'Sergey', 'Sergei'), bylineEdit]);
    expect(listEdits(db, seedArticle.id).map((edit) => edit.id)).toEqual(['e-byline', 'e-after', 'e-marker']);
    importArticle(db, seedArticle, [insertion, makeEdit('e-after', 20, 'Sergey', 'Sergei')]);
    expect(listEdits(db, seedArticle.id).map((edit) => edit.id)).toEqual(['e-insert', 'e-after']);
    expect(listEdits(db, seedArticle.id, { includeStale: true }).map((edit) => edit.id)).toEqual([
      'e-byline',
      'e-insert',
      'e-after',
      'e-marker',
    ]);
  });

  it('keeps the suggestion a check attached to its edit', () => {
    const db = openTestStore();
    const suggestion = {
      ...makeEdit('c-star', 46, '*', '', 'check:link-marker'),
      suggestedCategory: 'design/link-residue',
      suggestedSeverity: 'minor' as const,
      suggestedMessage: 'Link marker left in the text',
    };
    importArticle(db, { ...seedArticle, corrected: undefined }, [suggestion]);
    expect(getEdit(db, 'c-star')).toMatchObject({
      origin: 'check:link-marker',
      suggestedCategory: 'design/link-residue',
      suggestedSeverity: 'minor',
      suggestedMessage: 'Link marker left in the text',
      status: 'current',
      articleId: seedArticle.id,
    });
    expect(getEdit(db, 'e-byline')?.suggestedCategory).toBeUndefined();
    expect(getEdit(db, 'nope')).toBeUndefined();
  });
});

describe('addReviewerEdit', () => {
  it("stores the edit with origin 'reviewer' and its author", async () => {
    const db = openTestStore();
    const alice = await addReviewer(db);
    importArticle(db, seedArticle, seedEdits);
    const stored = addReviewerEdit(db, seedArticle.id, makeEdit('r-1', 34, 'visits', 'is visiting'), alice.id);
    expect(stored).toMatchObject({ id: 'r-1', origin: 'reviewer', createdBy: alice.id, status: 'current', ordinal: 3 });
    expect(listEdits(db, seedArticle.id).map((edit) => edit.id)).toEqual(['e-byline', 'e-sergey', 'r-1', 'e-marker']);
  });

  it('refuses an unknown article and an id already taken', async () => {
    const db = openTestStore();
    const alice = await addReviewer(db);
    importArticle(db, seedArticle, seedEdits);
    expect(() => addReviewerEdit(db, 'nope', makeEdit('r-1', 0, 'Of:', 'By'), alice.id)).toThrowError(NotFoundError);
    expect(() => addReviewerEdit(db, seedArticle.id, bylineEdit, alice.id)).toThrowError(ConflictError);
  });
});
