// The review page's cache keys read together: on PostgreSQL, the requests of one turn of the event loop share a query.
import { type PageKey, pageKeyOf, pageKeysOf, type Store } from '../store/index.ts';

interface Asking {
  articleId: string;
  resolve(key: PageKey | undefined): void;
  reject(error: unknown): void;
}

/**
 * Reads page keys. On SQLite each is a lookup in the process: read at once. On PostgreSQL each is a round trip that
 * costs both processes more CPU than the lookup itself, so requests that arrive together are answered by one query,
 * sent once the event loop has read every request that is ready. A request never shares a query sent before it
 * arrived, so it sees every change committed before it was made (another instance's verdict included).
 */
export class PageKeys {
  private readonly db: Store;
  private asking: Asking[] = [];

  constructor(db: Store) {
    this.db = db;
  }

  /** The key of the article's page now, or undefined when there is no such article. */
  of(articleId: string): Promise<PageKey | undefined> {
    if (this.db.engine !== 'postgres') return pageKeyOf(this.db, articleId);
    return new Promise((resolve, reject) => {
      this.asking.push({ articleId, resolve, reject });
      if (this.asking.length === 1) setImmediate(() => this.read());
    });
  }

  private async read(): Promise<void> {
    const asking = this.asking;
    this.asking = [];
    try {
      const keys = await pageKeysOf(
        this.db,
        asking.map((a) => a.articleId),
      );
      for (const a of asking) a.resolve(keys.get(a.articleId));
    } catch (error) {
      for (const a of asking) a.reject(error);
    }
  }
}
