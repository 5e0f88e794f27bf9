// The first start of the real server: an admin with a generated password that the policy accepts, and a one-time
// sign-in link that opens the admin pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serve } from '../../src/server.ts';
import { listReviewers } from '../../src/store/index.ts';
import { repoRoot, sessionFor } from '../support/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'mt-review-first-'));
let stop = async () => {};
afterAll(async () => {
  await stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('serve on an empty database', () => {
  it('creates an admin and prints a one-time link that signs in to the reviewer pages', async () => {
    const lines: string[] = [];
    const running = await serve({
      dbFile: join(dir, 'first.db'),
      corpusDir: join(repoRoot, 'corpus'),
      host: '127.0.0.1',
      port: 0,
      log: (line) => lines.push(line),
    });
    stop = async () => {
      await new Promise<void>((resolve) => {
        running.server.close(() => resolve());
        running.server.closeAllConnections();
      });
      await running.db.close();
    };
    expect((await listReviewers(running.db)).map((r) => [r.name, r.role])).toEqual([['admin', 'admin']]);
    const link = /(http:\/\/\S+\/sign-in\/link\/[\w-]+)/.exec(lines.join('\n'))?.[1] as string;
    const response = await fetch(link, { redirect: 'manual' });
    expect(response.status).toBe(303);
    const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
    const session = await sessionFor(running.url, cookie);
    const page = await session.fetch('/reviewers');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('admin (you)');
  });
});
