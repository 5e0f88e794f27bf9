// HTTP tests of the review page's cache: which pages it keeps, and the per-request values filled into them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageCache } from '../../src/web/page-cache.ts';
import { type Session, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let session: Session;
const pages = new PageCache();

interface ApiEdit {
  id: string;
  mtText: string;
}

const editsOf = async (id: string) =>
  ((await (await server.api(`/api/articles/${id}`)).json()) as { edits: ApiEdit[] }).edits;
/** The page without its per-request part (the client request id), so two renders can be compared. */
const comparable = (html: string) => html.replace(/name="clientRequestId" value="[^"]*"/, '');
const page = async (path: string) => {
  const response = await session.fetch(path);
  expect(response.status, path).toBe(200);
  return response.text();
};

beforeAll(async () => {
  server = await startTestServer({ reviewPageCache: pages });
  session = await server.signIn();
});
afterAll(() => server.close());

describe('GET /articles/:id?edit=', () => {
  it('renders an unknown edit id as the default selection and keeps no page for it', async () => {
    const plain = await page('/articles/html-injection');
    const kept = pages.size;
    const otherArticlesEdit = ((await editsOf('lavrov-in-china'))[0] as ApiEdit).id;
    const unknown = [otherArticlesEdit, 'nope', '', '%00', 'x'.repeat(2000)];
    for (let i = 0; i < 40; i++) unknown.push(Math.random().toString(36).slice(2));
    for (const edit of unknown) {
      const html = await page(`/articles/html-injection?edit=${encodeURIComponent(edit)}`);
      expect(comparable(html), edit).toBe(comparable(plain));
    }
    expect(pages.size).toBe(kept);
  });

  it('keeps one page per edit that exists, and selects that edit', async () => {
    const edits = await editsOf('mt-only');
    await page('/articles/mt-only');
    const before = pages.size;
    for (const edit of edits) {
      const html = await page(`/articles/mt-only?edit=${encodeURIComponent(edit.id)}`);
      expect(html).toContain(`/edits/${encodeURIComponent(edit.id)}/verdicts`);
    }
    expect(pages.size).toBe(before + edits.length);
  });
});

describe('GET /articles/:id: per-request values', () => {
  it('never fills stored text that looks like a slot with the viewer’s token or name', async () => {
    const lookalikes = '@@mtr-csrf-token@@ @@mtr-reviewer@@ @@mtr-client-request-id@@';
    const edit = (await editsOf('lavrov-in-china'))[2] as ApiEdit;
    const response = await server.api(`/api/edits/${edit.id}/verdicts`, {
      method: 'POST',
      body: { decision: 'amend', amendedText: lookalikes, note: lookalikes },
    });
    expect(response.status).toBe(201);
    const html = await page(`/articles/lavrov-in-china?edit=${encodeURIComponent(edit.id)}`);
    // The note and the amendment are shown as typed, in the history and in the preview.
    expect(html.split(lookalikes).length - 1).toBeGreaterThanOrEqual(2);
    // The token stands only where the page puts it: the meta element and each form's hidden field.
    const slots = (html.match(/name="_csrf"/g) ?? []).length + 1;
    expect(html.split(session.csrfToken).length - 1).toBe(slots);
    expect(html).toContain(`<meta name="csrf-token" content="${session.csrfToken}">`);
  });

  it('gives each request its own token and client request id from one cached page', async () => {
    const other = await server.signIn();
    const first = await page('/articles/mt-only');
    const second = await (await other.fetch('/articles/mt-only')).text();
    expect(first).toContain(session.csrfToken);
    expect(second).toContain(other.csrfToken);
    expect(second).not.toContain(session.csrfToken);
    const requestId = (html: string) => /name="clientRequestId" value="([^"]+)"/.exec(html)?.[1];
    expect(requestId(first)).toBeDefined();
    expect(requestId(first)).not.toBe(requestId(second));
  });
});
