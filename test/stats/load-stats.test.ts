// loadStatistics keeps per-article parts: after any change its answer equals a fresh aggregate over the store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticleReview } from '../../src/export/load-review.ts';
import type { ArticleReview } from '../../src/export/types.ts';
import { importCorpus } from '../../src/import-corpus.ts';
import { loadStatistics, warmStatistics } from '../../src/stats/load-stats.ts';
import { aggregate } from '../../src/stats/statistics.ts';
import { createReviewer, listArticles, listEdits, openStore, recordVerdict } from '../../src/store/index.ts';

const folder = mkdtempSync(join(tmpdir(), 'mt-review-stats-'));
const db = openStore(join(folder, 'stats.db'));
afterAll(() => {
  db.close();
  rmSync(folder, { recursive: true, force: true });
});

const fresh = () => aggregate(listArticles(db).map((a) => loadArticleReview(db, a.id) as ArticleReview));

describe('loadStatistics', () => {
  it('answers what a fresh aggregate answers, before and after verdicts and imports', async () => {
    await importCorpus(db, 'corpus');
    expect(loadStatistics(db)).toEqual(fresh());
    const anna = await createReviewer(db, 'anna', 'a long passphrase');
    const bob = await createReviewer(db, 'bob', 'a long passphrase');
    const [first, second] = listEdits(db, 'lavrov-in-china');
    recordVerdict(db, {
      editId: first?.id as string,
      reviewerId: anna.id,
      decision: 'accept',
      category: 'design/page-furniture',
      severity: 'major',
    });
    recordVerdict(db, { editId: first?.id as string, reviewerId: bob.id, decision: 'reject' });
    recordVerdict(db, { editId: second?.id as string, reviewerId: bob.id, decision: 'amend', amendedText: 'By:' });
    const after = loadStatistics(db);
    expect(after).toEqual(fresh());
    expect(after.corpus.decided).toBe(2);
    expect(after.agreement).toHaveLength(1);
    await importCorpus(db, 'test/fixtures/corpus');
    const more = loadStatistics(db);
    expect(more).toEqual(fresh());
    expect(more.articles.length).toBeGreaterThan(after.articles.length);
  });

  it('warms every article in the background to the same answer', async () => {
    const other = openStore(join(folder, 'warm.db'));
    await importCorpus(other, 'test/fixtures/corpus');
    expect(await warmStatistics(other, 2)).toBe(8);
    const fromScratch = aggregate(listArticles(other).map((a) => loadArticleReview(other, a.id) as ArticleReview));
    expect(loadStatistics(other)).toEqual(fromScratch);
    other.close();
  });
});
