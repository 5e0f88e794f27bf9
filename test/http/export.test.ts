// Export downloads over HTTP: the review page's buttons and the API route, each format read back as its consumers would.
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFormats } from '../../src/export/formats.ts';
import { type Session, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let session: Session;
let edits: { id: string; mtText: string; correctedText: string }[];

beforeAll(async () => {
  server = await startTestServer();
  session = await server.signIn();
  edits = ((await (await server.api('/api/articles/lavrov-in-china')).json()) as { edits: typeof edits }).edits;
  const decide = (index: number, body: unknown) =>
    server.api(`/api/edits/${encodeURIComponent(edits[index]?.id as string)}/verdicts`, { method: 'POST', body });
  expect((await decide(0, { decision: 'accept', category: 'design/page-furniture', severity: 'major' })).status).toBe(
    201,
  );
  expect((await decide(1, { decision: 'reject', note: 'keep "Of:" <for now> & see' })).status).toBe(201);
  expect((await decide(2, { decision: 'amend', amendedText: 'Share', severity: 'minor' })).status).toBe(201);
});
afterAll(() => server.close());

describe('GET /articles/:id/export (the download buttons)', () => {
  it('offers every format as a button on the review page', async () => {
    const page = await (await session.fetch('/articles/lavrov-in-china')).text();
    for (const format of exportFormats) expect(page).toContain(`name="format" value="${format.id}"`);
  });

  it('downloads each format as an attachment with its type and the undecided count', async () => {
    for (const format of exportFormats) {
      const response = await session.fetch(`/articles/lavrov-in-china/export?format=${format.id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')?.split(';')[0]).toBe(format.mediaType.split(';')[0]);
      expect(response.headers.get('content-disposition')).toContain(`lavrov-in-china.${format.extension}`);
      expect(response.headers.get('x-undecided-edits')).toBe(String(edits.length - 3));
      expect((await response.text()).length).toBeGreaterThan(0);
    }
  });

  it('applies the verdicts and the undecided policy to the text', async () => {
    const keepCorrection = await (await session.fetch('/articles/lavrov-in-china/export?format=txt')).text();
    expect(keepCorrection.startsWith('Of: Marvin Ziegele\n\nShare\n\n')).toBe(true);
    expect(keepCorrection).toContain('Sergey Lavrov and his Chinese counterpart');
    const keepMt = await (await session.fetch('/articles/lavrov-in-china/export?format=txt&policy=keep-mt')).text();
    expect(keepMt).toContain('Sergei Lavrov and his Chinese counterpart');
  });
});

describe('GET /api/articles/:id/export', () => {
  it('reads back: XLIFF well-formed with the ITS issues, CSV one row per verdict, JSON with the verdicts', async () => {
    const xliff = await (await server.api('/api/articles/lavrov-in-china/export?format=xliff')).text();
    expect(XMLValidator.validate(xliff)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xliff) as { xliff: Record<string, string> };
    expect(parsed.xliff['@_version']).toBe('2.1');
    expect(xliff).toContain('its:locQualityIssueEnabled="no"');
    expect(xliff).toContain('keep &quot;Of:&quot; &lt;for now&gt; &amp; see');
    const rows = parseCsv(await (await server.api('/api/articles/lavrov-in-china/export?format=csv')).text(), {
      columns: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => Object.values(r).join('|')).join('\n')).toContain('keep "Of:" <for now> & see');
    const json = (await (await server.api('/api/articles/lavrov-in-china/export?format=json')).json()) as {
      verdicts: unknown[];
      scores: { words: number; hter: { score: number }; models: Record<string, { counts: { major: number } }> };
    };
    expect(json.verdicts).toHaveLength(3);
    expect(json.scores.words).toBe(413);
    expect(json.scores.hter.score).toBeGreaterThan(0);
    expect(json.scores.models.mqm2?.counts.major).toBe(1);
  });

  it('answers 400 naming the field for an unknown format or policy, 404 for an unknown article', async () => {
    const format = await server.api('/api/articles/lavrov-in-china/export?format=pdf');
    expect(format.status).toBe(400);
    expect(((await format.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe('format');
    const policy = await server.api('/api/articles/lavrov-in-china/export?format=txt&policy=maybe');
    expect(((await policy.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe('policy');
    expect((await server.api('/api/articles/nope/export?format=txt')).status).toBe(404);
    expect((await fetch(`${server.url}/api/articles/lavrov-in-china/export?format=txt`)).status).toBe(401);
  });
});
