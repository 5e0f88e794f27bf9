// The webhook outbox: an article event written in the transaction of the change that causes it, a delivery per hook.
import { randomUUID } from 'node:crypto';
import { type ArticleStatus, articleStatus } from '../review/article-status.ts';
import type { Sql } from './sql.ts';
import { nowIso } from './values.ts';
import type { WebhookEvent } from './webhooks.ts';

/** The JSON body every hook of an event receives, byte for byte the same on every attempt. */
export interface WebhookBody {
  event: WebhookEvent;
  articleId: string;
  title: string | null;
  occurredAt: string;
  /** The article's review status now, and (for article.status_changed) the one announced before. */
  status: ArticleStatus;
  previousStatus?: ArticleStatus;
  /** The article's current edits, counted by outcome. */
  outcomes: { edits: number; undecided: number; agreed: number; disputed: number; adjudicated: number };
}

interface ReviewState {
  title: string | null;
  approvedAt: string | null;
  edits: number;
  undecided: number;
  agreed: number;
  disputed: number;
  adjudicated: number;
}

function readState(tx: Sql, articleId: string): Promise<ReviewState | undefined> {
  return tx.get<ReviewState>(
    `SELECT a.title, ar.approved_at AS "approvedAt", ar.edits, ar.undecided, ar.agreed, ar.disputed, ar.adjudicated
     FROM articles a JOIN article_review ar ON ar.article_id = a.id WHERE a.id = :articleId`,
    { articleId },
  );
}

/** Writes the event and one pending delivery per enabled hook that wants it; nothing when no hook does. */
async function writeEvent(tx: Sql, articleId: string, body: WebhookBody): Promise<void> {
  const hooks = await tx.all<{ id: number; events: string }>('SELECT id, events FROM webhooks WHERE enabled = 1');
  const wanting = hooks.filter((hook) => hook.events.split(',').includes(body.event));
  if (wanting.length === 0) return;
  const now = body.occurredAt;
  const event = (await tx.get<{ id: number }>(
    `INSERT INTO webhook_events (article_id, event, body, created_at) VALUES (:articleId, :event, :body, :now)
     RETURNING id`,
    { articleId, event: body.event, body: JSON.stringify(body), now },
  )) as { id: number };
  for (const hook of wanting) {
    await tx.run(
      `INSERT INTO webhook_deliveries (delivery_id, hook_id, event_id, state, attempts, next_attempt_at, created_at,
         updated_at) VALUES (:deliveryId, :hookId, :eventId, 'pending', 0, :now, :now, :now)`,
      { deliveryId: randomUUID(), hookId: hook.id, eventId: event.id, now },
    );
  }
}

function bodyOf(event: WebhookEvent, articleId: string, state: ReviewState, previous?: ArticleStatus): WebhookBody {
  const { title, edits, undecided, agreed, disputed, adjudicated } = state;
  return {
    event,
    articleId,
    title,
    occurredAt: nowIso(),
    status: articleStatus(state),
    ...(previous ? { previousStatus: previous } : {}),
    outcomes: { edits, undecided, agreed, disputed, adjudicated },
  };
}

/**
 * Queues article.created or article.revised for the article, with its status and outcome counts as they stand in
 * this transaction. Call it in the transaction that imported the article, after its edits were synchronised.
 */
export async function queueArticleWebhook(
  tx: Sql,
  articleId: string,
  event: 'article.created' | 'article.revised',
): Promise<void> {
  const state = await readState(tx, articleId);
  if (state) await writeEvent(tx, articleId, bodyOf(event, articleId, state));
}

/**
 * Queues article.status_changed when the article's status differs from the one last announced, and remembers the
 * new one. Call it in any transaction that may change the status (outcome counts, approval, reopening): it compares,
 * so calling it when nothing changed writes nothing. A new article's first status is recorded silently: its
 * article.created event carries it.
 */
export async function queueStatusWebhook(tx: Sql, articleId: string): Promise<void> {
  const state = await readState(tx, articleId);
  if (!state) return;
  const status = articleStatus(state);
  const known = await tx.get<{ status: ArticleStatus }>(
    'SELECT status FROM webhook_article_status WHERE article_id = :articleId',
    { articleId },
  );
  if (known?.status === status) return;
  await tx.run(
    `INSERT INTO webhook_article_status (article_id, status) VALUES (:articleId, :status)
     ON CONFLICT (article_id) DO UPDATE SET status = excluded.status`,
    { articleId, status },
  );
  if (!known) return;
  await writeEvent(tx, articleId, bodyOf('article.status_changed', articleId, state, known.status));
}
