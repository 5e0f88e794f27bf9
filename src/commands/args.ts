// Shared CLI plumbing: argument parsing that reports usage errors, and the two error kinds a command may raise.
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A mistake in how the command was called: exit code 2, with the command's usage. */
export class UsageError extends Error {}

/** A failure of the job itself (unreadable file, bad data): exit code 1; the message names the file. */
export class CommandError extends Error {}

/** A subcommand: its one-line summary, its usage text, and the function that runs it. */
export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number> | number;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `args` strictly; an unknown flag or a missing value becomes a UsageError. */
export function parseCommandArgs<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
