// HTTP tests of reviewer edits (a missed correction, a typed corrected text) and of verdicts surviving a restart.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importArticleFolder } from '../../src/import-corpus.ts';
import { articleHistory } from '../support/history.ts';
import { type Session, startTestServer, type TestServer } from '../support/server.ts';

interface ApiEdit {
  id: string;
  mtStart: number;
  mtEnd: number;
  mtText: string;
  correctedText: string;
  origin: string;
  outcome: { state: string; decision: string | null; amendedText: string | null };
}
interface ApiArticle {
  mt: string;
  corrected: string | null;
  preview: string;
  edits: ApiEdit[];
}

let server: TestServer;
let session: Session;
const extraFolder = mkdtempSync(join(tmpdir(), 'mtr-edits-'));
afterAll(() => rmSync(extraFolder, { recursive: true, force: true }));

const article = async (id: string): Promise<ApiArticle> =>
  (await server.api(`/api/articles/${id}`)).json() as Promise<ApiArticle>;
const addEdit = (body: unknown) => server.api('/api/articles/lavrov-in-china/edits', { method: 'POST', body });

/** Imports an article written to a temp folder into the running server's store; returns its id. */
async function importArticle(id: string, mt: string, corrected: string): Promise<string> {
  // A temp folder of its own: on PostgreSQL the store's location is a URL, not a place on disk.
  const dir = join(extraFolder, id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'mt.txt'), mt);
  writeFileSync(join(dir, 'corrected.txt'), corrected);
  await importArticleFolder(server.db, dir);
  return id;
}

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

  it('refuses out-of-range offsets with 400 naming the offset at fault and changes nothing', async () => {
    const before = await article('lavrov-in-china');
    const length = before.mt.length;
    for (const [mtStart, mtEnd, field] of [
      [0, length + 1, 'mtEnd'],
      [-1, 3, 'mtStart'],
      [10, 5, 'mtEnd'],
      [1.5, 3, 'mtStart'],
    ] as const) {
      const response = await addEdit({ mtStart, mtEnd, correctedText: 'x' });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe(field);
    }
    expect(await article('lavrov-in-china')).toEqual(before);
  });

  it('refuses a missing correctedText with 400', async () => {
    const response = await addEdit({ mtStart: 0, mtEnd: 2 });
    expect(response.status).toBe(400);
  });
});

/** The first field an error response names. */
const fieldOf = async (response: Response) =>
  ((await response.json()) as { fields?: { field: string }[] }).fields?.[0]?.field;

/** Every view of an article and the statistics answer 200: nothing stored made them unresolvable. */
async function expectArticleServed(id: string): Promise<void> {
  for (const path of [
    `/api/articles/${id}`,
    `/articles/${id}`,
    `/api/articles/${id}/export?format=txt`,
    `/api/articles/${id}/export?format=json`,
    '/api/stats',
    '/stats',
  ]) {
    expect((await server.api(path, { headers: { Accept: '*/*' } })).status, path).toBe(200);
  }
}

describe('POST /api/articles/:id/edits: spans that could never be resolved', () => {
  it('refuses an insertion at the start or the end of an edit, or inside it, with 409; the article still serves', async () => {
    const before = await article('lavrov-in-china');
    const target = before.edits.find((e) => e.mtText === 'paid a visit') as ApiEdit;
    for (const at of [target.mtStart, target.mtEnd, target.mtStart + 2]) {
      const response = await addEdit({ mtStart: at, mtEnd: at, correctedText: 'new ' });
      expect(response.status, `insertion at ${at}`).toBe(409);
      expect(await fieldOf(response)).toBe('mtStart');
    }
    expect(await article('lavrov-in-china')).toEqual(before);
    await expectArticleServed('lavrov-in-china');
  });

  it('refuses mtStart or mtEnd given as null, "", false, [] or a numeric string with 400 naming the field', async () => {
    const before = await article('lavrov-in-china');
    const word = wordOutsideEdits(before);
    for (const bad of [null, '', false, [], '12', {}]) {
      const endBad = await addEdit({ mtStart: word.start, mtEnd: bad, correctedText: 'x' });
      expect(endBad.status, `mtEnd ${JSON.stringify(bad)}`).toBe(400);
      expect(await fieldOf(endBad)).toBe('mtEnd');
      const startBad = await addEdit({ mtStart: bad, mtEnd: word.end, correctedText: 'x' });
      expect(startBad.status, `mtStart ${JSON.stringify(bad)}`).toBe(400);
      expect(await fieldOf(startBad)).toBe('mtStart');
    }
    const missingEnd = await addEdit({ mtStart: word.start, correctedText: 'x' });
    expect(missingEnd.status).toBe(400);
    expect(await fieldOf(missingEnd)).toBe('mtEnd');
    expect(await article('lavrov-in-china')).toEqual(before);
  });

  it('refuses form offsets that are not decimal digits with 400 naming the field', async () => {
    const before = await article('lavrov-in-china');
    const word = wordOutsideEdits(before);
    for (const bad of ['-1', '1.5', '1e3', ' 3', '0x10', 'NaN']) {
      const response = await session.fetch('/articles/lavrov-in-china/edits', {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: new URLSearchParams({
          _csrf: session.csrfToken,
          mtStart: String(word.start),
          mtEnd: bad,
          correctedText: 'x',
        }),
      });
      expect(response.status, bad).toBe(400);
      expect(await fieldOf(response)).toBe('mtEnd');
    }
    expect(await article('lavrov-in-china')).toEqual(before);
  });

  it('refuses a span that splits a surrogate pair with 400', async () => {
    const id = await importArticle('emoji-cheer', 'Fans cheered 🎉 loudly in the stadium.', 'Fans cheered 🎉 loudly.');
    const mt = (await article(id)).mt;
    const inside = mt.indexOf('🎉') + 1;
    for (const [mtStart, mtEnd, field] of [
      [inside, inside, 'mtStart'],
      [inside, inside + 4, 'mtStart'],
      [inside - 6, inside, 'mtEnd'],
    ] as const) {
      const response = await server.api(`/api/articles/${id}/edits`, {
        method: 'POST',
        body: { mtStart, mtEnd, correctedText: 'x' },
      });
      expect(response.status, `${mtStart}-${mtEnd}`).toBe(400);
      expect(await fieldOf(response)).toBe(field);
    }
    const whole = await server.api(`/api/articles/${id}/edits`, {
      method: 'POST',
      body: { mtStart: inside - 1, mtEnd: inside + 1, correctedText: '🎊' },
    });
    expect(whole.status).toBe(201);
    await expectArticleServed(id);
  });
});

describe('POST /api/articles/:id/edits with mtText and occurrence', () => {
  it('picks the n-th occurrence of the text', async () => {
    const before = await article('lavrov-in-china');
    const word = wordOutsideEdits(before);
    const occurrences = before.mt.split(word.text).length - 1;
    const nth = before.mt.slice(0, word.start).split(word.text).length;
    expect(nth).toBeLessThanOrEqual(occurrences);
    const response = await addEdit({ mtText: word.text, occurrence: nth, correctedText: `${word.text}?` });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { edit: ApiEdit }).edit.mtStart).toBe(word.start);
  });

  it('refuses an occurrence that is not a positive integer up to the count with 400 naming it, at once', async () => {
    const before = await article('lavrov-in-china');
    const count = before.mt.split('Lavrov').length - 1;
    const bad: unknown[] = [0, -1, 1.5, 1e12, count + 1, '2', null, true, [], 'Infinity'];
    for (const occurrence of bad) {
      const response = await addEdit({ mtText: 'Lavrov', occurrence, correctedText: 'Lawrow' });
      expect(response.status, JSON.stringify(occurrence)).toBe(400);
      expect(await fieldOf(response)).toBe('occurrence');
    }
    const form = await session.fetch('/articles/lavrov-in-china/edits', {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: new URLSearchParams({
        _csrf: session.csrfToken,
        mtText: 'Lavrov',
        occurrence: 'Infinity',
        correctedText: 'x',
      }),
    });
    expect(form.status).toBe(400);
    expect(await fieldOf(form)).toBe('occurrence');
    expect(await article('lavrov-in-china')).toEqual(before);
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
    expect(after.edits.find((e) => e.id === target.id)?.outcome).toMatchObject({
      decision: 'amend',
      amendedText: 'survives the restart',
    });
    // The old server is gone; the new one answers.
    await expect(fetch(`${oldUrl}/sign-in`)).rejects.toThrow();
  });
});
