// Small values every table module shares: the time as stored, random secrets and the hashes kept of them.
import { createHash, randomBytes } from 'node:crypto';

/** The current time as an ISO 8601 UTC string: sortable as text, readable in the database. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}

/** A new random secret: `bytes` bytes, base64url (URL- and cookie-safe). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The sha256 of a token, hex: what the database keeps, so a copy of the file grants no access. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
