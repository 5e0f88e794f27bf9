// Live updates of an article's review page: a Server-Sent Events stream that says when the article changed.
import { type Request, type Response, Router } from 'express';
import { articleVersion, type Store } from '../../store/index.ts';
import type { AuthLocals } from '../auth.ts';
import { HttpError } from '../errors.ts';

/** Limits of the live streams; every one has a default. */
export interface LiveLimits {
  /** A comment line this often keeps proxies and the browser from dropping an idle stream (default 15 s). */
  heartbeatMs?: number;
  /** A stream ends after this long; the browser reconnects at once (default 30 min), so none lives for ever. */
  maxAgeMs?: number;
  /** Open streams on this server (default 1,000); more are answered 503. */
  maxStreams?: number;
  /** Open streams of one reviewer, over all tabs and articles (default 32); more are answered 429. */
  maxPerReviewer?: number;
}

interface Stream {
  res: Response;
  reviewerId: number;
  end(): void;
}

/**
 * The open streams of one app: counted for the limits, and ended together when the server stops (so that closing it
 * does not wait for browsers that would never hang up).
 */
export class LiveStreams {
  readonly limits: Required<LiveLimits>;
  private readonly streams = new Set<Stream>();
  private closed = false;

  constructor(limits: LiveLimits = {}) {
    this.limits = {
      heartbeatMs: limits.heartbeatMs ?? 15_000,
      maxAgeMs: limits.maxAgeMs ?? 30 * 60_000,
      maxStreams: limits.maxStreams ?? 1_000,
      maxPerReviewer: limits.maxPerReviewer ?? 32,
    };
  }

  /** How many streams are open. */
  get size(): number {
    return this.streams.size;
  }

  /** Refuses a stream over the limits (before any header is sent). */
  check(reviewerId: number): void {
    if (this.closed) throw new HttpError(503, 'the server is stopping');
    if (this.streams.size >= this.limits.maxStreams) throw new HttpError(503, 'too many live streams; try again later');
    let mine = 0;
    for (const stream of this.streams) if (stream.reviewerId === reviewerId) mine++;
    if (mine >= this.limits.maxPerReviewer) {
      throw new HttpError(429, `at most ${this.limits.maxPerReviewer} live streams per reviewer; close some pages`);
    }
  }

  add(stream: Stream): void {
    this.streams.add(stream);
  }

  delete(stream: Stream): void {
    this.streams.delete(stream);
  }

  /** Ends every stream and refuses new ones: what a server does before it closes. */
  close(): void {
    this.closed = true;
    for (const stream of [...this.streams]) stream.end();
  }
}

/** One Server-Sent Event (the data is JSON, on one line). */
function event(name: string, data: unknown, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

async function openStream(db: Store, streams: LiveStreams, req: Request, res: Response): Promise<void> {
  const articleId = String(req.params.id);
  if ((await articleVersion(db, articleId)) === undefined) throw new HttpError(404, `no article "${articleId}"`);
  const reviewerId = (res.locals as AuthLocals).reviewer?.id as number;
  streams.check(reviewerId);
  const { heartbeatMs, maxAgeMs } = streams.limits;
  let timers: NodeJS.Timeout[] = [];
  let unsubscribe = (): void => undefined;
  let ended = false;
  const stream: Stream = {
    res,
    reviewerId,
    end() {
      if (ended) return;
      ended = true;
      for (const timer of timers) clearInterval(timer);
      timers = [];
      unsubscribe();
      streams.delete(stream);
      res.end();
    },
  };
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    // nginx and its kind would hold the events back in a buffer.
    'X-Accel-Buffering': 'no',
  });
  streams.add(stream);
  req.on('close', () => stream.end());
  try {
    // Listening before the current revision is read: a change in between is sent, never lost.
    unsubscribe = await db.changes.subscribe(articleId, (change) => {
      if (!ended) res.write(event('change', change, change.revision ?? undefined));
    });
  } catch (error) {
    // Nothing was sent yet: the error handler answers it.
    ended = true;
    streams.delete(stream);
    throw error;
  }
  if (ended) return;
  const revision = Number(await articleVersion(db, articleId));
  if (ended) return;
  // The browser waits this long before reconnecting after the stream ended; `ready` names where the page stands.
  res.write(`retry: 2000\n\n${event('ready', { articleId, revision }, revision)}`);
  timers = [setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs), setTimeout(() => stream.end(), maxAgeMs)];
  for (const timer of timers) timer.unref();
}

/** `GET /api/articles/:id/events`: the article's changes as they are committed, for a signed-in reviewer. */
export function liveRoutes(db: Store, streams: LiveStreams): Router {
  const router = Router();
  router.get('/api/articles/:id/events', async (req, res) => {
    await openStream(db, streams, req, res);
  });
  return router;
}
