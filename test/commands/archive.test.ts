// `mt-review archive ID [--undo]` and `unarchive ID` as a user runs them, on a database with the corpus imported.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveStateOf, openStore } from '../../src/store/index.ts';
import { cli } from '../support/cli.ts';

const db = join(mkdtempSync(join(tmpdir(), 'mt-review-archive-')), 'cli.db');

async function archivedAt(id: string): Promise<string | null | undefined> {
  const store = await openStore(db);
  try {
    return (await archiveStateOf(store, id))?.archivedAt;
  } finally {
    await store.close();
  }
}

describe('mt-review archive', () => {
  it('archives an article, says so when it already is, and brings it back with --undo or unarchive', async () => {
    expect((await cli(['import', 'corpus', '--db', db])).code).toBe(0);
    expect(await cli(['archive', 'lavrov-in-china', '--db', db])).toMatchObject({
      code: 0,
      stdout: 'lavrov-in-china: archived\n',
    });
    expect(await archivedAt('lavrov-in-china')).toMatch(/^\d{4}-/);
    expect((await cli(['archive', 'lavrov-in-china', '--db', db])).stdout).toBe('lavrov-in-china: already archived\n');
    expect((await cli(['archive', '--undo', 'lavrov-in-china', '--db', db])).stdout).toBe(
      'lavrov-in-china: unarchived\n',
    );
    expect(await archivedAt('lavrov-in-china')).toBeNull();
    await cli(['archive', 'lavrov-in-china', '--db', db]);
    expect(await cli(['unarchive', 'lavrov-in-china', '--db', db])).toMatchObject({ code: 0 });
    expect(await archivedAt('lavrov-in-china')).toBeNull();
  }, 90_000);

  it('exits 1 naming an unknown id (after the known ones), 2 without an id', async () => {
    const unknown = await cli(['archive', 'lavrov-in-china', 'nope', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('lavrov-in-china: archived\n');
    expect(unknown.stderr).toBe('mt-review archive: no article with id nope\n');
    expect((await cli(['archive', '--db', db])).code).toBe(2);
  }, 60_000);
});
