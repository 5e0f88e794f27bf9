// HTTP test of webhooks out: admins manage hooks (API, page with CSRF-protected forms), a receiver on loopback gets
// signed deliveries of article events, a refused delivery is retried with backoff, every attempt is recorded.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedArticle } from '../../src/corpus/types.ts';
import { importLoadedArticle } from '../../src/import-corpus.ts';
import {
  createApiToken,
  createReviewer,
  openStore,
  type WebhookBody,
  type WebhookDelivery,
} from '../../src/store/index.ts';
import { WebhookDispatcher } from '../../src/webhooks/dispatcher.ts';
import { verifySignature } from '../../src/webhooks/signature.ts';
import { reviewerPassword, signInAs, startTestServer, type TestServer } from '../support/server.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';

let server: TestServer;
let receiver: Receiver;
let adminToken: string;
const secret = 'the hook secret, shared with the receiver';

const article = (id: string, title: string): LoadedArticle => ({
  id,
  dir: '',
  meta: { title },
  mt: 'Of: Jane Doe. The minister visits China*.',
  corrected: 'By Jane Doe. The minister visits China.',
});

function admin(path: string, init: { method?: string; body?: unknown } = {}) {
  return fetch(`${server.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

async function deliveries(query = ''): Promise<WebhookDelivery[]> {
  return ((await (await admin(`/api/webhooks/deliveries${query}`)).json()) as { deliveries: WebhookDelivery[] })
    .deliveries;
}

const dispatcher = (options = {}) =>
  new WebhookDispatcher(server.db, { backoffBaseMs: 100, maxAttempts: 3, log: () => {}, ...options });

beforeAll(async () => {
  server = await startTestServer();
  receiver = await startReceiver();
  const ada = await createReviewer(server.db, 'ada', reviewerPassword, { role: 'admin' });
  adminToken = await createApiToken(server.db, ada.id, 'hooks');
});
afterAll(async () => {
  await receiver.close();
  await server.close();
});

describe('/api/webhooks', () => {
  it('answers 403 to anyone but an admin', async () => {
    expect((await server.api('/api/webhooks')).status).toBe(403);
    expect((await server.api('/api/webhooks', { method: 'POST', body: { url: receiver.url } })).status).toBe(403);
  });

  it('refuses a bad hook with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'url'],
      [{ url: 'ftp://example.org/hook' }, 'url'],
      [{ url: 'not a url' }, 'url'],
      [{ url: 'http://user:pw@example.org/hook' }, 'url'],
      [{ url: receiver.url, secret: 'short' }, 'secret'],
      [{ url: receiver.url, events: ['article.deleted'] }, 'events'],
      [{ url: receiver.url, events: 42 }, 'events'],
    ];
    for (const [body, field] of cases) {
      const response = await admin('/api/webhooks', { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe(field);
    }
    expect(await (await admin('/api/webhooks')).json()).toMatchObject({ webhooks: [] });
  });
});

describe('deliveries', () => {
  let hookId: number;

  it('POSTs article.created to the receiver, signed with the hook secret, and records the delivery', async () => {
    const created = await admin('/api/webhooks', { body: { url: receiver.url, secret } });
    expect(created.status).toBe(201);
    const { webhook } = (await created.json()) as { webhook: { id: number; events: string[] } };
    hookId = webhook.id;
    expect(created.headers.get('location')).toBe(`/api/webhooks/${hookId}`);
    expect(webhook.events).toEqual(['article.created', 'article.revised', 'article.status_changed']);
    await importLoadedArticle(server.db, article('hook-test', 'A hooked article'));
    expect(await dispatcher().runOnce()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const request = receiver.received[0] as (typeof receiver.received)[number];
    // The recipe of the README: HMAC-SHA256 of the raw body, hex, after "sha256=".
    const expected = `sha256=${createHmac('sha256', secret).update(request.body).digest('hex')}`;
    expect(request.headers['x-hub-signature-256']).toBe(expected);
    expect(verifySignature(secret, request.body, request.headers['x-hub-signature-256'] as string)).toBe(true);
    expect(verifySignature('another secret', request.body, expected)).toBe(false);
    expect(request.headers['x-mt-review-event']).toBe('article.created');
    expect(request.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request.body.toString('utf8')) as WebhookBody;
    expect(body).toMatchObject({ event: 'article.created', articleId: 'hook-test', title: 'A hooked article' });
    expect(body.status).toBe('new');
    expect(body.outcomes.edits).toBeGreaterThan(0);
    expect(body.outcomes.undecided).toBe(body.outcomes.edits);
    const [record] = await deliveries();
    expect(record).toMatchObject({
      deliveryId: request.headers['x-mt-review-delivery'],
      hookId,
      event: 'article.created',
      articleId: 'hook-test',
      state: 'delivered',
      attempts: 1,
      responseStatus: 204,
      lastError: null,
      nextAttemptAt: null,
    });
  });

  it('retries a delivery the receiver refused once, after the backoff, with the same id and body', async () => {
    receiver.received.length = 0;
    receiver.answers.push(500);
    const { edits } = (await (await admin('/api/articles/hook-test')).json()) as { edits: { id: string }[] };
    // The admin decides the article's first edit: new → in review.
    const verdict = await admin(`/api/edits/${edits[0]?.id}/verdicts`, { body: { decision: 'accept' } });
    expect(verdict.status).toBe(201);
    const hooks = dispatcher();
    expect(await hooks.runOnce()).toBe(1);
    const [refused] = await deliveries();
    expect(refused).toMatchObject({
      event: 'article.status_changed',
      state: 'pending',
      attempts: 1,
      responseStatus: 500,
      lastError: 'HTTP 500 Internal Server Error',
    });
    expect(Date.parse(refused?.nextAttemptAt as string)).toBeGreaterThan(Date.now() - 1000);
    expect(await hooks.runOnce()).toBe(0); // not due yet
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await hooks.runOnce()).toBe(1);
    const [delivered] = await deliveries();
    expect(delivered).toMatchObject({ id: refused?.id, state: 'delivered', attempts: 2, responseStatus: 204 });
    expect(delivered?.lastError).toBe('HTTP 500 Internal Server Error'); // why it took two
    const [first, second] = receiver.received;
    expect(second?.headers['x-mt-review-delivery']).toBe(first?.headers['x-mt-review-delivery']);
    expect(second?.body.equals(first?.body as Buffer)).toBe(true);
    const body = JSON.parse(second?.body.toString('utf8') as string) as WebhookBody;
    expect(body).toMatchObject({ event: 'article.status_changed', previousStatus: 'new', status: 'in review' });
    expect(body.outcomes.agreed).toBe(1);
  });

  it('gives up after the last attempt, recording why', async () => {
    const closed = await startReceiver();
    await closed.close(); // nothing listens on its port any more
    const { webhook } = (await (await admin('/api/webhooks', { body: { url: closed.url, secret } })).json()) as {
      webhook: { id: number };
    };
    await importLoadedArticle(server.db, article('hook-unheard', 'Nobody listens'));
    const hooks = dispatcher({ backoffBaseMs: 1, maxAttempts: 2 });
    await hooks.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await hooks.runOnce();
    const [record] = await deliveries(`?hook=${webhook.id}`);
    expect(record).toMatchObject({ state: 'failed', attempts: 2, responseStatus: null, lastError: 'ECONNREFUSED' });
    expect(record?.nextAttemptAt).toBeNull();
    // An admin asks for one more attempt: due at once, given up again when it fails.
    expect((await admin(`/api/webhooks/deliveries/${record?.id}/retry`, { body: {} })).status).toBe(204);
    expect((await deliveries(`?hook=${webhook.id}`))[0]).toMatchObject({ state: 'pending', attempts: 2 });
    expect(await hooks.runOnce()).toBe(1);
    expect((await deliveries(`?hook=${webhook.id}`))[0]).toMatchObject({ state: 'failed', attempts: 3 });
    const delivered = (await deliveries()).find((d) => d.state === 'delivered');
    expect((await admin(`/api/webhooks/deliveries/${delivered?.id}/retry`, { body: {} })).status).toBe(409);
    expect((await admin('/api/webhooks/deliveries/999999/retry', { body: {} })).status).toBe(404);
    expect((await admin(`/api/webhooks/${webhook.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await deliveries(`?hook=${webhook.id}`)).toEqual([]);
    expect((await admin('/api/webhooks/deliveries?limit=0')).status).toBe(400);
  });

  it('sends each delivery once when two servers on one database dispatch at the same moment', async () => {
    receiver.received.length = 0;
    for (const n of [1, 2, 3, 4, 5]) await importLoadedArticle(server.db, article(`hook-pair-${n}`, `Pair ${n}`));
    const second = await openStore(server.dbLocation);
    try {
      const other = new WebhookDispatcher(second, { log: () => {} });
      const counts = await Promise.all([dispatcher().runOnce(), other.runOnce(), dispatcher().runOnce()]);
      expect(counts.reduce((a, b) => a + b)).toBe(5);
      const ids = receiver.received.map((r) => r.headers['x-mt-review-delivery']);
      expect(ids).toHaveLength(5);
      expect(new Set(ids).size).toBe(5);
    } finally {
      await second.close();
    }
  });

  it('keeps undelivered events across a restart: the next server delivers them', async () => {
    receiver.received.length = 0;
    await importLoadedArticle(server.db, article('hook-restart', 'Before the restart'));
    server = await server.restart();
    const token = await createApiToken(
      server.db,
      (await server.db.get<{ id: number }>("SELECT id FROM reviewers WHERE name = 'ada'"))?.id as number,
      'again',
    );
    adminToken = token;
    expect(await dispatcher().runOnce()).toBe(1);
    expect(receiver.received.map((r) => JSON.parse(r.body.toString('utf8')).articleId)).toEqual(['hook-restart']);
  });
});

describe('/webhooks', () => {
  it('shows hooks and deliveries to an admin; its forms need the CSRF token', async () => {
    const session = await signInAs(server.url, 'ada', reviewerPassword);
    const page = await session.fetch('/webhooks');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(receiver.url);
    expect(html).toContain('article.status_changed');
    expect(html).toContain('HTTP 500 Internal Server Error');
    const forged = await session.fetch('/webhooks', {
      method: 'POST',
      body: new URLSearchParams({ url: 'https://example.org/forged' }),
    });
    expect(forged.status).toBe(403);
    const added = await session.postForm('/webhooks', { url: 'https://example.org/<hook>', events: 'article.created' });
    expect(added.status).toBe(200);
    const shown = await added.text();
    expect(shown).toContain('shown this once');
    expect(shown).toContain('https://example.org/%3Chook%3E');
    const refused = await session.postForm('/webhooks', { url: 'javascript:alert(1)' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('url must use http or https');
    const hooks = ((await (await admin('/api/webhooks')).json()) as { webhooks: { id: number; url: string }[] })
      .webhooks;
    const added2 = hooks.find((h) => h.url === 'https://example.org/%3Chook%3E') as { id: number };
    expect((await session.postForm(`/webhooks/${added2.id}/disable`, {})).status).toBe(303);
    expect(await (await admin(`/api/webhooks/${added2.id}`)).json()).toMatchObject({ webhook: { enabled: false } });
    expect((await session.postForm(`/webhooks/${added2.id}/delete`, {})).status).toBe(303);
    expect((await admin(`/api/webhooks/${added2.id}`)).status).toBe(404);
    const reviewer = await server.signIn();
    expect((await reviewer.fetch('/webhooks')).status).toBe(403);
  });
});
