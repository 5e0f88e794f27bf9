// Hostile HTTP requests for the fuzz test: methods, paths, credentials, headers, bodies and their encodings.
import fc from 'fast-check';
import { type FuzzBody, type FuzzTargets, fuzzBody, hostileText, plausibleBodies } from './fuzz-bodies.ts';

/** How a request proves who it is; the test turns this into headers with the current credentials. */
export type FuzzAuth =
  | 'none'
  | 'bearer'
  | 'bad-bearer'
  | 'cookie'
  | 'cookie+csrf'
  | 'cookie+csrf-header'
  | 'bad-cookie';

/** A generated request before credentials are added. */
export interface FuzzRequest {
  method: string;
  path: string;
  auth: FuzzAuth;
  headers: Record<string, string>;
  body: FuzzBody;
  encoding: 'none' | 'gzip' | 'br' | 'deflate' | 'bad-gzip' | 'bad-br' | 'unknown';
}

/** A path segment: a real id, or something an id must not be. */
function segment(real: string[]) {
  const safe = (text: string) => encodeURIComponent(text.replace(/\p{Surrogate}/gu, '\uFFFD'));
  return fc.oneof(
    { arbitrary: fc.constantFrom(...real), weight: 4 },
    fc.constantFrom('%', '%E0%A4%A', '%00', '..', '%2e%2e', '%2F', '%ED%A0%80', '%F0%9F%8E%89', 'x'.repeat(3000)),
    hostileText.filter((text) => text.length < 1000).map(safe),
  );
}

function path(targets: FuzzTargets) {
  const article = segment(targets.articleIds);
  const edit = segment(targets.editIds);
  const query = fc.oneof(
    fc.constant(''),
    edit.map((e) => `?edit=${e}`),
    fc.constantFrom('txt', 'md', 'json', 'xliff', 'csv', 'mqm', 'exe', '').map((f) => `?format=${f}`),
    fc.constantFrom('?policy=keep-mt', '?policy=%', '?model=wmt', '?model=x', '?next=//evil', '?edit=a&edit=b'),
    segment(['x']).map((q) => `?${q}=${q}&filter=unreviewed`),
    fc.constantFrom('before', 'limit').chain((k) => segment(['1', '50', '0', '-1', '1e9']).map((v) => `?${k}=${v}`)),
  );
  const route = fc.oneof(
    fc.constantFrom('/', '/stats', '/sign-in', '/sign-out', '/api/articles', '/api/stats', '/api/taxonomy'),
    fc.constantFrom(
      '/static/app.css',
      '/static/../../package.json',
      '/static/%2e%2e/%2e%2e/package.json',
      '//',
      '/api/',
      '/favicon.ico',
    ),
    segment(['link']).map((t) => `/sign-in/link/${t}`),
    article.map((a) => `/articles/${a}`),
    article.map((a) => `/api/articles/${a}`),
    fc.tuple(article, fc.constantFrom('edits', 'corrected', 'export')).map(([a, r]) => `/articles/${a}/${r}`),
    fc.tuple(article, fc.constantFrom('edits', 'export', 'verdicts')).map(([a, r]) => `/api/articles/${a}/${r}`),
    fc
      .tuple(article, edit, fc.constantFrom('verdicts', 'history', 'set-aside'))
      .map(([a, e, r]) => `/articles/${a}/edits/${e}/${r}`),
    fc.tuple(article, edit).map(([a, e]) => `/api/articles/${a}/edits/${e}/set-aside`),
    edit.map((e) => `/api/edits/${e}/verdicts`),
  );
  return fc.tuple(route, query).map(([r, q]) => r + q);
}

const contentTypes = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=x-nope',
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=latin1',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '',
];

/** Well-formed requests with hostile values: signed in, the right method and body type, real ids, clean headers. */
function shapedRequest(targets: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const article = fc.constantFrom(...targets.articleIds);
  const edit = fc.constantFrom(...targets.editIds);
  const { verdict, edit: reviewerEdit } = plausibleBodies(targets);
  const json = (body: fc.Arbitrary<Record<string, unknown>>) => body.map((value) => ({ kind: 'json' as const, value }));
  const form = (body: fc.Arbitrary<Record<string, unknown>>) =>
    body.map((value) => ({
      kind: 'form' as const,
      fields: Object.entries(value).map(([k, v]): [string, string] => [
        k,
        typeof v === 'string' ? v : JSON.stringify(v),
      ]),
    }));
  const corrected = hostileText.map((text) => ({
    kind: 'form' as const,
    fields: [['corrected', text]] as [string, string][],
  }));
  const signIn = fc.tuple(fc.oneof(fc.constant('tester'), hostileText), hostileText).map(([name, password]) => ({
    kind: 'form' as const,
    fields: [
      ['name', name],
      ['password', password],
    ] as [string, string][],
  }));
  const shape = (method: string, auth: FuzzAuth, path: fc.Arbitrary<string>, body: fc.Arbitrary<FuzzBody>) =>
    fc.record({
      method: fc.constant(method),
      path,
      auth: fc.constant(auth),
      headers: fc.constant({}),
      body,
      encoding: fc.constantFrom<FuzzRequest['encoding']>('none', 'none', 'gzip'),
    });
  const verdictPath = edit.map((e) => `/api/edits/${e}/verdicts`);
  const formVerdictPath = fc.tuple(article, edit).map(([a, e]) => `/articles/${a}/edits/${e}/verdicts`);
  const editPath = article.map((a) => `/api/articles/${a}/edits`);
  const formEditPath = article.map((a) => `/articles/${a}/edits`);
  const often = (arbitrary: fc.Arbitrary<FuzzRequest>) => ({ arbitrary, weight: 3 });
  return fc.oneof(
    often(shape('POST', 'bearer', verdictPath, json(verdict))),
    often(shape('POST', 'cookie+csrf-header', verdictPath, json(verdict))),
    often(shape('POST', 'cookie+csrf', formVerdictPath, form(verdict))),
    often(shape('POST', 'bearer', editPath, json(reviewerEdit))),
    often(shape('POST', 'cookie+csrf', formEditPath, form(reviewerEdit))),
    often(
      shape(
        'POST',
        'cookie+csrf',
        article.map((a) => `/articles/${a}/corrected`),
        corrected,
      ),
    ),
    often(shape('GET', 'cookie', path(targets), fc.constant({ kind: 'raw' as const, text: '' }))),
    // Rarer: each sign-in hashes a password on purpose slowly (scrypt).
    { arbitrary: shape('POST', 'none', fc.constant('/sign-in'), signIn), weight: 1 },
  );
}

/** Any request: method, path, credentials, headers, body and its encoding; half of them well-formed in shape. */
export function fuzzRequest(targets: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(anyRequest(targets), shapedRequest(targets));
}

function anyRequest(targets: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  // Mostly absent, so that many requests get past the cross-site guard to the routes.
  const optional = (values: string[]) =>
    fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.constantFrom(...values), weight: 1 });
  const headers = fc
    .record({
      'Content-Type': optional(contentTypes),
      Accept: optional(['text/html', 'application/json', '*/*', 'image/png', 'text/html;q=0, */*;q=0.1']),
      Origin: optional(['http://evil.example', 'null']),
      'Sec-Fetch-Site': optional(['cross-site', 'same-origin', 'none', 'same-site']),
      Cookie: optional(['other=%', 'mtr_session=', 'a=b; mtr_session=%E0%A4%A']),
    })
    .map(
      (record) =>
        Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Record<string, string>,
    );
  return fc.record({
    method: fc.constantFrom('GET', 'HEAD', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND'),
    path: path(targets),
    auth: fc.constantFrom<FuzzAuth>(
      'none',
      'bearer',
      'bad-bearer',
      'cookie',
      'cookie+csrf',
      'cookie+csrf-header',
      'bad-cookie',
    ),
    headers,
    body: fuzzBody(targets),
    encoding: fc.constantFrom(
      'none',
      'none',
      'none',
      'none',
      'none',
      'gzip',
      'br',
      'deflate',
      'bad-gzip',
      'bad-br',
      'unknown',
    ),
  });
}
