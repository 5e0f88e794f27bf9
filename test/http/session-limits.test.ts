// HTTP tests of how long a sign-in lasts and what counts as one: an idle session ends though far from its maximum
// age, activity keeps it (noted at most once a minute), a malformed cookie or form is no sign-in (and no 500), a token
// past its expiry is refused, a token revoked or a reviewer changed is refused within a second (at once when changed
// through this instance), a disabled reviewer's link does not sign in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiToken,
  createReviewer,
  createSignInLink,
  disableReviewer,
  revokeAllApiTokens,
} from '../../src/store/index.ts';
import { hashToken } from '../../src/store/values.ts';
import { tokenCacheMs } from '../../src/web/token-cache.ts';
import { reviewerPassword, startTestServer, type TestServer } from '../support/server.ts';
import { createTeam } from '../support/team.ts';

const hour = 3_600_000;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The session token inside a signed cookie value `mtr_session=<token>.<signature>`. */
const tokenOf = (cookie: string) => decodeURIComponent(cookie.split('=')[1] ?? '').split('.')[0] as string;
const lastSeen = async (cookie: string) =>
  (
    await server.db.get<{ t: string }>('SELECT last_seen_at AS t FROM sessions WHERE token_hash = :hash', {
      hash: hashToken(tokenOf(cookie)),
    })
  )?.t;
const setSession = (cookie: string, column: 'last_seen_at' | 'expires_at', msAgo: number) =>
  server.db.run(`UPDATE sessions SET ${column} = :at WHERE token_hash = :hash`, {
    at: new Date(Date.now() - msAgo).toISOString(),
    hash: hashToken(tokenOf(cookie)),
  });

describe('a session left idle', () => {
  it('ends after 12 hours without a request: pages redirect to sign-in, the API answers 401', async () => {
    const session = await server.signIn();
    await setSession(session.cookie, 'last_seen_at', 12 * hour + 60_000);
    const page = await session.fetch('/');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/sign-in?next=%2F');
    expect((await session.fetch('/api/articles')).status).toBe(401);
  });

  it('goes on while in use: a request after 11 hours keeps it, and notes the time', async () => {
    const session = await server.signIn();
    await setSession(session.cookie, 'last_seen_at', 11 * hour);
    const before = (await lastSeen(session.cookie)) as string;
    expect((await session.fetch('/')).status).toBe(200);
    const after = (await lastSeen(session.cookie)) as string;
    expect(Date.now() - Date.parse(after)).toBeLessThan(10_000);
    expect(after > before).toBe(true);
  });

  it('is noted at most once a minute, not with a write per request', async () => {
    const session = await server.signIn();
    const first = await lastSeen(session.cookie);
    const sessions = () => server.db.all('SELECT * FROM sessions ORDER BY token_hash');
    const before = await sessions();
    for (let i = 0; i < 5; i++) expect((await session.fetch('/api/articles')).status).toBe(200);
    expect(await sessions()).toEqual(before);
    expect(await lastSeen(session.cookie)).toBe(first);
  });

  it('ends at its maximum age however busy', async () => {
    const session = await server.signIn();
    await setSession(session.cookie, 'expires_at', 1);
    expect((await session.fetch('/')).status).toBe(303);
  });
});

describe('a session cookie that is not one', () => {
  it('counts as no session: bad %-encoding redirects to sign-in instead of failing', async () => {
    for (const value of ['%', '%E0%A4%A', 'x.y', '']) {
      const response = await fetch(`${server.url}/`, {
        redirect: 'manual',
        headers: { Cookie: `mtr_session=${value}` },
      });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/sign-in?next=%2F');
    }
    const api = await fetch(`${server.url}/api/articles`, { headers: { Cookie: 'mtr_session=%' } });
    expect(api.status).toBe(401);
  });
});

describe('POST /sign-in without a form', () => {
  it('answers 401 to no body, another content type, or fields that are not strings; never a 500', async () => {
    const post = (init: RequestInit) => fetch(`${server.url}/sign-in`, { method: 'POST', redirect: 'manual', ...init });
    const answers = [
      await post({}),
      await post({ headers: { 'Content-Type': 'text/plain' }, body: 'name=tester&password=x' }),
      await post({ headers: { 'Content-Type': 'application/json' }, body: '{"name":["tester"],"password":{}}' }),
    ];
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401]);
  });
});

describe('an API token with an expiry', () => {
  it('works until its expiry, then answers 401', async () => {
    const token = await createApiToken(server.db, server.reviewer.id, 'short-lived', 1_000);
    const get = () => fetch(`${server.url}/api/articles`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await get()).status).toBe(200);
    // Remembered as valid, but never past its expiry.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const refused = await get();
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toContain('expired');
  });
});

describe('an API token found valid', () => {
  it('is remembered for at most a second: revoked elsewhere (another instance, the CLI), it is refused after that', async () => {
    const { tokens } = await createTeam(server, [['rita', 'reviewer']], 'revoked-elsewhere');
    const get = () => fetch(`${server.url}/api/articles`, { headers: { Authorization: `Bearer ${tokens.rita}` } });
    expect((await get()).status).toBe(200);
    const rita = await server.db.get<{ id: number }>("SELECT id FROM reviewers WHERE name = 'rita'");
    await revokeAllApiTokens(server.db, rita?.id as number);
    const revokedAt = Date.now();
    while ((await get()).status === 200) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Date.now() - revokedAt).toBeLessThanOrEqual(tokenCacheMs + 250);
    expect((await get()).status).toBe(401);
  });

  it('is forgotten at once when an admin of this instance disables its reviewer or changes their role', async () => {
    const team = await createTeam(
      server,
      [
        ['ada', 'admin'],
        ['lena', 'lead'],
        ['otto', 'reviewer'],
      ],
      'forgotten',
    );
    const otto = await server.db.get<{ id: number }>("SELECT id FROM reviewers WHERE name = 'otto'");
    const lena = await server.db.get<{ id: number }>("SELECT id FROM reviewers WHERE name = 'lena'");
    expect((await team.as('otto', '/api/articles')).status).toBe(200);
    const mode = (mode: string) => team.as('lena', '/api/articles/lavrov-in-china/review-mode', { mode });
    expect((await mode('open')).status).toBe(200);
    expect((await team.as('ada', `/api/reviewers/${otto?.id}/disable`, {})).status).toBe(200);
    expect((await team.as('otto', '/api/articles')).status).toBe(401);
    expect((await team.as('ada', `/api/reviewers/${lena?.id}/role`, { role: 'reviewer' })).status).toBe(200);
    expect((await mode('blind')).status).toBe(403);
  });
});

describe('GET /sign-in/link/:token for a disabled reviewer', () => {
  it('does not sign in', async () => {
    await createReviewer(server.db, 'root', reviewerPassword, { role: 'admin' });
    const nina = await createReviewer(server.db, 'nina', reviewerPassword);
    const link = await createSignInLink(server.db, nina.id, hour);
    // Disabling deletes the link too; a link made by hand afterwards must not work either.
    await disableReviewer(server.db, nina.id);
    const late = await createSignInLink(server.db, nina.id, hour);
    for (const token of [link, late]) {
      const response = await fetch(`${server.url}/sign-in/link/${token}`, { redirect: 'manual' });
      expect(response.status).toBe(401);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });
});
