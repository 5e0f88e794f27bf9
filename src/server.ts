// Starts the server: opens the store, imports the corpus, makes the first admin, listens.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createApp } from './app.ts';
import { importCorpus } from './import-corpus.ts';
import { warmStatistics } from './stats/load-stats.ts';
import {
  countReviewers,
  createReviewer,
  createSignInLink,
  deleteExpiredTokens,
  describeWriteFailure,
  ensureSetting,
  generatePassword,
  openStore,
  type Store,
} from './store/index.ts';
import { LiveStreams } from './web/routes/live.ts';
import { dispatcherOptionsFromEnv, WebhookDispatcher } from './webhooks/dispatcher.ts';

/** What `serve` needs to know. */
export interface ServeOptions {
  /** A SQLite file or a postgres:// URL. */
  dbFile: string;
  corpusDir: string;
  host: string;
  port: number;
  log?: (line: string) => void;
}

/**
 * The secret that signs session cookies, kept in the database so that every server on it accepts the same cookies
 * and sign-ins survive a restart. A SQLite store started before it was kept there brings its `.secret` file along.
 */
export async function sessionSecret(store: Store): Promise<string> {
  const file = `${store.location}.secret`;
  const fromFile = store.engine === 'sqlite' && existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
  return ensureSetting(store, 'session-secret', () => fromFile || randomBytes(32).toString('base64url'));
}

/** On a first start, an admin with a random password and a one-time sign-in link (as Jupyter prints its token URL). */
async function firstAdminLink(db: Store): Promise<string | undefined> {
  if ((await countReviewers(db)) > 0) return undefined;
  const admin = await createReviewer(db, 'admin', generatePassword(), { role: 'admin' });
  return createSignInLink(db, admin.id, 24 * 3600 * 1000);
}

/** The start-up work on the database: tidy up, import the corpus, the first admin, the session secret. */
async function prepare(db: Store, options: ServeOptions, log: (line: string) => void) {
  // Expired or idle sessions and expired sign-in links are refused anyway; removing them keeps the tables small.
  await deleteExpiredTokens(db);
  const { imported, problems } = await importCorpus(db, options.corpusDir);
  for (const problem of problems) log(`corpus: ${problem.file}: ${problem.message}`);
  const changed = imported.filter((i) => i.result.status !== 'unchanged').length;
  log(
    `Imported ${imported.length} article(s) from ${options.corpusDir} (${changed} new or changed) into ${db.location}`,
  );
  return { link: await firstAdminLink(db), secret: await sessionSecret(db) };
}

/** Runs the server until the process ends; resolves with the listening server and its address. */
export async function serve(
  options: ServeOptions,
): Promise<{ server: Server; url: string; db: Store; webhooks: WebhookDispatcher; liveStreams: LiveStreams }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const db = await openStore(options.dbFile);
  let started: { link: string | undefined; secret: string };
  try {
    started = await prepare(db, options, log);
  } catch (error) {
    await db.close();
    // A disk that is full or a file that turned read-only: one line naming the file, not a stack.
    throw describeWriteFailure(error, db.location) ?? error;
  }
  const { link, secret } = started;
  const liveStreams = new LiveStreams();
  const app = createApp({ db, secret, liveStreams });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(options.port, options.host, () => resolve(listening));
    listening.on('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  log(`mt-review is listening on ${url}/`);
  if (link) {
    log(`First start: sign in as admin with this one-time link (valid 24 hours):\n\n    ${url}/sign-in/link/${link}\n`);
    log('Lost it? "npx mt-review sign-in-link admin" prints a new one.');
  }
  // The statistics of a large corpus take a while to compute once: do it now, between requests.
  const warming = performance.now();
  warmStatistics(db).then(
    (articles) =>
      log(`Statistics ready for ${articles} article(s) in ${((performance.now() - warming) / 1000).toFixed(1)} s`),
    () => {}, // the database was closed while warming (a quick stop): nothing to report
  );
  // Webhooks out: this server delivers the outbox too (with others on the same database, each delivery once).
  const webhooks = new WebhookDispatcher(db, { ...dispatcherOptionsFromEnv(), log });
  webhooks.start();
  server.on('close', () => void webhooks.stop());
  return { server, url, db, webhooks, liveStreams };
}
