// `mt-review sign-in-link NAME`: a fresh one-time sign-in link for a reviewer (the first start's link was lost, say).
import { defaults } from '../config.ts';
import { createSignInLink, findReviewerByName, openStore, StoreError } from '../store/index.ts';
import { type Command, CommandError, parseCommandArgs, UsageError } from './args.ts';

export const command: Command = {
  summary: 'print a one-time sign-in link for a reviewer (valid 24 hours)',
  usage: `Usage: mt-review sign-in-link NAME [--db FILE] [--url BASE]

Prints BASE/sign-in/link/<token>; BASE defaults to http://${defaults.host}:${defaults.port}.`,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' }, url: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('expected one reviewer NAME');
    const file = values.db ?? defaults.dbFile;
    let db: ReturnType<typeof openStore>;
    try {
      db = openStore(file);
    } catch (error) {
      if (error instanceof StoreError) throw new CommandError(error.message);
      throw error;
    }
    try {
      const reviewer = findReviewerByName(db, positionals[0] as string);
      if (!reviewer) throw new CommandError(`no reviewer "${positionals[0]}" in ${file}`);
      const base = (values.url ?? `http://${defaults.host}:${defaults.port}`).replace(/\/$/, '');
      process.stdout.write(`${base}/sign-in/link/${createSignInLink(db, reviewer.id, 24 * 3600 * 1000)}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
