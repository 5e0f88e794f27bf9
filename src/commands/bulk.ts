// `mt-review bulk`: the recurring corrections, a verdict on every occurrence of one at once, and its undo.
import {
  type BulkResult,
  listRecurring,
  recordBulkVerdicts,
  type Skipped,
  type Store,
  undoBulkAction,
} from '../store/index.ts';
import { reviewerNamed, table } from './accounts.ts';
import { type Command, CommandError, parseCommandArgs, UsageError } from './args.ts';
import { withStore } from './with-store.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);
// One line a text: newlines shown as ⏎, long texts clipped, so that the table stays a table.
const shown = (text: string, empty: string) => {
  const flat = text.replace(/\n/g, '⏎');
  if (flat === '') return empty;
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
};

async function list(db: Store, limit: number): Promise<void> {
  const { groups, total } = await listRecurring(db, { limit, offset: 0, minOccurrences: 2 });
  const rows = groups.map((g) => [
    g.key,
    String(g.occurrences),
    String(g.articles),
    String(g.undecided),
    g.checkId ?? 'post-edit',
    `${shown(g.mtText, '(insert)')} → ${shown(g.correctedText, '(delete)')}`,
  ]);
  process.stdout.write(table(['key', 'count', 'articles', 'undecided', 'found by', 'correction'], rows));
  if (total > groups.length) say(`(${groups.length} of ${total} shown: --limit N for more)`);
}

function skippedLines(skipped: readonly Skipped[]): void {
  for (const s of skipped.slice(0, 50)) say(`  skipped ${s.articleId ?? '-'} ${s.editId}: ${s.reason}`);
  if (skipped.length > 50) say(`  … and ${skipped.length - 50} more skipped`);
}

function report(result: BulkResult): void {
  const verb = result.decision === 'accept' ? 'accept' : 'reject';
  const n = result.recorded.length;
  const head = result.dryRun
    ? `Dry run: would ${verb} ${n} occurrence(s) of ${result.label}; ${result.skipped.length} skipped; nothing recorded`
    : result.actionId === null
      ? `Nothing to ${verb}: ${result.skipped.length} occurrence(s) of ${result.label} skipped`
      : `Bulk action ${result.actionId}: ${verb}ed ${n} occurrence(s) of ${result.label}; ` +
        `${result.skipped.length} skipped (undo: mt-review bulk --undo ${result.actionId} --as NAME)`;
  say(head);
  skippedLines(result.skipped);
}

export const command: Command = {
  summary: 'bulk review: list recurring corrections, accept or reject one everywhere, undo',
  usage: `Usage: mt-review bulk --list [--limit N] [--db FILE]
       mt-review bulk KEY --accept|--reject --as NAME [--note TEXT] [--dry-run] [--db FILE]
       mt-review bulk --undo ACTION --as NAME [--db FILE]

  --list          the corrections that recur across the corpus (a check's suggestions per check), most frequent
                  first, with their KEY (default: the first 50)
  KEY --accept    NAME's verdict on every occurrence of the correction KEY: an ordinary verdict each, its note
                  naming the bulk action; occurrences another reviewer decided, in approved articles, or already
                  decided by NAME are skipped and listed
  --dry-run       say what would happen; record nothing
  --undo ACTION   take back every verdict of bulk action ACTION (one retraction each) that is still NAME's`,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      db: { type: 'string' },
      list: { type: 'boolean' },
      limit: { type: 'string' },
      accept: { type: 'boolean' },
      reject: { type: 'boolean' },
      as: { type: 'string' },
      note: { type: 'string' },
      'dry-run': { type: 'boolean' },
      undo: { type: 'string' },
    });
    if (values.list) {
      if (positionals.length || values.accept || values.reject || values.undo) {
        throw new UsageError('--list takes no KEY, --accept, --reject or --undo');
      }
      const limit = Number(values.limit ?? 50);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new UsageError('--limit must be 1 to 10000');
      return withStore(
        values.db,
        async (db) => {
          await list(db, limit);
          return 0;
        },
        { mustExist: true },
      );
    }
    if (!values.as) throw new UsageError('--as NAME: whose verdicts these are');
    const name = values.as;
    if (values.undo !== undefined) {
      if (positionals.length || values.accept || values.reject) throw new UsageError('--undo takes no KEY or decision');
      if (!/^[1-9]\d{0,15}$/.test(values.undo)) throw new UsageError('--undo takes a bulk action id (a number)');
      const actionId = Number(values.undo);
      return withStore(
        values.db,
        async (db, file) => {
          const reviewer = await reviewerNamed(db, file, name);
          const undone = await undoBulkAction(db, actionId, reviewer.id);
          say(`Bulk action ${actionId} undone: ${undone.retracted.length} verdict(s) of ${undone.label} taken back`);
          skippedLines(undone.skipped);
          return 0;
        },
        { mustExist: true },
      );
    }
    const [key, ...extra] = positionals;
    if (!key || extra.length) throw new UsageError('expected one KEY (mt-review bulk --list lists them)');
    if (values.accept === values.reject) throw new UsageError('give one of --accept and --reject');
    if (!/^[A-Za-z0-9_-]{22}$/.test(key)) throw new UsageError(`"${key}" is not a key (mt-review bulk --list)`);
    return withStore(
      values.db,
      async (db, file) => {
        const reviewer = await reviewerNamed(db, file, name);
        const result = await recordBulkVerdicts(db, {
          key,
          reviewerId: reviewer.id,
          decision: values.accept ? 'accept' : 'reject',
          note: values.note ?? null,
          dryRun: values['dry-run'] === true,
        });
        report(result);
        if (!result.dryRun && result.actionId === null && result.skipped.length === 0) {
          throw new CommandError(`no occurrence of ${key} to decide`);
        }
        return 0;
      },
      { mustExist: true },
    );
  },
};
