// `mt-review token create NAME`: an API token for a reviewer, printed once.
import { createApiToken, findReviewerByName } from '../store/index.ts';
import { type Command, CommandError, parseCommandArgs, UsageError } from './args.ts';
import { withStore } from './with-store.ts';

export const command: Command = {
  summary: 'create an API token for a reviewer (for Authorization: Bearer ...)',
  usage: `Usage: mt-review token create NAME [--db FILE] [--label TEXT]

Prints a new API token for reviewer NAME once; only its hash is stored.`,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' }, label: { type: 'string' } });
    const [action, name] = positionals;
    if (action !== 'create' || !name || positionals.length !== 2) throw new UsageError('expected: token create NAME');
    return withStore(values.db, (db, file) => {
      const reviewer = findReviewerByName(db, name);
      if (!reviewer)
        throw new CommandError(`no reviewer "${name}" in ${file}: add one with "mt-review reviewer add ${name}"`);
      process.stdout.write(`${createApiToken(db, reviewer.id, values.label ?? 'cli')}\n`);
      return 0;
    });
  },
};
