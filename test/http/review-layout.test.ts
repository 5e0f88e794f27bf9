// HTTP tests of what the review page shows without JavaScript: the source column, the filters, labels, the textarea.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importArticleFolder } from '../../src/import-corpus.ts';
import { PageCache } from '../../src/web/page-cache.ts';
import { repoRoot, type Session, startTestServer, type TestServer } from '../support/server.ts';

interface ApiEdit {
  id: string;
  mtText: string;
  correctedText: string;
  origin: string;
  checkId: string | null;
}

let server: TestServer;
let session: Session;
const pages = new PageCache();

const article = async (id: string) =>
  (await (await server.api(`/api/articles/${id}`)).json()) as { mt: string; preview: string; edits: ApiEdit[] };
const page = async (path: string) => {
  const response = await session.fetch(path);
  expect(response.status, path).toBe(200);
  return response.text();
};
const verdict = async (editId: string, body: Record<string, unknown>) =>
  expect((await server.api(`/api/edits/${editId}/verdicts`, { method: 'POST', body })).status).toBe(201);
const decodeHtml = (html: string) =>
  html.replace(
    /&(amp|lt|gt|#34|#39);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', '#34': '"', '#39': "'" })[e] ?? '',
  );
/** The text of each element `<tag class="name"...>...</tag>` (no nested tags of the same name). */
const cells = (html: string, className: string) =>
  [...html.matchAll(new RegExp(`<td class="${className}"[^>]*>([\\s\\S]*?)</td>`, 'g'))].map((m) => m[1] as string);
const rows = (html: string) => [...html.matchAll(/<tr data-paragraph="\d+"([^>]*)>/g)].map((m) => m[1] as string);

beforeAll(async () => {
  server = await startTestServer({ reviewPageCache: pages });
  session = await server.signIn();
  for (const id of ['bahn-with-source', 'source-unaligned']) {
    await importArticleFolder(server.db, join(repoRoot, 'test/fixtures/articles', id));
  }
});
afterAll(() => server.close());

describe('GET /articles/:id with a source', () => {
  it('puts each German paragraph beside its MT paragraph, in a third column marked as German', async () => {
    const html = await page('/articles/bahn-with-source');
    expect(html).toContain('<th scope="col" class="source">Source</th>');
    const source = cells(html, 'source').map(decodeHtml);
    expect(source).toHaveLength(cells(html, 'mt').length);
    expect(source[0]).toBe('Startseite Wirtschaft');
    expect(source[1]).toBe('Von: Anna Becker');
    expect(source[4]).toMatch(/^Berlin – Die Bahn steht seit Jahren/);
    expect(html.match(/<td class="source" lang="de-DE">/g)).toHaveLength(source.length);
    // The selected edit (the first undecided: the breadcrumb) marks its row, so its source paragraph stands out.
    expect(html).toMatch(/<tr data-paragraph="0" class=current>/);
  });

  it('shows a source whose paragraphs do not line up as one block, with a note that says why', async () => {
    const html = await page('/articles/source-unaligned');
    expect(cells(html, 'source')).toEqual([]);
    expect(html).toContain('The source has 3 paragraphs and the MT 2, so it is shown whole');
    expect(html).toContain('<p>Der Bundestag hat am Freitag ein neues Gesetz beschlossen.</p>');
  });

  it('has no source column for an article without a source', async () => {
    const html = await page('/articles/lavrov-in-china');
    expect(html).not.toContain('class="source"');
    expect(html).not.toContain('id="source-toggle"');
  });
});

describe('GET /articles/:id filters (the page without JavaScript)', () => {
  it('hides rows without an undecided edit and greys decided edits with ?undecided=1', async () => {
    const edits = (await article('lavrov-in-china')).edits;
    const [first, second] = edits as [ApiEdit, ApiEdit];
    await verdict(first.id, { decision: 'accept' });
    await verdict(second.id, { decision: 'reject' });
    const html = await page('/articles/lavrov-in-china?undecided=1');
    expect(html).toContain(`${edits.length - 2} of ${edits.length} edits shown`);
    expect(html).toMatch(
      new RegExp(`class="edit edit-mt state-accept filtered-out" href="[^"]*" data-edit="${first.id}"`),
    );
    // Paragraphs 0 and 1 hold only the two decided edits; paragraph 2 an undecided one.
    expect(rows(html).slice(0, 3)).toEqual([' hidden', ' hidden', ' class=current']);
    // A link to another edit keeps the filter.
    expect(html).toContain(`href="?edit=${encodeURIComponent((edits[2] as ApiEdit).id)}&amp;undecided=1#panel"`);
  });

  it('filters by origin, by check and by category', async () => {
    const edits = (await article('lavrov-in-china')).edits;
    const markers = edits.filter((e) => e.checkId === 'link-marker').length;
    expect(await page('/articles/lavrov-in-china?check=link-marker')).toContain(`${markers} of ${edits.length} edits`);
    const reviewerOnly = await page('/articles/lavrov-in-china?origin=reviewer');
    expect(reviewerOnly).toContain(`0 of ${edits.length} edits shown`);
    expect(rows(reviewerOnly).every((attributes) => attributes.endsWith(' hidden'))).toBe(true);
    const residue = await page('/articles/lavrov-in-china?category=design%2Flink-residue');
    expect(residue).toMatch(/<option value="design\/link-residue" selected>Link residue \(\d+\)<\/option>/);
  });

  it('ignores a filter value that names nothing and keeps no page for it', async () => {
    const plain = await page('/articles/mt-only');
    const kept = pages.size;
    for (const query of [
      'check=nope',
      'category=made%2Fup',
      'origin=robot',
      'undecided=yes',
      `check=${'x'.repeat(500)}`,
    ]) {
      const html = await page(`/articles/mt-only?${query}`);
      expect(html.replace(/name="clientRequestId" value="[^"]*"/, '')).toBe(
        plain.replace(/name="clientRequestId" value="[^"]*"/, ''),
      );
    }
    expect(pages.size).toBe(kept);
  });
});

describe('GET /articles/:id labels and the typed corrected text', () => {
  it('names categories by label in the panel and the history: "Link residue, major", never the id', async () => {
    const edit = (await article('lavrov-in-china')).edits.find((e) => e.checkId === 'publisher-footer') as ApiEdit;
    await verdict(edit.id, { decision: 'accept', category: 'design/link-residue', severity: 'major' });
    const html = await page(`/articles/lavrov-in-china?edit=${edit.id}`);
    expect(html).toContain('<span class="labels">Link residue, major</span>');
    expect(html).toContain('<ins id="panel-corrected" class="placeholder">(delete)</ins>');
    expect(html).toContain('Post-edit (Publisher footer');
    const history = await page(`/articles/lavrov-in-china/edits/${edit.id}/history`);
    expect(history).toContain('Link residue, major');
    expect(history).not.toContain('design/link-residue');
  });

  it('starts the corrected-text box from the preview, keeping the verdicts given so far', async () => {
    const { edits, mt } = await article('mt-only');
    // Its one edit, the check's breadcrumb deletion, accepted: the box must not bring the breadcrumb back.
    await verdict((edits[0] as ApiEdit).id, { decision: 'accept' });
    const { preview } = await article('mt-only');
    const html = await page('/articles/mt-only');
    const typed = /<textarea name="corrected" id="corrected-textarea" rows="12">([\s\S]*?)<\/textarea>/.exec(html)?.[1];
    expect(decodeHtml(typed ?? '')).toBe(preview);
    expect(preview).not.toContain('Home page Panorama');
    expect(mt).toContain('Home page Panorama');
  });
});
