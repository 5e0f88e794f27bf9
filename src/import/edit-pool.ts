// Worker threads that compute articles' names and edits for an import, so the checks and the diff use every core.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { NameIndexViewData } from '../checks/name-index.ts';
import type { LabelledEdit } from '../checks/suggestions.ts';
import type { EditReply, EditRequest } from './edit-worker.ts';

// The bootstrap registers tsx in the thread: a worker runs plain Node, whatever loader ran its parent.
const entry = new URL('./edit-worker.mjs', import.meta.url);

// Beyond this many threads the main thread (reading files, writing the store) is the bottleneck anyway.
const MAX_WORKERS = 8;

// Jobs before a pool pays off: each thread first loads the checks' word lists and tagger (~1.5 s) and warms its own
// caches (spelling suggestions: its first articles cost 2-3× a warm one). Measured on 2 cores: 100 articles 2.8 s
// in-process, 4.2 s pooled; 1,000 articles' edits 10.9 s in-process, 7.0 s pooled (quiet machine).
const MIN_POOL_JOBS = 500;

/** The default pool size: one worker per core the process may use. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(MAX_WORKERS, availableParallelism()));
}

/**
 * The pool of one import, started when first needed: when a step has enough jobs for it (or `forced` threads, even
 * for one job; 0 forces none). Later steps reuse it; `close` ends it, started or not.
 */
export class PoolOnDemand {
  readonly #forced: number | undefined;
  #pool: EditPool | undefined;

  constructor(forced?: number) {
    this.#forced = forced;
  }

  /** The pool for a step of `jobs` jobs, or undefined: compute them in-process. */
  for(jobs: number): EditPool | undefined {
    const size = this.#forced ?? (jobs >= MIN_POOL_JOBS ? defaultPoolSize() : 0);
    if (!this.#pool && size > 0 && jobs > 0) this.#pool = new EditPool(size);
    return this.#pool;
  }

  async close(): Promise<void> {
    await this.#pool?.close();
  }
}

type Pending = { resolve: (reply: EditReply) => void; reject: (error: unknown) => void };

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * A fixed set of edit workers. A job goes to the thread with the fewest jobs in flight; the caller bounds how many it
 * keeps in flight. A job that throws rejects with the worker's error; a thread that dies rejects its jobs and every
 * later one. `close` terminates the threads (always call it: live threads keep the process from exiting).
 */
export class EditPool {
  readonly size: number;
  readonly #threads: Thread[];
  #nextJob = 0;
  #failure: unknown;
  #closed = false;

  constructor(size: number) {
    this.size = size;
    this.#threads = Array.from({ length: size }, () => this.#start());
  }

  /** The names an MT writes and how often (nameCounts under the house style in force). */
  async names(mt: string): Promise<Map<string, number>> {
    const reply = await this.#run((job) => ({ job, kind: 'names', mt }));
    if (!('names' in reply)) throw new Error('edit worker answered a names job without names');
    return reply.names;
  }

  /** An article's edits (articleEdits), the corpus check reading `view` (CorpusNameIndex.viewOf the article). */
  async edits(id: string, mt: string, corrected: string | undefined, view: NameIndexViewData): Promise<LabelledEdit[]> {
    const reply = await this.#run((job) => ({ job, kind: 'edits', id, mt, corrected, view }));
    if (!('edits' in reply)) throw new Error('edit worker answered an edits job without edits');
    return reply.edits;
  }

  /** Terminates every thread; jobs still in flight reject. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#threads.map((thread) => thread.worker.terminate()));
  }

  #run(request: (job: number) => EditRequest): Promise<EditReply> {
    if (this.#closed) return Promise.reject(new Error('the edit pool is closed'));
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const thread = this.#threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const job = ++this.#nextJob;
    return new Promise<EditReply>((resolve, reject) => {
      thread.pending.set(job, { resolve, reject });
      thread.worker.postMessage(request(job));
    });
  }

  #start(): Thread {
    const thread: Thread = { worker: new Worker(entry), pending: new Map() };
    thread.worker.on('message', (reply: EditReply) => {
      const pending = thread.pending.get(reply.job);
      thread.pending.delete(reply.job);
      if ('error' in reply) pending?.reject(reply.error);
      else pending?.resolve(reply);
    });
    // A thread that fails outside a job (its code did not load, it ran out of memory) takes the pool down with it.
    const fail = (error: unknown) => {
      this.#failure ??= error;
      for (const pending of thread.pending.values()) pending.reject(error);
      thread.pending.clear();
    };
    thread.worker.on('error', fail);
    thread.worker.on('exit', (code) => {
      if (!this.#closed) fail(new Error(`an edit worker exited with code ${code}`));
      else fail(new Error('the edit pool was closed'));
    });
    return thread;
  }
}
