// `mt-review import PATH...`: imports article folders, or corpus folders of them, into the database.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../corpus/load-corpus.ts';
import { CorpusFileError } from '../corpus/read-text.ts';
import { type CorpusImport, importArticleFolder, importCorpus } from '../import-corpus.ts';
import type { Store } from '../store/index.ts';
import { type Command, CommandError, parseCommandArgs, UsageError } from './args.ts';
import { importJsonl } from './import-jsonl.ts';
import { withStore } from './with-store.ts';

/** An article folder (it holds mt.txt) or a corpus folder of them; a missing folder is a CommandError. */
async function importPath(db: Store, path: string): Promise<CorpusImport> {
  try {
    return existsSync(join(path, 'mt.txt')) ? await importArticleFolder(db, path) : await importCorpus(db, path);
  } catch (error) {
    if (error instanceof CorpusFileError) throw new CommandError(error.message);
    throw error;
  }
}

export const command: Command = {
  summary: 'import article folders (or a corpus folder) into the database',
  usage: `Usage: mt-review import PATH... [--db FILE]
       mt-review import --jsonl FILE [--db FILE]

PATH is an article folder (it holds mt.txt) or a corpus folder of article folders.
Re-importing an unchanged article changes nothing; a changed corrected.txt recomputes the edits,
keeps the verdicts of edits that still exist and marks the others stale. Exit 1 if any article had a problem.

--jsonl FILE reads one article a line, as POST /api/articles takes it (mt required; corrected, source,
title, url, published, publisher, author, sourceLang, targetLang, id). A line with an id updates that
article; without one its title's slug names it. Progress on stderr, then a summary: new, changed,
unchanged, and each refused line with its number. Exit 1 if any line was refused.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' }, jsonl: { type: 'string' } });
    if (values.jsonl !== undefined) {
      if (positionals.length > 0) throw new UsageError('--jsonl takes one FILE and no PATH');
      return withStore(values.db, (db) => runJsonl(db, values.jsonl as string));
    }
    if (positionals.length === 0) throw new UsageError('expected at least one PATH');
    return withStore(values.db, async (db) => {
      let problems = 0;
      for (const path of positionals) {
        const outcome = await importPath(db, path);
        for (const { id, result } of outcome.imported) {
          process.stdout.write(
            `${id}: ${result.status} (${result.added} added, ${result.staled} stale, ${result.revived} revived)\n`,
          );
        }
        for (const problem of outcome.problems) process.stderr.write(`${formatProblem(problem)}\n`);
        problems += outcome.problems.length;
      }
      return problems > 0 ? 1 : 0;
    });
  },
};

async function runJsonl(db: Store, file: string): Promise<number> {
  if (!existsSync(file)) throw new CommandError(`${file}: file not found`);
  const summary = await importJsonl(db, file, {
    write: (text) => process.stderr.write(text),
    isTTY: process.stderr.isTTY,
  });
  for (const { line, message } of summary.refused) process.stderr.write(`${file}:${line}: ${message}\n`);
  process.stdout.write(
    `${summary.new} new, ${summary.changed} changed, ${summary.unchanged} unchanged, ${summary.refused.length} refused` +
      `${summary.refused.length > 0 ? ` (lines ${summary.refused.map((r) => r.line).join(', ')})` : ''}\n`,
  );
  return summary.refused.length > 0 ? 1 : 0;
}
