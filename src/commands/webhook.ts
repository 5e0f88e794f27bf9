// `mt-review webhook add|list|remove|deliveries`: the hooks that hear of article events, and what was sent to them.
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, type Store } from '../store/index.ts';
import { HookInputError, parseHookEvents, parseHookSecret, parseHookUrl } from '../webhooks/hook-input.ts';
import { table } from './accounts.ts';
import { type Command, parseCommandArgs, UsageError } from './args.ts';
import { withStore } from './with-store.ts';

function parseId(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value)) throw new UsageError(`${what} is a number (see "webhook list"), not "${value}"`);
  return Number(value);
}

function input<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof HookInputError) throw new UsageError(error.message);
    throw error;
  }
}

const second = (iso: string | null) => (iso === null ? '-' : iso.slice(0, 19).replace('T', ' '));

export const command: Command = {
  summary: 'webhooks: add, list, remove hooks; their recent deliveries',
  usage: `Usage: mt-review webhook <action> [--db FILE]

  add URL [--secret S] [--events E,E]   a hook (http or https) for the events (default: all of article.created,
                                        article.revised, article.status_changed); without --secret a random one
                                        is generated and printed once
  list                                  id, URL, events and state of each hook
  remove ID                             removes a hook and its deliveries
  deliveries [--hook ID] [--limit N]    the latest deliveries (default 20): state, attempts, last status code,
                                        last error, next attempt`,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      db: { type: 'string' },
      secret: { type: 'string' },
      events: { type: 'string' },
      hook: { type: 'string' },
      limit: { type: 'string' },
    });
    const [action, argument, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected "${extra.join(' ')}"`);
    if (action === 'add' && argument !== undefined) {
      const url = input(() => parseHookUrl(argument));
      const secret = input(() => parseHookSecret(values.secret));
      const events = input(() => parseHookEvents(values.events));
      return withStore(values.db, async (db) => {
        const hook = await createWebhook(db, { url, secret: secret.secret, events, createdBy: null });
        process.stdout.write(`Added webhook ${hook.id}: ${hook.url} (${hook.events.join(', ')})\n`);
        if (secret.generated) process.stdout.write(`Its secret, shown this once: ${secret.secret}\n`);
        return 0;
      });
    }
    if (action === 'list' && argument === undefined) return withStore(values.db, listHooks);
    if (action === 'remove' && argument !== undefined) {
      const id = parseId(argument, 'a webhook id') as number;
      return withStore(values.db, async (db) => {
        await deleteWebhook(db, id);
        process.stdout.write(`Removed webhook ${id}\n`);
        return 0;
      });
    }
    if (action === 'deliveries' && argument === undefined) {
      const hookId = parseId(values.hook, '--hook');
      const limit = parseId(values.limit, '--limit') ?? 20;
      if (limit < 1 || limit > 1000) throw new UsageError('--limit must be from 1 to 1000');
      return withStore(values.db, (db) => showDeliveries(db, hookId, limit), { mustExist: true });
    }
    throw new UsageError('expected: webhook add URL, webhook list, webhook remove ID, or webhook deliveries');
  },
};

async function listHooks(db: Store): Promise<number> {
  const rows = (await listWebhooks(db)).map((hook) => [
    String(hook.id),
    hook.url,
    hook.events.join(','),
    hook.enabled ? 'enabled' : 'disabled',
  ]);
  process.stdout.write(table(['id', 'url', 'events', 'state'], rows));
  return 0;
}

async function showDeliveries(db: Store, hookId: number | undefined, limit: number): Promise<number> {
  const deliveries = await listDeliveries(db, { limit, ...(hookId === undefined ? {} : { hookId }) });
  const rows = deliveries.map((d) => [
    d.deliveryId,
    String(d.hookId),
    d.event,
    d.articleId,
    d.state,
    String(d.attempts),
    d.responseStatus === null ? '-' : String(d.responseStatus),
    d.lastError ?? '-',
    second(d.nextAttemptAt),
  ]);
  const header = ['delivery', 'hook', 'event', 'article', 'state', 'attempts', 'status', 'last error', 'next attempt'];
  process.stdout.write(table(header, rows));
  return 0;
}
