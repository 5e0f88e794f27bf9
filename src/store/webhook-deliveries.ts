// Webhook deliveries: claimed by one dispatcher at a time (a conditional UPDATE), each attempt recorded, listed.
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from './errors.ts';
import type { Sql } from './sql.ts';
import { nowIso } from './values.ts';
import type { WebhookEvent } from './webhooks.ts';

/** Where a delivery is: waiting for its next attempt, being sent, delivered (a 2xx), or given up on. */
export type DeliveryState = 'pending' | 'delivering' | 'delivered' | 'failed';

/**
 * A delivery as admins see it. `responseStatus` is the latest attempt's; `lastError` the latest failed attempt's
 * (kept after a later success, so that a retried delivery shows why); `nextAttemptAt` is when a pending one is due
 * (null once finished).
 */
export interface WebhookDelivery {
  id: number;
  deliveryId: string;
  hookId: number;
  url: string;
  event: WebhookEvent;
  articleId: string;
  state: DeliveryState;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A delivery a dispatcher claimed: what to send where, and the token its result must carry. */
export interface ClaimedDelivery {
  id: number;
  deliveryId: string;
  claimToken: string;
  /** Attempts so far, this one included. */
  attempts: number;
  url: string;
  secret: string;
  event: WebhookEvent;
  body: string;
}

/**
 * Claims up to `limit` due deliveries of enabled hooks for `leaseMs`: pending ones whose time has come, and ones
 * whose claimer never recorded a result (it stopped or crashed) once the lease ran out. Each claim is an UPDATE
 * conditional on the row still being due, so of two dispatchers only one wins a delivery; the claim counts as an
 * attempt, so a delivery that keeps crashing its sender still reaches its bound.
 */
export async function claimDueDeliveries(
  db: Sql,
  options: { limit: number; leaseMs: number; now?: Date },
): Promise<ClaimedDelivery[]> {
  const now = options.now ?? new Date();
  const at = nowIso(now);
  const due = await db.all<{ id: number }>(
    `SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.hook_id
     WHERE d.state IN ('pending', 'delivering') AND d.next_attempt_at <= :at AND w.enabled = 1
     ORDER BY d.next_attempt_at, d.id LIMIT :limit`,
    { at, limit: options.limit },
  );
  const claimed: ClaimedDelivery[] = [];
  for (const { id } of due) {
    const claimToken = randomUUID();
    const won = await db.run(
      `UPDATE webhook_deliveries SET state = 'delivering', claim_token = :claimToken, attempts = attempts + 1,
         next_attempt_at = :leaseEnd, updated_at = :at
       WHERE id = :id AND state IN ('pending', 'delivering') AND next_attempt_at <= :at`,
      { id, claimToken, at, leaseEnd: nowIso(new Date(now.getTime() + options.leaseMs)) },
    );
    if (won === 0) continue;
    const row = await db.get<ClaimedDelivery>(
      `SELECT d.id, d.delivery_id AS "deliveryId", d.claim_token AS "claimToken", d.attempts, w.url, w.secret,
         e.event, e.body
       FROM webhook_deliveries d JOIN webhooks w ON w.id = d.hook_id JOIN webhook_events e ON e.id = d.event_id
       WHERE d.id = :id AND d.claim_token = :claimToken`,
      { id, claimToken },
    );
    if (row) claimed.push(row);
  }
  return claimed;
}

/** The result of one attempt: the HTTP status (none when the request failed), the error, and what comes next. */
export interface AttemptResult {
  state: 'delivered' | 'pending' | 'failed';
  responseStatus: number | null;
  error: string | null;
  /** When the next attempt is due (state pending). */
  nextAttemptAt: Date | null;
}

/**
 * Records an attempt of a claimed delivery; false when the claim was lost meanwhile (its lease ran out and another
 * dispatcher took it), in which case nothing is written.
 */
export async function recordDeliveryAttempt(
  db: Sql,
  claimed: ClaimedDelivery,
  result: AttemptResult,
): Promise<boolean> {
  const changed = await db.run(
    `UPDATE webhook_deliveries SET state = :state, response_status = :responseStatus, last_error = COALESCE(:error, last_error),
       next_attempt_at = :next, claim_token = NULL, updated_at = :at
     WHERE id = :id AND claim_token = :claimToken AND state = 'delivering'`,
    {
      id: claimed.id,
      claimToken: claimed.claimToken,
      state: result.state,
      responseStatus: result.responseStatus,
      error: result.error === null ? null : result.error.slice(0, 500),
      next: result.nextAttemptAt && nowIso(result.nextAttemptAt),
      at: nowIso(),
    },
  );
  return changed > 0;
}

/** Which deliveries to list: of one hook or all, newest first, before the delivery `before` (a cursor), at most `limit`. */
export interface DeliveryQuery {
  hookId?: number;
  before?: number;
  limit: number;
}

/** Deliveries, newest first (see DeliveryQuery). */
export function listDeliveries(db: Sql, query: DeliveryQuery): Promise<WebhookDelivery[]> {
  const conditions = [
    ...(query.hookId === undefined ? [] : ['d.hook_id = :hookId']),
    ...(query.before === undefined ? [] : ['d.id < :before']),
  ];
  return db.all<WebhookDelivery>(
    `SELECT d.id, d.delivery_id AS "deliveryId", d.hook_id AS "hookId", w.url, e.event, e.article_id AS "articleId",
       d.state, d.attempts, d.response_status AS "responseStatus", d.last_error AS "lastError",
       CASE WHEN d.state IN ('pending', 'delivering') THEN d.next_attempt_at END AS "nextAttemptAt",
       d.created_at AS "createdAt", d.updated_at AS "updatedAt"
     FROM webhook_deliveries d JOIN webhooks w ON w.id = d.hook_id JOIN webhook_events e ON e.id = d.event_id
     ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY d.id DESC LIMIT :limit`,
    {
      limit: query.limit,
      ...(query.hookId === undefined ? {} : { hookId: query.hookId }),
      ...(query.before === undefined ? {} : { before: query.before }),
    },
  );
}

/**
 * Makes a failed or pending delivery due now: one more attempt (its count goes on, so a failed one that fails again
 * is given up again at once). NotFoundError for an unknown delivery, ConflictError for one delivered or under way.
 */
export async function retryDelivery(db: Sql, id: number): Promise<void> {
  const at = nowIso();
  const changed = await db.run(
    `UPDATE webhook_deliveries SET state = 'pending', next_attempt_at = :at, updated_at = :at
     WHERE id = :id AND state IN ('pending', 'failed')`,
    { id, at },
  );
  if (changed > 0) return;
  const row = await db.get<{ state: DeliveryState }>('SELECT state FROM webhook_deliveries WHERE id = :id', { id });
  if (!row) throw new NotFoundError(`no delivery with id ${id}`);
  throw new ConflictError(`delivery ${id} is ${row.state}: only a failed or pending one can be retried`);
}
