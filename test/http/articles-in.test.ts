// HTTP tests of articles in through the API: create, idempotent re-post, update as a new revision, every 400 and 413.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES } from '../../src/corpus/read-text.ts';
import { createApiToken, createReviewer } from '../../src/store/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let leadToken: string;

beforeAll(async () => {
  server = await startTestServer();
  const lead = await createReviewer(server.db, 'editor-in-chief', 'a long enough lead password', { role: 'lead' });
  leadToken = await createApiToken(server.db, lead.id, 'cms');
});
afterAll(() => server.close());

const asLead = (path: string, method: string, body?: unknown) =>
  server.api(path, {
    method,
    headers: { Authorization: `Bearer ${leadToken}` },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });

const mt = 'The Chancellor met the Prime Minister in Berlin.\n\nThey talked about the Kurzarbeit.';
const corrected = 'The chancellor met the prime minister in Berlin.\n\nThey talked about short-time work.';

interface Answer {
  id: string;
  url: string;
  status: string;
  edits: { added: number; staled: number; revived: number };
  revision?: number;
  error?: string;
  fields?: { field: string; message: string }[];
}

describe('POST /api/articles', () => {
  it('creates an article with a slug from its title: 201 with Location', async () => {
    const response = await asLead('/api/articles', 'POST', {
      mt,
      corrected,
      title: 'Merz trifft Starmer: Über Kurzarbeit',
      publisher: 'Example Zeitung',
      published: '2026-11-30',
      sourceLang: 'de',
      targetLang: 'en',
    });
    expect(response.status).toBe(201);
    const answer = (await response.json()) as Answer;
    expect(answer.id).toBe('merz-trifft-starmer-ueber-kurzarbeit');
    expect(response.headers.get('location')).toBe('/api/articles/merz-trifft-starmer-ueber-kurzarbeit');
    expect(answer).toMatchObject({ status: 'new', revision: 1 });
    expect(answer.edits.added).toBeGreaterThan(0);
    const article = (await (await server.api(answer.url)).json()) as { title: string; corrected: string };
    expect(article).toMatchObject({ title: 'Merz trifft Starmer: Über Kurzarbeit', corrected });
  });

  it('answers 200 unchanged to the same content again, and writes nothing', async () => {
    const body = { mt, corrected, title: 'Merz trifft Starmer: Über Kurzarbeit', publisher: 'Example Zeitung' };
    const first = (await (await asLead('/api/articles', 'POST', { ...body, title: 'Twice' })).json()) as Answer;
    const again = await asLead('/api/articles', 'POST', { ...body, title: 'Twice' });
    expect(again.status).toBe(200);
    expect(again.headers.get('location')).toBeNull();
    expect(await again.json()).toMatchObject({ id: first.id, status: 'unchanged', edits: { added: 0 } });
  });

  it('makes the slug unique when another article has that title with other texts', async () => {
    const a = (await (
      await asLead('/api/articles', 'POST', { mt: 'One text.', title: 'Same title' })
    ).json()) as Answer;
    const b = (await (
      await asLead('/api/articles', 'POST', { mt: 'Another text.', title: 'Same title' })
    ).json()) as Answer;
    expect([a.id, b.id]).toEqual(['same-title', 'same-title-2']);
    // Re-posting the second finds it again rather than making a third.
    const again = (await (
      await asLead('/api/articles', 'POST', { mt: 'Another text.', title: 'Same title' })
    ).json()) as Answer;
    expect(again).toMatchObject({ id: 'same-title-2', status: 'unchanged' });
  });

  it('takes a given id; that id with other content is 409, the same content 200', async () => {
    const created = await asLead('/api/articles', 'POST', { id: 'given-id', mt: 'Text one.' });
    expect(created.status).toBe(201);
    expect((await asLead('/api/articles', 'POST', { id: 'given-id', mt: 'Text one.' })).status).toBe(200);
    const taken = await asLead('/api/articles', 'POST', { id: 'given-id', mt: 'Text two.' });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as Answer).error).toContain('PUT /api/articles/given-id');
  });

  it('normalises texts as the loader does (BOM, CRLF)', async () => {
    const response = await asLead('/api/articles', 'POST', { id: 'crlf', mt: '\uFEFFLine one.\r\n\r\nLine two.' });
    expect(response.status).toBe(201);
    const article = (await (await server.api('/api/articles/crlf')).json()) as { mt: string };
    expect(article.mt).toBe('Line one.\n\nLine two.');
  });

  it('is refused to a reviewer (403) and without a token (401)', async () => {
    expect((await server.api('/api/articles', { method: 'POST', body: { mt } })).status).toBe(403);
    const anonymous = await fetch(`${server.url}/api/articles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mt }),
    });
    expect(anonymous.status).toBe(401);
  });

  it('takes a session with its CSRF token, and refuses one without', async () => {
    const lead = await (await import('../support/server.ts')).signInAs(
      server.url,
      'editor-in-chief',
      'a long enough lead password',
    );
    const post = (headers: Record<string, string>) =>
      lead.fetch('/api/articles', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ id: 'by-session', mt: 'From the browser.' }),
      });
    expect((await post({})).status).toBe(403);
    expect((await post({ 'X-CSRF-Token': lead.csrfToken })).status).toBe(201);
  });
});

describe('POST /api/articles: every 400 and 413', () => {
  const cases: [string, unknown, string, string][] = [
    ['no mt', { title: 'x' }, 'mt', 'is required'],
    ['mt not a string', { mt: 42 }, 'mt', 'must be a string'],
    ['mt null', { mt: null }, 'mt', 'must be a string, not null'],
    ['mt empty', { mt: '' }, 'mt', 'must not be empty'],
    ['mt only whitespace', { mt: ' \n\t ' }, 'mt', 'must not be empty'],
    ['mt with NUL', { mt: 'a\u0000b' }, 'mt', 'NUL character at offset 1'],
    ['corrected not a string', { mt, corrected: ['x'] }, 'corrected', 'must be a string'],
    ['corrected empty', { mt, corrected: '' }, 'corrected', 'must not be empty'],
    ['source empty', { mt, source: '   ' }, 'source', 'must not be empty'],
    ['id not a slug', { mt, id: 'Not A Slug' }, 'id', 'is not a slug'],
    ['id too long', { mt, id: 'a'.repeat(101) }, 'id', 'over the limit of 100'],
    ['id not a string', { mt, id: 7 }, 'id', 'must be a string'],
    ['id of a page', { mt, id: 'new' }, 'id', 'reserved for a page'],
    ['title empty', { mt, title: '' }, 'title', 'must not be empty'],
    ['title a number', { mt, title: 3 }, 'title', 'must be a string'],
    ['url not http', { mt, url: 'ftp://example.org/a' }, 'url', 'absolute http(s) URL'],
    ['published not a date', { mt, published: '30.11.2026' }, 'published', 'YYYY-MM-DD'],
    ['published not a day', { mt, published: '2026-02-30' }, 'published', 'YYYY-MM-DD'],
    ['publisher empty', { mt, publisher: '' }, 'publisher', 'must not be empty'],
    ['author an object', { mt, author: {} }, 'author', 'must be a string'],
    ['sourceLang not a tag', { mt, sourceLang: 'German' }, 'sourceLang', 'language tag'],
    ['targetLang not a tag', { mt, targetLang: 'e' }, 'targetLang', 'language tag'],
    ['lone surrogate', { mt: 'a\uD800b' }, 'mt', 'lone surrogate'],
  ];
  for (const [name, body, field, message] of cases) {
    it(`${name}: 400 naming ${field}`, async () => {
      const response = await asLead('/api/articles', 'POST', body);
      expect(response.status).toBe(400);
      const answer = (await response.json()) as Answer;
      expect(answer.fields?.[0]?.field).toBe(field);
      expect(answer.error).toContain(field);
      expect(answer.error).toContain(message);
    });
  }

  it('names every field at fault at once', async () => {
    const answer = (await (await asLead('/api/articles', 'POST', { title: '', url: 'x' })).json()) as Answer;
    expect(answer.fields?.map((f) => f.field)).toEqual(['mt', 'title', 'url']);
  });

  it('a body that is not JSON: 400', async () => {
    const response = await asLead('/api/articles', 'POST', '{"mt": "unterminated');
    expect(response.status).toBe(400);
  });

  it('a body that is a JSON array: 400', async () => {
    expect((await asLead('/api/articles', 'POST', '[]')).status).toBe(400);
  });

  it('a text over 2 MiB: 413 naming the field', async () => {
    const response = await asLead('/api/articles', 'POST', { mt: 'a'.repeat(MAX_TEXT_BYTES + 1) });
    expect(response.status).toBe(413);
    const answer = (await response.json()) as Answer;
    expect(answer.fields?.[0]).toEqual({ field: 'mt', message: 'is 2 MiB, over the 2 MiB limit' });
  });

  it('a body of three texts of 2 MiB each passes the body limit (refused here only for its date)', async () => {
    // Each text at the size limit, with newlines and quotes that JSON escapes; importing such an article would
    // take the checks a while, so a bad date stops it after the parser and the text checks have taken it.
    const text = 'a "quoted" line\n'.repeat(MAX_TEXT_BYTES / 16);
    expect(Buffer.byteLength(text)).toBe(MAX_TEXT_BYTES);
    const response = await asLead('/api/articles', 'POST', { mt: text, corrected: text, source: text, published: 'x' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Answer).fields).toEqual([
      { field: 'published', message: 'must be a date as YYYY-MM-DD, not "x"' },
    ]);
  });

  it('a body over the limit: 413', async () => {
    const response = await asLead('/api/articles', 'POST', { mt: 'x', padding: 'p'.repeat(9 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as Answer).error).toContain('too large');
  });

  it('other JSON routes keep their small limit', async () => {
    const response = await server.api('/api/edits/nope/verdicts', {
      method: 'POST',
      body: { decision: 'accept', note: 'n'.repeat(300 * 1024) },
    });
    expect(response.status).toBe(413);
  });
});

describe('PUT /api/articles/:id and GET /api/articles/:id/revisions', () => {
  const first = 'Mr Scholz visited Paris.\n\nHe met Macron loud reports.';
  const fixed = 'Mr Scholz visited Paris.\n\nHe met Macron, according to reports.';

  it('a new text is a new revision: edits that stay keep their verdicts, vanished ones go stale and come back', async () => {
    expect((await asLead('/api/articles', 'POST', { id: 'revised', mt: first, corrected: fixed })).status).toBe(201);
    const article = async () =>
      (await (await server.api('/api/articles/revised')).json()) as {
        edits: { id: string; mtText: string; verdicts: unknown[] }[];
      };
    const edits = (await article()).edits;
    expect(edits.length).toBeGreaterThan(0);
    const decided = edits[0] as { id: string };
    const verdict = await server.api(`/api/edits/${decided.id}/verdicts`, {
      method: 'POST',
      body: { decision: 'accept' },
    });
    expect(verdict.status).toBe(201);

    // A new MT in which the decided edit's text is gone.
    const changed = await asLead('/api/articles/revised', 'PUT', {
      mt: 'Mr Scholz went to Rome.',
      corrected: 'Mr Scholz travelled to Rome.',
    });
    expect(changed.status).toBe(200);
    const update = (await changed.json()) as Answer;
    expect(update).toMatchObject({ id: 'revised', status: 'updated', revision: 2 });
    expect(update.edits.staled).toBeGreaterThan(0);
    expect((await article()).edits.map((e) => e.id)).not.toContain(decided.id);

    // The old text back: the edit returns with its verdict.
    const back = (await (
      await asLead('/api/articles/revised', 'PUT', { mt: first, corrected: fixed })
    ).json()) as Answer;
    expect(back).toMatchObject({ status: 'updated', revision: 3 });
    expect(back.edits.revived).toBeGreaterThan(0);
    const returned = (await article()).edits.find((e) => e.id === decided.id);
    expect(returned?.verdicts).toHaveLength(1);

    // The same again: unchanged, no revision.
    const same = (await (
      await asLead('/api/articles/revised', 'PUT', { mt: first, corrected: fixed })
    ).json()) as Answer;
    expect(same.status).toBe('unchanged');

    const history = (await (await server.api('/api/articles/revised/revisions')).json()) as {
      revisions: { number: number; via: string; by: string; reviewedStaled: number; staled: number }[];
    };
    expect(history.revisions.map((r) => r.number)).toEqual([3, 2, 1]);
    expect(history.revisions.every((r) => r.via === 'api' && r.by === 'editor-in-chief')).toBe(true);
    expect(history.revisions[1]?.reviewedStaled).toBe(1);
  });

  it('the review page says the text changed under the verdicts', async () => {
    const session = await server.signIn();
    const html = await (await session.fetch('/articles/revised')).text();
    expect(html).toContain('The text changed');
    expect(html).toContain('revision 2');
  });

  it('pages the history with limit and before', async () => {
    const page = (await (await server.api('/api/articles/revised/revisions?limit=2')).json()) as {
      revisions: { number: number }[];
      next: string;
    };
    expect(page.revisions.map((r) => r.number)).toEqual([3, 2]);
    expect(page.next).toBe('/api/articles/revised/revisions?limit=2&before=2');
    const rest = (await (await server.api(page.next)).json()) as { revisions: { number: number }[]; next?: string };
    expect(rest.revisions.map((r) => r.number)).toEqual([1]);
    expect(rest.next).toBeUndefined();
    expect((await server.api('/api/articles/revised/revisions?limit=0')).status).toBe(400);
    expect((await server.api('/api/articles/revised/revisions?before=x')).status).toBe(400);
    expect((await server.api('/api/articles/nope/revisions')).status).toBe(404);
  });

  it('an articles imported from the corpus has its first revision', async () => {
    const history = (await (await server.api('/api/articles/lavrov-in-china/revisions')).json()) as {
      revisions: { number: number; via: string }[];
    };
    expect(history.revisions).toMatchObject([{ number: 1, via: 'corpus' }]);
  });

  it('PUT of an unknown article: 404; a body id other than the address: 400; bad texts: 400', async () => {
    expect((await asLead('/api/articles/nobody-here', 'PUT', { mt: 'x' })).status).toBe(404);
    const other = await asLead('/api/articles/revised', 'PUT', { id: 'other', mt: 'x' });
    expect(other.status).toBe(400);
    expect(((await other.json()) as Answer).fields?.[0]?.field).toBe('id');
    expect((await asLead('/api/articles/revised', 'PUT', { mt: '' })).status).toBe(400);
    expect((await server.api('/api/articles/revised', { method: 'PUT', body: { mt: 'x' } })).status).toBe(403);
  });
});
