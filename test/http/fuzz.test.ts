// HTTP fuzz test: hostile requests against the real app must never get a 5xx, show internals, or change what they
// were refused. MT_REVIEW_FUZZ_RUNS sets the number of requests (default 200), MT_REVIEW_FUZZ_SEED the seed (fixed in
// CI, random elsewhere; a failure prints the seed and the path to replay it).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { repoRoot, type Session, startTestServer, type TestServer } from '../support/server.ts';
import type { FuzzTargets } from './fuzz-bodies.ts';
import { type FuzzRequest, fuzzRequest } from './fuzz-requests.ts';
import { contentTypeOf, encodeBody, send } from './fuzz-wire.ts';

const runs = Number(process.env.MT_REVIEW_FUZZ_RUNS ?? 200);
const seed = process.env.MT_REVIEW_FUZZ_SEED
  ? Number(process.env.MT_REVIEW_FUZZ_SEED)
  : process.env.CI
    ? 20_240_806
    : undefined;

let server: TestServer;
let session: Session;
let targets: FuzzTargets;
const statuses = new Map<string, number>();

/**
 * The review record, which a refused request must leave as it was. Account tables are not watched: a token's last
 * use, a failed sign-in or an idle session may be noted on refused requests too.
 */
const watchedTables = ['articles', 'article_revisions', 'edits', 'verdicts'];

/** Each watched table's rows, as sorted JSON lines. */
async function snapshot(db: Store): Promise<Map<string, string>> {
  const tables = new Map<string, string>();
  for (const table of watchedTables) {
    const rows = await db.all(`SELECT * FROM ${table}`);
    tables.set(
      table,
      rows
        .map((row) => JSON.stringify(row))
        .sort()
        .join('\n'),
    );
  }
  return tables;
}

/** The tables whose rows differ between two snapshots. */
const changedTables = (before: Map<string, string>, after: Map<string, string>) =>
  watchedTables.filter((table) => before.get(table) !== after.get(table));

/** What no body may show: a stack frame, a path of this machine, an error class name. */
function leaksInternals(body: string): boolean {
  const folder = server.dbLocation.slice(0, server.dbLocation.lastIndexOf('/'));
  return (
    body.includes(repoRoot.replace(/\/$/, '')) ||
    body.includes(folder) ||
    body.includes('node_modules') ||
    /\n\s*at .+:\d+:\d+/.test(body) ||
    /\b(ReferenceError|TypeError|RangeError|SqliteError)\b/.test(body)
  );
}

/** The request's headers with the credentials it asked for (current ones, so a sign-out in the run does not stick). */
function withCredentials(request: FuzzRequest): { headers: Record<string, string>; csrfField?: string } {
  const headers = { ...request.headers };
  switch (request.auth) {
    case 'bearer':
      return { headers: { ...headers, Authorization: `Bearer ${server.apiToken}` } };
    case 'bad-bearer':
      return { headers: { ...headers, Authorization: 'Bearer mtr_not-a-token' } };
    case 'cookie':
      return { headers: { ...headers, Cookie: session.cookie } };
    case 'cookie+csrf':
      return { headers: { ...headers, Cookie: session.cookie }, csrfField: session.csrfToken };
    case 'cookie+csrf-header':
      return { headers: { ...headers, Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken } };
    case 'bad-cookie':
      return { headers: { ...headers, Cookie: 'mtr_session=forged.c2lnbmF0dXJl' } };
    default:
      return { headers };
  }
}

async function sendFuzzed(request: FuzzRequest): Promise<{ status: number; body: string }> {
  const { headers, csrfField } = withCredentials(request);
  const hasBody = !['GET', 'HEAD'].includes(request.method) || request.encoding !== 'none';
  const { bytes, encoding } = encodeBody(request, csrfField);
  if (encoding) headers['Content-Encoding'] = encoding;
  const contentType = contentTypeOf(request.body);
  if (!('Content-Type' in headers) && contentType) headers['Content-Type'] = contentType;
  const response = await send(server.url, request.method, request.path, headers, hasBody ? bytes : undefined);
  if (request.path.startsWith('/sign-out') && response.status === 303) session = await server.signIn();
  return response;
}

beforeAll(async () => {
  server = await startTestServer();
  session = await server.signIn();
  const articleIds = ['lavrov-in-china', 'html-injection', 'mt-only'];
  const articles = await Promise.all(
    articleIds.map(
      async (id) => (await (await server.api(`/api/articles/${id}`)).json()) as { mt: string; edits: { id: string }[] },
    ),
  );
  targets = {
    articleIds,
    editIds: articles.flatMap((a) => a.edits.map((e) => e.id)),
    mtTexts: articles.map((a) => a.mt.slice(0, 40)),
  };
});
afterAll(async () => {
  const figures = [...statuses].sort().map(([status, count]) => `${status}: ${count}`);
  console.log(`fuzz: ${[...statuses.values()].reduce((a, b) => a + b, 0)} requests (${figures.join(', ')})`);
  await server.close();
});

describe('the app under hostile requests', () => {
  it('answers every request without a 5xx or internals, and a refused one changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzRequest(targets), async (request) => {
        const before = await snapshot(server.db);
        const response = await sendFuzzed(request);
        const group = `${Math.floor(response.status / 100)}xx`;
        statuses.set(group, (statuses.get(group) ?? 0) + 1);
        expect(response.status, response.body.slice(0, 300)).toBeLessThan(500);
        expect(leaksInternals(response.body), response.body.slice(0, 300)).toBe(false);
        if (response.status >= 400) expect(changedTables(before, await snapshot(server.db)), request.path).toEqual([]);
      }),
      { numRuns: runs, ...(seed === undefined ? {} : { seed }), endOnFailure: false },
    );
  }, 600_000);

  it('leaves every article, its exports and the statistics answering 200', async () => {
    const formats = ['txt', 'md', 'json', 'xliff', 'csv', 'mqm'];
    for (const id of targets.articleIds) {
      const paths = [
        `/api/articles/${id}`,
        `/articles/${id}`,
        ...formats.map((f) => `/api/articles/${id}/export?format=${f}`),
      ];
      for (const path of paths) expect((await server.api(path, { headers: { Accept: '*/*' } })).status, path).toBe(200);
    }
    for (const path of ['/', '/stats', '/api/stats', '/api/articles']) {
      expect((await server.api(path, { headers: { Accept: '*/*' } })).status, path).toBe(200);
    }
  });
});
