// Import with checks: suggestions as edits for an MT-only article, labels and extra suggestions beside a post-edit.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadedArticle } from '../src/corpus/types.ts';
import { applyVerdicts } from '../src/diff/index.ts';
import { loadArticleReview } from '../src/export/load-review.ts';
import { resolveReview } from '../src/export/resolve.ts';
import { editsFor, importLoadedArticle } from '../src/import-corpus.ts';
import { createReviewer, listEdits, openStore, recordVerdict, type Store } from '../src/store/index.ts';

const seedMt = readFileSync(new URL('../corpus/lavrov-in-china/mt.txt', import.meta.url), 'utf8');
const seedCorrected = readFileSync(new URL('../corpus/lavrov-in-china/corrected.txt', import.meta.url), 'utf8');
const article = (id: string, corrected?: string): LoadedArticle => ({ id, dir: id, meta: {}, mt: seedMt, corrected });

const folders: string[] = [];
function store(): Store {
  const folder = mkdtempSync(join(tmpdir(), 'mt-review-import-'));
  folders.push(folder);
  return openStore(join(folder, 'test.db'));
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('editsFor', () => {
  it('makes the checks’ suggestions the edits of an article without a post-edit', () => {
    const edits = editsFor(store(), article('seed-mt-only'));
    expect(edits.length).toBeGreaterThanOrEqual(10);
    expect(edits.every((e) => e.origin.startsWith('check:') && e.suggestedMessage)).toBe(true);
    const wladimir = edits.find((e) => e.mtText === 'Wladimir');
    expect(wladimir).toMatchObject({ correctedText: 'Vladimir', origin: 'check:house-style-name' });
  });

  it('labels post-edit edits with the check that explains them', () => {
    const edits = editsFor(store(), article('seed', seedCorrected));
    const sergei = edits.find((e) => e.mtText === 'Sergei');
    expect(sergei).toMatchObject({
      origin: 'post-edit',
      checkId: 'name-variant',
      suggestedCategory: 'terminology/inconsistent-entity',
    });
    expect(edits.filter((e) => e.origin.startsWith('check:'))).toEqual([]);
  });

  it('offers what the post-edit missed as an extra suggestion that applies only once accepted', () => {
    const db = store();
    const missesWladimir = seedCorrected.replace('Vladimir Putin', 'Wladimir Putin');
    importLoadedArticle(db, article('seed', missesWladimir));
    const extra = listEdits(db, 'seed').find((e) => e.origin === 'check:house-style-name');
    expect(extra).toMatchObject({ mtText: 'Wladimir', correctedText: 'Vladimir' });

    const undecided = resolveReview(loadArticleReview(db, 'seed') as NonNullable<ReturnType<typeof loadArticleReview>>);
    expect(undecided.text).toBe(missesWladimir);
    expect(undecided.counts.undecided).toBe(listEdits(db, 'seed').length);

    return createReviewer(db, 'anna', 'a long passphrase').then((anna) => {
      recordVerdict(db, { editId: extra?.id as string, reviewerId: anna.id, decision: 'accept' });
      const accepted = resolveReview(
        loadArticleReview(db, 'seed') as NonNullable<ReturnType<typeof loadArticleReview>>,
      );
      expect(accepted.text).toBe(seedCorrected);
    });
  });

  it('keeps the round trip of the post-edit whatever the extras', () => {
    const db = store();
    const missesWladimir = seedCorrected.replace('Vladimir Putin', 'Wladimir Putin');
    const edits = editsFor(db, article('seed', missesWladimir));
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
