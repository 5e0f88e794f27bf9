// Ingest: articles per second through POST /api/articles (new, then the same again: unchanged), against the same
// articles imported in process through the folder path (the baseline: what the HTTP layer and validation add).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.ts';
import { loadCorpus } from '../src/corpus/load-corpus.ts';
import type { LoadedArticle } from '../src/corpus/types.ts';
import { importLoadedArticle } from '../src/import-corpus.ts';
import { createApiToken, createReviewer, openStore } from '../src/store/index.ts';
import { fixed, printTable } from './measure.ts';

const COUNT = 200;
const CONCURRENCY = 4;

/** COUNT distinct articles made from the corpus's: each with a numbered first paragraph, so each is new. */
function articles(corpus: LoadedArticle[]): LoadedArticle[] {
  return Array.from({ length: COUNT }, (_, i) => {
    const base = corpus[i % corpus.length] as LoadedArticle;
    const lead = `Dispatch number ${i} of the day.\n\n`;
    const article: LoadedArticle = { ...base, id: `bench-${i}`, mt: lead + base.mt };
    if (base.corrected !== undefined) article.corrected = lead + base.corrected;
    return article;
  });
}

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<number> {
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
  return (performance.now() - start) / 1000;
}

export async function benchIngest(): Promise<void> {
  const { articles: corpus } = await loadCorpus(fileURLToPath(new URL('../corpus', import.meta.url)));
  const batch = articles(corpus);
  const bytes = batch.reduce((sum, a) => sum + Buffer.byteLength(a.mt) + Buffer.byteLength(a.corrected ?? ''), 0);
  const dir = mkdtempSync(join(tmpdir(), 'mt-review-bench-ingest-'));
  try {
    // Baseline: the folder path in process, into a store of its own.
    const direct = await openStore(join(dir, 'direct.db'));
    const directSeconds = await inParallel(batch, async (a) => {
      await importLoadedArticle(direct, a);
    });
    await direct.close();

    const db = await openStore(join(dir, 'api.db'));
    const lead = await createReviewer(db, 'bench-lead', randomBytes(12).toString('base64url'), { role: 'lead' });
    const token = await createApiToken(db, lead.id, 'bench');
    const server = createApp({ db, secret: randomBytes(32).toString('base64url') }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/articles`;
    const post = (a: LoadedArticle, expected: number) => async () => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: a.id, mt: a.mt, corrected: a.corrected, ...a.meta }),
      });
      if (response.status !== expected) throw new Error(`${a.id}: ${response.status} ${await response.text()}`);
    };
    const newSeconds = await inParallel(batch, (a) => post(a, 201)());
    const againSeconds = await inParallel(batch, (a) => post(a, 200)());
    server.closeAllConnections();
    server.close();
    await db.close();

    const rate = (seconds: number) => fixed(COUNT / seconds, 1);
    printTable(
      `Ingest: ${COUNT} articles (${fixed(bytes / COUNT / 1024, 1)} KiB of MT and correction each), ${CONCURRENCY} at a time, SQLite`,
      ['path', 'articles/s', 'ratio to the folder path'],
      [
        ['folder path in process (baseline)', rate(directSeconds), '1.00'],
        ['POST /api/articles, new', rate(newSeconds), fixed(directSeconds / newSeconds)],
        ['POST /api/articles, unchanged re-post', rate(againSeconds), fixed(directSeconds / againSeconds)],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
