// HTTP tests of the taxonomy: categories named at any level of MQM or in WMT's words, stored canonical, published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Statistics } from '../../src/stats/aggregate.ts';
import { type Session, startTestServer, type TestServer } from '../support/server.ts';

interface Taxonomy {
  dimensions: { id: string; label: string; category: string }[];
  categories: { id: string; dimension: string; label: string; description: string; its: string; wmt: string }[];
  severities: { id: string; label: string; multiplier: number; its: number; wmt: string }[];
  aliases: { name: string; category: string }[];
}

let server: TestServer;
let session: Session;
let editIds: string[];

const post = (editId: string, body: unknown) =>
  server.api(`/api/edits/${encodeURIComponent(editId)}/verdicts`, { method: 'POST', body });
/** Records `category` on the n-th edit and answers the stored category (or the status when it was refused). */
async function record(n: number, category: string, severity = 'minor'): Promise<string | number> {
  const response = await post(editIds[n] as string, { decision: 'accept', category, severity });
  if (response.status !== 201) return response.status;
  return ((await response.json()) as { verdict: { category: string } }).verdict.category;
}

beforeAll(async () => {
  server = await startTestServer();
  session = await server.signIn();
  const article = (await (await server.api('/api/articles/lavrov-in-china')).json()) as { edits: { id: string }[] };
  editIds = article.edits.map((edit) => edit.id);
});
afterAll(() => server.close());

describe('POST /api/edits/:editId/verdicts with a category at any level of the typology', () => {
  it("stores MQM's top-level dimensions as the dimension's own category, whatever the case", async () => {
    expect(await record(0, 'accuracy')).toBe('accuracy/other');
    expect(await record(1, 'Fluency')).toBe('linguistic/other');
    expect(await record(2, 'STYLE')).toBe('style/other');
    expect(await record(3, 'terminology')).toBe('terminology/other');
    expect(await record(4, ' Locale conventions ')).toBe('locale/other');
    expect(await record(5, 'Design and markup')).toBe('design/other');
    expect(await record(6, 'other')).toBe('other/other');
  });

  it('stores WMT labels, the ones the mqm export writes included, as our categories', async () => {
    expect(await record(7, 'Accuracy/Mistranslation')).toBe('accuracy/mistranslation');
    expect(await record(8, 'Fluency/Punctuation')).toBe('linguistic/punctuation');
    expect(await record(9, 'Non-translation!')).toBe('accuracy/non-translation');
    expect(await record(10, 'Terminology/Inappropriate for context')).toBe('terminology/wrong-term');
    expect(await record(11, 'ACCURACY/MISTRANSLATION')).toBe('accuracy/mistranslation');
    const taxonomy = (await (await server.api('/api/taxonomy')).json()) as Taxonomy;
    for (const { wmt } of taxonomy.categories) expect(await record(12, wmt)).toEqual(expect.any(String));
  });

  it('stores a canonical id given in another case as the canonical id', async () => {
    expect(await record(13, 'Linguistic/Word-Order')).toBe('linguistic/word-order');
  });

  it('still refuses an unknown category with 400, pointing at the taxonomy', async () => {
    const before = await server.savedVerdicts();
    const response = await post(editIds[14] as string, { decision: 'accept', category: 'accuracy/nonsense' });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: string; fields: { field: string; message: string }[] };
    expect(answer.fields).toEqual([{ field: 'category', message: expect.stringContaining('GET /api/taxonomy') }]);
    expect(await server.savedVerdicts()).toEqual(before);
  });

  it('stores the canonical id from the review page form too', async () => {
    const response = await session.postForm(`/articles/lavrov-in-china/edits/${editIds[15]}/verdicts`, {
      decision: 'accept',
      category: 'Accuracy',
      severity: 'major',
    });
    expect(response.status).toBe(303);
    expect((await server.savedVerdicts()).at(-1)).toMatchObject({ editId: editIds[15], category: 'accuracy/other' });
  });
});

describe('verdicts with the new categories downstream', () => {
  it('counts them in the statistics and shows their labels on /stats', async () => {
    const stats = (await (await server.api('/api/stats')).json()) as Statistics;
    const byCategory = stats.articles.find((a) => a.id === 'lavrov-in-china')?.errors.byCategory ?? {};
    expect(byCategory['accuracy/other']).toBe(2);
    expect(byCategory['accuracy/non-translation']).toBe(1);
    const page = await (await session.fetch('/stats')).text();
    expect(page).toContain('Accuracy (general)');
  });

  it('exports them with their WMT and ITS names', async () => {
    const mqm = await (await server.api('/api/articles/lavrov-in-china/export?format=mqm')).text();
    const categories = new Set(mqm.split('\n').map((line) => line.split('\t')[7]));
    expect(categories).toContain('Accuracy');
    expect(categories).toContain('Non-translation!');
    const xliff = await (await server.api('/api/articles/lavrov-in-china/export?format=xliff')).text();
    expect(xliff).toContain('its:locQualityIssueType="untranslated"');
  });

  it('offers every category in the review page select, grouped by dimension, the current one selected', async () => {
    const page = await (await session.fetch(`/articles/lavrov-in-china?edit=${editIds[0]}`)).text();
    const taxonomy = (await (await server.api('/api/taxonomy')).json()) as Taxonomy;
    for (const category of taxonomy.categories) expect(page).toContain(`<option value="${category.id}"`);
    expect(page).toMatch(/<option value="accuracy\/other" selected>/);
  });
});

describe('GET /api/taxonomy', () => {
  it('publishes dimensions, categories with their ITS and WMT names, severities and accepted names', async () => {
    const response = await server.api('/api/taxonomy');
    expect(response.status).toBe(200);
    const taxonomy = (await response.json()) as Taxonomy;
    expect(taxonomy.dimensions.map((d) => d.id)).toEqual([
      'terminology',
      'accuracy',
      'linguistic',
      'style',
      'locale',
      'audience',
      'design',
      'other',
    ]);
    expect(taxonomy.dimensions[1]).toEqual({ id: 'accuracy', label: 'Accuracy', category: 'accuracy/other' });
    expect(taxonomy.categories).toContainEqual({
      id: 'accuracy/mistranslation',
      dimension: 'accuracy',
      label: 'Mistranslation',
      description: expect.any(String),
      its: 'mistranslation',
      wmt: 'Accuracy/Mistranslation',
    });
    expect(taxonomy.severities.map((s) => [s.id, s.multiplier, s.wmt])).toEqual([
      ['neutral', 0, 'Neutral'],
      ['minor', 1, 'Minor'],
      ['major', 5, 'Major'],
      ['critical', 25, 'Major'],
    ]);
    expect(taxonomy.aliases).toContainEqual({ name: 'Fluency/Punctuation', category: 'linguistic/punctuation' });
    expect(taxonomy.aliases).toContainEqual({ name: 'Non-translation!', category: 'accuracy/non-translation' });
    expect(taxonomy.aliases).toContainEqual({ name: 'accuracy', category: 'accuracy/other' });
  });

  it('needs a signed-in reviewer', async () => {
    expect((await fetch(`${server.url}/api/taxonomy`)).status).toBe(401);
  });
});
