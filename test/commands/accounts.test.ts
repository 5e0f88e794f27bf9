// The account and data commands run as a user runs them: reviewer add|list|disable|enable|role|reset-password,
// token create|list|revoke, sign-in-link, import, export.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createApiToken,
  createReviewer,
  findReviewerByApiToken,
  openStore,
  verifyReviewerPassword,
} from '../../src/store/index.ts';
import { cli } from '../support/cli.ts';

const db = join(mkdtempSync(join(tmpdir(), 'mt-review-cli-')), 'cli.db');

describe('mt-review reviewer, token and sign-in-link', () => {
  it('adds a reviewer with the password from stdin, refuses the same name twice', async () => {
    expect(await cli(['reviewer', 'add', 'anna', '--db', db], 'a long secret\n')).toMatchObject({
      code: 0,
      stdout: 'Added reviewer anna\n',
    });
    const again = await cli(['reviewer', 'add', 'Anna', '--db', db], 'another long secret\n');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('mt-review reviewer: a reviewer named "anna" already exists\n');
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
    const role = await cli(['reviewer', 'role', 'anna', 'owner', '--db', db]);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('unknown role "owner": one of reviewer, lead, admin');
    expect((await cli(['token', 'revoke', 'anna', '--db', db])).code).toBe(2);
    expect((await cli(['token', 'create', 'anna', '--expires-in', '0', '--db', db])).code).toBe(2);
  });
});

describe('mt-review reviewer add with a role, and the password policy', () => {
  const adb = join(mkdtempSync(join(tmpdir(), 'mt-review-cli-')), 'roles.db');

  it('adds a lead with --role and an admin with --admin, generating a password that works', async () => {
    expect((await cli(['reviewer', 'add', 'lea', '--role', 'lead', '--db', adb], 'a long secret\n')).stdout).toBe(
      'Added reviewer lea (lead)\n',
    );
    const generated = await cli(['reviewer', 'add', 'root', '--admin', '--db', adb]);
    const password = /with password: ([\w-]{16})\n$/.exec(generated.stdout)?.[1] ?? '';
    expect(generated.stdout).toMatch(/^Added reviewer root \(admin\) with password: /);
    const store = await openStore(adb);
    expect((await verifyReviewerPassword(store, 'root', password))?.role).toBe('admin');
    await store.close();
  });

  it('refuses a short or common password and a look-alike name, with exit 1 and the reason', async () => {
    const short = await cli(['reviewer', 'add', 'max', '--db', adb], 'seven77\n');
    expect(short).toMatchObject({
      code: 1,
      stderr: 'mt-review reviewer: the password must have at least 8 characters\n',
    });
    const common = await cli(['reviewer', 'add', 'max', '--db', adb], 'Password1\n');
    expect(common.stderr).toContain('on a list of common passwords');
    const lookAlike = await cli(['reviewer', 'add', 'l\u0435a', '--db', adb], 'a long secret\n');
    expect(lookAlike).toMatchObject({ code: 1 });
    expect(lookAlike.stderr).toContain('looks like the existing reviewer "lea"');
  });
});

describe('mt-review reviewer list, disable, enable, role, reset-password', () => {
  const mdb = join(mkdtempSync(join(tmpdir(), 'mt-review-cli-')), 'manage.db');

  it('lists, disables (ending tokens), enables, changes a role and resets a password', async () => {
    const seeded = await openStore(mdb);
    await createReviewer(seeded, 'root', 'a long secret', { role: 'admin' });
    const token = await createApiToken(seeded, (await createReviewer(seeded, 'ben', 'a long secret')).id, 'ci');
    await seeded.close();
    expect((await cli(['reviewer', 'disable', 'ben', '--db', mdb])).stdout).toBe(
      'Disabled ben: their sessions, sign-in links and API tokens have ended\n',
    );
    const list = (await cli(['reviewer', 'list', '--db', mdb])).stdout.split('\n');
    expect(list[0]).toMatch(/^name\s+role\s+created\s+status$/);
    expect(list[1]).toMatch(/^ben\s+reviewer\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+disabled$/);
    expect(list[2]).toMatch(/^root\s+admin\s+\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect((await cli(['reviewer', 'enable', 'ben', '--db', mdb])).stdout).toBe('Enabled ben\n');
    expect((await cli(['reviewer', 'role', 'ben', 'lead', '--db', mdb])).stdout).toBe('ben is now lead\n');
    const reset = await cli(['reviewer', 'reset-password', 'ben', '--db', mdb]);
    const password = /: ([\w-]{16})\n$/.exec(reset.stdout)?.[1] ?? '';
    const store = await openStore(mdb);
    expect(await findReviewerByApiToken(store, token)).toBeUndefined();
    expect((await verifyReviewerPassword(store, 'ben', password))?.role).toBe('lead');
    await store.close();
  });

  it('refuses to disable or demote the last admin, and names an unknown reviewer (exit 1)', async () => {
    const last = await cli(['reviewer', 'disable', 'root', '--db', mdb]);
    expect(last).toMatchObject({ code: 1 });
    expect(last.stderr).toContain('root is the last enabled admin');
    expect((await cli(['reviewer', 'role', 'root', 'reviewer', '--db', mdb])).code).toBe(1);
    const unknown = await cli(['reviewer', 'enable', 'nobody', '--db', mdb]);
    expect(unknown.stderr).toContain('no reviewer "nobody" in');
  });
});

describe('mt-review token create --expires-in, list and revoke', () => {
  const tdb = join(mkdtempSync(join(tmpdir(), 'mt-review-cli-')), 'tokens.db');

  it('lists tokens without the tokens themselves, and revokes one by id or all', async () => {
    const seeded = await openStore(tdb);
    await createReviewer(seeded, 'cleo', 'a long secret');
    await seeded.close();
    const lasting = (await cli(['token', 'create', 'cleo', '--label', 'ci', '--db', tdb])).stdout.trim();
    const brief = (await cli(['token', 'create', 'cleo', '--expires-in', '30', '--db', tdb])).stdout.trim();
    const list = await cli(['token', 'list', 'cleo', '--db', tdb]);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+label\s+created\s+last used\s+expires$/);
    expect(lines[1]).toMatch(/^1\s+ci\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+-\s+never$/);
    const in30Days = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    expect(lines[2]).toMatch(new RegExp(`^2\\s+cli\\s+.+\\s+-\\s+${in30Days} \\d\\d:\\d\\d$`));
    expect(list.stdout).not.toContain(lasting.slice(4, 20));
    expect((await cli(['token', 'revoke', 'cleo', '1', '--db', tdb])).stdout).toBe('Revoked token 1 of cleo\n');
    expect((await cli(['token', 'revoke', 'cleo', '1', '--db', tdb])).code).toBe(1);
    expect((await cli(['token', 'revoke', 'cleo', '--all', '--db', tdb])).stdout).toBe('Revoked 1 token(s) of cleo\n');
    const store = await openStore(tdb);
    expect(await Promise.all([lasting, brief].map((t) => findReviewerByApiToken(store, t)))).toEqual([
      undefined,
      undefined,
    ]);
    await store.close();
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
    expect(exported.stderr).toBe('lavrov-in-china.txt: 22 undecided, 0 disputed edit(s)\n');
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
