// The change feed on PostgreSQL: every instance's committed changes, heard through LISTEN on one connection.
import { type ChangeListener, LocalChanges } from '../changes.ts';
import type { PostgresDatabase } from './connection.ts';
import { type Listener, listen } from './listen.ts';

/** The channel bump_article_revisions notifies on (PostgreSQL migration 6): "<article id> <revision>". */
export const changesChannel = 'mtr_article_changes';

/** Reads a notification's payload; undefined for one this code does not know. */
export function parseChange(payload: string): { articleId: string; revision: number } | undefined {
  const space = payload.lastIndexOf(' ');
  const revision = Number(payload.slice(space + 1));
  if (space <= 0 || !Number.isSafeInteger(revision)) return undefined;
  return { articleId: payload.slice(0, space), revision };
}

/**
 * Listens from the first subscriber on (a command-line run never opens the connection) until close. The database
 * notifies inside the transaction that bumps a revision, so a change is heard once committed and never when rolled
 * back, whichever instance (or command) made it. After a lost connection every listened article is told it may have
 * changed (revision null), since what was notified meanwhile is lost.
 */
export class PostgresChanges extends LocalChanges {
  private readonly database: PostgresDatabase;
  private listening: Promise<Listener> | undefined;

  constructor(database: PostgresDatabase) {
    super();
    this.database = database;
  }

  private start(): Promise<Listener> {
    if (!this.listening) {
      this.listening = listen(
        this.database,
        changesChannel,
        (payload) => {
          const change = parseChange(payload);
          if (change) this.publish(change);
        },
        { onReconnect: () => this.missedSome() },
      );
      // A failed start is retried by the next subscriber.
      this.listening.catch(() => {
        this.listening = undefined;
      });
    }
    return this.listening;
  }

  private missedSome(): void {
    for (const articleId of this.articles()) this.publish({ articleId, revision: null });
  }

  override async subscribe(articleId: string, listener: ChangeListener): Promise<() => void> {
    if (!this.closed) await this.start();
    return this.add(articleId, listener);
  }

  override async close(): Promise<void> {
    await super.close();
    const listening = this.listening;
    this.listening = undefined;
    const listener = await listening?.catch(() => undefined);
    await listener?.close();
  }
}
