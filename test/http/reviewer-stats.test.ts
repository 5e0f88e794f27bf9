// HTTP test of the per-reviewer statistics: two reviewers and a lead on a known scenario, every figure checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createTeam, type Team } from '../support/team.ts';

interface Figures {
  reviewer: string;
  role: string;
  verdicts: number;
  adjudications: number;
  articles: number;
  outcomes: { agreed: number; upheld: number; overruled: number; disputed: number };
  agreement: { stood: number; counted: number; share: number | null };
  reviewTime: { articles: number; medianSeconds: number | null };
}
interface ArticleRow {
  id: string;
  status: string;
  edits: number;
  outcomes: { disputed: number; agreed: number; adjudicated: number; undecided: number };
  assignees: string[];
  reviewers: {
    reviewer: string;
    verdicts: number;
    adjudications: number;
    firstAt: string;
    lastAt: string;
    seconds: number;
  }[];
}
interface StatsPage {
  reviewers: Figures[];
  pairs: { reviewers: [string, string]; edits: number; kappa: number | null; decision: { agreed: number } }[];
  articles: ArticleRow[];
  page: { after: string | null; limit: number; nextAfter: string | null; total: number; next: string | null };
}

let server: TestServer;
let team: Team;
let editIds: string[];
const article = 'lavrov-in-china';

const as = (name: string, path: string, body?: unknown) => team.as(name, path, body);
async function post(name: string, path: string, body: unknown = {}) {
  const response = await as(name, path, body);
  expect(response.status, `${name} POST ${path}`).toBeLessThan(300);
}
const verdict = (name: string, n: number, body: Record<string, unknown>) =>
  post(name, `/api/edits/${editIds[n]}/verdicts`, body);
const stats = async (query = '') => (await (await as('lea', `/api/stats/reviewers${query}`)).json()) as StatsPage;
const figuresOf = (page: StatsPage, name: string) => page.reviewers.find((r) => r.reviewer === name);

beforeAll(async () => {
  server = await startTestServer();
  team = await createTeam(
    server,
    [
      ['ann', 'reviewer'],
      ['bob', 'reviewer'],
      ['lea', 'lead'],
    ],
    'stats',
  );
  const edits = ((await (await as('lea', `/api/articles/${article}`)).json()) as { edits: { id: string }[] }).edits;
  editIds = edits.map((e) => e.id);
  // Edits 0 to 5: Ann and Bob disagree on 0 (the lead takes Bob's reject) and on 1 (the lead takes Ann's text, a
  // tab at its end aside); they agree on 2 and, spaces aside, on 4; 3 stays disputed; only Ann decides 5, where her
  // undone accept leaves her reject standing.
  await verdict('ann', 0, { decision: 'accept' });
  await verdict('ann', 1, { decision: 'amend', amendedText: 'Ann’s text' });
  await verdict('ann', 2, { decision: 'accept' });
  await verdict('ann', 3, { decision: 'reject' });
  await verdict('ann', 4, { decision: 'amend', amendedText: '  Same text\n' });
  await verdict('ann', 5, { decision: 'reject' });
  await verdict('ann', 5, { decision: 'accept' });
  await post('ann', `/api/edits/${editIds[5]}/verdicts/retraction`);
  await verdict('bob', 0, { decision: 'reject' });
  await verdict('bob', 1, { decision: 'amend', amendedText: 'Bob’s text' });
  await verdict('bob', 2, { decision: 'accept' });
  await verdict('bob', 3, { decision: 'accept' });
  await verdict('bob', 4, { decision: 'amend', amendedText: 'Same text' });
  await post('lea', `/api/edits/${editIds[0]}/adjudication`, { decision: 'reject' });
  await post('lea', `/api/edits/${editIds[1]}/adjudication`, { decision: 'amend', amendedText: 'Ann’s text\t' });
  await post('lea', `/api/articles/${article}/assignments`, { reviewer: 'bob' });
});
afterAll(() => server.close());

describe('GET /api/stats/reviewers', () => {
  it('counts verdicts and how each reviewer’s verdicts stand against the outcomes', async () => {
    const page = await stats();
    expect(page.reviewers.map((r) => r.reviewer)).toEqual(['ann', 'bob', 'lea']);
    expect(figuresOf(page, 'ann')).toMatchObject({
      role: 'reviewer',
      verdicts: 7,
      adjudications: 0,
      articles: 1,
      outcomes: { agreed: 3, upheld: 1, overruled: 1, disputed: 1 },
      agreement: { stood: 4, counted: 5, share: 0.8 },
      reviewTime: { articles: 1 },
    });
    expect(figuresOf(page, 'bob')).toMatchObject({
      verdicts: 5,
      articles: 1,
      outcomes: { agreed: 2, upheld: 1, overruled: 1, disputed: 1 },
      agreement: { stood: 3, counted: 4, share: 0.75 },
    });
    expect(figuresOf(page, 'lea')).toEqual({
      reviewer: 'lea',
      role: 'lead',
      verdicts: 0,
      adjudications: 2,
      articles: 0,
      outcomes: { agreed: 0, upheld: 0, overruled: 0, disputed: 0 },
      agreement: { stood: 0, counted: 0, share: null },
      reviewTime: { articles: 0, medianSeconds: null },
    });
  });

  it('gives Cohen’s kappa per pair, as the statistics page does', async () => {
    const { pairs } = await stats();
    // Shared edits 0-4: (accept, reject), (amend, amend), (accept, accept), (reject, accept), (amend, amend):
    // observed 3/5, chance 2/5·2/5 + 2/5·2/5 + 1/5·1/5 = 0.36, kappa (0.6 − 0.36) / 0.64.
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ reviewers: ['ann', 'bob'], edits: 5, decision: { agreed: 3 } });
    expect(pairs[0]?.kappa).toBeCloseTo(0.375, 10);
    const main = (await (await as('lea', '/api/stats')).json()) as { agreement: { kappa: number | null }[] };
    expect(main.agreement.map((p) => p.kappa)).toEqual(pairs.map((p) => p.kappa));
  });

  it('times each reviewer from their first to their last verdict on the article', async () => {
    const page = await stats();
    const row = page.articles.find((a) => a.id === article) as ArticleRow;
    const saved = await server.savedVerdicts();
    for (const name of ['ann', 'bob']) {
      const times = saved.filter((v) => v.reviewerName === name && v.kind === 'verdict').map((v) => v.createdAt);
      const [first, last] = [times[0] as string, times.at(-1) as string];
      const seconds = (Date.parse(last) - Date.parse(first)) / 1000;
      expect(row.reviewers.find((r) => r.reviewer === name)).toMatchObject({ firstAt: first, lastAt: last, seconds });
      expect(figuresOf(page, name)?.reviewTime.medianSeconds).toBe(seconds);
    }
  });

  it('lists each article’s status, reviewers, assignees and disputed edits', async () => {
    const row = (await stats()).articles.find((a) => a.id === article) as ArticleRow;
    expect(row).toMatchObject({
      status: 'in review',
      outcomes: { disputed: 1, adjudicated: 2, agreed: 3 },
      assignees: ['bob'],
    });
    expect(row.outcomes.undecided).toBe(row.edits - 6);
    expect(row.reviewers.map((r) => [r.reviewer, r.verdicts, r.adjudications])).toEqual([
      ['ann', 7, 0],
      ['bob', 5, 0],
      ['lea', 0, 2],
    ]);
  });

  it('pages the articles by id, the next page after the last id shown', async () => {
    const first = await stats('?limit=1');
    expect(first.articles).toHaveLength(1);
    expect(first.page).toMatchObject({ after: null, limit: 1, nextAfter: first.articles[0]?.id });
    expect(first.page.total).toBeGreaterThan(1);
    const second = (await (await as('lea', first.page.next as string)).json()) as StatsPage;
    expect((second.articles[0]?.id ?? '') > (first.articles[0]?.id as string)).toBe(true);
    const all = await stats('?limit=200');
    expect(all.articles.map((a) => a.id)).toHaveLength(all.page.total);
    expect(all.page.next).toBeNull();
  });

  it('refuses a bad page with 400 naming the field', async () => {
    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
      ['?limit=ten', 'limit'],
      ['?after=a&after=b', 'after'],
    ]) {
      const response = await as('lea', `/api/stats/reviewers${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe(field);
    }
  });

  it('follows a change at once: a new verdict moves the figures', async () => {
    await verdict('bob', 3, { decision: 'reject' });
    const bob = figuresOf(await stats(), 'bob');
    expect(bob).toMatchObject({
      verdicts: 6,
      outcomes: { agreed: 3, disputed: 0 },
      agreement: { stood: 4, counted: 5 },
    });
    // The article's kept counts follow too; a verdict that leaves the outcome as it was changes none.
    const row = async () => (await stats()).articles.find((a) => a.id === article)?.outcomes;
    expect(await row()).toMatchObject({ disputed: 0, agreed: 4, adjudicated: 2 });
    await verdict('ann', 2, { decision: 'accept', note: 'still accept' });
    expect(await row()).toMatchObject({ disputed: 0, agreed: 4, adjudicated: 2 });
    await verdict('ann', 2, { decision: 'reject' });
    expect(await row()).toMatchObject({ disputed: 1, agreed: 3, adjudicated: 2 });
  });
});

describe('GET /stats/reviewers', () => {
  it('shows the figures on a page linked from the statistics page', async () => {
    const session = await server.signIn();
    const main = await (await session.fetch('/stats')).text();
    expect(main).toContain('href="/stats/reviewers"');
    const response = await session.fetch('/stats/reviewers');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('80% (4 of 5)');
    expect(html).toContain('Cohen’s kappa');
    expect(html).toContain(`href="/articles/${article}"`);
  });
});
