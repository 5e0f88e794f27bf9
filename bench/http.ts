// HTTP benchmark: review page and verdict POSTs against hello-world, served by a second process, driven by autocannon.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { BenchServerInfo } from './http-server.ts';
import { fixed, printTable } from './measure.ts';

/** The parts of autocannon's programmatic API used here (the package ships no types). */
export interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}
export interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  requests?: AutocannonRequest[];
}
export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
}
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;
export const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const connections = 10;
const durationS = 5;
const warmupS = 1;
const startTimeoutMs = 30_000;
const serverFile = fileURLToPath(new URL('./http-server.ts', import.meta.url));

/** Starts bench/http-server.ts in its own process; resolves with what it prints once it listens. */
function startServer(): Promise<{ child: ChildProcess; info: BenchServerInfo }> {
  const child = spawn(process.execPath, ['--import', 'tsx', serverFile], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the bench server did not start within ${startTimeoutMs} ms`));
    }, startTimeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bench server exited with code ${code} before listening`));
    });
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (line) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, info: JSON.parse(line) as BenchServerInfo });
    });
  });
}

/** Ends the server process: closing its stdin asks it to stop; a kill follows if it has not within 5 s. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The seed article's current edit ids, read through the API. */
async function seedEditIds(base: string, token: string): Promise<string[]> {
  const response = await fetch(`${base}/api/articles/lavrov-in-china`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`GET /api/articles/lavrov-in-china answered ${response.status}`);
  const article = (await response.json()) as { edits: { id: string }[] };
  return article.edits.map((e) => e.id);
}

/** Every verdict ever recorded, as the statistics count them per reviewer (the history itself is paged). */
async function verdictTotal(base: string, token: string): Promise<number> {
  const response = await fetch(`${base}/api/stats`, { headers: { Authorization: `Bearer ${token}` } });
  const { reviewers } = (await response.json()) as { reviewers: { verdicts: number }[] };
  return reviewers.reduce((sum, reviewer) => sum + reviewer.verdicts, 0);
}

/** Verdict POSTs over the seed's edits in turn, each with a new clientRequestId: every request is a real insert. */
export function verdictRequests(token: string, editIds: string[]): AutocannonRequest[] {
  let n = 0;
  const run = randomUUID().slice(0, 8);
  const decisions = ['accept', 'reject', 'amend'] as const;
  return [
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      setupRequest: (request) => {
        n++;
        const decision = decisions[n % decisions.length] as string;
        return {
          ...request,
          path: `/api/edits/${editIds[n % editIds.length]}/verdicts`,
          body: JSON.stringify({
            decision,
            severity: 'minor',
            category: 'accuracy/mistranslation',
            note: 'bench',
            ...(decision === 'amend' ? { amendedText: `amended ${n}` } : {}),
            clientRequestId: `bench-${run}-${n}`,
          }),
        };
      },
    },
  ];
}

function measure(base: string, path: string, extra: Partial<AutocannonOptions> = {}, duration = durationS) {
  return autocannon({ url: `${base}${path}`, connections, duration, ...extra });
}

/** Runs the benchmark and prints requests/s, p99 latency and the ratios against hello-world. */
export async function benchHttp(): Promise<void> {
  const { child, info } = await startServer();
  try {
    const base = `http://127.0.0.1:${info.port}`;
    const editIds = await seedEditIds(base, info.token);
    const page = { headers: { Cookie: info.cookie } };
    await measure(base, '/hello', {}, warmupS);
    await measure(base, '/articles/lavrov-in-china', page, warmupS);
    const hello = await measure(base, '/hello');
    const review = await measure(base, '/articles/lavrov-in-china', page);
    const before = await verdictTotal(base, info.token);
    const verdicts = await measure(base, '/', { requests: verdictRequests(info.token, editIds) });
    const inserted = (await verdictTotal(base, info.token)) - before;

    const row = (name: string, r: AutocannonResult, target?: number) => {
      const ratio = r.requests.average / hello.requests.average;
      const verdict =
        target === undefined ? '' : ratio >= target ? `ok (≥ ${target * 100}%)` : `BELOW ${target * 100}%`;
      return [
        name,
        fixed(r.requests.average, 0),
        fixed(r.latency.p99, 1),
        r.non2xx + r.errors + r.timeouts,
        `${fixed(ratio * 100, 1)}%`,
        verdict,
      ];
    };
    printTable(
      `HTTP (${connections} connections, ${durationS} s each, server in a second process, synchronous=FULL)`,
      ['route', 'req/s', 'p99 ms', 'failed', 'vs hello', 'target'],
      [
        row('GET /hello (Express hello-world)', hello),
        row('GET /articles/lavrov-in-china (cookie)', review, 0.4),
        row('POST /api/edits/:id/verdicts (bearer)', verdicts, 0.25),
      ],
    );
    console.log(
      `verdict POSTs: ${verdicts['2xx']} answered 2xx, ${inserted} verdicts inserted (a new clientRequestId each, over ${editIds.length} edits)`,
    );
  } finally {
    await stopServer(child);
  }
}
