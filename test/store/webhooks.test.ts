// Tests of the webhook outbox in the store: events written with the change that causes them, one delivery per hook,
// claims that only one dispatcher wins, attempts recorded, hooks enabled, disabled and removed.
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../src/store/articles.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/sql.ts';
import { approveArticle, reopenArticle } from '../../src/store/team-review.ts';
import { recordVerdict, recordVerdictBatch } from '../../src/store/verdicts.ts';
import { claimDueDeliveries, listDeliveries, recordDeliveryAttempt } from '../../src/store/webhook-deliveries.ts';
import type { WebhookBody } from '../../src/store/webhook-outbox.ts';
import { createWebhook, deleteWebhook, listWebhooks, setWebhookEnabled } from '../../src/store/webhooks.ts';
import { addReviewer, openTestStore, openTestStoreAt, seedArticle, seedEdits } from './helpers.ts';

const lease = { limit: 50, leaseMs: 60_000 };

async function events(db: Store): Promise<WebhookBody[]> {
  const rows = await db.all<{ body: string }>('SELECT body FROM webhook_events ORDER BY id');
  return rows.map((row) => JSON.parse(row.body) as WebhookBody);
}

async function withHook(
  events: Parameters<typeof createWebhook>[1]['events'] = [
    'article.created',
    'article.revised',
    'article.status_changed',
  ],
) {
  const db = await openTestStore();
  const hook = await createWebhook(db, {
    url: 'http://127.0.0.1:9/hook',
    secret: 'a secret of the hook',
    events,
    createdBy: null,
  });
  return { db, hook };
}

describe('the webhook outbox', () => {
  it('writes nothing while no hook listens, yet knows each article’s status', async () => {
    const db = await openTestStore();
    await importArticle(db, seedArticle, seedEdits);
    expect(await events(db)).toEqual([]);
    expect(await db.all('SELECT article_id, status FROM webhook_article_status')).toEqual([
      { article_id: seedArticle.id, status: 'new' },
    ]);
  });

  it('queues article.created, then article.revised, with the status and the outcome counts', async () => {
    const { db, hook } = await withHook();
    await importArticle(db, seedArticle, seedEdits);
    await importArticle(db, seedArticle, seedEdits); // unchanged: nothing
    await importArticle(db, { ...seedArticle, meta: { ...seedArticle.meta, title: 'Lavrov in Beijing' } }, seedEdits);
    const written = await events(db);
    expect(written.map((e) => [e.event, e.title, e.status])).toEqual([
      ['article.created', 'Lavrov in China', 'new'],
      ['article.revised', 'Lavrov in Beijing', 'new'],
    ]);
    expect(written[0]?.outcomes).toEqual({ edits: 3, undecided: 3, agreed: 0, disputed: 0, adjudicated: 0 });
    const deliveries = await listDeliveries(db, { limit: 10 });
    expect(deliveries.map((d) => [d.hookId, d.event, d.state, d.attempts])).toEqual([
      [hook.id, 'article.revised', 'pending', 0],
      [hook.id, 'article.created', 'pending', 0],
    ]);
    expect(new Set(deliveries.map((d) => d.deliveryId)).size).toBe(2);
  });

  it('queues article.status_changed when verdicts, approval and reopening change the status, and only then', async () => {
    const { db } = await withHook(['article.status_changed']);
    await importArticle(db, seedArticle, seedEdits);
    const ann = await addReviewer(db, 'ann');
    const lea = await addReviewer(db, 'lea', 'lead');
    await recordVerdict(db, { editId: 'e-byline', reviewerId: ann.id, decision: 'accept' });
    await recordVerdict(db, { editId: 'e-sergey', reviewerId: ann.id, decision: 'accept' }); // still in review
    await recordVerdictBatch(db, [{ editId: 'e-marker', reviewerId: ann.id, decision: 'reject' }]);
    await approveArticle(db, seedArticle.id, lea.id);
    await reopenArticle(db, seedArticle.id, lea.id);
    const written = await events(db);
    expect(written.map((e) => [e.event, e.previousStatus, e.status])).toEqual([
      ['article.status_changed', 'new', 'in review'],
      ['article.status_changed', 'in review', 'reviewed'],
      ['article.status_changed', 'reviewed', 'approved'],
      ['article.status_changed', 'approved', 'reviewed'],
    ]);
    expect(written[1]?.outcomes).toEqual({ edits: 3, undecided: 0, agreed: 3, disputed: 0, adjudicated: 0 });
  });

  it('gives a disabled hook no new deliveries and keeps its pending ones unclaimed until enabled', async () => {
    const { db, hook } = await withHook();
    await importArticle(db, seedArticle, seedEdits);
    await setWebhookEnabled(db, hook.id, false);
    await importArticle(db, { ...seedArticle, mt: `${seedArticle.mt} ` }, seedEdits);
    expect(await claimDueDeliveries(db, lease)).toEqual([]);
    expect((await listWebhooks(db))[0]?.enabled).toBe(false);
    await setWebhookEnabled(db, hook.id, true);
    expect((await claimDueDeliveries(db, lease)).map((c) => c.event)).toEqual(['article.created']);
    await deleteWebhook(db, hook.id);
    expect(await listDeliveries(db, { limit: 10 })).toEqual([]);
    await expect(deleteWebhook(db, hook.id)).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('claimDueDeliveries and recordDeliveryAttempt', () => {
  it('lets only one of several dispatchers on two stores of the same database claim each delivery', async () => {
    const at = await openTestStoreAt();
    const db = at.store;
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const hook = { url: `http://127.0.0.1:9/${n}`, secret: `secret number ${n}`, createdBy: null };
      await createWebhook(db, { ...hook, events: ['article.created'] });
    }
    await importArticle(db, seedArticle, seedEdits);
    const other = await openStore(at.location);
    try {
      const claims = await Promise.all(
        [db, other, db, other].map((store) => claimDueDeliveries(store, { limit: 6, leaseMs: 60_000 })),
      );
      const ids = claims.flat().map((c) => c.id);
      expect(ids).toHaveLength(6);
      expect(new Set(ids).size).toBe(6);
      expect(await claimDueDeliveries(other, lease)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('takes a delivery up again once its lease ran out, and ignores the result of the claim it replaced', async () => {
    const { db } = await withHook(['article.created']);
    await importArticle(db, seedArticle, seedEdits);
    const [first] = await claimDueDeliveries(db, { limit: 5, leaseMs: 1000 });
    expect(first).toMatchObject({ attempts: 1, url: 'http://127.0.0.1:9/hook', secret: 'a secret of the hook' });
    expect(await claimDueDeliveries(db, lease)).toEqual([]);
    const later = new Date(Date.now() + 5000);
    const [second] = await claimDueDeliveries(db, { limit: 5, leaseMs: 1000, now: later });
    expect(second).toMatchObject({ id: first?.id, deliveryId: first?.deliveryId, attempts: 2 });
    const failed = { state: 'pending', responseStatus: 500, error: 'HTTP 500', nextAttemptAt: later } as const;
    expect(await recordDeliveryAttempt(db, first as NonNullable<typeof first>, failed)).toBe(false);
    const delivered = { state: 'delivered', responseStatus: 204, error: null, nextAttemptAt: null } as const;
    expect(await recordDeliveryAttempt(db, second as NonNullable<typeof second>, delivered)).toBe(true);
    expect((await listDeliveries(db, { limit: 5 }))[0]).toMatchObject({
      state: 'delivered',
      attempts: 2,
      responseStatus: 204,
      lastError: null,
      nextAttemptAt: null,
    });
  });
});
