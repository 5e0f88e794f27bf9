// `mt-review bulk` run as a user runs it: list the recurring corrections, a dry run, accept one everywhere, undo.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

const db = join(mkdtempSync(join(tmpdir(), 'mt-review-bulk-')), 'bulk.db');

describe('mt-review bulk', () => {
  it('lists, dry-runs, accepts every occurrence of a correction and undoes it', async () => {
    expect((await cli(['import', 'test/fixtures/recurring', '--db', db])).code).toBe(0);
    expect((await cli(['reviewer', 'add', 'anna', '--db', db], 'a long secret\n')).code).toBe(0);
    const listed = await cli(['bulk', '--list', '--db', db]);
    expect(listed.code).toBe(0);
    const line = listed.stdout.split('\n').find((l) => l.includes('share-button')) ?? '';
    expect(line).toMatch(/^\S{22}\s+3\s+3\s+3\s+share-button\s+⏎⏎Print Share → \(delete\)$/);
    const key = line.split(/\s+/)[0] as string;

    const dry = await cli(['bulk', key, '--accept', '--as', 'anna', '--dry-run', '--db', db]);
    expect(dry.stdout).toContain('Dry run: would accept 3 occurrence(s) of share-button:');
    const done = await cli(['bulk', key, '--accept', '--as', 'anna', '--db', db]);
    expect(done.code).toBe(0);
    const actionId = /^Bulk action (\d+): accepted 3 occurrence\(s\)/.exec(done.stdout)?.[1];
    expect(actionId).toBeDefined();
    expect((await cli(['bulk', '--list', '--db', db])).stdout).toMatch(new RegExp(`${key}\\s+3\\s+3\\s+0\\s`));

    const undone = await cli(['bulk', '--undo', String(actionId), '--as', 'anna', '--db', db]);
    expect(undone.stdout).toContain(`Bulk action ${actionId} undone: 3 verdict(s)`);
    const twice = await cli(['bulk', '--undo', String(actionId), '--as', 'anna', '--db', db]);
    expect(twice).toMatchObject({ code: 1 });
    expect(twice.stderr).toContain('was undone at');
  }, 180_000);

  it('refuses a call without a decision or a name, as a usage error', async () => {
    expect((await cli(['bulk', 'A'.repeat(22), '--as', 'anna', '--db', db])).code).toBe(2);
    expect((await cli(['bulk', 'A'.repeat(22), '--accept', '--db', db])).code).toBe(2);
    const unknown = await cli(['bulk', 'A'.repeat(22), '--accept', '--as', 'anna', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no recurring correction');
  }, 60_000);
});
