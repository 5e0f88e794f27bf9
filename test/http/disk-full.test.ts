// HTTP tests of a full disk: 503 with a clear message, one log line per kind of failure, nothing saved lost.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { sqliteConnection } from '../support/test-store.ts';

let server: TestServer;
let editIds: string[];

beforeAll(async () => {
  server = await startTestServer();
  const article = (await (await server.api('/api/articles/lavrov-in-china')).json()) as { edits: { id: string }[] };
  editIds = article.edits.map((e) => e.id);
  expect(
    (await server.api(`/api/edits/${editIds[0]}/verdicts`, { method: 'POST', body: { decision: 'accept' } })).status,
  ).toBe(201);
});
afterAll(() => server.close());

/** A verdict whose amendment (20,000 characters at most) takes several pages of the database. */
const verdict = (n: number, amendedText: string) =>
  server.api(`/api/edits/${editIds[n % editIds.length]}/verdicts`, {
    method: 'POST',
    body: { decision: 'amend', amendedText },
  });

describe('a full disk', () => {
  it('answers writes with 503 saying the disk is full, logs one line per kind, and loses nothing', async () => {
    const saved = await server.savedVerdicts();
    const pageSize = sqliteConnection(server.db).pragma('page_size', { simple: true }) as number;
    // SQLite's own limit on the file's size gives the error a full disk gives: SQLITE_FULL.
    sqliteConnection(server.db).pragma(
      `max_page_count = ${sqliteConnection(server.db).pragma('page_count', { simple: true })}`,
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const answers: { status: number; body: { error: string }; retryAfter: string | null }[] = [];
      for (let i = 0; i < 30; i++) {
        const response = await verdict(i, 'n'.repeat(pageSize * 4));
        answers.push({
          status: response.status,
          body: (await response.json()) as { error: string },
          retryAfter: response.headers.get('retry-after'),
        });
      }
      const edit = await server.api('/api/articles/lavrov-in-china/edits', {
        method: 'POST',
        body: { mtText: 'Lavrov', correctedText: 'Lawrow '.repeat(2500) },
      });
      expect(edit.status).toBe(503);
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 503));
      expect(answers[0]?.body.error).toMatch(/disk is full/);
      expect(answers[0]?.retryAfter).toMatch(/^\d+$/);
      const lines = logged.mock.calls.map((call) => call.map(String).join(' '));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/SQLITE_FULL/);
      expect(lines[0]).not.toMatch(/\n\s+at /);
      // Reading still works while the disk is full.
      expect((await server.api('/api/articles/lavrov-in-china')).status).toBe(200);
      expect(await server.savedVerdicts()).toEqual(saved);
    } finally {
      logged.mockRestore();
      sqliteConnection(server.db).pragma('max_page_count = 4294967294');
    }
    expect((await verdict(1, 'after the disk was freed')).status).toBe(201);
    expect((await server.savedVerdicts()).slice(0, saved.length)).toEqual(saved);
  });
});
