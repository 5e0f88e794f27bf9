// HTTP tests of a reviewer's own account: the page, and changing the password by form and by JSON, which ends the
// reviewer's other sessions and keeps the one that changed it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createReviewer } from '../../src/store/index.ts';
import { reviewerPassword, signInAs, startTestServer, type TestServer } from '../support/server.ts';

const newPassword = 'Elbe-Kähne treiben leise';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /account', () => {
  it('shows the name, the role and the password form with its CSRF token', async () => {
    const session = await server.signIn();
    const html = await (await session.fetch('/account')).text();
    expect(html).toContain('<strong>tester</strong>, reviewer since');
    expect(html).toContain('action="/account/password"');
    expect(html).toContain(`name="_csrf" value="${session.csrfToken}"`);
  });

  it('redirects to sign-in without a session', async () => {
    const response = await fetch(`${server.url}/account`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in?next=%2Faccount');
  });
});

describe('POST /account/password', () => {
  it('refuses a wrong current password, two different new ones and a weak one, keeping the old password', async () => {
    await createReviewer(server.db, 'kai', reviewerPassword);
    const session = await signInAs(server.url, 'kai', reviewerPassword);
    const change = (fields: Record<string, string>) => session.postForm('/account/password', fields);
    const wrong = await change({ current: 'not my password', password: newPassword, confirm: newPassword });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('the current password is wrong');
    const differ = await change({ current: reviewerPassword, password: newPassword, confirm: `${newPassword}!` });
    expect(differ.status).toBe(400);
    expect(await differ.text()).toContain('the two new passwords differ');
    const weak = await change({ current: reviewerPassword, password: 'iloveyou', confirm: 'iloveyou' });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain('common passwords');
    expect((await signInAs(server.url, 'kai', reviewerPassword)).csrfToken).not.toBe('');
  });

  it('changes the password: other sessions end, this one goes on, the new password signs in', async () => {
    await createReviewer(server.db, 'lena', reviewerPassword);
    const here = await signInAs(server.url, 'lena', reviewerPassword);
    const elsewhere = await signInAs(server.url, 'lena', reviewerPassword);
    const response = await here.postForm('/account/password', {
      current: reviewerPassword,
      password: newPassword,
      confirm: newPassword,
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Your password has been changed');
    expect((await here.fetch('/')).status).toBe(200);
    expect((await elsewhere.fetch('/')).status).toBe(303);
    await expect(signInAs(server.url, 'lena', reviewerPassword)).rejects.toThrowError('answered 401');
    expect((await signInAs(server.url, 'lena', newPassword)).csrfToken).not.toBe('');
  });

  it('refuses the form without its CSRF token (403)', async () => {
    const session = await server.signIn();
    const response = await session.fetch('/account/password', {
      method: 'POST',
      body: new URLSearchParams({ current: reviewerPassword, password: newPassword, confirm: newPassword }),
    });
    expect(response.status).toBe(403);
  });
});

describe('POST /api/account/password', () => {
  it('changes the password by token with JSON, ending every session; the token keeps working', async () => {
    const mia = await createReviewer(server.db, 'mia', reviewerPassword);
    const token = await createApiToken(server.db, mia.id, 'script');
    const session = await signInAs(server.url, 'mia', reviewerPassword);
    const post = (body: unknown) =>
      fetch(`${server.url}/api/account/password`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const missing = await post({ currentPassword: reviewerPassword });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error: 'newPassword is required',
      fields: [{ field: 'newPassword', message: 'is required' }],
    });
    const short = await post({ currentPassword: reviewerPassword, newPassword: 'short' });
    expect(await short.json()).toMatchObject({ fields: [{ field: 'newPassword' }] });
    const changed = await post({ currentPassword: reviewerPassword, newPassword });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ changed: true });
    expect((await session.fetch('/')).status).toBe(303);
    expect((await post({ currentPassword: newPassword, newPassword: `${newPassword} 2` })).status).toBe(200);
  });
});
