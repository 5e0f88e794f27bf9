// Revision change numbers (article_revisions.changed): what changed since a moment is read alone, on both engines.
import { describe, expect, it } from 'vitest';
import { archiveArticle } from '../../src/store/article-archive.ts';
import { importArticle } from '../../src/store/articles.ts';
import { allRevisions, revisionsChangedAfter } from '../../src/store/revision-changes.ts';
import { recordVerdict } from '../../src/store/verdicts.ts';
import { addReviewer, bylineEdit, openTestStore, seedArticle, seedEdits } from './helpers.ts';

describe('revision change numbers', () => {
  it('move past every number before on each change; the changed rows and the signature are read together', async () => {
    const db = await openTestStore();
    await importArticle(db, seedArticle, seedEdits);
    await importArticle(db, { ...seedArticle, id: 'other', dir: 'other' }, []);
    const before = await allRevisions(db);
    expect(before.map((r) => r.id).sort()).toEqual(['other', seedArticle.id].sort());
    const seen = Math.max(...before.map((r) => r.changed));
    const sum = before.reduce((total, r) => total + r.changed, 0);
    expect(await revisionsChangedAfter(db, seen)).toEqual({ rows: [], signature: { count: 2, sum } });

    const anna = await addReviewer(db, 'anna');
    await recordVerdict(db, { editId: bylineEdit.id, reviewerId: anna.id, decision: 'accept' });
    const afterVerdict = await revisionsChangedAfter(db, seen);
    expect(afterVerdict.rows.map((r) => r.id)).toEqual([seedArticle.id]);
    const [changed] = afterVerdict.rows;
    const old = before.find((r) => r.id === seedArticle.id);
    expect(changed?.revision).toBeGreaterThan(old?.revision as number);
    expect(changed?.changed).toBeGreaterThan(seen);
    expect(afterVerdict.signature).toEqual({
      count: 2,
      sum: sum - (old?.changed as number) + (changed?.changed as number),
    });

    await archiveArticle(db, 'other', null);
    const archived = await revisionsChangedAfter(db, changed?.changed as number);
    expect(archived.rows).toMatchObject([{ id: 'other', archived: true }]);
    await db.close();
  });
});
