// HTTP tests of the verdict history: paged newest first, and pages that stay the same size as the history grows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordVerdictBatch } from '../../src/store/index.ts';
import { articleHistory } from '../support/history.ts';
import { type Session, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let session: Session;
let editIds: string[];

/** Appends `count` verdicts by the test reviewer on one edit straight into the store (as many requests would). */
async function addVerdicts(editId: string, count: number, note = 'n'): Promise<void> {
  const inputs = Array.from({ length: count }, (_, i) => ({
    editId,
    reviewerId: server.reviewer.id,
    decision: i % 2 === 0 ? ('accept' as const) : ('reject' as const),
    note: `${note} ${i}`,
  }));
  await recordVerdictBatch(server.db, inputs);
}

const sizeOf = async (path: string, get: (p: string) => Promise<Response>) => {
  const response = await get(path);
  expect(response.status).toBe(200);
  return (await response.text()).length;
};

beforeAll(async () => {
  server = await startTestServer();
  session = await server.signIn();
  const article = (await (await server.api('/api/articles/lavrov-in-china')).json()) as { edits: { id: string }[] };
  editIds = article.edits.map((e) => e.id);
});
afterAll(() => server.close());

describe('GET /api/edits/:editId/verdicts and /api/articles/:id/verdicts', () => {
  it('pages one edit newest first and follows next to the oldest verdict', async () => {
    const editId = editIds[0] as string;
    await addVerdicts(editId, 7, 'first');
    const first = (await (await server.api(`/api/edits/${editId}/verdicts?limit=3`)).json()) as {
      verdicts: { id: number; note: string }[];
      next: string;
    };
    expect(first.verdicts.map((v) => v.note)).toEqual(['first 6', 'first 5', 'first 4']);
    const second = (await (await server.api(first.next)).json()) as { verdicts: { note: string }[]; next: string };
    expect(second.verdicts.map((v) => v.note)).toEqual(['first 3', 'first 2', 'first 1']);
    const last = (await (await server.api(second.next)).json()) as { verdicts: { note: string }[]; next: null };
    expect(last).toMatchObject({ verdicts: [{ note: 'first 0' }], next: null });
  });

  it('gives the article history in order, the same as the store holds', async () => {
    await addVerdicts(editIds[1] as string, 5, 'second');
    const history = await articleHistory(server, 'lavrov-in-china', 4);
    expect(history.map((v) => v.id)).toEqual((await server.savedVerdicts()).map((v) => v.id));
  });

  const bad: [string, string][] = [
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=1e3', 'limit'],
    ['before=-1', 'before'],
    ['before=abc', 'before'],
    ['before=1&before=2', 'before'],
  ];
  for (const [query, field] of bad) {
    it(`answers 400 naming ${field} for ?${query}`, async () => {
      const response = await server.api(`/api/edits/${editIds[0]}/verdicts?${query}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe(field);
    });
  }

  it('answers 404 for an unknown edit or article', async () => {
    expect((await server.api('/api/edits/nope/verdicts')).status).toBe(404);
    expect((await server.api('/api/articles/nope/verdicts')).status).toBe(404);
    expect((await session.fetch(`/articles/mt-only/edits/${editIds[0]}/history`)).status).toBe(404);
  });
});

describe('the review page and the article JSON as the history grows', () => {
  it('stay the same size from 10 to 3,000 verdicts on one edit; the history page shows one page', async () => {
    const editId = editIds[2] as string;
    await addVerdicts(editId, 10);
    const page = `/articles/lavrov-in-china?edit=${editId}`;
    const pageBefore = await sizeOf(page, session.fetch);
    const jsonBefore = await sizeOf('/api/articles/lavrov-in-china', (p) => server.api(p));
    await addVerdicts(editId, 2990);
    // Only ids and notes of the latest verdict change (a few more digits).
    expect(await sizeOf(page, session.fetch)).toBeLessThan(pageBefore + 100);
    expect(await sizeOf('/api/articles/lavrov-in-china', (p) => server.api(p))).toBeLessThan(jsonBefore + 100);
    const history = await (await session.fetch(`/articles/lavrov-in-china/edits/${editId}/history`)).text();
    expect(history.match(/<li>/g)).toHaveLength(50);
    expect(history).toContain('n 2989');
    expect(history).toContain('Older verdicts');
  }, 120_000); // 3,000 verdicts take a few thousand round trips on PostgreSQL
});
