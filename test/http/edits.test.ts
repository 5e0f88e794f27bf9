// HTTP tests of reviewer edits (a missed correction, a typed corrected text) and of verdicts surviving a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleHistory } from '../support/history.ts';
import { type Session, startTestServer, type TestServer } from '../support/server.ts';

interface ApiEdit {
  id: string;
  mtStart: number;
  mtEnd: number;
  mtText: string;
  correctedText: string;
  origin: string;
  standing: { decision: string; amendedText: string | null } | null;
}
interface ApiArticle {
  mt: string;
  corrected: string | null;
  preview: string;
  edits: ApiEdit[];
}

let server: TestServer;
let session: Session;

const article = async (id: string): Promise<ApiArticle> =>
  (await server.api(`/api/articles/${id}`)).json() as Promise<ApiArticle>;
const addEdit = (body: unknown) => server.api('/api/articles/lavrov-in-china/edits', { method: 'POST', body });

/** The first word of the MT that lies between two edits, touching neither. */
function wordOutsideEdits(review: ApiArticle): { start: number; end: number; text: string } {
  const edits = [...review.edits].sort((a, b) => a.mtStart - b.mtStart);
  for (let i = 1; i < edits.length; i++) {
    const from = (edits[i - 1] as ApiEdit).mtEnd + 1;
    const to = (edits[i] as ApiEdit).mtStart - 1;
    const match = /[A-Za-z]{4,}/.exec(review.mt.slice(from, to));
    if (match) return { start: from + match.index, end: from + match.index + match[0].length, text: match[0] };
  }
  throw new Error('no word between two edits');
}

beforeAll(async () => {
  server = await startTestServer();
  session = await server.signIn();
  const first = (await article('lavrov-in-china')).edits[0] as ApiEdit;
  const response = await server.api(`/api/edits/${first.id}/verdicts`, {
    method: 'POST',
    body: { decision: 'accept' },
  });
  expect(response.status).toBe(201);
});
afterAll(() => server.close());

describe('POST /api/articles/:id/edits', () => {
  it('adds a reviewer edit with 201; it is listed as origin reviewer', async () => {
    const before = await article('lavrov-in-china');
    const word = wordOutsideEdits(before);
    const response = await addEdit({ mtStart: word.start, mtEnd: word.end, correctedText: `${word.text}!` });
    expect(response.status).toBe(201);
    const { edit } = (await response.json()) as { edit: ApiEdit };
    expect(edit).toMatchObject({ mtText: word.text, correctedText: `${word.text}!`, origin: 'reviewer' });
    const after = await article('lavrov-in-china');
    expect(after.edits.length).toBe(before.edits.length + 1);
    expect(after.edits.find((e) => e.id === edit.id)).toMatchObject({ mtStart: word.start, origin: 'reviewer' });
    expect(await articleHistory(server, 'lavrov-in-china')).toHaveLength(1);
  });

  it('refuses a span overlapping an existing edit with 409 and changes nothing', async () => {
    const before = await article('lavrov-in-china');
    const existing = before.edits[3] as ApiEdit;
    const response = await addEdit({ mtStart: existing.mtStart, mtEnd: existing.mtEnd + 2, correctedText: 'other' });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe('mtStart');
    expect(await article('lavrov-in-china')).toEqual(before);
  });

  it('refuses out-of-range offsets with 400 naming mtStart and changes nothing', async () => {
    const before = await article('lavrov-in-china');
    const length = before.mt.length;
    for (const [mtStart, mtEnd] of [
      [0, length + 1],
      [-1, 3],
      [10, 5],
      [1.5, 3],
    ]) {
      const response = await addEdit({ mtStart, mtEnd, correctedText: 'x' });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe('mtStart');
    }
    expect(await article('lavrov-in-china')).toEqual(before);
  });

  it('refuses a missing correctedText with 400', async () => {
    const response = await addEdit({ mtStart: 0, mtEnd: 2 });
    expect(response.status).toBe(400);
  });
});

describe('POST /articles/:id/corrected', () => {
  it('saves the corrected text of an article without corrected.txt and redirects 303; edits appear', async () => {
    const before = await article('mt-only');
    expect(before.corrected).toBeNull();
    // Without a post-edit, the only edits are the checks' suggestions.
    expect(before.edits.filter((e) => e.origin === 'post-edit')).toEqual([]);
    const corrected = before.mt.replace('Home page Panorama\n\n', '').replace('The defusing is', 'Defusing is');
    const response = await session.postForm('/articles/mt-only/corrected', { corrected });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/articles/mt-only');
    const after = await article('mt-only');
    expect(after.corrected).toBe(corrected);
    const postEdits = after.edits.filter((e) => e.origin === 'post-edit');
    expect(postEdits.length).toBeGreaterThanOrEqual(2);
    expect(postEdits.some((e) => e.mtText.includes('Home page Panorama'))).toBe(true);
    // With every edit undecided, the preview is the typed text.
    expect(after.preview).toBe(corrected);
  });

  it('refuses with 409 for an article that has corrected.txt, changing nothing', async () => {
    const before = await article('lavrov-in-china');
    const response = await session.postForm('/articles/lavrov-in-china/corrected', { corrected: 'Replaced.' });
    expect(response.status).toBe(409);
    expect(await article('lavrov-in-china')).toEqual(before);
  });

  it('refuses without the CSRF token with 403', async () => {
    const response = await session.fetch('/articles/mt-only/corrected', {
      method: 'POST',
      body: new URLSearchParams({ corrected: 'Anything.' }),
    });
    expect(response.status).toBe(403);
  });
});

describe('verdicts across a restart', () => {
  it('are still there after the server and the store close and the same file is reopened by a new app', async () => {
    const target = (await article('lavrov-in-china')).edits[1] as ApiEdit;
    const response = await server.api(`/api/edits/${target.id}/verdicts`, {
      method: 'POST',
      body: { decision: 'amend', amendedText: 'survives the restart', clientRequestId: 'before-restart' },
    });
    expect(response.status).toBe(201);
    const before = await articleHistory(server, 'lavrov-in-china');
    const oldUrl = server.url;
    server = await server.restart();
    expect(server.db.open).toBe(true);
    const after = await article('lavrov-in-china');
    expect(await articleHistory(server, 'lavrov-in-china')).toEqual(before);
    expect(before.at(-1)).toMatchObject({ editId: target.id, decision: 'amend' });
    expect(after.edits.find((e) => e.id === target.id)?.standing).toMatchObject({
      decision: 'amend',
      amendedText: 'survives the restart',
    });
    // The old server is gone; the new one answers.
    await expect(fetch(`${oldUrl}/sign-in`)).rejects.toThrow();
  });
});
