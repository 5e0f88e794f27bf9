// Tests of the webhook dispatcher's pacing: the backoff doubles up to its cap; a started dispatcher delivers alone.
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../src/store/articles.ts';
import { createWebhook, listDeliveries } from '../../src/store/index.ts';
import { backoffDelay, dispatcherOptionsFromEnv, WebhookDispatcher } from '../../src/webhooks/dispatcher.ts';
import { openTestStore, seedArticle, seedEdits } from '../store/helpers.ts';
import { startReceiver } from '../support/webhook-receiver.ts';

describe('backoffDelay', () => {
  it('doubles from the base after each failed attempt, up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, 10_000, 60_000))).toEqual([
      10_000, 20_000, 40_000, 60_000, 60_000,
    ]);
  });
});

describe('dispatcherOptionsFromEnv', () => {
  it('reads positive whole numbers and ignores anything else', () => {
    const env = {
      MT_REVIEW_WEBHOOK_BACKOFF_MS: '25',
      MT_REVIEW_WEBHOOK_ATTEMPTS: 'x',
      MT_REVIEW_WEBHOOK_POLL_MS: '-1',
    };
    expect(dispatcherOptionsFromEnv(env)).toEqual({ backoffBaseMs: 25 });
  });
});

describe('WebhookDispatcher.start', () => {
  it('polls the outbox and delivers, until stopped', async () => {
    const db = await openTestStore();
    const receiver = await startReceiver();
    try {
      await createWebhook(db, {
        url: receiver.url,
        secret: 'a secret of the hook',
        events: ['article.created'],
        createdBy: null,
      });
      const dispatcher = new WebhookDispatcher(db, { pollMs: 10, log: () => {} });
      dispatcher.start();
      await importArticle(db, seedArticle, seedEdits);
      for (let i = 0; i < 200 && receiver.received.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      await dispatcher.stop();
      expect(receiver.received).toHaveLength(1);
      expect((await listDeliveries(db, { limit: 5 }))[0]).toMatchObject({ state: 'delivered', attempts: 1 });
    } finally {
      await receiver.close();
    }
  });
});
