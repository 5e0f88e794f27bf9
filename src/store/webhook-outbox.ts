// The webhook outbox: an article event written in the transaction of the change that causes it, a delivery per hook.
import { randomUUID } from 'node:crypto';
import { type ArticleStatus, articleStatus } from '../review/article-status.ts';
import type { Sql } from './sql.ts';
import { inList, slices, valuesTable } from './sql-lists.ts';
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

const stateColumns = `a.title, ar.approved_at AS "approvedAt", ar.edits, ar.undecided, ar.agreed, ar.disputed,
  ar.adjudicated FROM articles a JOIN article_review ar ON ar.article_id = a.id`;

function readState(tx: Sql, articleId: string): Promise<ReviewState | undefined> {
  return tx.get<ReviewState>(`SELECT ${stateColumns} WHERE a.id = :articleId`, { articleId });
}

/** The review state of each article, and the status last announced for it (none for an article never announced). */
async function readStates(
  tx: Sql,
  articleIds: readonly string[],
): Promise<Map<string, ReviewState & { announced: ArticleStatus | null }>> {
  const list = inList('s', articleIds);
  const rows = await tx.all<ReviewState & { id: string; announced: ArticleStatus | null }>(
    `SELECT a.id, ws.status AS announced, ${stateColumns}
     LEFT JOIN webhook_article_status ws ON ws.article_id = a.id WHERE a.id IN ${list.sql}`,
    list.params,
  );
  return new Map(rows.map(({ id, ...state }) => [id, state]));
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
  await queueStatusWebhooks(tx, [articleId]);
}

/** queueStatusWebhook for several articles: a read and at most one write, then the events (in the order given). */
export async function queueStatusWebhooks(tx: Sql, articleIds: readonly string[]): Promise<void> {
  for (const slice of slices(articleIds)) await queueSlice(tx, slice);
}

async function queueSlice(tx: Sql, articleIds: readonly string[]): Promise<void> {
  const states = await readStates(tx, articleIds);
  const moved: { articleId: string; state: ReviewState; status: ArticleStatus; known: ArticleStatus | null }[] = [];
  for (const articleId of articleIds) {
    const read = states.get(articleId);
    if (!read) continue;
    const { announced, ...state } = read;
    const status = articleStatus(state);
    if (announced !== status) moved.push({ articleId, state, status, known: announced });
  }
  if (moved.length === 0) return;
  const values = valuesTable(
    'w',
    ['text', 'text'],
    moved.map((m) => [m.articleId, m.status]),
  );
  await tx.run(
    `INSERT INTO webhook_article_status (article_id, status)
     SELECT column1, column2 FROM (${values.sql}) AS m WHERE column1 IS NOT NULL
     ON CONFLICT (article_id) DO UPDATE SET status = excluded.status`,
    values.params,
  );
  for (const { articleId, state, known } of moved) {
    if (known) await writeEvent(tx, articleId, bodyOf('article.status_changed', articleId, state, known));
  }
}
