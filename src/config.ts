// Defaults for the server and the CLI: where the corpus and the database live, where to listen.
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));

/**
 * The defaults `npm start` runs with: the repository's corpus, the store at DATABASE_URL (a postgres:// URL) or else
 * `data/mt-review.db`, 127.0.0.1:3000.
 */
export const defaults = {
  corpusDir: `${repo}corpus`,
  dbFile: process.env.DATABASE_URL || process.env.MT_REVIEW_DB || `${repo}data/mt-review.db`,
  host: '127.0.0.1',
  port: Number(process.env.PORT ?? 3000),
};
