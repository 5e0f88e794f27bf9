// The fuzz test's wire: a generated body encoded as bytes (compressed or corrupt), and a raw HTTP sender.
import { request as httpRequest } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { FuzzBody } from './fuzz-bodies.ts';
import type { FuzzRequest } from './fuzz-requests.ts';

/** The media type that matches a body: what it is sent with unless the request names another. */
export function contentTypeOf(body: FuzzBody): string | undefined {
  if (body.kind === 'raw') return undefined;
  return body.kind === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
}

/** The bytes of a body and the Content-Encoding they are sent with. */
export function encodeBody(request: FuzzRequest, csrfField: string | undefined): { bytes: Buffer; encoding?: string } {
  const { body } = request;
  let text: string;
  if (body.kind === 'json') {
    const value = csrfField !== undefined && isObject(body.value) ? { ...body.value, _csrf: csrfField } : body.value;
    text = JSON.stringify(value) ?? 'null';
  } else if (body.kind === 'form') {
    const pairs = csrfField === undefined ? body.fields : [...body.fields, ['_csrf', csrfField] as [string, string]];
    text = pairs.map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`).join('&');
  } else {
    text = body.text;
  }
  const bytes = Buffer.from(text, 'utf8');
  switch (request.encoding) {
    case 'gzip':
      return { bytes: gzipSync(bytes), encoding: 'gzip' };
    case 'br':
      return { bytes: brotliCompressSync(bytes), encoding: 'br' };
    case 'deflate':
      return { bytes: deflateSync(bytes), encoding: 'deflate' };
    case 'bad-gzip':
      return { bytes, encoding: 'gzip' };
    case 'bad-br':
      return { bytes: gzipSync(bytes), encoding: 'br' };
    case 'unknown':
      return { bytes, encoding: 'x-squeeze' };
    default:
      return { bytes };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const formEncode = (text: string) => encodeURIComponent(text.replace(/\p{Surrogate}/gu, '\uFFFD'));

/** Sends a request as given, on a connection of its own; rejects when no answer comes within `timeoutMs`. */
export function send(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer | undefined,
  timeoutMs = 10_000,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // host, port and path apart: a URL would be normalised ("/static/../x" sent as "/x"), and the path must go as is.
    const { hostname, port } = new URL(url);
    const options = { hostname, port, path, method, headers, agent: false, timeout: timeoutMs };
    const req = httpRequest(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
