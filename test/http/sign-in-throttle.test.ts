// HTTP tests of slowing password guessing: a budget of failed checks per account and per client address, answered
// with 429 and Retry-After, on POST /sign-in and on the password-change form. Clients come from 127.0.0.1 and
// from 127.0.0.2 (both loopback), so the two budgets can be told apart.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createReviewer } from '../../src/store/index.ts';
import { reviewerName, reviewerPassword, startTestServer, type TestServer } from '../support/server.ts';

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: string;
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** POSTs a form from `localAddress` (any address of 127.0.0.0/8 reaches the server) with optional headers. */
function postFrom(
  localAddress: string,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const { port } = server as TestServer;
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        localAddress,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'],
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

const signIn = (from: string, name: string, password: string) =>
  postFrom(from, '/sign-in', { name, password, next: '/' });

describe('POST /sign-in per account', () => {
  it('answers 429 with Retry-After once an account has used its budget, even for the right password', async () => {
    server = await startTestServer({ signInLimits: { perAccount: 3, perAddress: 100, windowSeconds: 600 } });
    for (let i = 0; i < 3; i++) expect((await signIn('127.0.0.1', reviewerName, `wrong guess ${i}`)).status).toBe(401);
    const refused = await signIn('127.0.0.1', reviewerName, reviewerPassword);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(590);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(600);
    expect(refused.body).toContain('Too many wrong passwords: try again in 10 minute(s).');
    // From another address, and with the name in another case or full-width: still the same account's budget.
    expect((await signIn('127.0.0.2', reviewerName, reviewerPassword)).status).toBe(429);
    expect((await signIn('127.0.0.2', reviewerName.toUpperCase(), reviewerPassword)).status).toBe(429);
    expect((await signIn('127.0.0.2', 'ｔｅｓｔｅｒ', reviewerPassword)).status).toBe(429);
    // Another account from the same address is not held up.
    await createReviewer(server.db, 'anna', reviewerPassword);
    expect((await signIn('127.0.0.1', 'anna', reviewerPassword)).status).toBe(303);
  });

  it('allows 10 wrong passwords per account by default, then answers 429 for 15 minutes at most', async () => {
    server = await startTestServer();
    for (let i = 0; i < 10; i++) expect((await signIn('127.0.0.1', reviewerName, `guess ${i}`)).status).toBe(401);
    const refused = await signIn('127.0.0.1', reviewerName, reviewerPassword);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(15 * 60);
  });

  it('lets the account in again once the window has passed', async () => {
    server = await startTestServer({ signInLimits: { perAccount: 2, perAddress: 100, windowSeconds: 1 } });
    for (let i = 0; i < 2; i++) await signIn('127.0.0.1', reviewerName, 'wrong guess');
    const refused = await signIn('127.0.0.1', reviewerName, reviewerPassword);
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('1');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await signIn('127.0.0.1', reviewerName, reviewerPassword)).status).toBe(303);
  });

  it('starts the count again after a right password: only failures in a row add up', async () => {
    server = await startTestServer({ signInLimits: { perAccount: 3, perAddress: 100, windowSeconds: 600 } });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) expect((await signIn('127.0.0.1', reviewerName, 'wrong guess')).status).toBe(401);
      expect((await signIn('127.0.0.1', reviewerName, reviewerPassword)).status).toBe(303);
    }
  });
});

describe('POST /sign-in per client address', () => {
  it('answers 429 to an address that guessed over many names, and not to another address', async () => {
    server = await startTestServer({ signInLimits: { perAccount: 100, perAddress: 4, windowSeconds: 600 } });
    for (const name of ['anna', 'bob', 'carla', 'dieter']) {
      expect((await signIn('127.0.0.2', name, 'guess 12345')).status).toBe(401);
    }
    const refused = await signIn('127.0.0.2', reviewerName, reviewerPassword);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect((await signIn('127.0.0.1', reviewerName, reviewerPassword)).status).toBe(303);
  });
});

describe('POST /account/password', () => {
  it('counts wrong current passwords against the same budget as sign-ins', async () => {
    server = await startTestServer({ signInLimits: { perAccount: 3, perAddress: 100, windowSeconds: 600 } });
    const session = await server.signIn();
    const change = (current: string) =>
      postFrom(
        '127.0.0.1',
        '/account/password',
        {
          _csrf: session.csrfToken,
          current,
          password: 'Elbe-Kähne treiben leise',
          confirm: 'Elbe-Kähne treiben leise',
        },
        { Cookie: session.cookie },
      );
    expect((await change('wrong one')).status).toBe(400);
    expect((await signIn('127.0.0.1', reviewerName, 'wrong two')).status).toBe(401);
    expect((await change('wrong three')).status).toBe(400);
    const refused = await change(reviewerPassword);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect((await signIn('127.0.0.1', reviewerName, reviewerPassword)).status).toBe(429);
  });
});
