// Several app instances on one database, for the multi-instance test and `npm run bench pg`: an instance in a child
// process (`mt-review serve`, so that kill -9 ends it for real), and a burst of verdicts that counts what was acknowledged.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Sql } from '../../src/store/index.ts';

const bin = fileURLToPath(new URL('../../bin/mt-review.js', import.meta.url));

/** An instance in a child process. */
export interface ChildInstance {
  url: string;
  child: ChildProcess;
  /** What the instance printed on stderr, for a failure's message. */
  stderr(): string;
  /** SIGKILL: the process ends at once, mid-request, with nothing flushed or closed. */
  kill(): Promise<void>;
  /** SIGTERM: a clean stop. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts `mt-review serve --db LOCATION --port 0 --corpus CORPUS`; resolves once it listens. */
export function startChildInstance(location: string, corpus: string, timeoutMs = 60_000): Promise<ChildInstance> {
  const child = spawn(process.execPath, [bin, 'serve', '--db', location, '--port', '0', '--corpus', corpus], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: '' },
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  const instance = (url: string): ChildInstance => ({
    url,
    child,
    stderr: () => errors,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(timer);
    },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mt-review serve did not listen within ${timeoutMs} ms: ${errors}`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`mt-review serve exited (${code ?? signal}) before listening: ${errors}`));
    });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const url = /is listening on (http:\/\/\S+?)\/?$/.exec(line)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve(instance(url));
    });
  });
}

/** What a burst did: the request ids the server acknowledged (201 or 200), and how many requests failed. */
export interface BurstResult {
  acknowledged: string[];
  failed: number;
  /** Acknowledged verdicts per second over the burst. */
  rate: number;
}

/**
 * Posts verdicts to `url` from `workers` loops at once, each waiting for its answer before the next, with request ids
 * `PREFIX-worker-n`, until `stop` resolves or the server is gone (a loop ends at its first failed request).
 */
export async function verdictBurst(options: {
  url: string;
  token: string;
  editIds: readonly string[];
  prefix: string;
  workers: number;
  stop: Promise<unknown>;
  onAcknowledged?: (count: number) => void;
}): Promise<BurstResult> {
  const acknowledged: string[] = [];
  let failed = 0;
  let stopped = false;
  void options.stop.then(() => {
    stopped = true;
  });
  const started = performance.now();
  const worker = async (w: number) => {
    for (let n = 0; !stopped; n++) {
      const clientRequestId = `${options.prefix}-${w}-${n}`;
      const editId = options.editIds[(w + n) % options.editIds.length] as string;
      try {
        const response = await fetch(`${options.url}/api/edits/${encodeURIComponent(editId)}/verdicts`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${options.token}`,
            'Content-Type': 'application/json',
            Accept: 'application/json',
          },
          body: JSON.stringify({ decision: n % 2 ? 'reject' : 'accept', clientRequestId }),
        });
        await response.arrayBuffer();
        if (response.status !== 201 && response.status !== 200) {
          failed++;
          return;
        }
        acknowledged.push(clientRequestId);
        options.onAcknowledged?.(acknowledged.length);
      } catch {
        failed++;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  return { acknowledged, failed, rate: acknowledged.length / seconds };
}

/** A promise and the function that resolves it. */
export function signal(): { promise: Promise<void>; fire: () => void } {
  let fire: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { promise, fire };
}

/** What a kill trial left: the verdicts acknowledged before the kill, and those of them `store` does not hold. */
export interface KillTrial {
  acknowledged: string[];
  lost: string[];
}

/**
 * Starts an instance on `location`, runs an 8-worker verdict burst against it and kills it (-9) once 40 verdicts were
 * acknowledged; then reads from `store` (the same database) which acknowledged verdicts were not stored.
 */
export async function killDuringBurst(options: {
  location: string;
  corpus: string;
  store: Sql;
  token: string;
  editIds: string[];
  prefix: string;
}): Promise<KillTrial> {
  const instance = await startChildInstance(options.location, options.corpus);
  const killNow = signal();
  const { acknowledged } = await verdictBurst({
    url: instance.url,
    token: options.token,
    editIds: options.editIds,
    prefix: options.prefix,
    workers: 8,
    stop: killNow.promise,
    onAcknowledged: (count) => {
      if (count === 40) {
        killNow.fire();
        void instance.kill();
      }
    },
  });
  await instance.kill();
  const stored = await options.store.all<{ id: string }>(
    'SELECT client_request_id AS id FROM verdicts WHERE client_request_id LIKE :pattern',
    { pattern: `${options.prefix}-%` },
  );
  const ids = new Set(stored.map((row) => row.id));
  return { acknowledged, lost: acknowledged.filter((id) => !ids.has(id)) };
}
