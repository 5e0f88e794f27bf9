// `mt-review sign-in-link NAME`: a fresh one-time sign-in link for a reviewer (the first start's link was lost, say).
import { defaults } from '../config.ts';
import { createSignInLink } from '../store/index.ts';
import { reviewerNamed } from './accounts.ts';
import { type Command, CommandError, parseCommandArgs, UsageError } from './args.ts';
import { withStore } from './with-store.ts';

export const command: Command = {
  summary: 'print a one-time sign-in link for a reviewer (valid 24 hours)',
  usage: `Usage: mt-review sign-in-link NAME [--db FILE] [--url BASE]

Prints BASE/sign-in/link/<token>; BASE defaults to http://${defaults.host}:${defaults.port}.`,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' }, url: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('expected one reviewer NAME');
    return withStore(values.db, async (db, file) => {
      const reviewer = await reviewerNamed(db, file, positionals[0] as string);
      if (reviewer.disabledAt)
        throw new CommandError(`${reviewer.name} is disabled: "mt-review reviewer enable" first`);
      const base = (values.url ?? `http://${defaults.host}:${defaults.port}`).replace(/\/$/, '');
      process.stdout.write(`${base}/sign-in/link/${await createSignInLink(db, reviewer.id, 24 * 3600 * 1000)}\n`);
      return 0;
    });
  },
};
