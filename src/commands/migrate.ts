// `mt-review migrate --from FILE.db --to postgres://...`: moves a newsroom's SQLite database to PostgreSQL, verified.
import { existsSync } from 'node:fs';
import { sessionSecret } from '../server.ts';
import { isPostgresUrl, openStore, type Store, StoreError } from '../store/index.ts';
import { copySqliteToPostgres } from '../store/postgres/copy-from-sqlite.ts';
import { type Command, CommandError, parseCommandArgs, UsageError } from './args.ts';

async function open(location: string): Promise<Store> {
  try {
    return await openStore(location);
  } catch (error) {
    if (error instanceof StoreError) throw new CommandError(error.message);
    throw error;
  }
}

export const command: Command = {
  summary: 'copies a SQLite database into PostgreSQL and verifies counts and checksums',
  usage: `Usage: mt-review migrate --from FILE.db --to postgres://USER@HOST/DB [--replace]

Copies everything in the SQLite file (reviewers, passwords, sessions, tokens, sign-in links, articles, edits,
verdicts, retractions, adjudications, assignments, events, settings) into the PostgreSQL database, keeping ids, in
one transaction; then compares the row count and a checksum of every table on both sides. Stop the servers on the
file first. Sign-ins and API tokens keep working (the session secret is copied too).
  --from FILE    the SQLite database (it is brought to the current schema first)
  --to URL       the PostgreSQL database (created schema on first use; its user must own the tables)
  --replace      replace what the PostgreSQL database holds (refused otherwise when it is not empty)`,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      from: { type: 'string' },
      to: { type: 'string' },
      replace: { type: 'boolean' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (!values.from) throw new UsageError('--from FILE.db is required');
    if (!values.to) throw new UsageError('--to postgres://... is required');
    if (isPostgresUrl(values.from)) throw new UsageError('--from takes a SQLite file, not a postgres:// URL');
    if (!isPostgresUrl(values.to)) throw new UsageError('--to takes a postgres:// URL');
    if (!existsSync(values.from)) throw new CommandError(`no database at ${values.from}`);
    const source = await open(values.from);
    try {
      // A database from before the secret was kept in it brings its .secret file along, so sessions survive.
      await sessionSecret(source);
      const target = await open(values.to);
      try {
        const started = performance.now();
        const report = await copySqliteToPostgres(source, target, { replace: values.replace === true });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const width = Math.max(...report.tables.map((t) => t.table.length));
        for (const check of report.tables) {
          const verdict = check.ok
            ? `ok (checksum ${check.targetChecksum.slice(0, 12)})`
            : `MISMATCH: ${check.targetRows} row(s) there, checksum ${check.targetChecksum.slice(0, 12)} ` +
              `instead of ${check.sourceChecksum.slice(0, 12)}`;
          console.log(`${check.table.padEnd(width)}  ${String(check.sourceRows).padStart(7)} row(s)  ${verdict}`);
        }
        if (!report.ok) throw new CommandError(`${target.location}: the copy does not match ${source.location}`);
        console.log(
          `Copied ${report.rows} row(s) in ${report.tables.length} tables from ${source.location} to ` +
            `${target.location} in ${seconds} s; counts and checksums match.`,
        );
        return 0;
      } catch (error) {
        if (error instanceof StoreError) throw new CommandError(error.message);
        throw error;
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
  },
};
