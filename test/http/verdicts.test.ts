// HTTP tests of recording verdicts: valid ones through the API and the form, invalid and malformed ones refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredVerdict } from '../../src/store/index.ts';
import { articleHistory } from '../support/history.ts';
import { type Session, startTestServer, type TestServer } from '../support/server.ts';

interface ApiEdit {
  id: string;
  number: number;
  mtText: string;
  verdicts: { id: number; decision: string; reviewer: string }[];
  outcome: { state: string; decision: string | null; amendedText: string | null };
}
interface ApiArticle {
  id: string;
  reviewed: number;
  edits: ApiEdit[];
}

let server: TestServer;
let session: Session;
let edits: ApiEdit[];
let saved: StoredVerdict;

const seedArticle = async (): Promise<ApiArticle> =>
  (await server.api('/api/articles/lavrov-in-china')).json() as Promise<ApiArticle>;
const post = (editId: string, body: unknown) =>
  server.api(`/api/edits/${encodeURIComponent(editId)}/verdicts`, { method: 'POST', body });
const edit = (n: number) => edits[n] as ApiEdit;

/** Asserts that the verdicts on record are exactly the ones saved before the request. */
async function expectNothingLost(before: StoredVerdict[]): Promise<void> {
  expect(await server.savedVerdicts()).toEqual(before);
  expect(await server.savedVerdicts()).toContainEqual(saved);
}

beforeAll(async () => {
  server = await startTestServer();
  session = await server.signIn();
  edits = (await seedArticle()).edits;
  // Something saved before any bad request, so that "nothing lost" is tested against a real verdict.
  const response = await post(edit(0).id, { decision: 'accept', clientRequestId: 'seed-verdict' });
  expect(response.status).toBe(201);
  saved = (await server.savedVerdicts())[0] as StoredVerdict;
});
afterAll(() => server.close());

describe('POST /api/edits/:editId/verdicts with invalid verdicts', () => {
  const cases: [string, unknown, string][] = [
    ['an unknown decision', { decision: 'maybe' }, 'decision'],
    ['an unknown category', { decision: 'accept', category: 'accuracy/nonsense' }, 'category'],
    ['an unknown severity', { decision: 'reject', severity: 'catastrophic' }, 'severity'],
    ['amend without amendedText', { decision: 'amend' }, 'amendedText'],
    ['amend with an empty amendedText', { decision: 'amend', amendedText: '' }, 'amendedText'],
    ['a note over 5,000 characters', { decision: 'accept', note: 'n'.repeat(5001) }, 'note'],
    ['a number as decision', { decision: 5 }, 'decision'],
    ['an object as note', { decision: 'accept', note: {} }, 'note'],
    ['a non-object body (an array)', [{ decision: 'accept' }], 'body'],
  ];
  for (const [what, body, field] of cases) {
    it(`refuses ${what} with 400 naming ${field}`, async () => {
      const before = await server.savedVerdicts();
      const response = await post(edit(1).id, body);
      expect(response.status).toBe(400);
      const answer = (await response.json()) as { error: string; fields: { field: string }[] };
      expect(answer.fields.map((f) => f.field)).toContain(field);
      expect(answer.error).not.toBe('');
      await expectNothingLost(before);
    });
  }

  it('accepts a note of exactly 5,000 characters', async () => {
    const response = await post(edit(1).id, { decision: 'accept', note: 'n'.repeat(5000) });
    expect(response.status).toBe(201);
  });
});

describe('POST /api/edits/:editId/verdicts with a bad body', () => {
  it('refuses a JSON body over 256 kB with 413', async () => {
    const before = await server.savedVerdicts();
    const response = await post(edit(2).id, { decision: 'accept', note: 'x'.repeat(300 * 1024) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toMatch(/too large/);
    await expectNothingLost(before);
  });

  it('refuses malformed JSON with 400', async () => {
    const before = await server.savedVerdicts();
    const response = await post(edit(2).id, '{"decision": "accept",');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    await expectNothingLost(before);
  });

  it('refuses a JSON string body with 400', async () => {
    const before = await server.savedVerdicts();
    const response = await post(edit(2).id, '"accept"');
    expect(response.status).toBe(400);
    await expectNothingLost(before);
  });
});

describe('POST /api/edits/:editId/verdicts with a valid verdict', () => {
  it('records it with 201 and shows it in GET /api/articles/lavrov-in-china', async () => {
    const target = edit(3);
    const response = await post(target.id, {
      decision: 'reject',
      category: 'accuracy/mistranslation',
      severity: 'major',
      note: 'keep the MT',
      clientRequestId: 'req-reject-3',
    });
    expect(response.status).toBe(201);
    const { verdict, duplicate } = (await response.json()) as { verdict: StoredVerdict; duplicate: boolean };
    expect(duplicate).toBe(false);
    expect(verdict).toMatchObject({ editId: target.id, decision: 'reject', severity: 'major', reviewerName: 'tester' });
    const article = await seedArticle();
    const shown = article.edits.find((e) => e.id === target.id);
    expect(shown?.outcome).toMatchObject({ state: 'agreed', decision: 'reject' });
    expect(shown?.verdicts.map((v) => v.id)).toContain(verdict.id);
    const history = await articleHistory(server, 'lavrov-in-china');
    expect(history.find((v) => v.id === verdict.id)).toMatchObject({ editId: target.id, note: 'keep the MT' });
  });

  it('records the same clientRequestId once (200, duplicate, history unchanged)', async () => {
    const target = edit(4);
    const body = { decision: 'accept', clientRequestId: 'req-retry-4' };
    const first = await post(target.id, body);
    expect(first.status).toBe(201);
    const historyBefore = (await articleHistory(server, 'lavrov-in-china')).length;
    const again = await post(target.id, body);
    expect(again.status).toBe(200);
    const answer = (await again.json()) as { verdict: StoredVerdict; duplicate: boolean };
    expect(answer.duplicate).toBe(true);
    expect(answer.verdict.id).toBe(((await first.json()) as { verdict: StoredVerdict }).verdict.id);
    expect(await articleHistory(server, 'lavrov-in-china')).toHaveLength(historyBefore);
  });

  it('refuses the same clientRequestId on another edit with 409 and records nothing', async () => {
    const before = await server.savedVerdicts();
    const response = await post(edit(5).id, { decision: 'accept', clientRequestId: 'req-retry-4' });
    expect(response.status).toBe(409);
    await expectNothingLost(before);
  });
});

describe('POST /articles/:id/edits/:editId/verdicts (the HTML form)', () => {
  it('records a form verdict and redirects 303 back to the review page at the next edit', async () => {
    const target = edit(6);
    const before = (await server.savedVerdicts()).length;
    const response = await session.postForm(`/articles/lavrov-in-china/edits/${target.id}/verdicts`, {
      decision: 'amend',
      amendedText: 'typed in the form',
      severity: 'minor',
      category: '',
      note: '',
      clientRequestId: 'form-request-6',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/articles/lavrov-in-china?edit=${edit(7).id}`);
    expect((await server.savedVerdicts()).length).toBe(before + 1);
    const shown = (await seedArticle()).edits.find((e) => e.id === target.id);
    expect(shown?.outcome).toMatchObject({ decision: 'amend', amendedText: 'typed in the form' });
  });

  it('answers an invalid form verdict with a 400 page naming the field', async () => {
    const before = await server.savedVerdicts();
    const response = await session.postForm(`/articles/lavrov-in-china/edits/${edit(7).id}/verdicts`, {
      decision: 'amend',
      amendedText: '',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain('<code>amendedText</code>');
    await expectNothingLost(before);
  });
});

describe('GET /api/articles', () => {
  it('lists the articles with their edit counts and reviewed counts as they stand', async () => {
    const response = await server.api('/api/articles');
    expect(response.status).toBe(200);
    const { articles } = (await response.json()) as {
      articles: { id: string; title: string | null; edits: number; reviewed: number }[];
    };
    for (const article of articles) {
      expect(Object.keys(article)).toEqual(expect.arrayContaining(['id', 'title', 'edits', 'reviewed']));
    }
    const seed = articles.find((a) => a.id === 'lavrov-in-china');
    const reviewed = (await seedArticle()).edits.filter((e) => e.outcome.state !== 'undecided').length;
    expect(reviewed).toBeGreaterThan(0);
    expect(seed).toMatchObject({ edits: edits.length, reviewed });
    expect(articles.find((a) => a.id === 'html-injection')).toMatchObject({ reviewed: 0 });
  });
});
