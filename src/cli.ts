// The `mt-review` command line: dispatches a subcommand and turns its errors into messages and exit codes.
import { type Command, CommandError, UsageError } from './commands/args.ts';

/** Subcommands, each `src/commands/<name>.ts` exporting `command`; loaded on demand so `diff` skips the server's imports. */
const commandNames = [
  'serve',
  'import',
  'diff',
  'check',
  'export',
  'stats',
  'ter',
  'score-mqm',
  'reviewer',
  'token',
  'sign-in-link',
  'webhook',
  'bulk',
  'migrate',
  'archive',
  'unarchive',
] as const;

async function loadCommand(name: string): Promise<Command | undefined> {
  if (!(commandNames as readonly string[]).includes(name)) return undefined;
  try {
    return ((await import(`./commands/${name}.ts`)) as { command: Command }).command;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String(error).includes(`${name}.ts`)) {
      return undefined;
    }
    throw error;
  }
}

const mainUsage = `Usage: mt-review <command> [options]

Review machine-translated news: the MT beside its correction, every difference a reviewable edit.

Commands:
%COMMANDS%

Run "mt-review <command> --help" for a command's options.`;

async function listCommands(): Promise<string> {
  const lines: string[] = [];
  for (const name of commandNames) {
    const command = await loadCommand(name);
    if (command) lines.push(`  ${name.padEnd(12)} ${command.summary}`);
  }
  return lines.join('\n');
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code: 0 ok, 1 failure, 2 usage error. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const usage = mainUsage.replace('%COMMANDS%', await listCommands());
    (name === undefined ? process.stderr : process.stdout).write(`${usage}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = await loadCommand(name);
  if (!command) {
    process.stderr.write(`mt-review: unknown command "${name}". Run "mt-review --help" for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`mt-review ${name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    if (error instanceof CommandError) {
      process.stderr.write(`mt-review ${name}: ${error.message}\n`);
      return 1;
    }
    // A bug, not bad input: say so in one line; the stack only when asked for (MT_REVIEW_DEBUG=1).
    process.stderr.write(`mt-review ${name}: unexpected error: ${(error as Error).message}\n`);
    if (process.env.MT_REVIEW_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return 1;
  }
}
