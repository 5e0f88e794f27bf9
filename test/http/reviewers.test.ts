// HTTP tests of managing reviewers: admins only (403 and no link for others), the forms without JavaScript and their
// JSON twins under /api/reviewers; disabling ends sessions and tokens at once; a reset password works once shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createReviewer, findReviewerByName, type Reviewer } from '../../src/store/index.ts';
import {
  reviewerName,
  reviewerPassword,
  type Session,
  signInAs,
  startTestServer,
  type TestServer,
} from '../support/server.ts';

const adminPassword = 'desk admin passphrase';
let server: TestServer;
let admin: Session;
let adminToken: string;
let plain: Session;

/** A reviewer's id by name, from the store. */
const idOf = async (name: string) => ((await findReviewerByName(server.db, name)) as Reviewer).id;

/** fetch as the admin's API token. */
const asAdmin = (path: string, init: RequestInit & { json?: unknown } = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
  });

/** The one-time password shown on the page. */
const shownPassword = (html: string) => /<code class="secret">([^<]+)<\/code>/.exec(html)?.[1] ?? '';

beforeAll(async () => {
  server = await startTestServer();
  const boss = await createReviewer(server.db, 'boss', adminPassword, { role: 'admin' });
  adminToken = await createApiToken(server.db, boss.id, 'tests');
  admin = await signInAs(server.url, 'boss', adminPassword);
  plain = await server.signIn();
});
afterAll(() => server.close());

describe('the reviewer pages and API for a non-admin', () => {
  it('answer 403 to a reviewer and a lead, by cookie and by token, and change nothing', async () => {
    const listed = async () =>
      ((await (await asAdmin('/api/reviewers')).json()) as { reviewers: Reviewer[] }).reviewers;
    const before = await listed();
    expect((await plain.fetch('/reviewers')).status).toBe(403);
    expect((await plain.postForm('/reviewers', { name: 'mallory', password: 'long enough password' })).status).toBe(
      403,
    );
    expect((await plain.postForm(`/reviewers/${await idOf('boss')}/disable`, {})).status).toBe(403);
    expect((await plain.postForm(`/reviewers/${await idOf(reviewerName)}/role`, { role: 'admin' })).status).toBe(403);
    expect((await server.api('/api/reviewers')).status).toBe(403);
    expect((await server.api('/api/reviewers', { method: 'POST', body: { name: 'mallory' } })).status).toBe(403);
    expect(await listed()).toEqual(before);
    await createReviewer(server.db, 'leader', reviewerPassword, { role: 'lead' });
    const lead = await signInAs(server.url, 'leader', reviewerPassword);
    expect((await lead.fetch('/reviewers')).status).toBe(403);
    expect((await lead.postForm(`/reviewers/${await idOf('leader')}/role`, { role: 'admin' })).status).toBe(403);
    expect((await findReviewerByName(server.db, 'leader'))?.role).toBe('lead');
  });

  it('show no Reviewers link to a reviewer, and one to an admin; both see Account', async () => {
    const reviewerPage = await (await plain.fetch('/')).text();
    expect(reviewerPage).not.toContain('href="/reviewers"');
    expect(reviewerPage).toContain('href="/account"');
    const adminPage = await (await admin.fetch('/stats')).text();
    expect(adminPage).toContain('href="/reviewers"');
  });
});

describe('GET /reviewers and GET /api/reviewers', () => {
  it('list every reviewer with role and status, never a password hash', async () => {
    const page = await admin.fetch('/reviewers');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('boss');
    expect(html).toContain(`action="/reviewers/${await idOf(reviewerName)}/disable"`);
    expect(html).toContain(`name="_csrf" value="${admin.csrfToken}"`);
    const body = (await (await asAdmin('/api/reviewers')).json()) as { reviewers: Reviewer[] };
    expect(body.reviewers.find((r) => r.name === 'boss')).toMatchObject({ role: 'admin', disabledAt: null });
    expect(JSON.stringify(body)).not.toMatch(/scrypt|password/i);
  });
});

describe('POST /reviewers (form) and POST /api/reviewers', () => {
  it('adds a reviewer with a role and shows a generated password once, which signs in', async () => {
    const response = await admin.postForm('/reviewers', { name: 'carla', role: 'lead', password: '' });
    expect(response.status).toBe(200);
    const password = shownPassword(await response.text());
    expect(password).toMatch(/^[\w-]{16}$/);
    expect((await findReviewerByName(server.db, 'carla'))?.role).toBe('lead');
    expect((await signInAs(server.url, 'carla', password)).csrfToken).not.toBe('');
    expect(await (await admin.fetch('/reviewers')).text()).not.toContain(password);
  });

  it('adds one through the API: 201 with Location, the password only when generated', async () => {
    const chosen = await asAdmin('/api/reviewers', {
      method: 'POST',
      json: { name: 'dora', role: 'reviewer', password: 'a long passphrase' },
    });
    expect(chosen.status).toBe(201);
    const body = (await chosen.json()) as { reviewer: Reviewer; password?: string };
    expect(chosen.headers.get('location')).toBe(`/api/reviewers/${body.reviewer.id}`);
    expect(body).toEqual({ reviewer: expect.objectContaining({ name: 'dora', role: 'reviewer' }) });
    const generated = await asAdmin('/api/reviewers', { method: 'POST', json: { name: 'emil' } });
    expect(((await generated.json()) as { password: string }).password).toMatch(/^[\w-]{16}$/);
  });

  it('refuses a weak password (400), a look-alike name (409), a bad role (400), naming the problem', async () => {
    const weak = await asAdmin('/api/reviewers', { method: 'POST', json: { name: 'fritz', password: 'password1' } });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: string }).error).toContain('common passwords');
    const lookAlike = await asAdmin('/api/reviewers', { method: 'POST', json: { name: 'b\u043Ess' } });
    expect(lookAlike.status).toBe(409);
    expect(((await lookAlike.json()) as { error: string }).error).toContain('looks like the existing reviewer "boss"');
    const role = await asAdmin('/api/reviewers', { method: 'POST', json: { name: 'fritz', role: 'owner' } });
    expect(role.status).toBe(400);
    expect(((await role.json()) as { fields: unknown[] }).fields).toEqual([
      { field: 'role', message: 'must be one of reviewer, lead, admin' },
    ]);
    const form = await admin.postForm('/reviewers', { name: 'fritz', password: 'short' });
    expect(form.status).toBe(400);
    expect(await form.text()).toContain('at least 8 characters');
    expect(await findReviewerByName(server.db, 'fritz')).toBeUndefined();
  });

  it('refuses the form without the CSRF token and from another site (403)', async () => {
    const noToken = await admin.fetch('/reviewers', {
      method: 'POST',
      body: new URLSearchParams({ name: 'gustav', password: 'a long passphrase' }),
    });
    expect(noToken.status).toBe(403);
    const crossSite = await admin.fetch('/reviewers', {
      method: 'POST',
      headers: { Origin: 'http://evil.example' },
      body: new URLSearchParams({ _csrf: admin.csrfToken, name: 'gustav', password: 'a long passphrase' }),
    });
    expect(crossSite.status).toBe(403);
    expect(await findReviewerByName(server.db, 'gustav')).toBeUndefined();
  });
});

describe('POST /reviewers/:id/disable and /enable', () => {
  it('ends the reviewer’s sessions and API tokens at once, and refuses their sign-in; enable lets them back', async () => {
    const hanna = await createReviewer(server.db, 'hanna', reviewerPassword);
    const session = await signInAs(server.url, 'hanna', reviewerPassword);
    const token = await createApiToken(server.db, hanna.id, 'ci');
    const byToken = () => fetch(`${server.url}/api/articles`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await byToken()).status).toBe(200);
    const disabled = await admin.postForm(`/reviewers/${hanna.id}/disable`, {});
    expect(disabled.status).toBe(303);
    expect(disabled.headers.get('location')).toBe('/reviewers');
    expect((await session.fetch('/')).status).toBe(303);
    expect((await byToken()).status).toBe(401);
    const again = await fetch(`${server.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ name: 'hanna', password: reviewerPassword }),
    });
    expect(again.status).toBe(403);
    expect(await again.text()).toContain('This account is disabled');
    expect(await (await admin.fetch('/reviewers')).text()).toContain(`action="/reviewers/${hanna.id}/enable"`);

    const enabled = await asAdmin(`/api/reviewers/${hanna.id}/enable`, { method: 'POST' });
    expect(((await enabled.json()) as { reviewer: Reviewer }).reviewer.disabledAt).toBeNull();
    expect((await signInAs(server.url, 'hanna', reviewerPassword)).csrfToken).not.toBe('');
    expect((await byToken()).status).toBe(401);
  });

  it('refuses to disable or demote the last enabled admin (409), and an unknown id (404)', async () => {
    const bossId = await idOf('boss');
    const disable = await asAdmin(`/api/reviewers/${bossId}/disable`, { method: 'POST' });
    expect(disable.status).toBe(409);
    expect(((await disable.json()) as { error: string }).error).toBe(
      'boss is the last enabled admin: make another reviewer admin first',
    );
    const demote = await admin.postForm(`/reviewers/${bossId}/role`, { role: 'lead' });
    expect(demote.status).toBe(409);
    expect(await demote.text()).toContain('boss is the last enabled admin');
    expect((await asAdmin('/api/reviewers/99999/disable', { method: 'POST' })).status).toBe(404);
    expect((await asAdmin('/api/reviewers/x%20y/enable', { method: 'POST' })).status).toBe(404);
  });
});

describe('POST /reviewers/:id/role', () => {
  it('changes a role by form and by JSON; a new admin sees the admin pages', async () => {
    const ida = await createReviewer(server.db, 'ida', reviewerPassword);
    const session = await signInAs(server.url, 'ida', reviewerPassword);
    expect((await session.fetch('/reviewers')).status).toBe(403);
    expect((await admin.postForm(`/reviewers/${ida.id}/role`, { role: 'admin' })).status).toBe(303);
    expect((await session.fetch('/reviewers')).status).toBe(200);
    const back = await asAdmin(`/api/reviewers/${ida.id}/role`, { method: 'POST', json: { role: 'reviewer' } });
    expect(((await back.json()) as { reviewer: Reviewer }).reviewer.role).toBe('reviewer');
    expect((await session.fetch('/api/reviewers')).status).toBe(403);
    const missing = await asAdmin(`/api/reviewers/${ida.id}/role`, { method: 'POST', json: {} });
    expect(missing.status).toBe(400);
  });
});

describe('POST /reviewers/:id/reset-password', () => {
  it('shows a new password once: the old one stops working, the reviewer’s sessions end', async () => {
    const jan = await createReviewer(server.db, 'jan', reviewerPassword);
    const session = await signInAs(server.url, 'jan', reviewerPassword);
    const response = await admin.postForm(`/reviewers/${jan.id}/reset-password`, {});
    expect(response.status).toBe(200);
    const password = shownPassword(await response.text());
    expect(password).toMatch(/^[\w-]{16}$/);
    expect((await session.fetch('/')).status).toBe(303);
    await expect(signInAs(server.url, 'jan', reviewerPassword)).rejects.toThrowError('answered 401');
    expect((await signInAs(server.url, 'jan', password)).csrfToken).not.toBe('');
    const json = await asAdmin(`/api/reviewers/${jan.id}/reset-password`, { method: 'POST' });
    expect(((await json.json()) as { password: string }).password).not.toBe(password);
  });
});

describe('signing in as the harness reviewer still works after all of this', () => {
  it('keeps the tester account untouched', async () => {
    expect((await signInAs(server.url, reviewerName, reviewerPassword)).csrfToken).not.toBe('');
  });
});
