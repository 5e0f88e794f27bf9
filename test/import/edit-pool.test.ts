// The edit pool: an import computed in worker threads stores exactly what one computed in-process stores.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/scale.ts';
import { EditPool } from '../../src/import/edit-pool.ts';
import { importCorpus, saveTypedCorrection } from '../../src/import-corpus.ts';
import { createReviewer, type Store } from '../../src/store/index.ts';
import { createTestStore, type TestStore } from '../support/test-store.ts';

const fixtures = fileURLToPath(new URL('../fixtures/corpus', import.meta.url));
const seed = fileURLToPath(new URL('../../corpus', import.meta.url));

const made: TestStore[] = [];
afterEach(async () => {
  for (const test of made.splice(0)) await test.remove();
});

/** The fixture and seed corpora, generated articles, and a name spelled two ways across articles. */
function writeTestCorpus(dir: string): void {
  cpSync(fixtures, dir, { recursive: true });
  cpSync(seed, dir, { recursive: true });
  writeCorpus(dir, 12);
  const article = (id: string, mt: string, corrected?: string) => {
    mkdirSync(join(dir, id));
    writeFileSync(join(dir, id, 'mt.txt'), mt);
    if (corrected !== undefined) writeFileSync(join(dir, id, 'corrected.txt'), corrected);
  };
  article('budanov-a', 'Minister Budanov spoke on Tuesday in Kyiv.\n');
  article(
    'budanov-b',
    'Budanov said the talks with Lavrov went well.\n',
    'Budanov said talks with Lavrov went well.\n',
  );
  article('budanow', 'Minister Budanow spoke on Monday.\n\nBudanow met Lavrov.\n');
  // A folder that does not load: one problem, whichever chunk it is read in.
  mkdirSync(join(dir, 'no-mt'));
  writeFileSync(join(dir, 'no-mt', 'article.json'), '{"title": "No MT"}');
}

/** Everything an import stores about edits and keys, timestamps aside, in a fixed order. */
async function stored(db: Store): Promise<unknown[]> {
  const edits = await db.all(
    `SELECT id, article_id, ordinal, mt_start, mt_end, mt_text, corrected_start, corrected_end, corrected_text,
       paragraph, context_before, context_after, origin, suggested_category, suggested_severity, suggested_message,
       check_id, group_key, status, created_by
     FROM edits ORDER BY article_id, ordinal, id`,
  );
  const keys = await db.all(
    `SELECT article_id, import_key, names_key, names, files_key, context_key FROM import_keys ORDER BY article_id`,
  );
  return [edits, keys];
}

/** Two empty stores, and the test corpus written beside the first. */
async function twoStoresAndCorpus(): Promise<{ a: TestStore; b: TestStore; dir: string }> {
  const a = await createTestStore();
  const b = await createTestStore();
  made.push(a, b);
  const dir = join(a.folder, 'corpus');
  writeTestCorpus(dir);
  return { a, b, dir };
}

describe('importCorpus in chunks', () => {
  it('stores what one chunk stores when it reads two articles at a time: every name is known before any edit', async () => {
    const { a: whole, b: chunked, dir } = await twoStoresAndCorpus();
    const a = await importCorpus(whole.store, dir, { workers: 0, settleMs: 0, readChunk: 10_000 });
    const b = await importCorpus(chunked.store, dir, { workers: 0, settleMs: 0, readChunk: 2 });
    expect(b).toEqual(a);
    expect(a.problems.map((p) => p.articleId)).toEqual(['no-mt']);
    const first = await stored(whole.store);
    expect(await stored(chunked.store)).toEqual(first);
    // budanov-a, budanov-b and budanow are read in different chunks, and the corpus check saw them all.
    expect(JSON.stringify(first)).toContain('corpus-name-variant');
  }, 120_000);
});

describe('importCorpus with worker threads', () => {
  it('stores the same edits and keys as in-process, also for a correction typed in the browser', async () => {
    const { a: inProcess, b: pooled, dir } = await twoStoresAndCorpus();

    const a = await importCorpus(inProcess.store, dir, { workers: 0, settleMs: 0 });
    const b = await importCorpus(pooled.store, dir, { workers: 2, settleMs: 0 });
    expect(b).toEqual(a);
    expect(a.computed).toBeGreaterThan(20);
    const first = await stored(inProcess.store);
    expect(await stored(pooled.store)).toEqual(first);
    // The corpus check read the name index (a worker: its view of the article's names).
    expect(JSON.stringify(first)).toContain('corpus-name-variant');

    // A correction typed for an MT-only article: the next import reads it from the store.
    for (const test of [inProcess, pooled]) {
      const anna = await createReviewer(test.store, 'anna', 'a long passphrase');
      await saveTypedCorrection(
        test.store,
        'budanow',
        'Minister Budanov spoke on Monday.\n\nBudanov met Lavrov.\n',
        anna.id,
      );
    }
    const options = { engineVersion: 9999, settleMs: 0 };
    const c = await importCorpus(inProcess.store, dir, { ...options, workers: 0 });
    const d = await importCorpus(pooled.store, dir, { ...options, workers: 2 });
    expect(d).toEqual(c);
    expect(c.computed).toBe(a.computed);
    expect(await stored(pooled.store)).toEqual(await stored(inProcess.store));
  }, 120_000);
});

describe('EditPool', () => {
  it('rejects a job that throws with the worker error, and goes on with the next', async () => {
    const pool = new EditPool(1);
    try {
      const broken = pool.edits('broken', undefined as unknown as string, undefined, []);
      await expect(broken).rejects.toThrow(TypeError);
      const edits = await pool.edits('fine', 'The Ampel coalition met.', 'The traffic-light coalition met.', []);
      expect(edits.map((edit) => edit.correctedText)).toContain('traffic-light');
    } finally {
      await pool.close();
    }
  }, 60_000);
});
