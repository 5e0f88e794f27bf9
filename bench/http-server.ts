// The server process of the HTTP benchmark: the real app over a temp store, beside an Express hello-world route.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createApp } from '../src/app.ts';
import { importCorpus } from '../src/import-corpus.ts';
import { createApiToken, createReviewer, createSession, openStore } from '../src/store/index.ts';
import { sessionCookie, sessionTtlMs, signSession } from '../src/web/auth.ts';

/** What the bench process reads from this process's first line of stdout. */
export interface BenchServerInfo {
  port: number;
  token: string;
  cookie: string;
}

// The longest this process lives, whatever happens to the bench process that started it.
const maxLifetimeMs = 5 * 60_000;

const dir = mkdtempSync(join(tmpdir(), 'mt-review-bench-'));
const db = await openStore(join(dir, 'bench.db'));
await importCorpus(db, fileURLToPath(new URL('../corpus', import.meta.url)));
const reviewer = await createReviewer(db, 'bench', randomBytes(12).toString('base64url'));
const token = await createApiToken(db, reviewer.id, 'bench');
const secret = randomBytes(32).toString('base64url');
const cookie = `${sessionCookie}=${signSession(secret, await createSession(db, reviewer.id, sessionTtlMs))}`;

const outer = express();
outer.disable('x-powered-by');
outer.get('/hello', (_req, res) => {
  res.send('Hello World!');
});
outer.use(createApp({ db, secret }));
const server = outer.listen(0, '127.0.0.1', () => {
  const info: BenchServerInfo = { port: (server.address() as AddressInfo).port, token, cookie };
  process.stdout.write(`${JSON.stringify(info)}\n`);
});

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  server.close();
  void db.close().finally(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
}
// The bench process ends this one by closing stdin (or by a signal); the timer bounds it if neither comes.
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setTimeout(stop, maxLifetimeMs).unref();
