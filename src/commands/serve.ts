// `mt-review serve`: the review server on the corpus; what `npm start` runs.
import { defaults } from '../config.ts';
import { serve } from '../server.ts';
import { storeComputedParts } from '../stats/load-stats.ts';
import { StoreError } from '../store/index.ts';
import { type Command, CommandError, parseCommandArgs, UsageError } from './args.ts';

export const command: Command = {
  summary: 'the review server on the corpus (what npm start runs)',
  usage: `Usage: mt-review serve [--port N] [--host H] [--db FILE] [--corpus DIR]

Opens (or creates) the database, imports the corpus, and serves the review pages and the JSON API.
  --port N       port to listen on (default $PORT or 3000; 0 picks a free one)
  --host H       address to listen on (default 127.0.0.1)
  --db FILE|URL  SQLite file (default data/mt-review.db; the folder is created) or postgres:// URL
                 (default $DATABASE_URL when set)
  --corpus DIR   corpus folder to import at start (default corpus/)`,
  async run(args) {
    const { values } = parseCommandArgs(args, {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      corpus: { type: 'string' },
    });
    const port = Number(values.port ?? defaults.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be 0-65535, not "${values.port}"`);
    let running: Awaited<ReturnType<typeof serve>>;
    try {
      running = await serve({
        dbFile: values.db ?? defaults.dbFile,
        corpusDir: values.corpus ?? defaults.corpusDir,
        host: values.host ?? defaults.host,
        port,
      });
    } catch (error) {
      if (error instanceof StoreError) throw new CommandError(error.message);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new CommandError(`port ${port} is in use: pass --port with another one`);
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new CommandError((error as Error).message);
      throw error;
    }
    // Run until told to stop; then close the database cleanly (every verdict is on disk already).
    return new Promise<number>((resolve) => {
      const stop = () =>
        running.server.close(async () => {
          await running.webhooks.stop();
          // Statistics parts computed in the last moments, written now rather than recomputed at the next start.
          await storeComputedParts(running.db);
          running.db.close().then(
            () => resolve(0),
            () => resolve(0),
          );
        });
      // Keep-alive connections would hold close() open; they carry no unsaved state.
      const stopNow = () => {
        // Live streams never end on their own: end them, so that the browsers reconnect to another instance.
        running.liveStreams.close();
        stop();
        running.server.closeAllConnections();
      };
      process.once('SIGINT', stopNow);
      process.once('SIGTERM', stopNow);
    });
  },
};
