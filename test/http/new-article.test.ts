// HTTP tests of the New-article page: the pasted form, uploads of a zip and of loose files, and who may use them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReviewer, getArticle } from '../../src/store/index.ts';
import { repoRoot, type Session, signInAs, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let lead: Session;
let reviewer: Session;

beforeAll(async () => {
  server = await startTestServer();
  await createReviewer(server.db, 'desk-lead', 'a long enough lead password', { role: 'lead' });
  lead = await signInAs(server.url, 'desk-lead', 'a long enough lead password');
  reviewer = await server.signIn();
});
afterAll(() => server.close());

const fixture = (name: string) => readFileSync(join(repoRoot, 'test/fixtures/upload', name));

function upload(session: Session, files: { name: string; bytes: Buffer | string }[], id?: string) {
  const form = new FormData();
  form.append('_csrf', session.csrfToken);
  if (id) form.append('id', id);
  for (const file of files) form.append('files', new Blob([file.bytes]), file.name);
  return session.fetch('/articles/upload', { method: 'POST', body: form });
}

describe('the New-article page', () => {
  it('is linked from the article list for a lead, not for a reviewer', async () => {
    expect(await (await lead.fetch('/')).text()).toContain('href="/articles/new"');
    expect(await (await reviewer.fetch('/')).text()).not.toContain('href="/articles/new"');
    expect((await reviewer.fetch('/articles/new')).status).toBe(403);
    expect((await lead.fetch('/articles/new')).status).toBe(200);
  });

  it('creates an article from the form and goes to its review page', async () => {
    const response = await lead.postForm('/articles/new', {
      mt: 'The Minister-President of Bavaria spoke loud the agency.',
      corrected: 'The premier of Bavaria spoke, according to the agency.',
      source: '',
      title: 'Bavaria’s premier speaks',
      published: '2026-11-20',
      url: '',
      publisher: '',
      author: '',
      sourceLang: '',
      targetLang: '',
      id: '',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/articles/bavaria-s-premier-speaks');
    const stored = await getArticle(server.db, 'bavaria-s-premier-speaks');
    expect(stored).toMatchObject({ title: 'Bavaria’s premier speaks', source: null, published: '2026-11-20' });
  });

  it('shows the form again with the problem, keeping what was typed', async () => {
    const response = await lead.postForm('/articles/new', { mt: 'Some <b>text</b>.', published: '20.11.2026' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('published must be a date as YYYY-MM-DD');
    expect(html).toContain('Some &lt;b&gt;text&lt;/b&gt;.');
  });

  it('refuses a form without its CSRF token', async () => {
    const response = await lead.fetch('/articles/new', { method: 'POST', body: new URLSearchParams({ mt: 'x' }) });
    expect(response.status).toBe(403);
  });
});

describe('uploads', () => {
  it('imports the article folders of a zip and names each refused one', async () => {
    const response = await upload(lead, [{ name: 'corpus.zip', bytes: fixture('two-articles.zip') }]);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('href="/articles/flood-in-valencia"');
    expect(html).toContain('href="/articles/strike-at-the-port"');
    expect(html).toContain('corpus.zip: corpus/Bad Folder/');
    expect(html).toContain('is not a slug');
    expect(html).toContain('corpus.zip: corpus/empty-one/mt.txt');
    expect(html).toContain('empty file');
    expect(await getArticle(server.db, 'flood-in-valencia')).toMatchObject({ title: 'Flood in Valencia' });
    const history = (await (await server.api('/api/articles/flood-in-valencia/revisions')).json()) as {
      revisions: { via: string; by: string }[];
    };
    expect(history.revisions[0]).toMatchObject({ via: 'upload', by: 'desk-lead' });
  });

  it('imports one article from loose files named by the id field', async () => {
    const response = await upload(
      lead,
      [
        { name: 'mt.txt', bytes: 'The Chancellor travels to Kyiv.\n' },
        { name: 'corrected.txt', bytes: 'The chancellor travels to Kyiv.\n' },
        { name: 'article.json', bytes: '{"title": "Chancellor to Kyiv"}' },
      ],
      'chancellor-to-kyiv',
    );
    expect(response.status).toBe(200);
    expect(await getArticle(server.db, 'chancellor-to-kyiv')).toMatchObject({ title: 'Chancellor to Kyiv' });
  });

  it('refuses loose files without an id, a file that is no article file, and a zip entry climbing out', async () => {
    const noId = await (await upload(lead, [{ name: 'mt.txt', bytes: 'Text.\n' }])).text();
    expect(noId).toContain('give the article id');
    const other = await (await upload(lead, [{ name: 'notes.docx', bytes: 'x' }], 'x')).text();
    expect(other).toContain('not an article file');
    const climbing = await upload(lead, [{ name: 'escape.zip', bytes: fixture('escape.zip') }]);
    expect(climbing.status).toBe(400);
    expect(await climbing.text()).toContain('escape.zip');
  });

  it('is refused to a reviewer, and without a CSRF token', async () => {
    expect((await upload(reviewer, [{ name: 'mt.txt', bytes: 'x' }], 'by-reviewer')).status).toBe(403);
    const form = new FormData();
    form.append('id', 'no-token');
    form.append('files', new Blob(['Text.\n']), 'mt.txt');
    expect((await lead.fetch('/articles/upload', { method: 'POST', body: form })).status).toBe(403);
    expect(await getArticle(server.db, 'no-token')).toBeUndefined();
  });

  it('refuses an upload over the limit with 413', async () => {
    const big = Buffer.alloc(33 * 1024 * 1024, 'a');
    const response = await upload(lead, [{ name: 'big.zip', bytes: big }]);
    expect(response.status).toBe(413);
  });
});
