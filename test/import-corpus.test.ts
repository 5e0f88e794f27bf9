// Import with checks: suggestions as edits for an MT-only article, labels and extra suggestions beside a post-edit.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadedArticle } from '../src/corpus/types.ts';
import { applyVerdicts } from '../src/diff/index.ts';
import { editsFor, importLoadedArticle } from '../src/import-corpus.ts';
import type { ArticleReview } from '../src/review/article-review.ts';
import { resolveReview } from '../src/review/resolve.ts';
import { loadArticleReview } from '../src/store/article-review.ts';
import { createReviewer, listEdits, recordVerdict, type Store } from '../src/store/index.ts';
import { createTestStore, type TestStore } from './support/test-store.ts';

const seedMt = readFileSync(new URL('../corpus/lavrov-in-china/mt.txt', import.meta.url), 'utf8');
const seedCorrected = readFileSync(new URL('../corpus/lavrov-in-china/corrected.txt', import.meta.url), 'utf8');
const article = (id: string, corrected?: string): LoadedArticle => ({ id, dir: id, meta: {}, mt: seedMt, corrected });

const made: TestStore[] = [];
async function store(): Promise<Store> {
  const testStore = await createTestStore();
  made.push(testStore);
  return testStore.store;
}
afterEach(async () => {
  for (const testStore of made.splice(0)) await testStore.remove();
});

describe('editsFor', () => {
  it('makes the checks’ suggestions the edits of an article without a post-edit', async () => {
    const edits = await editsFor(await store(), article('seed-mt-only'));
    expect(edits.length).toBeGreaterThanOrEqual(10);
    expect(edits.every((e) => e.origin.startsWith('check:') && e.suggestedMessage)).toBe(true);
    const wladimir = edits.find((e) => e.mtText === 'Wladimir');
    expect(wladimir).toMatchObject({ correctedText: 'Vladimir', origin: 'check:house-style-name' });
  });

  it('labels post-edit edits with the check that explains them', async () => {
    const edits = await editsFor(await store(), article('seed', seedCorrected));
    const sergei = edits.find((e) => e.mtText === 'Sergei');
    expect(sergei).toMatchObject({
      origin: 'post-edit',
      checkId: 'name-variant',
      suggestedCategory: 'terminology/inconsistent-entity',
    });
    expect(edits.filter((e) => e.origin.startsWith('check:'))).toEqual([]);
  });

  it('offers what the post-edit missed as an extra suggestion that applies only once accepted', async () => {
    const db = await store();
    const missesWladimir = seedCorrected.replace('Vladimir Putin', 'Wladimir Putin');
    await importLoadedArticle(db, article('seed', missesWladimir));
    const extra = (await listEdits(db, 'seed')).find((e) => e.origin === 'check:house-style-name');
    expect(extra).toMatchObject({ mtText: 'Wladimir', correctedText: 'Vladimir' });

    const undecided = resolveReview((await loadArticleReview(db, 'seed')) as ArticleReview);
    expect(undecided.text).toBe(missesWladimir);
    expect(undecided.counts.undecided).toBe((await listEdits(db, 'seed')).length);

    const anna = await createReviewer(db, 'anna', 'a long passphrase');
    await recordVerdict(db, { editId: extra?.id as string, reviewerId: anna.id, decision: 'accept' });
    const accepted = resolveReview((await loadArticleReview(db, 'seed')) as ArticleReview);
    expect(accepted.text).toBe(seedCorrected);
  });

  it('keeps the round trip of the post-edit whatever the extras', async () => {
    const db = await store();
    const missesWladimir = seedCorrected.replace('Vladimir Putin', 'Wladimir Putin');
    const edits = await editsFor(db, article('seed', missesWladimir));
    const postEdit = edits.filter((e) => e.origin === 'post-edit');
    expect(applyVerdicts(seedMt, postEdit, new Map(), 'keep-correction')).toBe(missesWladimir);
    for (let i = 1; i < edits.length; i++) {
      expect(edits[i]?.mtStart).toBeGreaterThanOrEqual(edits[i - 1]?.mtEnd as number);
    }
    const extras = edits.filter((e) => e.origin.startsWith('check:'));
    expect(extras.length).toBeGreaterThan(0);
    for (const extra of extras) {
      expect(postEdit.some((e) => e.mtStart <= extra.mtEnd && extra.mtStart <= e.mtEnd)).toBe(false);
    }
  });
});
