// HTTP tests of archiving: leads only, hidden from the list and the statistics until unarchived, nothing deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createReviewer } from '../../src/store/index.ts';
import { reviewerPassword, type Session, signInAs, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let lead: Session;
let leadToken: string;

function asLead(path: string, body?: unknown) {
  return fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${leadToken}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
const listed = async (query = '') =>
  ((await (await asLead(`/api/articles${query}`)).json()) as { articles: { id: string }[] }).articles.map((a) => a.id);
interface Stats {
  corpus: { articles: number; edits: number };
  articles: { id: string }[];
}
const stats = async () => (await (await asLead('/api/stats')).json()) as Stats;

beforeAll(async () => {
  server = await startTestServer();
  const reviewer = await createReviewer(server.db, 'lea', reviewerPassword, { role: 'lead' });
  leadToken = await createApiToken(server.db, reviewer.id, 'archive');
  lead = await signInAs(server.url, 'lea', reviewerPassword);
});
afterAll(() => server.close());

describe('POST /api/articles/:id/archive and /unarchive', () => {
  it('refuses a reviewer with 403 and changes nothing', async () => {
    const response = await server.api('/api/articles/mt-only/archive', { method: 'POST', body: {} });
    expect(response.status).toBe(403);
    expect(await listed()).toContain('mt-only');
  });

  it('answers 404 for an unknown article', async () => {
    expect((await asLead('/api/articles/nope/archive', {})).status).toBe(404);
    expect((await asLead('/api/articles/nope/unarchive', {})).status).toBe(404);
  });

  it('hides the article from the list and the statistics, shows it under archived=1, and brings it back', async () => {
    const before = await stats();
    const verdicts = await server.savedVerdicts();
    const response = await asLead('/api/articles/lavrov-in-china/archive', {});
    expect(response.status).toBe(200);
    const body = (await response.json()) as { changed: boolean; archivedAt: string; archivedBy: string };
    expect(body).toMatchObject({ changed: true, archivedBy: 'lea' });
    expect(body.archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    expect(await listed()).not.toContain('lavrov-in-china');
    expect(await listed('?archived=1')).toEqual(['lavrov-in-china']);
    expect((await listed('?archived=all')).sort()).toEqual([...(await listed()), 'lavrov-in-china'].sort());
    const during = await stats();
    expect(during.corpus.articles).toBe(before.corpus.articles - 1);
    expect(during.articles.map((a) => a.id)).not.toContain('lavrov-in-china');
    // Never deleted: the article, its review page and its verdicts are all there.
    expect((await asLead('/api/articles/lavrov-in-china')).status).toBe(200);
    expect(await server.savedVerdicts()).toEqual(verdicts);

    const again = await asLead('/api/articles/lavrov-in-china/archive', {});
    expect(((await again.json()) as { changed: boolean }).changed).toBe(false);

    const back = await asLead('/api/articles/lavrov-in-china/unarchive', {});
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject({ changed: true, archivedAt: null, archivedBy: null });
    expect(await listed()).toContain('lavrov-in-china');
    expect(await stats()).toEqual(before);
  });
});

describe('the archive forms on the review page', () => {
  it('shows a lead the Archive form, and a reviewer none', async () => {
    const page = await (await lead.fetch('/articles/mt-only')).text();
    expect(page).toContain('action="/articles/mt-only/archive"');
    const reviewer = await server.signIn();
    expect(await (await reviewer.fetch('/articles/mt-only')).text()).not.toContain('/archive"');
    expect((await reviewer.postForm('/articles/mt-only/archive', {})).status).toBe(403);
  });

  it('archives through the form (CSRF checked), then offers Unarchive', async () => {
    expect((await lead.postForm('/articles/mt-only/archive', { _csrf: 'forged' })).status).toBe(403);
    expect(await listed()).toContain('mt-only');
    const response = await lead.postForm('/articles/mt-only/archive', {});
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/articles/mt-only');
    const page = await (await lead.fetch('/articles/mt-only')).text();
    expect(page).toContain('action="/articles/mt-only/unarchive"');
    expect(page).toMatch(/Archived by lea on/);
    expect(await listed()).not.toContain('mt-only');
    const list = await (await lead.fetch('/?archived=1')).text();
    expect(list).toContain('(archived)');
    expect((await lead.postForm('/articles/mt-only/unarchive', {})).status).toBe(303);
    expect(await listed()).toContain('mt-only');
  });
});
