// loadStatistics keeps per-article parts: after any change its answer equals a fresh aggregate over the store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCorpus } from '../../src/import-corpus.ts';
import type { ArticleReview } from '../../src/review/article-review.ts';
import {
  computedParts,
  loadStatistics,
  pendingArticles,
  STATS_VERSION,
  statisticsLoadedFrom,
  storeComputedParts,
  warmStatistics,
} from '../../src/stats/load-stats.ts';
import { aggregate } from '../../src/stats/statistics.ts';
import { loadArticleReview } from '../../src/store/article-review.ts';
import {
  archiveArticle,
  archiveStateOf,
  createReviewer,
  listArticles,
  listEdits,
  openStore,
  recordVerdict,
  type Store,
  unarchiveArticle,
} from '../../src/store/index.ts';
import { createTestStore, type TestStore } from '../support/test-store.ts';

let testStore: TestStore;
let db: Store;
beforeAll(async () => {
  testStore = await createTestStore();
  db = testStore.store;
});
afterAll(() => testStore.remove());

/** The statistics of every article in `store` not archived, computed from scratch. */
async function fresh(store: Store) {
  const reviews: ArticleReview[] = [];
  for (const { id } of await listArticles(store)) {
    if ((await archiveStateOf(store, id))?.archivedAt) continue;
    reviews.push((await loadArticleReview(store, id)) as ArticleReview);
  }
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

  it('stores every part: after a restart the statistics are read back, equal to a fresh computation', async () => {
    const other = await createTestStore();
    try {
      await importCorpus(other.store, 'test/fixtures/corpus');
      await importCorpus(other.store, 'corpus');
      const anna = await createReviewer(other.store, 'anna', 'a long passphrase');
      const [first] = await listEdits(other.store, 'lavrov-in-china');
      await recordVerdict(other.store, { editId: first?.id as string, reviewerId: anna.id, decision: 'accept' });
      expect(await loadStatistics(other.store)).toEqual(await fresh(other.store));
      const stored = await other.store.get<{ n: number }>('SELECT count(*) AS n FROM article_stats');
      expect(Number(stored?.n)).toBe(9);

      // A restart: a new store object has no parts in memory; every part is read back, none recomputed.
      await other.store.close();
      other.store = await openStore(other.location);
      const computed = await countingComputations(other.store, () => loadStatistics(other.store));
      expect(computed.count).toBe(0);
      expect(computed.result).toEqual(await fresh(other.store));

      // A verdict after the restart: one article recomputed, the answer still a fresh computation's.
      await recordVerdict(other.store, { editId: first?.id as string, reviewerId: anna.id, decision: 'reject' });
      const after = await countingComputations(other.store, () => loadStatistics(other.store));
      expect(after.count).toBe(1);
      expect(after.result).toEqual(await fresh(other.store));
      await other.store.close();
      other.store = await openStore(other.location);
      expect(await loadStatistics(other.store)).toEqual(await fresh(other.store));
      // A part stored by another statistics version is not trusted (nor its listed numbers, nor the checkpoint).
      await other.store.run(`UPDATE article_stats SET part = '{"version":0,"part":{}}', listed = '{"version":0}'`);
      await other.store.close();
      other.store = await openStore(other.location);
      const recomputed = await countingComputations(other.store, () => loadStatistics(other.store));
      expect(recomputed.count).toBe(9);
      expect(recomputed.result).toEqual(await fresh(other.store));
    } finally {
      await other.remove();
    }
  });

  it('two servers on one database: each answers a fresh computation after the other updated the same articles', async () => {
    const one = await createTestStore();
    const two = await openStore(one.location);
    try {
      await importCorpus(one.store, 'test/fixtures/corpus');
      await importCorpus(one.store, 'corpus');
      expect(await loadStatistics(one.store)).toEqual(await fresh(one.store));
      expect(await loadStatistics(two)).toEqual(await fresh(two));
      const anna = await createReviewer(one.store, 'anna', 'a long passphrase');
      const [first, second] = await listEdits(one.store, 'lavrov-in-china');
      // The first server updates the article twice: the part the second one holds is no longer stored.
      await recordVerdict(one.store, { editId: first?.id as string, reviewerId: anna.id, decision: 'accept' });
      expect(await loadStatistics(one.store)).toEqual(await fresh(one.store));
      await recordVerdict(two, { editId: second?.id as string, reviewerId: anna.id, decision: 'reject' });
      expect(await loadStatistics(one.store)).toEqual(await fresh(one.store));
      expect(await loadStatistics(two)).toEqual(await fresh(two));
      await recordVerdict(two, {
        editId: first?.id as string,
        reviewerId: anna.id,
        decision: 'amend',
        amendedText: 'x',
      });
      expect(await loadStatistics(two)).toEqual(await fresh(two));
      expect(await loadStatistics(one.store)).toEqual(await fresh(one.store));
    } finally {
      await two.close();
      await one.remove();
    }
  });

  it('with a time budget answers at once with the previous parts and finishes the update in the background', async () => {
    const other = await createTestStore();
    try {
      await importCorpus(other.store, 'test/fixtures/corpus');
      // No part yet: nothing to show meanwhile, so the answer waits for the update (done in slices).
      expect(await loadStatistics(other.store, { budgetMs: 0 })).toEqual(await fresh(other.store));
      const before = await loadStatistics(other.store);
      const anna = await createReviewer(other.store, 'anna', 'a long passphrase');
      for (const { id } of await listArticles(other.store)) {
        const [edit] = await listEdits(other.store, id);
        if (edit) await recordVerdict(other.store, { editId: edit.id, reviewerId: anna.id, decision: 'accept' });
      }
      const quick = await loadStatistics(other.store, { budgetMs: 0 });
      // One article at least per call; the others keep their previous numbers until the background is done.
      expect(pendingArticles(other.store)).toBeGreaterThan(0);
      expect(quick.corpus.decided).toBeLessThan((await fresh(other.store)).corpus.decided);
      expect(quick.corpus.articles).toBe(before.corpus.articles);
      for (let i = 0; i < 500 && pendingArticles(other.store) > 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(pendingArticles(other.store)).toBe(0);
      const updated = await loadStatistics(other.store, { budgetMs: 0 });
      expect(updated).toEqual(await fresh(other.store));
      // The parts computed in the background are written together, a little later: once written, a restart reads
      // every one of them back.
      await storeComputedParts(other.store);
      await other.store.close();
      other.store = await openStore(other.location);
      const restarted = await countingComputations(other.store, () => loadStatistics(other.store));
      expect(restarted.count).toBe(0);
      expect(restarted.result).toEqual(updated);
    } finally {
      await other.remove();
    }
  });
});

describe('loadStatistics reading only what changed', () => {
  it('stays equal to a fresh computation through archiving, unarchiving, verdicts and a change it missed', async () => {
    const other = await createTestStore();
    try {
      await importCorpus(other.store, 'test/fixtures/corpus');
      expect(await loadStatistics(other.store)).toEqual(await fresh(other.store));
      const [first, second] = await listArticles(other.store);
      const anna = await createReviewer(other.store, 'anna', 'a long passphrase');
      await archiveArticle(other.store, first?.id as string, anna.id);
      const archived = await loadStatistics(other.store);
      expect(archived).toEqual(await fresh(other.store));
      expect(archived.articles.map((a) => a.id)).not.toContain(first?.id);
      const [edit] = await listEdits(other.store, second?.id as string);
      await recordVerdict(other.store, { editId: edit?.id as string, reviewerId: anna.id, decision: 'accept' });
      await unarchiveArticle(other.store, first?.id as string);
      const back = await countingComputations(other.store, () => loadStatistics(other.store));
      // The verdict's article, and the unarchived one (its revision moved when it was archived).
      expect(back.count).toBe(2);
      expect(back.result).toEqual(await fresh(other.store));

      // A change committed with a change number below the highest already read (two writers at once on PostgreSQL):
      // the signature of all revisions tells, and every revision is read again.
      await recordVerdict(other.store, { editId: edit?.id as string, reviewerId: anna.id, decision: 'reject' });
      await other.store.run('UPDATE article_revisions SET changed = 1 WHERE article_id = :id', {
        id: second?.id as string,
      });
      const missed = await countingComputations(other.store, () => loadStatistics(other.store));
      expect(missed.count).toBe(1);
      expect(missed.result).toEqual(await fresh(other.store));
      expect(missed.result.corpus.decisions.rejected).toBeGreaterThan(0);
    } finally {
      await other.remove();
    }
  });
});

describe('loadStatistics through the checkpoint of the totals', () => {
  /** The store reopened, as a restart opens it: nothing of it in memory. */
  async function restart(store: TestStore): Promise<Store> {
    await store.store.close();
    store.store = await openStore(store.location);
    return store.store;
  }

  it("a start after a clean stop reads each part's listed numbers only, and answers a fresh computation", async () => {
    const other = await createTestStore();
    try {
      await importCorpus(other.store, 'test/fixtures/corpus');
      await importCorpus(other.store, 'corpus');
      const anna = await createReviewer(other.store, 'anna', 'a long passphrase');
      const bob = await createReviewer(other.store, 'bob', 'a long passphrase');
      for (const { id } of await listArticles(other.store)) {
        const [one, two] = await listEdits(other.store, id);
        if (one) await recordVerdict(other.store, { editId: one.id, reviewerId: anna.id, decision: 'accept' });
        if (one) await recordVerdict(other.store, { editId: one.id, reviewerId: bob.id, decision: 'reject' });
        if (two) await recordVerdict(other.store, { editId: two.id, reviewerId: bob.id, decision: 'accept' });
      }
      expect(await warmStatistics(other.store)).toBe(9);
      await storeComputedParts(other.store);
      const before = await loadStatistics(other.store);
      expect(before.agreement.length).toBeGreaterThan(0);
      expect(before.recurring.length + before.checks.length).toBeGreaterThan(0);

      let store = await restart(other);
      const read = await countingComputations(store, () => loadStatistics(store));
      expect(statisticsLoadedFrom(store)).toBe('checkpoint');
      expect(read.count).toBe(0);
      expect(read.result).toEqual(await fresh(store));
      expect(read.result).toEqual(before);

      // A verdict after the start: the checkpoint's totals move like any others; stopped, the next start uses the
      // new checkpoint.
      const [edit] = await listEdits(store, 'lavrov-in-china');
      await recordVerdict(store, { editId: edit?.id as string, reviewerId: anna.id, decision: 'reject' });
      expect(await loadStatistics(store)).toEqual(await fresh(store));
      await storeComputedParts(store);
      store = await restart(other);
      expect(await loadStatistics(store)).toEqual(await fresh(store));
      expect(statisticsLoadedFrom(store)).toBe('checkpoint');

      // Parts stored before their listed numbers were kept apart (a database from before migration 17), or kept in
      // the first layout (keyed JSON): read whole once, which stores their listed numbers as this code reads them, so
      // the start after uses the checkpoint again.
      for (const listed of [null, `{"version":${STATS_VERSION},"stats":{},"published":null,"accepted":[]}`]) {
        await store.run('UPDATE article_stats SET listed = :listed', { listed });
        store = await restart(other);
        expect(await loadStatistics(store)).toEqual(await fresh(store));
        expect(statisticsLoadedFrom(store)).toBe('parts');
        await storeComputedParts(store);
        store = await restart(other);
        const upgraded = await countingComputations(store, () => loadStatistics(store));
        expect(statisticsLoadedFrom(store)).toBe('checkpoint');
        expect(upgraded.count).toBe(0);
        expect(upgraded.result).toEqual(await fresh(store));
      }
    } finally {
      await other.remove();
    }
  });

  it('a checkpoint that no longer holds is left: a part stored after it, another version, an archived article', async () => {
    const other = await createTestStore();
    try {
      await importCorpus(other.store, 'test/fixtures/corpus');
      const anna = await createReviewer(other.store, 'anna', 'a long passphrase');
      await loadStatistics(other.store);
      await storeComputedParts(other.store);
      const [checkpoint] = await other.store.all<{ body: string }>('SELECT body FROM stats_checkpoint');
      expect(checkpoint?.body).toBeDefined();

      // A part stored after the checkpoint, which was not written again (a server killed in between): the article's
      // part the checkpoint counts is gone, so every part is read whole.
      let store = await restart(other);
      const [first, second] = await listArticles(store);
      const [edit] = await listEdits(store, first?.id as string);
      await recordVerdict(store, { editId: edit?.id as string, reviewerId: anna.id, decision: 'accept' });
      await loadStatistics(store);
      await storeComputedParts(store);
      await store.run('UPDATE stats_checkpoint SET body = :body', { body: checkpoint?.body as string });
      store = await restart(other);
      const stale = await countingComputations(store, () => loadStatistics(store));
      expect(statisticsLoadedFrom(store)).toBe('parts');
      expect(stale.count).toBe(0);
      expect(stale.result).toEqual(await fresh(store));
      await storeComputedParts(store);

      // An archived article's part stays stored, uncounted: read whole, then left out as the article is archived.
      await archiveArticle(store, second?.id as string, anna.id);
      expect(await loadStatistics(store)).toEqual(await fresh(store));
      await storeComputedParts(store);
      store = await restart(other);
      const archived = await loadStatistics(store);
      expect(statisticsLoadedFrom(store)).toBe('checkpoint');
      expect(archived).toEqual(await fresh(store));
      expect(archived.articles.map((a) => a.id)).not.toContain(second?.id);

      // A checkpoint written by another statistics version is not read.
      await store.run('UPDATE stats_checkpoint SET version = :version', { version: STATS_VERSION + 1 });
      store = await restart(other);
      expect(await loadStatistics(store)).toEqual(await fresh(store));
      expect(statisticsLoadedFrom(store)).toBe('parts');
    } finally {
      await other.remove();
    }
  });
});

/** Runs `work` and counts the article parts it computed. */
async function countingComputations<T>(store: Store, work: () => Promise<T>): Promise<{ result: T; count: number }> {
  const before = computedParts(store);
  const result = await work();
  return { result, count: computedParts(store) - before };
}
