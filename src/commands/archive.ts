// `mt-review archive ID [--undo]`: hides an article from the lists and the statistics (never deletes it), or brings it back.
import { archiveArticle, NotFoundError, unarchiveArticle } from '../store/index.ts';
import { type Command, CommandError, parseCommandArgs, UsageError } from './args.ts';
import { withStore } from './with-store.ts';

/** Archives (or with `undo` unarchives) each id; an unknown id fails the command after the others are done. */
function runArchive(args: string[], undo: boolean): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' }, undo: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('expected at least one article ID');
  const back = undo || values.undo === true;
  return withStore(
    values.db,
    async (db) => {
      const unknown: string[] = [];
      for (const id of positionals) {
        try {
          const changed = back ? await unarchiveArticle(db, id) : await archiveArticle(db, id, null);
          const done = back ? 'unarchived' : 'archived';
          process.stdout.write(`${id}: ${changed ? done : `already ${back ? 'not archived' : 'archived'}`}\n`);
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
          unknown.push(id);
        }
      }
      if (unknown.length > 0) throw new CommandError(`no article with id ${unknown.join(', ')}`);
      return 0;
    },
    { mustExist: true },
  );
}

export const command: Command = {
  summary: 'archive articles: hidden from the lists and statistics, never deleted (--undo brings them back)',
  usage: `Usage: mt-review archive ID... [--undo] [--db FILE]

Archives each article: it leaves the article list (shown again with the list's "archived" filter) and the current
statistics; its texts, edits and verdicts stay. --undo (or "mt-review unarchive ID...") brings it back.`,
  run: (args) => runArchive(args, false),
};

/** `mt-review unarchive ID...`: the same as `archive --undo`. */
export const unarchiveCommand: Command = {
  summary: 'bring archived articles back to the lists and statistics (archive --undo)',
  usage: `Usage: mt-review unarchive ID... [--db FILE]

Brings each archived article back to the article list and the current statistics.`,
  run: (args) => runArchive(args, true),
};
