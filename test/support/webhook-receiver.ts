// A webhook receiver for the tests: an HTTP server on 127.0.0.1 that keeps every request and answers as told.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** One request the receiver got: its method, headers and raw body. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A running receiver: its URL, what it got, the statuses to answer next (then 204), and close. */
export interface Receiver {
  url: string;
  received: Received[];
  /** Statuses for the next requests, in order; once used up, it answers 204. */
  answers: number[];
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1, port 0. */
export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const answers: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      res.statusCode = answers.shift() ?? 204;
      res.end(res.statusCode >= 400 ? 'receiver says no' : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    answers,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
