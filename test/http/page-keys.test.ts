// The review page's cache keys: requests that arrive together share one read on PostgreSQL, and each page is still
// its own article's at the revision stored when it was asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { PageKeys } from '../../src/web/page-keys.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { testEngine } from '../support/test-store.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const articles = ['lavrov-in-china', 'html-injection', 'mt-only'];

/** The article and revision a review page shows (its data for review.js). */
async function shown(id: string): Promise<{ status: number; articleId?: string; revision?: number }> {
  const response = await server.api(`/articles/${id}`);
  const html = await response.text();
  const articleId = /"articleId":"([^"]+)"/.exec(html)?.[1];
  const revision = /"revision":(\d+)/.exec(html)?.[1];
  return { status: response.status, articleId, revision: revision === undefined ? undefined : Number(revision) };
}

async function storedRevision(db: Store, id: string): Promise<number> {
  const row = await db.get<{ revision: number }>('SELECT revision FROM article_revisions WHERE article_id = :id', {
    id,
  });
  return Number(row?.revision);
}

/** Counts the page-key reads the server's store runs while `fn` runs. */
async function countingKeyReads<T>(db: Store, fn: () => Promise<T>): Promise<{ result: T; reads: number }> {
  const all = db.all.bind(db);
  let reads = 0;
  db.all = ((sql: string, params?: never) => {
    if (sql.includes('FROM article_revisions v')) reads++;
    return all(sql, params);
  }) as Store['all'];
  try {
    return { result: await fn(), reads };
  } finally {
    db.all = all;
  }
}

describe('GET /articles/:id, many at once', () => {
  it('answers each request with its own article at its stored revision, an unknown one 404', async () => {
    const ids = Array.from({ length: 24 }, (_, i) => (i % 8 === 7 ? 'no-such-article' : (articles[i % 3] as string)));
    const pages = await Promise.all(ids.map(shown));
    for (const [i, id] of ids.entries()) {
      const page = pages[i];
      if (id === 'no-such-article') expect(page?.status).toBe(404);
      else expect(page).toEqual({ status: 200, articleId: id, revision: await storedRevision(server.db, id) });
    }
  });

  it('reads the keys asked for in one turn with one query on PostgreSQL, each on its own on SQLite', async () => {
    const keys = new PageKeys(server.db);
    const asked = [...articles, 'no-such-article', articles[0] as string];
    const { result, reads } = await countingKeyReads(server.db, () => Promise.all(asked.map((id) => keys.of(id))));
    expect(reads).toBe(testEngine === 'postgres' ? 1 : asked.length);
    for (const [i, id] of asked.entries()) {
      if (id === 'no-such-article') expect(result[i]).toBeUndefined();
      else expect(result[i]?.version).toBe(String(await storedRevision(server.db, id)));
    }
    // Asked in the next turn: a query of its own, never one sent before it was asked.
    const again = await countingKeyReads(server.db, () => keys.of('mt-only'));
    expect(again.reads).toBe(1);
  });

  it('shows a verdict acknowledged before the request, also among simultaneous requests', async () => {
    const lavrov = articles[0] as string;
    const edits = ((await (await server.api(`/api/articles/${lavrov}`)).json()) as { edits: { id: string }[] }).edits;
    for (let round = 0; round < 5; round++) {
      const before = await storedRevision(server.db, lavrov);
      const posted = await server.api(`/api/edits/${edits[round]?.id}/verdicts`, {
        method: 'POST',
        body: { decision: 'accept' },
      });
      expect(posted.status).toBe(201);
      const pages = await Promise.all([shown(lavrov), shown('mt-only'), shown(lavrov)]);
      expect(pages[0]?.revision).toBe(before + 1);
      expect(pages[2]?.revision).toBe(before + 1);
      expect(pages[1]?.articleId).toBe('mt-only');
    }
  });
});
