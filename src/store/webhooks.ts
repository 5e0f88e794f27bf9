// The webhooks table: the URLs that hear of article events, each with its secret and the events it wants.
import { NotFoundError } from './errors.ts';
import type { Sql, Store } from './sql.ts';
import { nowIso } from './values.ts';

/** What a hook can be sent: an article came in, its text changed (a new revision), its review status changed. */
export type WebhookEvent = 'article.created' | 'article.revised' | 'article.status_changed';

/** Every event, in the order they are listed. */
export const webhookEvents: readonly WebhookEvent[] = ['article.created', 'article.revised', 'article.status_changed'];

/** True for a known event name. */
export const isWebhookEvent = (value: string): value is WebhookEvent =>
  (webhookEvents as readonly string[]).includes(value);

/** A hook as admins see it: never its secret, which is shown once, at creation. */
export interface Webhook {
  id: number;
  url: string;
  events: WebhookEvent[];
  enabled: boolean;
  createdBy: string | null;
  createdAt: string;
}

interface WebhookRow {
  id: number;
  url: string;
  events: string;
  enabled: number;
  createdBy: string | null;
  createdAt: string;
}

const selectHooks = `SELECT w.id, w.url, w.events, w.enabled, r.name AS "createdBy", w.created_at AS "createdAt"
  FROM webhooks w LEFT JOIN reviewers r ON r.id = w.created_by`;

const toWebhook = (row: WebhookRow): Webhook => ({
  ...row,
  events: row.events.split(',').filter(isWebhookEvent),
  enabled: row.enabled === 1,
});

/** What a new hook needs (validated by the caller: see webhooks/hook-input.ts). */
export interface WebhookInput {
  url: string;
  secret: string;
  events: readonly WebhookEvent[];
  createdBy: number | null;
}

/** Adds a hook, enabled; it hears of events from now on. */
export async function createWebhook(db: Sql, input: WebhookInput): Promise<Webhook> {
  const row = await db.get<{ id: number }>(
    `INSERT INTO webhooks (url, secret, events, enabled, created_by, created_at)
     VALUES (:url, :secret, :events, 1, :createdBy, :at) RETURNING id`,
    { url: input.url, secret: input.secret, events: input.events.join(','), createdBy: input.createdBy, at: nowIso() },
  );
  return (await getWebhook(db, (row as { id: number }).id)) as Webhook;
}

/** Every hook, oldest first. */
export async function listWebhooks(db: Sql): Promise<Webhook[]> {
  return (await db.all<WebhookRow>(`${selectHooks} ORDER BY w.id`)).map(toWebhook);
}

/** The hook with this id, or undefined. */
export async function getWebhook(db: Sql, id: number): Promise<Webhook | undefined> {
  const row = await db.get<WebhookRow>(`${selectHooks} WHERE w.id = :id`, { id });
  return row && toWebhook(row);
}

/**
 * Enables or disables a hook. A disabled hook gets no new deliveries, and its pending ones wait (they are not
 * claimed) until it is enabled again. NotFoundError for an unknown hook.
 */
export async function setWebhookEnabled(db: Sql, id: number, enabled: boolean): Promise<Webhook> {
  const changed = await db.run('UPDATE webhooks SET enabled = :enabled WHERE id = :id', {
    id,
    enabled: enabled ? 1 : 0,
  });
  if (changed === 0) throw new NotFoundError(`no webhook with id ${id}`);
  return (await getWebhook(db, id)) as Webhook;
}

/** Removes a hook and its deliveries (the events stay: they are the log); NotFoundError for an unknown hook. */
export function deleteWebhook(store: Store, id: number): Promise<void> {
  return store.transaction(async (tx) => {
    await tx.run('DELETE FROM webhook_deliveries WHERE hook_id = :id', { id });
    if ((await tx.run('DELETE FROM webhooks WHERE id = :id', { id })) === 0) {
      throw new NotFoundError(`no webhook with id ${id}`);
    }
  });
}
