// `mt-review import --jsonl`: good lines in, a bad line among them refused by number, a second run unchanged.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importJsonl } from '../../src/commands/import-jsonl.ts';
import { getArticle, listTextRevisions, openStore } from '../../src/store/index.ts';
import { cli } from '../support/cli.ts';

const folder = mkdtempSync(join(tmpdir(), 'mt-review-jsonl-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const line = (article: Record<string, unknown>) => JSON.stringify(article);
const lines = [
  line({ id: 'first-one', mt: 'The Chancellor spoke loud dpa.', corrected: 'The chancellor spoke, according to dpa.' }),
  line({ mt: 'A text without an id.', title: 'Named by its title' }),
  '{"mt": "broken line", ',
  '',
  line({ mt: 'A date that is wrong.', published: '2026-13-01' }),
  line({ id: 'third', mt: 'Third text.\r\nWith CRLF.' }),
];

describe('mt-review import --jsonl', () => {
  it('imports the good lines, refuses the bad ones by number, and says so in a summary', async () => {
    const file = join(folder, 'articles.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const db = join(folder, 'test.db');
    const run = await cli(['import', '--jsonl', file, '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('3 new, 0 changed, 0 unchanged, 2 refused (lines 3, 5)\n');
    expect(run.stderr).toContain(`${file}:3: invalid JSON at column 23: expected a property name in double quotes`);
    expect(run.stderr).toContain(`${file}:5: published must be a date as YYYY-MM-DD, not "2026-13-01"`);
    expect(run.stderr).toMatch(/line 6: 3 imported, 2 refused/);

    // The first line changed, the others the same: one changed, two unchanged.
    const changed = [line({ id: 'first-one', mt: 'The Chancellor spoke today.' }), lines[1], lines[5]];
    writeFileSync(file, changed.join('\n'));
    const again = await cli(['import', '--jsonl', file, '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('0 new, 1 changed, 2 unchanged, 0 refused\n');

    const store = await openStore(db);
    try {
      expect(await getArticle(store, 'named-by-its-title')).toMatchObject({ title: 'Named by its title' });
      expect((await getArticle(store, 'third'))?.mt).toBe('Third text.\nWith CRLF.');
      const history = await listTextRevisions(store, 'first-one', { limit: 10 });
      expect(history.map((r) => [r.number, r.via])).toEqual([
        [2, 'jsonl'],
        [1, 'jsonl'],
      ]);
    } finally {
      await store.close();
    }
  });

  it('streams: 2,000 lines with a progress line every 1,000 when not on a terminal', async () => {
    const file = join(folder, 'many.jsonl');
    const many = Array.from({ length: 2000 }, (_, i) => line({ id: `article-${i}`, mt: `Short text number ${i}.` }));
    writeFileSync(file, many.join('\n'));
    const store = await openStore(join(folder, 'many.db'));
    const progress: string[] = [];
    try {
      const summary = await importJsonl(store, file, { write: (text) => progress.push(text) });
      expect(summary).toEqual({ new: 2000, changed: 0, unchanged: 0, refused: [] });
    } finally {
      await store.close();
    }
    expect(progress).toEqual([
      'line 1000: 1000 imported, 0 refused\n',
      'line 2000: 2000 imported, 0 refused\n',
      'line 2000: 2000 imported, 0 refused\n',
    ]);
  }, 120_000);

  it('a missing file is exit 1 naming it; --jsonl with a PATH is a usage error', async () => {
    const missing = await cli(['import', '--jsonl', join(folder, 'nope.jsonl'), '--db', join(folder, 'x.db')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.jsonl: file not found');
    expect((await cli(['import', '--jsonl', 'a.jsonl', 'corpus'])).code).toBe(2);
  });
});
