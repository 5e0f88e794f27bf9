// A Server-Sent Events client for the tests: reads a live stream over fetch and hands out its events as they come.

/** One event of a stream: its name, JSON data and id; a comment line (a heartbeat) comes as name `comment`. */
export interface StreamEvent {
  event: string;
  data: unknown;
  id?: string;
}

/** An open stream: wait for the next event that matches, and close it. */
export interface EventStream {
  status: number;
  contentType: string | null;
  /** Every event so far, in order. */
  events: StreamEvent[];
  /** Resolves with the first event (from the start of the stream on) that passes `test`, not yet taken; rejects after `timeoutMs`. */
  next(test: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

function parseBlock(block: string): StreamEvent | undefined {
  let event = 'message';
  let data = '';
  let id: string | undefined;
  let comment = false;
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) comment = true;
    else if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('data: ')) data += line.slice(6);
    else if (line.startsWith('id: ')) id = line.slice(4);
  }
  if (comment && data === '') return { event: 'comment', data: block.slice(1).trim() };
  if (data === '') return undefined;
  return { event, data: JSON.parse(data), ...(id === undefined ? {} : { id }) };
}

/** Opens `url` as an event stream with the request's headers (a cookie or a bearer token). */
export async function openEventStream(url: string, headers: Record<string, string>): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: StreamEvent[] = [];
  const taken = new Set<StreamEvent>();
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const parsed = parseBlock(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (parsed) events.push(parsed);
          end = buffer.indexOf('\n\n');
        }
        wake();
      }
    } catch {
      // Closed by us (abort) or the connection dropped: the stream has ended either way.
    }
    wake();
  })();
  let done = false;
  void ended.then(() => {
    done = true;
    wake();
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    events,
    ended,
    next(test, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find((event) => !taken.has(event) && test(event));
          if (found) {
            taken.add(found);
            finish();
            resolve(found);
          } else if (done) {
            finish();
            reject(new Error(`the stream ended without the event (had: ${JSON.stringify(events)})`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`no such event within ${timeoutMs} ms (had: ${JSON.stringify(events)})`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}
