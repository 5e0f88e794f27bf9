// `mt-review token create|list|revoke`: API tokens of a reviewer; a token is printed once, at its creation.
import { createApiToken, listApiTokens, revokeAllApiTokens, revokeApiToken, type Store } from '../store/index.ts';
import { minute, reviewerNamed, table } from './accounts.ts';
import { type Command, parseCommandArgs, UsageError } from './args.ts';
import { withStore } from './with-store.ts';

const dayMs = 24 * 3600 * 1000;
const maxDays = 3650;

function parseDays(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > maxDays) {
    throw new UsageError(`--expires-in must be a whole number of days from 1 to ${maxDays}, not "${value}"`);
  }
  return days;
}

function parseTokenId(value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new UsageError(`a token id is a number (see "token list NAME"), not "${value}"`);
  return Number(value);
}

export const command: Command = {
  summary: 'API tokens for Authorization: Bearer ...: create, list, revoke',
  usage: `Usage: mt-review token <action> NAME [--db FILE]

  create NAME [--label TEXT] [--expires-in DAYS]   a new token for reviewer NAME, printed once (only its hash is
                                                   stored); refused after DAYS days when given
  list NAME                                        id, label, created, last used and expiry of each token
  revoke NAME TOKEN_ID | revoke NAME --all         ends one token (by its id from "list"), or all of them`,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      db: { type: 'string' },
      label: { type: 'string' },
      'expires-in': { type: 'string' },
      all: { type: 'boolean' },
    });
    const [action, name, tokenId, ...extra] = positionals;
    if (!name || extra.length > 0) throw new UsageError('expected: token create|list|revoke NAME');
    if (action === 'create' && tokenId === undefined) {
      const days = parseDays(values['expires-in']);
      return withStore(values.db, (db, file) => createToken(db, file, name, values.label ?? 'cli', days));
    }
    if (action === 'list' && tokenId === undefined)
      return withStore(values.db, (db, file) => listTokens(db, file, name));
    if (action === 'revoke' && (tokenId === undefined) === Boolean(values.all)) {
      const id = tokenId === undefined ? 'all' : parseTokenId(tokenId);
      return withStore(values.db, (db, file) => revokeTokens(db, file, name, id));
    }
    throw new UsageError('expected: token create NAME, token list NAME, or token revoke NAME (TOKEN_ID | --all)');
  },
};

async function createToken(
  db: Store,
  file: string,
  name: string,
  label: string,
  days: number | undefined,
): Promise<number> {
  const reviewer = await reviewerNamed(db, file, name);
  process.stdout.write(`${await createApiToken(db, reviewer.id, label, days && days * dayMs)}\n`);
  return 0;
}

async function listTokens(db: Store, file: string, name: string): Promise<number> {
  const now = new Date().toISOString();
  const expiry = (expiresAt: string | null) =>
    expiresAt === null ? 'never' : `${minute(expiresAt)}${expiresAt <= now ? ' (expired)' : ''}`;
  const rows = (await listApiTokens(db, (await reviewerNamed(db, file, name)).id)).map((t) => [
    String(t.id),
    t.label,
    minute(t.createdAt),
    minute(t.lastUsedAt),
    expiry(t.expiresAt),
  ]);
  process.stdout.write(table(['id', 'label', 'created', 'last used', 'expires'], rows));
  return 0;
}

async function revokeTokens(db: Store, file: string, name: string, id: number | 'all'): Promise<number> {
  const reviewer = await reviewerNamed(db, file, name);
  if (id === 'all') {
    process.stdout.write(`Revoked ${await revokeAllApiTokens(db, reviewer.id)} token(s) of ${reviewer.name}\n`);
  } else {
    await revokeApiToken(db, reviewer.id, id);
    process.stdout.write(`Revoked token ${id} of ${reviewer.name}\n`);
  }
  return 0;
}
