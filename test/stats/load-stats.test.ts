// loadStatistics keeps per-article parts: after any change its answer equals a fresh aggregate over the store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCorpus } from '../../src/import-corpus.ts';
import type { ArticleReview } from '../../src/review/article-review.ts';
import { loadStatistics, warmStatistics } from '../../src/stats/load-stats.ts';
import { aggregate } from '../../src/stats/statistics.ts';
import { loadArticleReview } from '../../src/store/article-review.ts';
import { createReviewer, listArticles, listEdits, recordVerdict, type Store } from '../../src/store/index.ts';
import { createTestStore, type TestStore } from '../support/test-store.ts';

let testStore: TestStore;
let db: Store;
beforeAll(async () => {
  testStore = await createTestStore();
  db = testStore.store;
});
afterAll(() => testStore.remove());

/** The statistics of every article in `store`, computed from scratch. */
async function fresh(store: Store) {
  const reviews: ArticleReview[] = [];
  for (const { id } of await listArticles(store)) reviews.push((await loadArticleReview(store, id)) as ArticleReview);
  return aggregate(reviews);
}

describe('loadStatistics', () => {
  it('answers what a fresh aggregate answers, before and after verdicts and imports', async () => {
    await importCorpus(db, 'corpus');
    expect(await loadStatistics(db)).toEqual(await fresh(db));
    const anna = await createReviewer(db, 'anna', 'a long passphrase');
    const bob = await createReviewer(db, 'bob', 'a long passphrase');
    const [first, second] = await listEdits(db, 'lavrov-in-china');
    await recordVerdict(db, {
      editId: first?.id as string,
      reviewerId: anna.id,
      decision: 'accept',
      category: 'design/page-furniture',
      severity: 'major',
    });
    await recordVerdict(db, { editId: first?.id as string, reviewerId: bob.id, decision: 'reject' });
    await recordVerdict(db, {
      editId: second?.id as string,
      reviewerId: bob.id,
      decision: 'amend',
      amendedText: 'By:',
    });
    const after = await loadStatistics(db);
    expect(after).toEqual(await fresh(db));
    // Anna and Bob disagree on the first edit: disputed, not decided.
    expect(after.corpus.decided).toBe(1);
    expect(after.corpus.decisions.disputed).toBe(1);
    expect(after.agreement).toHaveLength(1);
    await importCorpus(db, 'test/fixtures/corpus');
    const more = await loadStatistics(db);
    expect(more).toEqual(await fresh(db));
    expect(more.articles.length).toBeGreaterThan(after.articles.length);
  });

  it('warms every article in the background to the same answer', async () => {
    const other = await createTestStore();
    try {
      await importCorpus(other.store, 'test/fixtures/corpus');
      expect(await warmStatistics(other.store, 2)).toBe(8);
      expect(await loadStatistics(other.store)).toEqual(await fresh(other.store));
    } finally {
      await other.remove();
    }
  });
});
