// `mt-review import` run as a user runs it, on a corpus where someone planted a link to a file outside it.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

describe('mt-review import with a symbolic link in the corpus', () => {
  it('refuses the linked article naming the file and why, imports the others, and never serves the target', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'mt-review-import-links-'));
    const secret = join(folder, 'passwd');
    writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
    const corpus = join(folder, 'corpus');
    mkdirSync(join(corpus, 'good'), { recursive: true });
    writeFileSync(join(corpus, 'good', 'mt.txt'), 'Home page politics\n\nGood text.\n');
    mkdirSync(join(corpus, 'planted'));
    symlinkSync(secret, join(corpus, 'planted', 'mt.txt'));
    const db = join(folder, 'test.db');

    const imported = await cli(['import', corpus, '--db', db]);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toContain('good: new');
    expect(imported.stdout).not.toContain('planted');
    expect(imported.stderr).toContain(`${join(corpus, 'planted', 'mt.txt')}: a symbolic link: refused (`);

    const exported = await cli(['export', 'planted', '--db', db]);
    expect(exported.code).toBe(1);
    expect(exported.stdout).not.toContain('root:');
  });
});
