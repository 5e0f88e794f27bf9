// Import keys: a re-import of unchanged folders computes nothing; a changed file, engine or corpus name recomputes.
import { cpSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { importCorpus, saveTypedCorrection } from '../../src/import-corpus.ts';
import { createReviewer, getArticle, importKeys, listEdits, openStore } from '../../src/store/index.ts';
import { createTestStore, type TestStore } from '../support/test-store.ts';

const fixtures = fileURLToPath(new URL('../fixtures/corpus', import.meta.url));

const made: TestStore[] = [];
async function corpusStore(): Promise<{ test: TestStore; dir: string }> {
  const test = await createTestStore();
  made.push(test);
  const dir = join(test.folder, 'corpus');
  cpSync(fixtures, dir, { recursive: true });
  return { test, dir };
}
afterEach(async () => {
  for (const test of made.splice(0)) await test.remove();
});

describe('importCorpus keys', () => {
  it('computes every article once, then nothing for unchanged folders, also after a restart', async () => {
    const { test, dir } = await corpusStore();
    const first = await importCorpus(test.store, dir);
    expect(first.computed).toBe(first.imported.length);
    expect(first.computed).toBeGreaterThan(5);
    expect((await importKeys(test.store)).size).toBe(first.computed);

    const again = await importCorpus(test.store, dir);
    expect(again.computed).toBe(0);
    expect(again.imported.every((i) => i.result.status === 'unchanged')).toBe(true);

    await test.store.close();
    test.store = await openStore(test.location);
    expect((await importCorpus(test.store, dir)).computed).toBe(0);
  });

  it('recomputes only the changed article, and every article under a new engine version', async () => {
    const { test, dir } = await corpusStore();
    const first = await importCorpus(test.store, dir);
    writeFileSync(join(dir, 'mt-only', 'mt.txt'), 'A new text with the Ampel in it.\n');
    const changed = await importCorpus(test.store, dir);
    expect(changed.computed).toBe(1);
    expect(changed.imported.find((i) => i.id === 'mt-only')?.result.status).toBe('updated');

    const bumped = await importCorpus(test.store, dir, { engineVersion: 9999 });
    expect(bumped.computed).toBe(first.imported.length);
    // Same edits under the new engine: nothing written but the keys, so the next import skips again.
    expect(bumped.imported.every((i) => i.result.status === 'unchanged')).toBe(true);
    expect((await importCorpus(test.store, dir, { engineVersion: 9999 })).computed).toBe(0);
  });

  it('recomputes an article whose names the rest of the corpus now spells another way', async () => {
    const { test, dir } = await corpusStore();
    writeFileSync(join(dir, 'mt-only', 'mt.txt'), 'Minister Budanow spoke on Monday.\n');
    await importCorpus(test.store, dir);
    cpSync(join(dir, 'mt-only'), join(dir, 'budanov-a'), { recursive: true });
    writeFileSync(join(dir, 'budanov-a', 'mt.txt'), 'Minister Budanov spoke on Tuesday.\n');
    const result = await importCorpus(test.store, dir);
    // The new article, and the old one whose spelling of the name now has a rival elsewhere.
    expect(result.imported.filter((i) => i.result.status !== 'unchanged').map((i) => i.id)).toContain('budanov-a');
    expect(result.computed).toBe(2);
  });

  it('recomputes an article after a reviewer typed its correction', async () => {
    const { test, dir } = await corpusStore();
    await importCorpus(test.store, dir);
    const anna = await createReviewer(test.store, 'anna', 'a long passphrase');
    const before = await listEdits(test.store, 'mt-only');
    await saveTypedCorrection(test.store, 'mt-only', 'Something else entirely.', anna.id);
    expect((await importKeys(test.store)).has('mt-only')).toBe(false);
    const result = await importCorpus(test.store, dir);
    expect(result.computed).toBe(1);
    expect(before.length).toBeGreaterThan(0);
  });
});

// Files written by the test are fresh: their facts are trusted once they are this old (the default is 2 s).
const settleMs = 20;
const settle = () => new Promise((resolve) => setTimeout(resolve, 3 * settleMs));

describe('importCorpus file facts', () => {
  it('reads no file of an unchanged corpus once its files have settled, also after a restart', async () => {
    const { test, dir } = await corpusStore();
    await settle();
    const first = await importCorpus(test.store, dir, { settleMs });
    expect(first.read).toBe(first.imported.length);
    await test.store.close();
    test.store = await openStore(test.location);
    const again = await importCorpus(test.store, dir, { settleMs });
    expect(again.read).toBe(0);
    expect(again.computed).toBe(0);
    expect(again.imported.map((i) => i.id)).toEqual(first.imported.map((i) => i.id));
    expect(again.imported.every((i) => i.result.status === 'unchanged')).toBe(true);
  });

  it('re-imports an article after one of its files was edited in place, keeping its size', async () => {
    const { test, dir } = await corpusStore();
    await settle();
    await importCorpus(test.store, dir, { settleMs });
    const file = join(dir, 'rewritten-paragraph', 'corrected.txt');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('The', 'Thy');
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited);
    await test.store.close();
    test.store = await openStore(test.location);
    const result = await importCorpus(test.store, dir, { settleMs });
    expect(result.read).toBe(1);
    expect(result.computed).toBe(1);
    expect(result.imported.find((i) => i.id === 'rewritten-paragraph')?.result.status).toBe('updated');
    expect((await getArticle(test.store, 'rewritten-paragraph'))?.corrected).toBe(edited);
  });

  it('re-imports an article edited at once after an import, before its files settled (default settle time)', async () => {
    const { test, dir } = await corpusStore();
    await importCorpus(test.store, dir);
    const file = join(dir, 'rewritten-paragraph', 'corrected.txt');
    const edited = readFileSync(file, 'utf8').replace('The', 'Thy');
    writeFileSync(file, edited);
    const result = await importCorpus(test.store, dir);
    expect(result.imported.find((i) => i.id === 'rewritten-paragraph')?.result.status).toBe('updated');
    expect((await getArticle(test.store, 'rewritten-paragraph'))?.corrected).toBe(edited);
  });

  it('sees a file added to an article folder (a corrected.txt for an MT-only article)', async () => {
    const { test, dir } = await corpusStore();
    await settle();
    await importCorpus(test.store, dir, { settleMs });
    writeFileSync(join(dir, 'mt-only', 'corrected.txt'), 'Home page Panorama\n\nA post-edit.\n');
    const result = await importCorpus(test.store, dir, { settleMs });
    expect(result.read).toBe(1);
    expect(result.imported.find((i) => i.id === 'mt-only')?.result.status).toBe('updated');
  });

  it('reads a touched file (modification time only) without re-importing it, then trusts its new facts', async () => {
    const { test, dir } = await corpusStore();
    await settle();
    await importCorpus(test.store, dir, { settleMs });
    const before = await listEdits(test.store, 'rewritten-paragraph');
    const later = new Date(Date.now() - 1000);
    utimesSync(join(dir, 'rewritten-paragraph', 'mt.txt'), later, later);
    await settle();
    await test.store.close();
    test.store = await openStore(test.location);
    const touched = await importCorpus(test.store, dir, { settleMs });
    expect(touched.read).toBe(1);
    expect(touched.computed).toBe(0);
    expect(touched.imported.every((i) => i.result.status === 'unchanged')).toBe(true);
    expect(await listEdits(test.store, 'rewritten-paragraph')).toEqual(before);
    expect((await importCorpus(test.store, dir, { settleMs })).read).toBe(0);
  });

  it('reads and recomputes an unchanged article whose names the rest of the corpus now spells another way', async () => {
    const { test, dir } = await corpusStore();
    writeFileSync(join(dir, 'mt-only', 'mt.txt'), 'Minister Budanow spoke on Monday.\n');
    await settle();
    await importCorpus(test.store, dir, { settleMs });
    cpSync(join(dir, 'mt-only'), join(dir, 'budanov-a'), { recursive: true });
    writeFileSync(join(dir, 'budanov-a', 'mt.txt'), 'Minister Budanov spoke on Tuesday.\n');
    const result = await importCorpus(test.store, dir, { settleMs });
    expect(result.read).toBe(2);
    expect(result.computed).toBe(2);
  });

  it('reads every article again under a new engine version', async () => {
    const { test, dir } = await corpusStore();
    await settle();
    const first = await importCorpus(test.store, dir, { settleMs });
    const bumped = await importCorpus(test.store, dir, { settleMs, engineVersion: 9999 });
    expect(bumped.read).toBe(first.imported.length);
    expect(bumped.computed).toBe(first.imported.length);
  });
});
