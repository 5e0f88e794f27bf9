// The server of the scale benchmark, in its own process: `serve` on a corpus, reporting over IPC when it has
// imported, listens and has its statistics ready, and on request its memory and event-loop stalls.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from '../src/server.ts';
import { pendingArticles, storeComputedParts } from '../src/stats/load-stats.ts';

/** What the benchmark asks of the server, and what it answers. */
export type ScaleRequest = 'loop-reset' | 'loop-report' | 'stop';
export interface ScaleReport {
  event: 'imported' | 'listening' | 'stats-ready' | 'loop' | 'stopped';
  ms?: number;
  url?: string;
  rssMb?: number;
  /** The most memory the process has held so far (VmHWM), megabytes. */
  peakMb?: number;
  p99?: number;
  max?: number;
  pending?: number;
}

const [dbFile, corpusDir] = process.argv.slice(2) as [string, string];
const send = (report: ScaleReport) => process.send?.(report);
const loop = monitorEventLoopDelay({ resolution: 5 });
const start = performance.now();
let listening = 0;
const rssMb = () => process.memoryUsage().rss / 2 ** 20;
const peakMb = () =>
  Number(/VmHWM:\s*(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? Number.NaN) / 1024;

const { server, db, url } = await serve({
  dbFile,
  corpusDir,
  host: '127.0.0.1',
  port: 0,
  log: (line) => {
    if (line.startsWith('Imported')) send({ event: 'imported', ms: performance.now() - start, peakMb: peakMb() });
    if (line.startsWith('Statistics ready')) {
      send({ event: 'stats-ready', ms: performance.now() - listening, rssMb: rssMb() });
    }
  },
});
listening = performance.now();
send({ event: 'listening', url, ms: listening - start });

process.on('message', (request: ScaleRequest) => {
  if (request === 'loop-reset') {
    loop.disable();
    loop.reset();
    loop.enable();
    send({ event: 'loop' });
  } else if (request === 'loop-report') {
    send({
      event: 'loop',
      p99: loop.percentile(99) / 1e6,
      max: loop.max / 1e6,
      pending: pendingArticles(db),
      rssMb: rssMb(),
    });
  } else if (request === 'stop') {
    server.close();
    void storeComputedParts(db)
      .then(() => db.close())
      .then(() => {
        send({ event: 'stopped' });
        process.exit(0);
      });
  }
});
