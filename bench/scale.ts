// `npm run bench scale [-- --100k]`: generated corpora of 1,000 and 10,000 articles (100,000 with --100k), served by
// a real server process, every figure of issue 10's target table printed beside its target; then a 350,000-word
// article and an edit with 40,000 verdicts.
import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.ts';
import { importCorpus } from '../src/import-corpus.ts';
import { loadStatistics } from '../src/stats/load-stats.ts';
import {
  createApiToken,
  createReviewer,
  openStore,
  recordVerdictBatch,
  type Store,
  type VerdictInput,
} from '../src/store/index.ts';
import type { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { random } from '../test/diff/generate-pairs.ts';
import type { ScaleReport, ScaleRequest } from './scale-server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverFile = fileURLToPath(new URL('./scale-server.ts', import.meta.url));
const reviewerNames = ['anna', 'ben', 'cleo', 'dan', 'eva'];
const decisions = ['accept', 'accept', 'accept', 'reject', 'amend'] as const;
const severities = ['minor', 'minor', 'major', 'neutral', 'critical'] as const;
const categories = ['design/page-furniture', 'linguistic/grammar', 'accuracy/mistranslation', 'fluency/spelling'];

/** Paragraphs of the real articles in the repository: a few per generated article, for the checks to find things. */
function realParagraphs(): string[] {
  const files = [join(root, 'corpus/lavrov-in-china/mt.txt')];
  for (const dir of ['test/fixtures/corpus', 'test/fixtures/articles']) {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      if (entry.isDirectory()) files.push(join(root, dir, entry.name, 'mt.txt'));
    }
  }
  return files
    .flatMap((file) => readFileSync(file, 'utf8').split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length >= 8 && !p.includes('<'));
}

/** English words of the real articles (lower-case, letters only): generated text the checks read as English. */
function realWords(paragraphs: readonly string[]): string[] {
  const words = paragraphs.flatMap((p) => p.split(/\s+/)).filter((w) => /^[a-z]{2,}$/.test(w));
  return [...new Set(words)];
}

/** About `words` words of sentences drawn from `vocabulary`, in paragraphs, and its post-edit at `rate`. */
export function englishArticle(
  rand: () => number,
  vocabulary: readonly string[],
  words: number,
  rate: number,
): { mt: string; corrected: string } {
  const pick = () => vocabulary[Math.floor(rand() * vocabulary.length)] as string;
  const mt: string[] = [];
  const corrected: string[] = [];
  let written = 0;
  while (written < words) {
    const sentences: string[][] = [];
    for (let n = 2 + Math.floor(rand() * 4); n > 0; n--) {
      const sentence = Array.from({ length: 6 + Math.floor(rand() * 20) }, pick);
      sentence[0] = (sentence[0] as string)[0]?.toUpperCase() + (sentence[0] as string).slice(1);
      sentences.push(sentence);
      written += sentence.length;
    }
    mt.push(sentences.map((s) => `${s.join(' ')}.`).join(' '));
    const edited = sentences.map((s) => {
      const out: string[] = [];
      for (const word of s) {
        const roll = rand();
        if (roll >= rate) out.push(word);
        else if (roll < rate * 0.5) out.push(pick());
        else if (roll < rate * 0.7) continue;
        else out.push(word, pick());
      }
      return `${(out.length ? out : [pick()]).join(' ')}.`;
    });
    corrected.push(edited.join(' '));
  }
  return { mt: mt.join('\n\n'), corrected: corrected.join('\n\n') };
}

/**
 * Writes `count` article folders: about 620 words each (sentences of English words and two real paragraphs), 3% of
 * the words post-edited, every fifth article MT-only.
 */
export function writeCorpus(dir: string, count: number): void {
  const pool = realParagraphs();
  const vocabulary = realWords(pool);
  for (let i = 0; i < count; i++) {
    const rand = random(1000 + i);
    const real = [0, 1].map(() => pool[Math.floor(rand() * pool.length)] as string);
    const { mt, corrected } = englishArticle(rand, vocabulary, 540, 0.03);
    const folder = join(dir, `article-${String(i).padStart(6, '0')}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'mt.txt'), `${real.join('\n\n')}\n\n${mt}\n`);
    if (i % 5 !== 0) writeFileSync(join(folder, 'corrected.txt'), `${real.join('\n\n')}\n\n${corrected}\n`);
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    writeFileSync(
      join(folder, 'article.json'),
      JSON.stringify({ title: `Article ${i}`, published: `2026-${month}-${day}` }),
    );
  }
}

/** A server process on `db` and `corpus`; resolves once it listens. */
class ServerProcess {
  readonly reports: ScaleReport[] = [];
  private waiting: { event: string; resolve: (report: ScaleReport) => void }[] = [];
  readonly child: ChildProcess;
  private constructor(child: ChildProcess) {
    this.child = child;
    child.on('message', (report: ScaleReport) => {
      this.reports.push(report);
      const waiter = this.waiting.find((w) => w.event === report.event);
      if (waiter) {
        this.waiting = this.waiting.filter((w) => w !== waiter);
        waiter.resolve(report);
      }
    });
  }

  static start(db: string, corpus: string): ServerProcess {
    const child = fork(serverFile, [db, corpus], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=4096'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new ServerProcess(child);
  }

  /** The first report of `event` (already received, or the next). */
  next(event: ScaleReport['event'], again = false): Promise<ScaleReport> {
    const seen = again ? undefined : this.reports.find((r) => r.event === event);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiting.push({ event, resolve }));
  }

  ask(request: ScaleRequest): Promise<ScaleReport> {
    const answer = this.next(request === 'stop' ? 'stopped' : 'loop', true);
    this.child.send(request);
    return answer;
  }
}

/** Five reviewers, each with a verdict on every current edit, written in one batch per article; a token for anna. */
async function addVerdicts(file: string): Promise<{ verdicts: number; token: string; seconds: number }> {
  const start = performance.now();
  const db = await openStore(file);
  (db as SqliteStore).connection.pragma('synchronous = OFF');
  const reviewers = [];
  for (const name of reviewerNames) reviewers.push(await createReviewer(db, name, 'a long passphrase'));
  const token = await createApiToken(db, (reviewers[0] as { id: number }).id, 'bench');
  const edits = await db.all<{ id: string; articleId: string }>(
    `SELECT id, article_id AS "articleId" FROM edits WHERE status = 'current' ORDER BY article_id, ordinal`,
  );
  const rand = random(5);
  let verdicts = 0;
  for (let i = 0; i < edits.length; ) {
    const article = (edits[i] as { articleId: string }).articleId;
    const inputs: VerdictInput[] = [];
    for (; i < edits.length && (edits[i] as { articleId: string }).articleId === article; i++) {
      for (const reviewer of reviewers) {
        // Mostly agreeing reviewers: the same pick for 4 of 5, as real reviews mostly agree.
        const pick = rand() < 0.8 ? i % 5 : Math.floor(rand() * 5);
        inputs.push({
          editId: (edits[i] as { id: string }).id,
          reviewerId: reviewer.id,
          decision: decisions[pick] as (typeof decisions)[number],
          amendedText: 'amended',
          category: categories[pick % categories.length] as string,
          severity: severities[pick] as (typeof severities)[number],
        });
      }
    }
    await recordVerdictBatch(db, inputs);
    verdicts += inputs.length;
  }
  (db as SqliteStore).connection.pragma('synchronous = FULL');
  await db.close();
  return { verdicts, token, seconds: (performance.now() - start) / 1000 };
}

/** Milliseconds and bytes of one GET. */
async function timedGet(url: string, token: string): Promise<{ ms: number; bytes: number; status: number }> {
  const start = performance.now();
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - start, bytes: body.byteLength, status: response.status };
}

async function postVerdict(base: string, token: string, editId: string, decision: string): Promise<void> {
  const response = await fetch(`${base}/api/edits/${encodeURIComponent(editId)}/verdicts`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ decision }),
  });
  if (response.status !== 201) throw new Error(`verdict answered ${response.status}: ${await response.text()}`);
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const row = (what: string, figure: string, target: string) =>
  console.log(`  ${what.padEnd(58)} ${figure.padStart(22)}   ${target}`);

/** The figures of one corpus size; returns the first import's milliseconds per article. */
async function benchSize(count: number, baselinePerArticle?: number): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), `mt-review-bench-scale-${count}-`));
  try {
    const corpus = join(folder, 'corpus');
    const db = join(folder, 'scale.db');
    let start = performance.now();
    writeCorpus(corpus, count);
    console.log(`\n${count} articles (corpus written in ${s(performance.now() - start)})`);

    // First start: everything imported, every statistics part computed.
    let server = ServerProcess.start(db, corpus);
    const imported = await server.next('imported');
    const firstImport = imported.ms as number;
    const firstStats = (await server.next('stats-ready')).ms as number;
    await server.ask('stop');
    const perArticle = firstImport / count;
    const ratio = baselinePerArticle ? ` (${(perArticle / baselinePerArticle).toFixed(2)}× the 1k rate)` : '';
    row(
      'first start until imported',
      `${s(firstImport)}, ${perArticle.toFixed(1)} ms/art`,
      `linear: within 1.3× of 1k; 10k < 60 s${ratio}`,
    );
    row('statistics ready after first start (none stored)', s(firstStats), '');
    row(
      'server memory at its peak until imported',
      `${(imported.peakMb as number).toFixed(0)} MB`,
      'under 1 GB at 100,000',
    );

    const { verdicts, token, seconds } = await addVerdicts(db);
    console.log(`  (${verdicts} verdicts of 5 reviewers written in ${seconds.toFixed(1)} s)`);

    // Second start: files unchanged; every article's statistics changed by the verdicts.
    server = ServerProcess.start(db, corpus);
    const secondImport = (await server.next('imported')).ms as number;
    const coldStats = (await server.next('stats-ready')).ms as number;
    await server.ask('stop');
    row('start after the verdicts until imported', s(secondImport), 'under 3 s');
    row('statistics ready, every article changed (recomputed)', s(coldStats), '');

    // Third start: nothing changed at all.
    server = ServerProcess.start(db, corpus);
    const restart = (await server.next('imported')).ms as number;
    const base = (await server.next('listening')).url as string;
    const ready = await server.next('stats-ready');
    row('restart, nothing changed, until imported', s(restart), 'under 3 s');
    row(
      'statistics ready after start (stored parts)',
      s(ready.ms as number),
      count >= 100_000 ? 'under 5 s' : 'under 1 s',
    );
    row('server memory after start', `${(ready.rssMb as number).toFixed(0)} MB`, 'under 1 GB at 100,000');

    // A verdict, then the statistics.
    const probe = await openStore(db);
    const editIds = (
      await probe.all<{ id: string }>(
        `SELECT min(id) AS id FROM edits WHERE status = 'current' GROUP BY article_id ORDER BY article_id`,
      )
    ).map((r) => r.id);
    await probe.close();
    // The first requests compile the template and warm the code: the figures are of the steady state, a verdict
    // before each request (on articles in turn), the median and the slowest of the rounds.
    const coldPage = await timedGet(`${base}/stats`, token);
    const afterVerdict = async (path: string, rounds: number) => {
      const answers = [];
      for (let i = 0; i < rounds; i++) {
        await postVerdict(base, token, editIds[i % editIds.length] as string, i % 2 ? 'accept' : 'reject');
        answers.push(await timedGet(`${base}${path}`, token));
      }
      const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
      const median = ms[Math.floor(ms.length / 2)] as number;
      return `${median.toFixed(0)} ms (max ${(ms.at(-1) as number).toFixed(0)}), ${kb((answers[0] as { bytes: number }).bytes)}`;
    };
    await afterVerdict('/stats', 5);
    await afterVerdict('/api/stats', 5);
    row(
      `/stats after a verdict (${verdicts} verdicts), median of 15`,
      await afterVerdict('/stats', 15),
      'under 50 ms, under 200 KB',
    );
    row('/api/stats after a verdict, median of 15', await afterVerdict('/api/stats', 15), 'under 50 ms, under 200 KB');
    row('  (the first /stats of the process)', `${coldPage.ms.toFixed(0)} ms`, '');

    // A burst of verdicts on many articles, then the statistics: the update runs in slices; the loop's stalls while
    // it does (measured from the end of the burst: the verdicts' own writes are not the statistics').
    const burst = editIds.slice(0, Math.min(500, editIds.length));
    start = performance.now();
    for (const id of burst) await postVerdict(base, token, id, 'reject');
    const burstMs = performance.now() - start;
    await server.ask('loop-reset');
    start = performance.now();
    const afterBurst = await timedGet(`${base}/api/stats`, token);
    let report = await server.ask('loop-report');
    while ((report.pending ?? 0) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await timedGet(`${base}/api/stats?perPage=1`, token);
      report = await server.ask('loop-report');
    }
    const updated = performance.now() - start;
    row(`/api/stats after a burst of ${burst.length} verdicts`, `${afterBurst.ms.toFixed(0)} ms`, 'answers at once');
    row(
      'event-loop stall while statistics update (p99 / max)',
      `${report.p99?.toFixed(1)} / ${report.max?.toFixed(0)} ms`,
      'p99 under 50 ms',
    );
    row('  (burst posted; all articles updated after)', `${s(burstMs)}; ${s(updated)}`, '');
    await server.ask('stop');

    start = performance.now();
    spawnSync(process.execPath, ['bin/mt-review.js', '--help'], { cwd: root, encoding: 'utf8' });
    const launch = performance.now() - start;
    start = performance.now();
    // The table has a line per article: over spawnSync's 1 MB default output at 10,000 articles.
    const cli = spawnSync(process.execPath, ['bin/mt-review.js', 'stats', '--db', db], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (cli.status !== 0) throw new Error(`mt-review stats failed: ${cli.error?.message ?? ''} ${cli.stderr}`);
    row(
      '`mt-review stats` (table of every article)',
      s(performance.now() - start),
      `under 2 s at 10,000 (--help: ${s(launch)})`,
    );
    start = performance.now();
    spawnSync(process.execPath, ['bin/mt-review.js', 'stats', '--json', '--db', db], { cwd: root, encoding: 'utf8' });
    row('`mt-review stats --json` (one page)', s(performance.now() - start), '');
    return perArticle;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** An in-process server on `db` for the single-article figures, with a token. */
async function listen(db: Store): Promise<{ base: string; token: string; server: Server }> {
  const reviewer = await createReviewer(db, 'bench', 'a long passphrase', { role: 'admin' });
  const token = await createApiToken(db, reviewer.id, 'bench');
  const app = createApp({ db, secret: 'bench-secret-bench-secret-bench-secret' });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address() as { port: number };
  return { base: `http://127.0.0.1:${address.port}`, token, server };
}

/** The 350,000-word article and the edit with 40,000 verdicts. */
async function benchExtremes(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'mt-review-bench-extremes-'));
  try {
    const corpus = join(folder, 'corpus');
    // Just under the loader's 2 MiB: 270,000 of these words (350,000 of shorter ones).
    const pool = realParagraphs();
    const long = englishArticle(random(3), realWords(pool), 270_000, 0.03);
    mkdirSync(join(corpus, 'long'), { recursive: true });
    writeFileSync(join(corpus, 'long', 'mt.txt'), long.mt);
    writeFileSync(join(corpus, 'long', 'corrected.txt'), long.corrected);
    const many = englishArticle(random(4), realWords(pool), 620, 0.03);
    mkdirSync(join(corpus, 'many'), { recursive: true });
    writeFileSync(join(corpus, 'many', 'mt.txt'), many.mt);
    writeFileSync(join(corpus, 'many', 'corrected.txt'), many.corrected);
    const words = long.mt.split(/\s+/).length;
    const db = await openStore(join(folder, 'extremes.db'));
    let start = performance.now();
    const imported = await importCorpus(db, corpus);
    const importMs = performance.now() - start;
    const { base, token, server } = await listen(db);
    console.log(
      `\nOne long article (${words} words, ${(Buffer.byteLength(long.mt) / 2 ** 20).toFixed(2)} MiB) and one edit with 40,000 verdicts`,
    );
    row('long article: import (with the small one)', s(importMs), `works (${imported.problems.length} problems)`);
    const first = await timedGet(`${base}/articles/long`, token);
    const second = await timedGet(`${base}/articles/long`, token);
    row(
      'long article: review page, first render / kept',
      `${first.ms.toFixed(0)} / ${second.ms.toFixed(0)} ms`,
      `works (${first.status}, ${kb(first.bytes)})`,
    );
    start = performance.now();
    const stats = await loadStatistics(db);
    const hter = stats.articles.find((a) => a.id === 'long')?.hter;
    row(
      'long article: statistics with its HTER',
      s(performance.now() - start),
      `works (HTER ${hter?.score.toFixed(2)})`,
    );

    const edit = (await db.get<{ id: string }>(`SELECT id FROM edits WHERE article_id = 'many' ORDER BY ordinal`)) as {
      id: string;
    };
    // The same page before the verdicts: what the 40,000 add to a first render.
    const without = await timedGet(`${base}/articles/many`, token);
    const reviewers: { id: number }[] = [];
    for (const name of reviewerNames) reviewers.push(await createReviewer(db, name, 'a long passphrase'));
    (db as SqliteStore).connection.pragma('synchronous = OFF');
    start = performance.now();
    for (let batch = 0; batch < 40; batch++) {
      await recordVerdictBatch(
        db,
        Array.from({ length: 1000 }, (_, i) => ({
          editId: edit.id,
          reviewerId: (reviewers[i % 5] as { id: number }).id,
          decision: decisions[(batch + i) % 5] as (typeof decisions)[number],
          amendedText: 'amended',
        })),
      );
    }
    const writeMs = performance.now() - start;
    const pages: number[] = [];
    for (let i = 0; i < 3; i++) pages.push((await timedGet(`${base}/articles/many`, token)).ms);
    const history = await timedGet(`${base}/api/edits/${encodeURIComponent(edit.id)}/verdicts`, token);
    row(
      'edit with 40,000 verdicts: review page (first, then kept)',
      `${pages.map((ms) => ms.toFixed(0)).join(' / ')} ms`,
      `under 100 ms (without verdicts: ${without.ms.toFixed(0)} ms)`,
    );
    row(
      '  its history, first page (JSON)',
      `${history.ms.toFixed(0)} ms, ${kb(history.bytes)}`,
      `(verdicts written in ${s(writeMs)})`,
    );
    server.close();
    await db.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs the scale benchmark: 1,000 and 10,000 articles (100,000 with --100k), then the extremes. */
export async function benchScale(): Promise<void> {
  console.log('\nScale (issue 10): figure, then target');
  const sizes = process.argv.includes('--100k') ? [1_000, 10_000, 100_000] : [1_000, 10_000];
  const only = process.argv.find((arg) => arg.startsWith('--sizes='));
  const chosen = only ? only.slice('--sizes='.length).split(',').map(Number) : sizes;
  let baseline: number | undefined;
  for (const size of chosen) {
    const perArticle = await benchSize(size, baseline);
    baseline ??= perArticle;
  }
  if (!process.argv.includes('--no-extremes')) await benchExtremes();
}
