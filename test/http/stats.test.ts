// HTTP tests of the statistics: /api/stats after verdicts recorded through the API, the /stats page, sign-in.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { command } from '../../src/commands/stats.ts';
import type { Statistics } from '../../src/stats/aggregate.ts';
import { type Session, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let session: Session;

beforeAll(async () => {
  server = await startTestServer();
  session = await server.signIn();
  const article = (await (await server.api('/api/articles/lavrov-in-china')).json()) as { edits: { id: string }[] };
  const post = (editId: string, body: unknown) =>
    server.api(`/api/edits/${encodeURIComponent(editId)}/verdicts`, { method: 'POST', body });
  const [first, second] = article.edits;
  expect(
    (await post(first?.id as string, { decision: 'accept', category: 'accuracy/mistranslation', severity: 'major' }))
      .status,
  ).toBe(201);
  expect((await post(second?.id as string, { decision: 'reject' })).status).toBe(201);
});
afterAll(() => server.close());

describe('GET /api/stats', () => {
  it('shows the verdicts recorded through the API', async () => {
    const response = await server.api('/api/stats');
    expect(response.status).toBe(200);
    const stats = (await response.json()) as Statistics;
    const lavrov = stats.articles.find((a) => a.id === 'lavrov-in-china');
    expect(lavrov).toMatchObject({ decided: 2, decisions: { accepted: 1, rejected: 1, amended: 0 } });
    expect(lavrov?.errors).toEqual({
      total: 1,
      byCategory: { 'accuracy/mistranslation': 1 },
      bySeverity: { major: 1 },
    });
    expect(lavrov?.scores.wmt?.penalty).toBe(5);
    expect(lavrov?.scores.mqm2?.counts.major).toBe(1);
    expect(lavrov?.hter.score).toBeGreaterThan(0);
    expect(stats.corpus.decisions.accepted).toBe(1);
    expect(stats.corpus.articles).toBe(stats.articles.length);
    expect(stats.reviewers).toEqual([{ reviewer: 'tester', verdicts: 2, edits: 2, accept: 1, reject: 1, amend: 0 }]);
    expect(stats.models.map((m) => m.id)).toContain('mqm2');
  });

  it('is exactly what mt-review stats --json prints', async () => {
    const api = await (await server.api('/api/stats')).text();
    const chunks: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => chunks.push(String(chunk)) > 0);
    try {
      expect(await command.run(['--json', '--db', server.dbLocation])).toBe(0);
    } finally {
      write.mockRestore();
    }
    expect(chunks.join('')).toBe(`${api}\n`);
  });

  it('pages the articles (?page, ?perPage, ?sort) and names a bad parameter with a 400', async () => {
    type Answer = Statistics & { articlesPage: { page: number; pages: number; total: number; sort: string } };
    const all = (await (await server.api('/api/stats')).json()) as Answer;
    const pages: string[] = [];
    for (let page = 1; page <= all.articlesPage.total; page += 1) {
      const answer = (await (await server.api(`/api/stats?perPage=1&page=${page}`)).json()) as Answer;
      expect(answer.articles).toHaveLength(1);
      expect(answer.articlesPage).toMatchObject({ page, pages: all.articlesPage.total, total: all.articlesPage.total });
      expect(answer.corpus).toEqual(all.corpus);
      pages.push(answer.articles[0]?.id as string);
    }
    expect(pages).toEqual(all.articles.map((a) => a.id));
    const worst = (await (await server.api('/api/stats?sort=worst&perPage=1')).json()) as Answer;
    // The only reviewed article comes first whichever way the score is sorted.
    expect(worst.articles[0]?.id).toBe('lavrov-in-china');
    for (const [query, field] of [
      ['page=0', 'page'],
      ['page=x', 'page'],
      ['perPage=501', 'perPage'],
      ['sort=random', 'sort'],
      ['model=none', 'model'],
    ]) {
      const response = await server.api(`/api/stats?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe(field);
    }
  });

  it('answers 401 without credentials', async () => {
    const response = await fetch(`${server.url}/api/stats`, { redirect: 'manual' });
    expect(response.status).toBe(401);
  });
});

describe('GET /stats', () => {
  let html: string;
  beforeAll(async () => {
    const response = await session.fetch('/stats');
    expect(response.status).toBe(200);
    html = await response.text();
  });

  it('renders the numbers and inline SVG charts with text labels', () => {
    expect(html.match(/<svg\b/g)?.length).toBe(4);
    expect(html).toContain('Errors by category');
    expect(html).toContain('>Mistranslation</text>');
    expect(html).toContain('MQM 2.0 score per article');
    expect(html).toContain('1 major');
    expect(html).toContain('tester');
    // The fixture articles nobody reviewed are not shown as passing.
    expect(html).toContain('not reviewed');
  });

  it('escapes article titles in the tables (the charts carry no titles), and has no scripts', () => {
    expect(html).toContain('BSI warns of &lt;script&gt; injection &amp; &#34;stored XSS&#34;');
    expect(html).not.toContain('<script');
  });

  it('shows the best and worst reviewed articles and pages the article list', async () => {
    expect(html).toContain('Best and worst reviewed articles');
    const second = await (await session.fetch('/stats?sort=hter&perPage=2&page=2')).text();
    expect(second).toContain('page 2 of');
    expect(second).toContain('rel="prev"');
    expect(second.match(/<tbody>/g)?.length).toBeGreaterThan(0);
  });

  it('selects the model with ?model= and refuses an unknown one', async () => {
    const wmt = await (await session.fetch('/stats?model=wmt')).text();
    expect(wmt).toContain('WMT / Google MQM score per article');
    expect(wmt).toContain('model=wmt&amp;sort=best');
    expect((await session.fetch('/stats?model=nonsense')).status).toBe(400);
  });

  it('redirects to sign-in without a session', async () => {
    const response = await fetch(`${server.url}/stats`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('/sign-in');
  });
});
