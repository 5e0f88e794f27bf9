// Verdicts that arrive together share a commit: each still answered on its own, refused ones alone, none lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let edits: { id: string }[];

beforeAll(async () => {
  server = await startTestServer();
  edits = ((await (await server.api('/api/articles/lavrov-in-china')).json()) as { edits: { id: string }[] }).edits;
});
afterAll(() => server.close());

const post = (editId: string, body: Record<string, unknown>) =>
  server.api(`/api/edits/${encodeURIComponent(editId)}/verdicts`, { method: 'POST', body });

describe('POST /api/edits/:editId/verdicts, many at once', () => {
  it('records every one of 30 simultaneous verdicts, each acknowledged with its own verdict', async () => {
    const before = (await server.savedVerdicts()).length;
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post(edits[i % edits.length]?.id as string, { decision: 'accept', clientRequestId: `burst-${i}` }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(30).fill(201));
    const ids = await Promise.all(
      responses.map(async (r) => ((await r.json()) as { verdict: { id: number } }).verdict.id),
    );
    expect(new Set(ids).size).toBe(30);
    expect((await server.savedVerdicts()).length).toBe(before + 30);
  });

  it('refuses a bad one alone: the others in the same batch stand', async () => {
    const before = (await server.savedVerdicts()).length;
    const [good, unknown, alsoGood] = await Promise.all([
      post(edits[0]?.id as string, { decision: 'reject', clientRequestId: 'mixed-1' }),
      post('no-such-edit', { decision: 'accept', clientRequestId: 'mixed-2' }),
      post(edits[1]?.id as string, { decision: 'accept', clientRequestId: 'mixed-3' }),
    ]);
    expect([good?.status, unknown?.status, alsoGood?.status]).toEqual([201, 404, 201]);
    expect((await server.savedVerdicts()).length).toBe(before + 2);
  });

  it('records a retry that arrives with its original once', async () => {
    const before = (await server.savedVerdicts()).length;
    const body = { decision: 'amend', amendedText: 'By', clientRequestId: 'twice-at-once' };
    const [first, retry] = await Promise.all([post(edits[1]?.id as string, body), post(edits[1]?.id as string, body)]);
    expect([first?.status, retry?.status].sort()).toEqual([200, 201]);
    expect((await server.savedVerdicts()).length).toBe(before + 1);
  });
});
