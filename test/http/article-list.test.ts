// HTTP tests of the article list: keyset paging walked to the end in every order, every filter, search, the 400s.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLoadedArticle } from '../../src/import-corpus.ts';
import type { ArticleListRow } from '../../src/store/article-list.ts';
import { type Session, startTestServer, type TestServer } from '../support/server.ts';
import { createTeam, type Team } from '../support/team.ts';

// The JSON rows are the store's rows as they are.
type Row = ArticleListRow;
interface Page {
  articles: Row[];
  next: string | null;
  nextUrl: string | null;
  total: number;
}

let server: TestServer;
let session: Session;
let team: Team;
const generated = 40;
const topics = ['harbour', 'election', 'weather'];
const publishers = ['Alpha News', 'Beta Daily', 'Gamma Post'];

/** Generated article i: publishers, dates (some shared, some missing), title words and a text-only word by i. */
function generatedArticle(i: number) {
  const id = `gen-${String(i).padStart(2, '0')}`;
  return {
    id,
    dir: '',
    meta: {
      title: `Report ${i} on the ${topics[i % 3]}`,
      ...(i % 7 === 0 ? {} : { publisher: publishers[i % 3] }),
      ...(i % 6 === 0 ? {} : { published: `2024-0${1 + (i % 3)}-1${i % 5}` }),
    },
    mt: `Report ${i} on the ${topics[i % 3]}.\n\nThe mayor say that ${i % 4 === 0 ? 'a quokka' : 'nobody'} came.`,
    corrected: `Report ${i} on the ${topics[i % 3]}.\n\nThe mayor says that ${i % 4 === 0 ? 'a quokka' : 'nobody'} came.`,
  };
}

const as = (name: string, path: string, body?: unknown) => team.as(name, path, body);
async function page(name: string, query: string): Promise<Page> {
  const response = await as(name, `/api/articles${query}`);
  expect(response.status, query).toBe(200);
  return (await response.json()) as Page;
}
/** Every row, walking the pages through their cursors. */
async function walk(name: string, query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let next: string | null = `/api/articles?${query}${query ? '&' : ''}limit=${limit}`;
  let pages = 0;
  while (next) {
    const response = await as(name, next);
    expect(response.status, next).toBe(200);
    const body = (await response.json()) as Page;
    expect(body.articles.length).toBeLessThanOrEqual(limit);
    ids.push(...body.articles.map((a) => a.id));
    next = body.nextUrl;
    pages++;
  }
  return { ids, pages };
}
const ids = async (name: string, query: string) =>
  (await page(name, `${query.startsWith('?') ? query : `?${query}`}&limit=100`)).articles.map((a) => a.id);
const editsOf = async (id: string) =>
  ((await (await as('lea', `/api/articles/${id}`)).json()) as { edits: { id: string }[] }).edits;

beforeAll(async () => {
  server = await startTestServer();
  for (let i = 0; i < generated; i++) await importLoadedArticle(server.db, generatedArticle(i));
  team = await createTeam(
    server,
    [
      ['bob', 'reviewer'],
      ['lea', 'lead'],
    ],
    'list',
  );
  team.tokens.tester = server.apiToken;
  // gen-01: every edit accepted by tester (reviewed); gen-02 the same, then approved; gen-03: one edit decided
  // (in review) and disputed by bob; gen-04..06 assigned to tester, gen-05 to bob too.
  for (const id of ['gen-01', 'gen-02']) {
    for (const edit of await editsOf(id)) await as('tester', `/api/edits/${edit.id}/verdicts`, { decision: 'accept' });
  }
  expect((await as('lea', '/api/articles/gen-02/approve', {})).status).toBe(200);
  const [first] = await editsOf('gen-03');
  await as('tester', `/api/edits/${first?.id}/verdicts`, { decision: 'accept' });
  await as('bob', `/api/edits/${first?.id}/verdicts`, { decision: 'reject' });
  for (const id of ['gen-04', 'gen-05', 'gen-06']) {
    expect((await as('lea', `/api/articles/${id}/assignments`, { reviewer: 'tester' })).status).toBe(200);
  }
  await as('lea', '/api/articles/gen-05/assignments', { reviewer: 'bob' });
  session = await server.signIn();
});
afterAll(() => server.close());

describe('GET /api/articles paging', () => {
  const orders = [
    '',
    'sort=date&order=asc',
    'date=imported',
    'date=imported&order=asc',
    'sort=progress',
    'sort=progress&order=desc',
  ];

  it('walks every order to the end in pages of any size: no row twice, none missing', async () => {
    const everyone = new Set(await ids('lea', ''));
    expect(everyone.size).toBe(generated + 3);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...orders),
        fc.constantFrom('lea', 'tester'),
        fc.integer({ min: 1, max: 12 }),
        async (order, name, limit) => {
          const { ids: seen, pages } = await walk(name, order, limit);
          expect(new Set(seen).size).toBe(seen.length);
          expect(new Set(seen)).toEqual(everyone);
          expect(pages).toBe(Math.max(1, Math.ceil(everyone.size / limit)));
          expect(seen).toEqual(await ids(name, order));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('sorts newest publication first with undated articles last, ties by id; oldest first the other way', async () => {
    const rows = (await page('lea', '?limit=100')).articles;
    const key = (r: Row) => [r.published === null ? 1 : 0, r.published ?? '', r.id] as const;
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [key(rows[i - 1] as Row), key(rows[i] as Row)];
      expect(a[0] < b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] < b[2])))).toBe(true);
    }
    const asc = (await page('lea', '?order=asc&limit=100')).articles;
    expect(asc.filter((r) => r.published).map((r) => r.published)).toEqual(
      rows
        .filter((r) => r.published)
        .map((r) => r.published)
        .reverse(),
    );
    expect(asc.at(-1)?.published).toBeNull();
  });

  it('sorts by progress, least decided first', async () => {
    const rows = (await page('lea', '?sort=progress&limit=100')).articles;
    const share = (r: Row) => (r.edits === 0 ? 1 : r.reviewed / r.edits);
    for (let i = 1; i < rows.length; i++) expect(share(rows[i - 1] as Row)).toBeLessThanOrEqual(share(rows[i] as Row));
    expect(rows.at(-1)?.reviewed).toBe(rows.at(-1)?.edits);
  });

  it('shows a reviewer the articles assigned to them first, with their own progress', async () => {
    const rows = (await page('tester', '?limit=100')).articles;
    expect(rows.slice(0, 3).map((r) => r.id)).toEqual(['gen-05', 'gen-04', 'gen-06']);
    expect(rows.slice(0, 3).every((r) => r.assignedToMe)).toBe(true);
    expect(rows.find((r) => r.id === 'gen-05')?.assignees).toEqual(['bob', 'tester']);
    const mine = rows.find((r) => r.id === 'gen-01') as Row;
    expect(mine.own).toBe(mine.edits);
    expect((await page('bob', '?limit=100')).articles.find((r) => r.id === 'gen-01')?.own).toBe(0);
    // A lead's list is everyone's, in date order.
    expect((await page('lea', '?limit=3')).articles.map((r) => r.id)).not.toEqual(['gen-04', 'gen-05', 'gen-06']);
  });

  it('neither repeats nor skips rows that stayed when articles arrive between pages', async () => {
    const before = new Set(await ids('lea', ''));
    const first = await page('lea', '?limit=5');
    const late = { ...generatedArticle(99), id: 'gen-late' };
    await importLoadedArticle(server.db, { ...late, meta: { ...late.meta, published: '2030-01-01' } });
    await importLoadedArticle(server.db, { ...late, id: 'gen-early', meta: { title: 'Undated' } });
    const seen = first.articles.map((a) => a.id);
    let next = first.nextUrl;
    while (next) {
      const body = (await (await as('lea', next)).json()) as Page;
      seen.push(...body.articles.map((a) => a.id));
      next = body.nextUrl;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
    expect(seen).toContain('gen-early');
    expect(seen).not.toContain('gen-late');
    for (const id of ['gen-late', 'gen-early']) {
      expect((await as('lea', `/api/articles/${id}/archive`, {})).status).toBe(200);
    }
  });
});

describe('GET /api/articles filters', () => {
  const gen = (test: (i: number) => boolean) =>
    Array.from({ length: generated }, (_, i) => i)
      .filter(test)
      .map((i) => generatedArticle(i).id);

  it('by publisher', async () => {
    const found = await ids('lea', `?publisher=${encodeURIComponent('Beta Daily')}`);
    expect(found.sort()).toEqual(gen((i) => i % 7 !== 0 && i % 3 === 1));
  });

  it('by publication date range, inclusive, undated left out', async () => {
    const found = await ids('lea', '?from=2024-02-10&to=2024-02-12');
    const expected = gen((i) => i % 6 !== 0 && i % 3 === 1 && i % 5 <= 2);
    expect(found.sort()).toEqual(expected);
    expect(await ids('lea', '?from=2024-03-14')).toEqual(await ids('lea', '?from=2024-03-14&to=2024-12-31'));
  });

  it('by import date', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await page('lea', `?date=imported&from=${today}&to=${today}`)).total).toBe(generated + 3);
    expect((await page('lea', '?date=imported&to=2000-01-01')).total).toBe(0);
  });

  it('by undecided edits left or none', async () => {
    const none = await ids('lea', '?undecided=0');
    // gen-03's one edit is disputed: decided, though not settled.
    expect(none.filter((id) => id.startsWith('gen-')).sort()).toEqual(['gen-01', 'gen-02', 'gen-03']);
    const some = await ids('lea', '?undecided=1');
    expect(some.length + none.length).toBe(generated + 3);
    expect(await ids('lea', '?filter=unreviewed')).toEqual(some);
    const legacy = await page('lea', '?filter=unreviewed&limit=2');
    expect(legacy.nextUrl).toMatch(/^\/api\/articles\?undecided=1&limit=2&cursor=/);
  });

  it('by status', async () => {
    expect(await ids('lea', '?status=approved')).toEqual(['gen-02']);
    expect(await ids('lea', '?status=reviewed')).toEqual(['gen-01']);
    expect(await ids('lea', '?status=in-review')).toEqual(['gen-03']);
    expect(await ids('lea', `?status=${encodeURIComponent('in review')}`)).toEqual(['gen-03']);
    expect((await page('lea', '?status=new')).total).toBe(generated + 3 - 3);
  });

  it('by assignee, by name or me', async () => {
    expect((await ids('lea', '?assignee=tester')).sort()).toEqual(['gen-04', 'gen-05', 'gen-06']);
    expect(await ids('bob', '?assignee=me')).toEqual(['gen-05']);
    expect(await ids('lea', '?assignee=BOB')).toEqual(['gen-05']);
    expect(await ids('lea', '?assignee=me')).toEqual([]);
  });

  it('by disputed edits, with the counts and reviewers on the row', async () => {
    const rows = (await page('lea', '?outcome=disputed')).articles;
    expect(rows.map((r) => r.id)).toEqual(['gen-03']);
    expect(rows[0]).toMatchObject({ disputed: 1, status: 'in review', reviewers: ['bob', 'tester'] });
  });

  it('combines filters', async () => {
    expect(await ids('lea', '?undecided=1&assignee=tester&publisher=Gamma%20Post')).toEqual(['gen-05']);
  });
});

describe('GET /api/articles?q= (search)', () => {
  it('finds words of the title, as a word or its start, in any case', async () => {
    const harbour = (await ids('lea', '?q=HARBOUR')).sort();
    expect(harbour).toEqual(
      Array.from({ length: generated }, (_, i) => i)
        .filter((i) => i % 3 === 0)
        .map((i) => generatedArticle(i).id),
    );
    expect((await ids('lea', '?q=harb')).sort()).toEqual(harbour);
    expect(await ids('lea', '?q=arbour')).toEqual([]);
  });

  it('finds words of the text, and every word of the query must occur', async () => {
    const quokka = (await ids('lea', '?q=quokka')).sort();
    expect(quokka).toEqual([
      'gen-00',
      'gen-04',
      'gen-08',
      'gen-12',
      'gen-16',
      'gen-20',
      'gen-24',
      'gen-28',
      'gen-32',
      'gen-36',
    ]);
    expect((await ids('lea', '?q=quokka+election')).sort()).toEqual(['gen-04', 'gen-16', 'gen-28']);
    expect(await ids('lea', '?q=lavrov')).toEqual(['lavrov-in-china']);
    expect(await ids('lea', '?q=zzzz')).toEqual([]);
  });

  it('finds the words of markup, hosts and hyphenated words alike on both engines', async () => {
    expect(await ids('lea', '?q=injection+stored')).toEqual(['html-injection']);
    expect(await ids('lea', '?q=onerror')).toEqual(['html-injection']);
    expect(await ids('lea', '?q=media+ippen')).toEqual(['lavrov-in-china']);
    expect((await ids('lea', '?q=de+fr')).sort()).toEqual(['lavrov-in-china', 'mt-only']);
  });

  it('searches punctuation as separators, never as query syntax', async () => {
    expect((await ids('lea', '?q=%22quokka%22+OR+-*')).length).toBe(0);
    expect((await ids('lea', '?q=quokka%22)(*')).length).toBe(10);
  });

  it('combines a search with filters and pages', async () => {
    const { ids: walked } = await walk('lea', 'q=report&publisher=Alpha%20News', 2);
    expect(walked.sort()).toEqual((await ids('lea', '?q=report&publisher=Alpha%20News')).sort());
    expect(walked.length).toBeGreaterThan(5);
  });
});

describe('GET /api/articles with bad values', () => {
  const cases: [string, string][] = [
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['from=2024-02-30', 'from'],
    ['to=yesterday', 'to'],
    ['from=2024-03-01&to=2024-02-01', 'to'],
    ['status=done', 'status'],
    ['assignee=nobody-here', 'assignee'],
    ['outcome=agreed', 'outcome'],
    ['sort=title', 'sort'],
    ['date=updated', 'date'],
    ['order=up', 'order'],
    ['archived=2', 'archived'],
    ['undecided=yes', 'undecided'],
    ['publisher=a&publisher=b', 'publisher'],
    ['q=***', 'q'],
    [`q=${'a'.repeat(201)}`, 'q'],
    ['cursor=not-a-cursor', 'cursor'],
  ];
  for (const [query, field] of cases) {
    it(`answers 400 naming ${field} for ?${query.slice(0, 40)}`, async () => {
      const response = await as('lea', `/api/articles?${query}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: string; fields: { field: string }[] };
      expect(body.fields[0]?.field).toBe(field);
    });
  }

  it('refuses a cursor of another order, and the page form answers 400 too', async () => {
    const { next } = await page('lea', '?limit=2');
    expect((await as('lea', `/api/articles?limit=2&cursor=${next}`)).status).toBe(200);
    const other = await as('lea', `/api/articles?sort=progress&cursor=${next}`);
    expect(other.status).toBe(400);
    expect((await session.fetch('/?status=done')).status).toBe(400);
  });
});

describe('GET / (the list page)', () => {
  it('renders a table with headers, labelled filters, counts, and a next page link', async () => {
    const response = await session.fetch('/?limit=5');
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const header of [
      'Title',
      'Publisher',
      'Published',
      'Status',
      'Reviewers',
      'Your progress',
      'Undecided',
      'Disputed',
    ]) {
      expect(html).toContain(`<th scope="col">${header}</th>`);
    }
    expect(html).toMatch(/<label class="wide">Search titles and texts <input type="search" name="q"/);
    expect(html).toContain('<option value="Beta Daily">Beta Daily</option>');
    expect((html.match(/<tr>/g) ?? []).length).toBe(6);
    expect(html).toContain(`${generated + 3} articles`);
    const next = /<a href="([^"]+)" rel="next">Next page<\/a>/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toMatch(/^\/\?limit=5&cursor=/);
    const second = await (await session.fetch(next as string)).text();
    expect(second).toContain('First page');
  });

  it('keeps the filters in the form and escapes every title', async () => {
    const html = await (await session.fetch('/?q=injection&status=new&outcome=disputed')).text();
    expect(html).toContain('value="injection"');
    expect(html).toContain('<option value="new" selected>');
    expect(html).toContain('name="outcome" value="disputed" checked');
    const all = await (await session.fetch('/?q=injection')).text();
    expect(all).toContain('BSI warns of &lt;script&gt; injection');
    expect(all).not.toContain('<script>alert');
  });
});
