// Article changes as they are committed, for live updates: who listens to which article, and telling them.
import { StoreError } from './errors.ts';

/** An article changed: its revision after the change, or null when changes may have been missed (a lost connection). */
export interface ArticleChange {
  articleId: string;
  revision: number | null;
}

/** Called with each committed change of the article it listens to. */
export type ChangeListener = (change: ArticleChange) => void;

/**
 * The changes a store's committed writes make, per article. Every write path bumps the article's revision (database
 * triggers), so the feed is fed from there, never by the routes: on SQLite the writes of this process, on PostgreSQL
 * those of every instance on the database (LISTEN/NOTIFY).
 */
export interface ChangeFeed {
  /** Listens to `articleId`; resolves once listening (a change committed after it is heard) with `unsubscribe`. */
  subscribe(articleId: string, listener: ChangeListener): Promise<() => void>;
  /** How many listeners there are, over all articles. */
  readonly listeners: number;
  /** Stops every listener (a store's close does this). */
  close(): Promise<void>;
}

/** The in-process feed: listeners by article, told synchronously. The engines feed it. */
export class LocalChanges implements ChangeFeed {
  private readonly byArticle = new Map<string, Set<ChangeListener>>();
  private count = 0;
  protected closed = false;

  get listeners(): number {
    return this.count;
  }

  /** The articles listened to. */
  articles(): string[] {
    return [...this.byArticle.keys()];
  }

  async subscribe(articleId: string, listener: ChangeListener): Promise<() => void> {
    return this.add(articleId, listener);
  }

  /** Adds a listener at once (what subscribe does after the engine is ready to hear changes). */
  protected add(articleId: string, listener: ChangeListener): () => void {
    if (this.closed) throw new StoreError('unreadable', 'the store is closed: no changes to listen to');
    let set = this.byArticle.get(articleId);
    if (!set) {
      set = new Set();
      this.byArticle.set(articleId, set);
    }
    // A wrapper of its own, so that the same function subscribed twice is two subscriptions.
    const entry: ChangeListener = (change) => listener(change);
    set.add(entry);
    this.count++;
    let subscribed = true;
    return () => {
      if (!subscribed || this.closed) return;
      subscribed = false;
      this.count--;
      set.delete(entry);
      if (set.size === 0 && this.byArticle.get(articleId) === set) this.byArticle.delete(articleId);
    };
  }

  /** Tells the article's listeners; one that throws does not keep the others from hearing it. */
  publish(change: ArticleChange): void {
    const set = this.byArticle.get(change.articleId);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(change);
      } catch {
        // A listener's failure is its own (a closed response): the others still hear the change.
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.byArticle.clear();
    this.count = 0;
  }
}
