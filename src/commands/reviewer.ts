// `mt-review reviewer add|list|disable|enable|role|reset-password`: reviewer accounts from the command line.
import {
  createReviewer,
  disableReviewer,
  enableReviewer,
  generatePassword,
  listReviewers,
  resetReviewerPassword,
  type Store,
  setReviewerRole,
} from '../store/index.ts';
import { minute, parseRole, reviewerNamed, table } from './accounts.ts';
import { type Command, parseCommandArgs, UsageError } from './args.ts';
import { withStore } from './with-store.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const say = (line: string) => process.stdout.write(`${line}\n`);

// Each action: how many positionals after its name, and what it does with them.
const actions: Record<string, { arity: number; run(db: Store, file: string, args: string[]): Promise<void> }> = {
  list: {
    arity: 0,
    async run(db) {
      const rows = (await listReviewers(db)).map((r) => [
        r.name,
        r.role,
        minute(r.createdAt),
        r.disabledAt ? 'disabled' : '',
      ]);
      process.stdout.write(table(['name', 'role', 'created', 'status'], rows));
    },
  },
  disable: {
    arity: 1,
    async run(db, file, [name = '']) {
      const reviewer = await disableReviewer(db, (await reviewerNamed(db, file, name)).id);
      say(`Disabled ${reviewer.name}: their sessions, sign-in links and API tokens have ended`);
    },
  },
  enable: {
    arity: 1,
    async run(db, file, [name = '']) {
      say(`Enabled ${(await enableReviewer(db, (await reviewerNamed(db, file, name)).id)).name}`);
    },
  },
  role: {
    arity: 2,
    async run(db, file, [name = '', role = '']) {
      const reviewer = await setReviewerRole(db, (await reviewerNamed(db, file, name)).id, parseRole(role));
      say(`${reviewer.name} is now ${reviewer.role}`);
    },
  },
  'reset-password': {
    arity: 1,
    async run(db, file, [name = '']) {
      const reviewer = await reviewerNamed(db, file, name);
      const password = await resetReviewerPassword(db, reviewer.id);
      say(`New password for ${reviewer.name} (their sessions have ended): ${password}`);
    },
  },
};

export const command: Command = {
  summary: 'manage reviewers: add, list, disable, enable, role, reset-password',
  usage: `Usage: mt-review reviewer <action> [--db FILE]

  add NAME [--role reviewer|lead|admin]   a reviewer (--admin is --role admin); the password from stdin, or
                                          generated and printed once
  list                                    every reviewer with role, creation time and status
  disable NAME                            no more sign-ins; their sessions, sign-in links and API tokens end
  enable NAME                             a disabled reviewer may sign in again (with their old password)
  role NAME ROLE                          a lead adjudicates and approves; an admin also manages accounts
  reset-password NAME                     a new generated password, printed once; their sessions end

Passwords have at least 8 characters and are not on a list of common passwords. The last enabled admin
cannot be disabled or lose the role.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      db: { type: 'string' },
      admin: { type: 'boolean' },
      role: { type: 'string' },
    });
    const [action = '', ...rest] = positionals;
    if (action === 'add') return addReviewer(rest, values);
    const known = actions[action];
    if (!known) throw new UsageError(`unknown action "${action}"`);
    if (rest.length !== known.arity) throw new UsageError(`reviewer ${action} takes ${known.arity} argument(s)`);
    if (values.admin || values.role) throw new UsageError('--role and --admin go with "reviewer add" only');
    return withStore(values.db, async (db, file) => {
      await known.run(db, file, rest);
      return 0;
    });
  },
};

async function addReviewer(rest: string[], values: { db?: string; admin?: boolean; role?: string }): Promise<number> {
  const [name] = rest;
  if (!name || rest.length !== 1) throw new UsageError('expected: reviewer add NAME');
  if (values.admin && values.role !== undefined && values.role !== 'admin') {
    throw new UsageError(`--admin and --role ${values.role} disagree`);
  }
  const role = values.admin ? 'admin' : parseRole(values.role ?? 'reviewer');
  const piped = !process.stdin.isTTY ? await readStdin() : '';
  const password = piped || generatePassword();
  return withStore(values.db, async (db) => {
    const reviewer = await createReviewer(db, name, password, { role });
    const as = role === 'reviewer' ? '' : ` (${role})`;
    say(`Added reviewer ${reviewer.name}${as}${piped ? '' : ` with password: ${password}`}`);
    return 0;
  });
}
