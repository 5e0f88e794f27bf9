// LISTEN/NOTIFY between app instances: a dedicated listening connection that comes back after a loss, and notify.
import pg, { type ClientBase, escapeIdentifier } from 'pg';
import { StoreError } from '../errors.ts';
import { connectionError, type PostgresDatabase, query } from './connection.ts';

/** A channel being listened to; `close` stops listening and ends its connection. */
export interface Listener {
  close(): Promise<void>;
}

/** What to do around lost connections. */
export interface ListenOptions {
  /** Called once a lost connection listens again: what was notified meanwhile is lost, so refresh from the data. */
  onReconnect?: () => void;
  /** The first wait before reconnecting (default 100 ms); it doubles after each failed attempt, up to 5 s. */
  retryDelayMs?: number;
}

const maxRetryDelayMs = 5_000;

// LISTEN truncates a longer name to 63 bytes while pg_notify refuses it: they would never meet, so refuse it here.
function checkChannel(channel: string): void {
  const bytes = Buffer.byteLength(channel, 'utf8');
  if (bytes === 0 || bytes > 63) throw new StoreError('invalid', `channel "${channel}" must be 1-63 bytes long`);
}

interface Session {
  client: pg.Client;
  /** Resolves when the connection has ended, by an error, the server or close. */
  lost: Promise<void>;
}

async function openSession(
  database: PostgresDatabase,
  channel: string,
  onMessage: (payload: string) => void,
): Promise<Session> {
  const client = new pg.Client(database.clientConfig);
  // The 'error' listener also keeps a dropped connection from ending the process (an unhandled 'error' event).
  const lost = new Promise<void>((resolve) => {
    client.on('error', () => resolve());
    client.once('end', () => resolve());
  });
  client.on('notification', (message) => {
    if (message.channel === channel) onMessage(message.payload ?? '');
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${escapeIdentifier(channel)}`);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectionError(database.label, error);
  }
  return { client, lost };
}

// A sleep that close() can cut short, so closing never waits out a reconnection delay.
function wakeablePause(): { sleep(ms: number): Promise<void>; wake(): void } {
  let wake = (): void => undefined;
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
    wake: () => wake(),
  };
}

/**
 * Listens to `channel` on a connection of its own (a pooled one would be held for ever) and calls `onMessage` with
 * each payload. Resolves once listening, so a notify after it is heard; fails in one line if it cannot connect.
 * A lost connection is reopened, with growing pauses, until `close`.
 */
export async function listen(
  database: PostgresDatabase,
  channel: string,
  onMessage: (payload: string) => void,
  options: ListenOptions = {},
): Promise<Listener> {
  checkChannel(channel);
  const firstDelay = options.retryDelayMs ?? 100;
  let closed = false;
  let current = await openSession(database, channel, onMessage);
  const pause = wakeablePause();
  const keepListening = async (): Promise<void> => {
    let delay = firstDelay;
    await current.lost;
    while (!closed) {
      await pause.sleep(delay);
      if (closed) return;
      try {
        current = await openSession(database, channel, onMessage);
      } catch {
        delay = Math.min(delay * 2, maxRetryDelayMs);
        continue;
      }
      if (closed) break;
      delay = firstDelay;
      options.onReconnect?.();
      await current.lost;
    }
    await current.client.end().catch(() => undefined);
  };
  const running = keepListening();

  return {
    async close() {
      closed = true;
      pause.wake();
      await current.client.end().catch(() => undefined);
      await running;
    },
  };
}

/**
 * Sends `payload` (under 8000 bytes) on `channel`. On a transaction's client it is delivered when that transaction
 * commits, and not at all if it rolls back: listeners never hear of a change that did not happen.
 */
export async function notify(target: PostgresDatabase | ClientBase, channel: string, payload: string): Promise<void> {
  checkChannel(channel);
  const sql = 'SELECT pg_notify($1, $2)';
  if ('pool' in target) await query(target, sql, [channel, payload]);
  else await target.query(sql, [channel, payload]);
}
