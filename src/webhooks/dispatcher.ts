// The webhook dispatcher: claims due deliveries from the outbox, POSTs them signed, records each attempt, retries.
import {
  type AttemptResult,
  type ClaimedDelivery,
  claimDueDeliveries,
  recordDeliveryAttempt,
  type Store,
} from '../store/index.ts';
import { signatureHeader, signBody } from './signature.ts';

/** How the dispatcher paces itself; every field has a default (see `dispatcherDefaults`). */
export interface DispatcherOptions {
  /** The wait before the second attempt; each later one waits twice as long as the one before. */
  backoffBaseMs: number;
  /** The longest wait between two attempts. */
  backoffMaxMs: number;
  /** Attempts before a delivery is given up (state failed). */
  maxAttempts: number;
  /** How often the outbox is looked at. */
  pollMs: number;
  /** How long a receiver may take to answer. */
  timeoutMs: number;
  /** How long a claim holds: after that, a delivery whose sender stopped is taken up again. */
  leaseMs: number;
  /** Deliveries claimed at a time. */
  batch: number;
  /** Where failures of the dispatcher itself are reported (never those of a receiver: those are recorded). */
  log: (line: string) => void;
}

/** The defaults: attempts after 10 s, 20 s, 40 s … up to 1 hour apart, 8 in all; 10 s to answer. */
export const dispatcherDefaults: DispatcherOptions = {
  backoffBaseMs: 10_000,
  backoffMaxMs: 3_600_000,
  maxAttempts: 8,
  pollMs: 1000,
  timeoutMs: 10_000,
  leaseMs: 60_000,
  batch: 10,
  log: (line) => console.error(line),
};

/** The wait after the `attempts`-th failed attempt: base × 2^(attempts − 1), at most `max`. */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** Why a request failed, in a few words: the system error code or the error's message. */
function describeFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'no answer in time';
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

/**
 * Delivers the outbox of one store. Several dispatchers (one per server) may run on one database: each delivery is
 * claimed by one of them only. Start it with `start()`; `runOnce()` delivers what is due now (tests call it).
 */
export class WebhookDispatcher {
  readonly options: DispatcherOptions;
  private readonly db: Store;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(db: Store, options: Partial<DispatcherOptions> = {}) {
    this.db = db;
    this.options = { ...dispatcherDefaults, ...options };
  }

  /** Polls the outbox every `pollMs` until stopped. */
  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** Stops polling and waits for the deliveries under way to be recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => {});
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.runOnce()
        .catch((error: unknown) => {
          if (this.db.open) this.options.log(`mt-review: webhooks: ${(error as Error).message}`);
        })
        .finally(() => this.schedule());
    }, this.options.pollMs);
    this.timer.unref();
  }

  /** Claims the deliveries due now and sends them (concurrently); resolves with how many were attempted. */
  runOnce(): Promise<number> {
    // One pass at a time per dispatcher: a pass started while one runs waits for it.
    const previous = this.running ?? Promise.resolve(0);
    const pass = previous.catch(() => 0).then(() => this.pass());
    this.running = pass;
    return pass;
  }

  private async pass(): Promise<number> {
    if (!this.db.open) return 0;
    const { batch: limit, leaseMs } = this.options;
    const claimed = await claimDueDeliveries(this.db, { limit, leaseMs });
    await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
    return claimed.length;
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const result = await this.attempt(delivery);
    if (this.db.open) await recordDeliveryAttempt(this.db, delivery, result);
  }

  private async attempt(delivery: ClaimedDelivery): Promise<AttemptResult> {
    let responseStatus: number | null = null;
    let error: string;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'mt-review-webhooks',
          [signatureHeader]: signBody(delivery.secret, delivery.body),
          'X-MT-Review-Event': delivery.event,
          'X-MT-Review-Delivery': delivery.deliveryId,
        },
      });
      responseStatus = response.status;
      // The answer's body is not needed: drop it rather than hold the connection.
      await response.body?.cancel().catch(() => {});
      if (response.ok) return { state: 'delivered', responseStatus, error: null, nextAttemptAt: null };
      error = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    } catch (caught) {
      error = describeFailure(caught);
    }
    return this.failed(delivery, responseStatus, error);
  }

  private failed(delivery: ClaimedDelivery, responseStatus: number | null, error: string): AttemptResult {
    const { maxAttempts, backoffBaseMs, backoffMaxMs } = this.options;
    if (delivery.attempts >= maxAttempts) return { state: 'failed', responseStatus, error, nextAttemptAt: null };
    const wait = backoffDelay(delivery.attempts, backoffBaseMs, backoffMaxMs);
    return { state: 'pending', responseStatus, error, nextAttemptAt: new Date(Date.now() + wait) };
  }
}

/** Dispatcher settings from the environment: MT_REVIEW_WEBHOOK_BACKOFF_MS, _ATTEMPTS, _POLL_MS (for tests, demos). */
export function dispatcherOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<DispatcherOptions> {
  const numberOf = (name: string) => {
    const value = Number(env[name]);
    return env[name] && Number.isInteger(value) && value > 0 ? value : undefined;
  };
  const options: Partial<DispatcherOptions> = {};
  const backoff = numberOf('MT_REVIEW_WEBHOOK_BACKOFF_MS');
  const attempts = numberOf('MT_REVIEW_WEBHOOK_ATTEMPTS');
  const poll = numberOf('MT_REVIEW_WEBHOOK_POLL_MS');
  if (backoff) options.backoffBaseMs = backoff;
  if (attempts) options.maxAttempts = attempts;
  if (poll) options.pollMs = poll;
  return options;
}
