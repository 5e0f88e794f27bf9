// `mt-review import PATH...`: imports article folders, or corpus folders of them, into the database.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaults } from '../config.ts';
import { formatProblem } from '../corpus/load-corpus.ts';
import { CorpusFileError } from '../corpus/read-text.ts';
import { type CorpusImport, importArticleFolder, importCorpus } from '../import-corpus.ts';
import { openStore, StoreError } from '../store/index.ts';
import { type Command, CommandError, parseCommandArgs, UsageError } from './args.ts';

export const command: Command = {
  summary: 'import article folders (or a corpus folder) into the database',
  usage: `Usage: mt-review import PATH... [--db FILE]

PATH is an article folder (it holds mt.txt) or a corpus folder of article folders.
Re-importing an unchanged article changes nothing; a changed corrected.txt recomputes the edits,
keeps the verdicts of edits that still exist and marks the others stale. Exit 1 if any article had a problem.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' } });
    if (positionals.length === 0) throw new UsageError('expected at least one PATH');
    let db: ReturnType<typeof openStore>;
    try {
      db = openStore(values.db ?? defaults.dbFile);
    } catch (error) {
      if (error instanceof StoreError) throw new CommandError(error.message);
      throw error;
    }
    let problems = 0;
    try {
      for (const path of positionals) {
        let outcome: CorpusImport;
        try {
          outcome = existsSync(join(path, 'mt.txt'))
            ? await importArticleFolder(db, path)
            : await importCorpus(db, path);
        } catch (error) {
          if (error instanceof CorpusFileError) throw new CommandError(error.message);
          throw error;
        }
        for (const { id, result } of outcome.imported) {
          process.stdout.write(
            `${id}: ${result.status} (${result.added} added, ${result.staled} stale, ${result.revived} revived)\n`,
          );
        }
        for (const problem of outcome.problems) process.stderr.write(`${formatProblem(problem)}\n`);
        problems += outcome.problems.length;
      }
    } finally {
      db.close();
    }
    return problems > 0 ? 1 : 0;
  },
};
