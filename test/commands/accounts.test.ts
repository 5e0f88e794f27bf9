// The account and data commands run as a user runs them: reviewer add, token create, sign-in-link, import, export.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

const db = join(mkdtempSync(join(tmpdir(), 'mt-review-cli-')), 'cli.db');

describe('mt-review reviewer, token and sign-in-link', () => {
  it('adds a reviewer with the password from stdin, refuses the same name twice', async () => {
    expect(await cli(['reviewer', 'add', 'anna', '--db', db], 'secret\n')).toMatchObject({
      code: 0,
      stdout: 'Added reviewer anna\n',
    });
    const again = await cli(['reviewer', 'add', 'Anna', '--db', db], 'other\n');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/anna|Anna/);
  });

  it('prints an API token and a one-time link for a known reviewer, exit 1 for an unknown one', async () => {
    const token = await cli(['token', 'create', 'anna', '--db', db]);
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(/^mtr_[\w-]{20,}\n$/);
    const link = await cli(['sign-in-link', 'anna', '--db', db, '--url', 'http://localhost:4000/']);
    expect(link.stdout).toMatch(/^http:\/\/localhost:4000\/sign-in\/link\/[\w-]{20,}\n$/);
    const unknown = await cli(['token', 'create', 'bob', '--db', db]);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.stderr).toContain('no reviewer "bob"');
  });

  it('exits 2 on a usage error', async () => {
    expect((await cli(['reviewer', 'remove', 'anna', '--db', db])).code).toBe(2);
    expect((await cli(['token', '--db', db])).code).toBe(2);
  });
});

describe('mt-review import and export', () => {
  it('imports once, changes nothing the second time, and exports the corrected text', async () => {
    expect((await cli(['import', 'corpus', '--db', db])).stdout).toBe(
      'lavrov-in-china: new (22 added, 0 stale, 0 revived)\n',
    );
    expect((await cli(['import', 'corpus/lavrov-in-china', '--db', db])).stdout).toContain(
      'lavrov-in-china: unchanged',
    );
    const exported = await cli(['export', 'lavrov-in-china', '--format', 'txt', '--db', db]);
    expect(exported.code).toBe(0);
    expect(exported.stdout.startsWith('By Marvin Ziegele\n\n')).toBe(true);
    expect(exported.stderr).toBe('lavrov-in-china.txt: 22 undecided edit(s)\n');
    const keepMt = await cli(['export', 'lavrov-in-china', '--policy', 'keep-mt', '--db', db]);
    expect(keepMt.stdout.startsWith('Home page politics')).toBe(true);
  });

  it('reports bad articles by file and exits 1, bad formats with exit 2', async () => {
    const bad = await cli(['import', 'test/fixtures/bad-corpus', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('fine: new');
    expect(bad.stderr).toContain('test/fixtures/bad-corpus/latin1-mt/mt.txt: not valid UTF-8');
    expect((await cli(['export', 'lavrov-in-china', '--format', 'pdf', '--db', db])).code).toBe(2);
    expect((await cli(['export', 'nope', '--db', db])).code).toBe(1);
    expect((await cli(['import', 'no/such/folder', '--db', db])).code).toBe(1);
  });
});
