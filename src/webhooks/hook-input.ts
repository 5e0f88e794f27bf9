// Reading a new hook from a form, JSON or the command line: the URL, the secret and the events, each checked.
import { randomBytes } from 'node:crypto';
import { isWebhookEvent, type WebhookEvent, webhookEvents } from '../store/index.ts';

/** A field of a new hook that is wrong, and why (the web answers 400 naming it, the CLI a usage error). */
export class HookInputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field} ${message}`);
    this.name = 'HookInputError';
    this.field = field;
  }
}

const maxUrlLength = 2000;

/** The hook URL: absolute, http or https, without user name or password (a fetch refuses those), at most 2000 chars. */
export function parseHookUrl(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new HookInputError('url', 'is required');
  const text = value.trim();
  if (text.length > maxUrlLength) throw new HookInputError('url', `must be at most ${maxUrlLength} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new HookInputError('url', 'must be an absolute URL (http://… or https://…)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HookInputError('url', `must use http or https, not ${url.protocol.slice(0, -1)}`);
  }
  if (url.username || url.password) throw new HookInputError('url', 'must not carry a user name or password');
  return url.toString();
}

/** The secret: 8 to 200 characters; absent or empty, a new random one (to show once). */
export function parseHookSecret(value: unknown): { secret: string; generated: boolean } {
  if (value === undefined || value === null || value === '') {
    return { secret: randomBytes(24).toString('base64url'), generated: true };
  }
  if (typeof value !== 'string') throw new HookInputError('secret', 'must be a string');
  if (value.length < 8 || value.length > 200) throw new HookInputError('secret', 'must be 8 to 200 characters');
  return { secret: value, generated: false };
}

/**
 * The events: a list, or one string of names separated by commas or spaces (a form's checkboxes give several
 * values); absent or an empty string, every event; an empty list is an error, as is an unknown name (listing the
 * known ones).
 */
export function parseHookEvents(value: unknown): WebhookEvent[] {
  if (value === undefined || value === null) return [...webhookEvents];
  if (Array.isArray(value) && value.length === 0) throw new HookInputError('events', 'must name at least one event');
  const items = Array.isArray(value) ? value : [value];
  if (!items.every((item) => typeof item === 'string')) throw new HookInputError('events', 'must be event names');
  const names = (items as string[]).flatMap((item) => item.split(/[\s,]+/)).filter((name) => name !== '');
  if (names.length === 0) return [...webhookEvents];
  const unknown = names.find((name) => !isWebhookEvent(name));
  if (unknown !== undefined) {
    throw new HookInputError('events', `has an unknown event "${unknown}": known are ${webhookEvents.join(', ')}`);
  }
  return webhookEvents.filter((event) => names.includes(event));
}
