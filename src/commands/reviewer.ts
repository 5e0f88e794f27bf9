// `mt-review reviewer add NAME`: a reviewer account; the password from stdin, or generated and printed.
import { randomBytes } from 'node:crypto';
import { createReviewer } from '../store/index.ts';
import { type Command, parseCommandArgs, UsageError } from './args.ts';
import { withStore } from './with-store.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export const command: Command = {
  summary: 'add a reviewer (password from stdin, or generated and printed)',
  usage: `Usage: mt-review reviewer add NAME [--admin] [--db FILE]

With a password piped on stdin (echo secret | mt-review reviewer add anna) it is used;
on a terminal, a password is generated and printed once.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' }, admin: { type: 'boolean' } });
    const [action, name] = positionals;
    if (action !== 'add' || !name || positionals.length !== 2) throw new UsageError('expected: reviewer add NAME');
    const piped = !process.stdin.isTTY ? await readStdin() : '';
    const password = piped || randomBytes(12).toString('base64url');
    return withStore(values.db, async (db) => {
      const reviewer = await createReviewer(db, name, password, { admin: values.admin ?? false });
      process.stdout.write(`Added reviewer ${reviewer.name}${piped ? '' : ` with password: ${password}`}\n`);
      return 0;
    });
  },
};
