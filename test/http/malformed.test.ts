// HTTP tests of malformed requests: each gets a 4xx that names the problem, never a 500 or a stack trace.
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let session: Session;
let editId: string;

/** What no response body may show: a stack frame, a source file path, an EJS or JavaScript error name. */
const internals = /\bat [\w.<>]+ \(|node_modules|\/src\/|\/views\/|\.ejs\b|\.ts:\d|ReferenceError|TypeError/;

/** A raw request, so that headers fetch would refuse or fix (a bad Content-Encoding, a body on HEAD) go out as given. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function expectClientError(response: { status: number; body: string }, status: number, label: string): void {
  expect(response.status, `${label}: ${response.body.slice(0, 200)}`).toBe(status);
  expect(response.body, label).not.toMatch(internals);
}

beforeAll(async () => {
  server = await startTestServer();
  session = await server.signIn();
  const article = (await (await server.api('/api/articles/lavrov-in-china')).json()) as { edits: { id: string }[] };
  editId = (article.edits[0] as { id: string }).id;
});
afterAll(() => server.close());

describe('HTML error pages before the session is known', () => {
  const html = { Accept: 'text/html' };
  it('render without a stack trace for a bad bearer token, bad JSON, a huge form and a bad cookie', async () => {
    const huge = `name=${'x'.repeat(3.2 * 1024 * 1024)}`;
    const cases: [string, Promise<{ status: number; body: string }>, number][] = [
      ['bad bearer on /', raw('GET', '/', { ...html, Authorization: 'Bearer x' }), 401],
      [
        'bad JSON on sign-in',
        raw('POST', '/sign-in', { ...html, 'Content-Type': 'application/json' }, '{"name": '),
        400,
      ],
      [
        'form over 3 MB',
        raw('POST', '/sign-in', { ...html, 'Content-Type': 'application/x-www-form-urlencoded' }, huge),
        413,
      ],
      ['cookie with bad %-encoding', raw('GET', '/', { ...html, Cookie: 'mtr_session=%' }), 303],
    ];
    for (const [label, response, status] of cases) {
      const answer = await response;
      expectClientError(answer, status, label);
      if (status !== 303) expect(answer.body, label).toContain('<h1>');
    }
  });
});

describe('malformed input', () => {
  const bearer = () => ({ Authorization: `Bearer ${server.apiToken}` });
  it('answers a session cookie with bad %-encoding as no session, on every kind of route', async () => {
    const cookie = { Cookie: 'mtr_session=%E0%A4%A; other=%' };
    expectClientError(await raw('GET', '/articles/lavrov-in-china', cookie), 303, 'page');
    expectClientError(await raw('GET', '/api/articles', cookie), 401, 'api');
    expectClientError(await raw('POST', '/sign-out', cookie), 303, 'sign-out');
    const signedIn = await raw('GET', '/api/articles', { ...bearer(), ...cookie });
    expect(signedIn.status).toBe(200);
  });

  it('answers bad %-encoding in a route parameter with 400', async () => {
    expectClientError(await raw('GET', '/api/articles/%E0%A4%A', bearer()), 400, 'api article');
    expectClientError(await raw('GET', '/articles/%E0%A4%A', bearer()), 400, 'page');
    expectClientError(await raw('POST', '/api/edits/%FF/verdicts', bearer(), ''), 400, 'verdict');
  });

  it('answers POST /sign-in without a body or with another content type as a failed sign-in', async () => {
    expectClientError(await raw('POST', '/sign-in', {}), 401, 'no body');
    expectClientError(await raw('POST', '/sign-in', { 'Content-Type': 'text/plain' }, 'name=tester'), 401, 'text');
    expectClientError(await raw('POST', '/sign-in', { 'Content-Type': 'application/json' }, '[1,2]'), 400, 'array');
  });

  it('answers a body that is not what its Content-Encoding says with 400, an unknown encoding with 415', async () => {
    const json = { ...bearer(), 'Content-Type': 'application/json' };
    const path = `/api/edits/${editId}/verdicts`;
    const before = await server.savedVerdicts();
    expectClientError(await raw('POST', path, { ...json, 'Content-Encoding': 'gzip' }, 'not gzip'), 400, 'gzip');
    expectClientError(await raw('POST', path, { ...json, 'Content-Encoding': 'br' }, 'not brotli'), 400, 'br');
    expectClientError(await raw('POST', path, { ...json, 'Content-Encoding': 'deflate' }, 'nope'), 400, 'deflate');
    expectClientError(await raw('POST', path, { ...json, 'Content-Encoding': 'zstd-x' }, '{}'), 415, 'unknown');
    const truncated = gzipSync('{"decision":"accept"}').subarray(0, 12);
    expectClientError(await raw('POST', path, { ...json, 'Content-Encoding': 'gzip' }, truncated), 400, 'truncated');
    expect(await server.savedVerdicts()).toEqual(before);
    const good = await raw('POST', path, { ...json, 'Content-Encoding': 'gzip' }, gzipSync('{"decision":"accept"}'));
    expect(good.status).toBe(201);
  });

  it('answers a form of over 1,000 fields with 413', async () => {
    const fields = Array.from({ length: 1200 }, (_, i) => `f${i}=1`).join('&');
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    expectClientError(await raw('POST', '/sign-in', form, fields), 413, 'sign-in');
    const response = await session.fetch('/articles/lavrov-in-china/corrected', {
      method: 'POST',
      headers: { ...form, Accept: 'application/json' },
      body: `_csrf=${session.csrfToken}&${fields}`,
    });
    expectClientError({ status: response.status, body: await response.text() }, 413, 'session form');
  });

  it('answers HEAD like GET, without a body, on every page and API route', async () => {
    for (const path of ['/', '/stats', '/api/stats', '/api/articles/lavrov-in-china', '/articles/mt-only', '/nope']) {
      const head = await raw('HEAD', path, bearer());
      const get = await raw('GET', path, bearer());
      expect(head.status, path).toBe(get.status);
      expect(head.body, path).toBe('');
    }
    expect((await raw('HEAD', '/api/articles/%E0%A4%A', bearer())).status).toBe(400);
  });

  it('refuses a lone surrogate in a JSON body with 400 naming the field, and stores nothing', async () => {
    const before = await server.savedVerdicts();
    const path = `/api/edits/${editId}/verdicts`;
    const json = { ...bearer(), 'Content-Type': 'application/json' };
    for (const [body, field] of [
      ['{"decision":"amend","amendedText":"ok","note":"\\ud800"}', 'note'],
      ['{"decision":"amend","amendedText":"a\\udc00b"}', 'amendedText'],
      ['{"decision":"accept","note":"fine","x":{"deep":["\\ud83d"]}}', 'x.deep[0]'],
      ['{"decision":"accept","\\ud800":1}', '\uFFFD'],
    ]) {
      const response = await raw('POST', path, json, body);
      expectClientError(response, 400, body as string);
      const named = (JSON.parse(response.body) as { fields: { field: string }[] }).fields[0]?.field;
      expect(named, body).toBe(field);
    }
    expect(await server.savedVerdicts()).toEqual(before);
    const pair = await raw('POST', path, json, '{"decision":"accept","note":"party \\ud83c\\udf89"}');
    expect(pair.status).toBe(201);
    expect((await server.savedVerdicts()).at(-1)?.note).toBe('party 🎉');
  });
});
