// Fault isolation over HTTP and the CLI: an article whose edits cannot be applied together affects itself alone.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFormats } from '../../src/export/formats.ts';
import { importArticleFolder } from '../../src/import-corpus.ts';
import { cli } from '../support/cli.ts';
import { repoRoot, type Session, startTestServer, type TestServer } from '../support/server.ts';

interface ApiEdit {
  id: string;
  mtStart: number;
  mtEnd: number;
  mtText: string;
}

let server: TestServer;
let session: Session;

const article = async (id: string) =>
  (await (await server.api(`/api/articles/${id}`)).json()) as { mt: string; edits: ApiEdit[]; preview: string };
const stats = async () =>
  (await (await server.api('/api/stats')).json()) as {
    corpus: { articles: number };
    attention: { id: string; problems: { editId: string; message: string }[] }[];
  };

/** Every route that reads the article answers 200 (the exports in every format too). */
async function expectReadable(id: string): Promise<void> {
  expect((await session.fetch(`/articles/${id}`)).status).toBe(200);
  expect((await server.api(`/api/articles/${id}`)).status).toBe(200);
  for (const format of exportFormats) {
    expect((await server.api(`/api/articles/${id}/export?format=${format.id}`)).status, format.id).toBe(200);
  }
}

beforeAll(async () => {
  server = await startTestServer();
  session = await server.signIn();
  await importArticleFolder(server.db, join(repoRoot, 'test/fixtures/articles/credit-footer'));
});
afterAll(() => server.close());

describe('POST /articles/:id/corrected over the checks’ suggestions', () => {
  it('saves a post-edit that overlaps a suggestion; the article, its exports and the statistics stay readable', async () => {
    const before = await article('credit-footer');
    expect(before.edits.length).toBeGreaterThan(0);
    const corrected = before.mt.replace('© picture alliance/dpa | Kay Nietfeld\n\n', '');
    const response = await session.postForm('/articles/credit-footer/corrected', { corrected });
    expect(response.status).toBe(303);
    await expectReadable('credit-footer');
    expect((await stats()).attention).toEqual([]);
    expect((await article('credit-footer')).preview).toBe(corrected);
  });
});

describe('an article whose stored edits overlap (data from before validation)', () => {
  let overlapping: string;

  beforeAll(async () => {
    const { edits } = await article('lavrov-in-china');
    const target = edits[3] as ApiEdit;
    overlapping = 'r-legacy-overlap';
    // What an older version let through: an insertion at the start of an existing edit, written past every check.
    await server.db.run(
      `INSERT INTO edits (id, article_id, ordinal, mt_start, mt_end, mt_text, corrected_start, corrected_end,
         corrected_text, paragraph, context_before, context_after, origin, status, created_at)
       VALUES (:id, 'lavrov-in-china', 999, :at, :at, '', :at, :end, 'new ', 0, '', '', 'reviewer', 'current',
         '2024-01-01T00:00:00.000Z')`,
      { id: overlapping, at: target.mtStart, end: target.mtStart + 4 },
    );
  });

  it('lists it under needs attention in /api/stats and /stats, and counts every other article', async () => {
    const answer = await stats();
    expect(answer.attention.map((a) => a.id)).toEqual(['lavrov-in-china']);
    expect(answer.attention[0]?.problems[0]?.editId).toBe(overlapping);
    expect(answer.corpus.articles).toBeGreaterThanOrEqual(3);
    const page = await session.fetch('/stats');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Needs attention');
  });

  it('answers its page with what is wrong and how to repair it, its API and exports with 409', async () => {
    const page = await session.fetch('/articles/lavrov-in-china');
    expect(page.status).toBe(409);
    const html = await page.text();
    expect(html).toContain(overlapping);
    expect(html).toContain('Set this edit aside');
    const api = await server.api('/api/articles/lavrov-in-china');
    expect(api.status).toBe(409);
    expect(((await api.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe(`edits.${overlapping}`);
    expect((await server.api('/api/articles/lavrov-in-china/export?format=json')).status).toBe(409);
    await expectReadable('mt-only');
  });

  it('is reported by mt-review stats (exit 0) and refused by mt-review export (exit 1, naming it)', async () => {
    const statsRun = await cli(['stats', '--db', server.dbLocation]);
    expect(statsRun.code).toBe(0);
    expect(statsRun.stdout).toContain('needs attention: lavrov-in-china');
    const exportRun = await cli(['export', 'lavrov-in-china', '--db', server.dbLocation]);
    expect(exportRun.code).toBe(1);
    expect(exportRun.stderr).toContain(overlapping);
  });

  it('refuses to set aside an edit that is not in conflict, then repairs by setting the overlapping one aside', async () => {
    const innocent = (await server.api('/api/articles/mt-only')).status;
    expect(innocent).toBe(200);
    const refused = await server.api('/api/articles/mt-only/edits/whatever/set-aside', { method: 'POST', body: {} });
    expect(refused.status).toBe(409);
    const response = await session.postForm(`/articles/lavrov-in-china/edits/${overlapping}/set-aside`, {});
    expect(response.status).toBe(303);
    await expectReadable('lavrov-in-china');
    expect((await stats()).attention).toEqual([]);
  });
});
