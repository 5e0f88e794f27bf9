// `mt-review webhook` run as a user runs it: add (a secret generated and shown once), list, deliveries, remove.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

const db = join(mkdtempSync(join(tmpdir(), 'mt-review-cli-')), 'hooks.db');

describe('mt-review webhook', () => {
  it('adds a hook, printing a generated secret once, and lists it', async () => {
    const added = await cli([
      'webhook',
      'add',
      'https://cms.example/hook',
      '--events',
      'article.status_changed',
      '--db',
      db,
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(
      /^Added webhook 1: https:\/\/cms\.example\/hook \(article\.status_changed\)\nIts secret, shown this once: [\w-]{32}\n$/,
    );
    const given = await cli(['webhook', 'add', 'http://127.0.0.1:9000/x', '--secret', 'my own secret', '--db', db]);
    expect(given.stdout).toBe(
      'Added webhook 2: http://127.0.0.1:9000/x (article.created, article.revised, article.status_changed)\n',
    );
    const list = await cli(['webhook', 'list', '--db', db]);
    expect(list.stdout.split('\n')[0]).toMatch(/^id\s+url\s+events\s+state$/);
    expect(list.stdout).toContain('https://cms.example/hook');
    expect(list.stdout).not.toContain('my own secret');
  });

  it('lists deliveries (none yet), removes a hook, exit 1 for an unknown one', async () => {
    const deliveries = await cli(['webhook', 'deliveries', '--hook', '1', '--db', db]);
    expect(deliveries).toMatchObject({ code: 0 });
    expect(deliveries.stdout).toMatch(
      /^delivery\s+hook\s+event\s+article\s+state\s+attempts\s+status\s+last error\s+next attempt\n$/,
    );
    expect(await cli(['webhook', 'remove', '1', '--db', db])).toMatchObject({ code: 0, stdout: 'Removed webhook 1\n' });
    const again = await cli(['webhook', 'remove', '1', '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('mt-review webhook: no webhook with id 1\n');
  });

  it('exits 2 on a bad URL, event or usage, naming the problem', async () => {
    const ftp = await cli(['webhook', 'add', 'ftp://example.org/', '--db', db]);
    expect(ftp.code).toBe(2);
    expect(ftp.stderr).toContain('url must use http or https, not ftp');
    const event = await cli(['webhook', 'add', 'https://x.org/', '--events', 'article.gone', '--db', db]);
    expect(event.code).toBe(2);
    expect(event.stderr).toContain('unknown event "article.gone"');
    expect((await cli(['webhook', 'remove', 'one', '--db', db])).code).toBe(2);
    expect((await cli(['webhook', '--db', db])).code).toBe(2);
  });
});
