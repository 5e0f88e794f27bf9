// Import keys: a re-import of unchanged folders computes nothing; a changed file, engine or corpus name recomputes.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { importCorpus, saveTypedCorrection } from '../../src/import-corpus.ts';
import { createReviewer, importKeys, listEdits, openStore } from '../../src/store/index.ts';
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
