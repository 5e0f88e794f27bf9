// The signature of a webhook body, as GitHub signs its deliveries: X-Hub-Signature-256: sha256=<hex HMAC-SHA256>.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature. */
export const signatureHeader = 'X-Hub-Signature-256';

/** `sha256=` and the hex HMAC-SHA256 of the raw body under the hook's secret. */
export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** True when `header` is the signature of the raw `body` under `secret` (compared in constant time). */
export function verifySignature(secret: string, body: string | Buffer, header: string | null | undefined): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
