// HTTP tests of who may do what: sign-in and sign-out, the 401/redirect gate, cross-site refusals, headers, cookies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignInLink, type StoredVerdict } from '../../src/store/index.ts';
import { reviewerName, type Session, sessionFor, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let session: Session;
let editIds: string[];
let saved: StoredVerdict;

const verdictPath = (n: number) => `/api/edits/${editIds[n]}/verdicts`;
const json = (body: unknown) => JSON.stringify(body);

async function expectNothingLost(before: StoredVerdict[]): Promise<void> {
  expect(await server.savedVerdicts()).toEqual(before);
  expect(await server.savedVerdicts()).toContainEqual(saved);
}

beforeAll(async () => {
  server = await startTestServer();
  session = await server.signIn();
  const article = (await (await server.api('/api/articles/lavrov-in-china')).json()) as { edits: { id: string }[] };
  editIds = article.edits.map((e) => e.id);
  expect((await server.api(verdictPath(0), { method: 'POST', body: { decision: 'accept' } })).status).toBe(201);
  saved = (await server.savedVerdicts())[0] as StoredVerdict;
});
afterAll(() => server.close());

describe('GET /articles/:id without signing in', () => {
  it('redirects 303 to /sign-in?next= the page asked for', async () => {
    const response = await fetch(`${server.url}/articles/lavrov-in-china?edit=x`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      `/sign-in?next=${encodeURIComponent('/articles/lavrov-in-china?edit=x')}`,
    );
  });
});

describe('/api without signing in', () => {
  it('answers GET /api/articles with 401 JSON', async () => {
    const response = await fetch(`${server.url}/api/articles`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toMatch(/sign in|Bearer/);
  });

  it('answers a verdict POST with 401 and records nothing', async () => {
    const before = await server.savedVerdicts();
    const response = await fetch(`${server.url}${verdictPath(1)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: json({ decision: 'accept' }),
    });
    expect(response.status).toBe(401);
    await expectNothingLost(before);
  });

  it('answers a bad bearer token with 401 and records nothing', async () => {
    const before = await server.savedVerdicts();
    for (const token of ['mtr_not-a-real-token', 'garbage']) {
      const response = await fetch(`${server.url}${verdictPath(1)}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: json({ decision: 'accept' }),
      });
      expect(response.status).toBe(401);
    }
    expect((await fetch(`${server.url}/api/articles`, { headers: { Authorization: 'Bearer mtr_x' } })).status).toBe(
      401,
    );
    await expectNothingLost(before);
  });
});

describe('POST /api/edits/:editId/verdicts from another site', () => {
  const sessionPost = (headers: Record<string, string>, withCsrf = true) =>
    session.fetch(verdictPath(2), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(withCsrf ? { 'X-CSRF-Token': session.csrfToken } : {}),
        ...headers,
      },
      body: json({ decision: 'reject' }),
    });

  it('accepts a same-origin cookie POST with the CSRF token (the control case)', async () => {
    const response = await sessionPost({ Origin: server.url, 'Sec-Fetch-Site': 'same-origin' });
    expect(response.status).toBe(201);
  });

  it('refuses an Origin on another port of the same host with 403', async () => {
    const before = await server.savedVerdicts();
    const response = await sessionPost({ Origin: `http://127.0.0.1:${server.port === 1 ? 2 : server.port - 1}` });
    expect(response.status).toBe(403);
    await expectNothingLost(before);
  });

  it('refuses Sec-Fetch-Site: cross-site and same-site with 403', async () => {
    const before = await server.savedVerdicts();
    expect((await sessionPost({ 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await sessionPost({ 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    await expectNothingLost(before);
  });

  it('refuses a cookie-session POST without the CSRF token with 403', async () => {
    const before = await server.savedVerdicts();
    expect((await sessionPost({}, false)).status).toBe(403);
    expect((await sessionPost({ 'X-CSRF-Token': 'forged' }, false)).status).toBe(403);
    const form = await session.fetch(`/articles/lavrov-in-china/edits/${editIds[2]}/verdicts`, {
      method: 'POST',
      body: new URLSearchParams({ decision: 'reject' }),
    });
    expect(form.status).toBe(403);
    await expectNothingLost(before);
  });

  it('refuses a cross-site Origin even with a valid API token', async () => {
    const before = await server.savedVerdicts();
    const response = await server.api(verdictPath(3), {
      method: 'POST',
      headers: { Origin: 'http://evil.example' },
      body: { decision: 'accept' },
    });
    expect(response.status).toBe(403);
    await expectNothingLost(before);
  });
});

describe('GET /articles/:id response headers', () => {
  it('sends a CSP without unsafe-inline scripts and nosniff', async () => {
    const response = await session.fetch('/articles/lavrov-in-china');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    const scripts = directives.get('script-src') ?? directives.get('default-src');
    expect(scripts).toBeDefined();
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(directives.get('script-src-attr')).toEqual(["'none'"]);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('POST /sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and redirects 303 to next', async () => {
    const response = await fetch(`${server.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ name: reviewerName, password: 'correct horse battery staple', next: '/articles/x' }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/articles/x');
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('mtr_session=')) ?? '';
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
  });

  it('accepts a browser form POST sent with Origin: null and Sec-Fetch-Site: same-origin', async () => {
    // Chromium sends Origin: null on form POSTs of a page served with Referrer-Policy: no-referrer (helmet's default).
    const response = await fetch(`${server.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' },
      body: new URLSearchParams({ name: reviewerName, password: 'correct horse battery staple', next: '/' }),
    });
    expect(response.status).toBe(303);
  });

  it('refuses Origin: null without Fetch Metadata with 403', async () => {
    const response = await fetch(`${server.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: 'null' },
      body: new URLSearchParams({ name: reviewerName, password: 'correct horse battery staple', next: '/' }),
    });
    expect(response.status).toBe(403);
  });

  it('answers a wrong password with a 401 page and no cookie', async () => {
    const response = await fetch(`${server.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ name: reviewerName, password: 'wrong', next: '/' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain('Wrong name or password.');
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('does not redirect to another site through next', async () => {
    const response = await fetch(`${server.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({
        name: reviewerName,
        password: 'correct horse battery staple',
        next: '//evil.example/',
      }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
  });
});

describe('GET /sign-in/link/:token', () => {
  it('signs in once; the second use answers 401', async () => {
    const token = await createSignInLink(server.db, server.reviewer.id, 60_000);
    const first = await fetch(`${server.url}/sign-in/link/${token}`, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = (first.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
    expect((await sessionFor(server.url, cookie)).csrfToken).not.toBe('');
    const second = await fetch(`${server.url}/sign-in/link/${token}`, { redirect: 'manual' });
    expect(second.status).toBe(401);
    expect(await second.text()).toContain('used already or has expired');
    expect(second.headers.getSetCookie()).toEqual([]);
  });
});

describe('POST /sign-out', () => {
  it('deletes the session: the old cookie then redirects to sign-in', async () => {
    const own = await server.signIn();
    expect((await own.fetch('/')).status).toBe(200);
    const response = await own.postForm('/sign-out', {});
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in');
    const after = await own.fetch('/');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/sign-in?next=%2F');
    expect((await own.fetch('/api/articles')).status).toBe(401);
    // The other session is untouched.
    expect((await session.fetch('/')).status).toBe(200);
  });
});
