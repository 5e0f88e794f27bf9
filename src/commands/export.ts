// `mt-review export ID [--format F] [--out FILE]`: an article's corrected text and review data in format F.
import { writeFileSync } from 'node:fs';
import { exportFormats } from '../export/formats.ts';
import { runExport } from '../export-article.ts';
import { type Command, CommandError, parseCommandArgs, UsageError } from './args.ts';
import { withStore } from './with-store.ts';

export const command: Command = {
  summary: 'export an article: corrected text or review data (txt, md, json, xliff, csv, mqm)',
  usage: `Usage: mt-review export ID [--format F] [--policy P] [--out FILE] [--db FILE]

  --format F   ${exportFormats.map((f) => `${f.id} (${f.label})`).join(', ')}; default txt
  --policy P   for undecided edits: keep-correction (default) or keep-mt
  --out FILE   write to FILE instead of standard output
The number of undecided edits is reported on standard error.`,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string' },
      policy: { type: 'string' },
      out: { type: 'string' },
      db: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('expected one article ID');
    return withStore(values.db, async (db, file) => {
      const result = await runExport(
        db,
        positionals[0] as string,
        values.format ?? 'txt',
        values.policy ?? 'keep-correction',
      );
      if ('problem' in result) {
        if (result.problem === 'unknown-article' || result.problem === 'unresolvable-article') {
          throw new CommandError(`${result.message} in ${file}`);
        }
        throw new UsageError(result.message);
      }
      if (values.out) writeFileSync(values.out, result.body);
      else process.stdout.write(result.body);
      const written = values.out ? `, written to ${values.out}` : '';
      process.stderr.write(`${result.fileName}: ${result.counts.undecided} undecided edit(s)${written}\n`);
      return 0;
    });
  },
};
