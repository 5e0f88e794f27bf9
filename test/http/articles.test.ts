// HTTP tests of reading articles: unknown ones (404 page and JSON), and article text that must stay text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let session: Session;

beforeAll(async () => {
  server = await startTestServer();
  session = await server.signIn();
});
afterAll(() => server.close());

/** The text inside `<script type="application/json" id="page-data">` up to the first `</script>`. */
function pageDataOf(html: string): string {
  const open = '<script type="application/json" id="page-data">';
  const start = html.indexOf(open);
  expect(start).toBeGreaterThan(-1);
  const end = html.indexOf('</script>', start);
  return html.slice(start + open.length, end);
}

describe('GET /articles/:id for an unknown article', () => {
  it('answers a 404 HTML page', async () => {
    const response = await session.fetch('/articles/nope');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain('no article &#34;nope&#34;');
  });
});

describe('GET /api/articles/:id for an unknown article', () => {
  it('answers 404 JSON', async () => {
    const response = await server.api('/api/articles/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'no article "nope"' });
  });
});

describe('POST /api/edits/:editId/verdicts for an unknown edit', () => {
  it('answers 404 JSON and records nothing', async () => {
    const before = await server.savedVerdicts();
    const response = await server.api('/api/edits/nope/verdicts', { method: 'POST', body: { decision: 'accept' } });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toBe('no edit "nope"');
    expect(await server.savedVerdicts()).toEqual(before);
  });

  it('answers 404 through the form route of a known article', async () => {
    const response = await session.postForm('/articles/lavrov-in-china/edits/nope/verdicts', { decision: 'accept' });
    expect(response.status).toBe(404);
  });
});

describe('GET /articles/html-injection', () => {
  let html: string;
  beforeAll(async () => {
    const response = await session.fetch('/articles/html-injection');
    expect(response.status).toBe(200);
    html = await response.text();
  });

  it('shows the markup in the article text escaped, never raw', async () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/<img src=x onerror/i);
    expect(html).toContain('<title>BSI warns of &lt;script&gt; injection');
    // The only script elements are the JSON data block and the external module.
    expect(html.match(/<script\b[^>]*>/g)).toEqual([
      '<script type="application/json" id="page-data">',
      '<script type="module" src="/static/review/main.js">',
    ]);
  });

  it('keeps the page-data JSON block closed only by its own </script>', async () => {
    const data = pageDataOf(html);
    expect(data).not.toMatch(/<\/|<!--/);
    const parsed = JSON.parse(data) as { articleId: string; mt: string; edits: { mtText: string }[] };
    const article = (await (await server.api('/api/articles/html-injection')).json()) as { mt: string };
    expect(parsed.articleId).toBe('html-injection');
    expect(parsed.mt).toBe(article.mt);
    expect(parsed.mt).toContain('<script>alert(1)</script>');
  });
});
