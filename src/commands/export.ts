// `mt-review export ID [--format F] [--out FILE]`: an article's corrected text and review data in format F.
import { writeFileSync } from 'node:fs';
import { exportFormats } from '../export/formats.ts';
import { runExport } from '../export-article.ts';
import { type Command, CommandError, parseCommandArgs, UsageError } from './args.ts';
import { withStore } from './with-store.ts';

export const command: Command = {
  summary: 'export an article: corrected text or review data (txt, md, json, xliff, csv, mqm)',
  usage: `Usage: mt-review export ID [--format F] [--policy P] [--approved-only] [--out FILE] [--db FILE]

  --format F        ${exportFormats.map((f) => `${f.id} (${f.label})`).join(', ')}; default txt
  --policy P        for undecided and disputed edits: keep-correction (default) or keep-mt
  --approved-only   refuse (exit 1) an article a lead has not approved: the final text only
  --out FILE        write to FILE instead of standard output
The numbers of undecided and disputed edits are reported on standard error.`,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string' },
      policy: { type: 'string' },
      out: { type: 'string' },
      db: { type: 'string' },
      'approved-only': { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('expected one article ID');
    return withStore(values.db, async (db, file) => {
      const result = await runExport(
        db,
        positionals[0] as string,
        values.format ?? 'txt',
        values.policy ?? 'keep-correction',
        { approvedOnly: values['approved-only'] ?? false },
      );
      if ('problem' in result) {
        const failures = ['unknown-article', 'unresolvable-article', 'not-approved'];
        if (failures.includes(result.problem)) {
          throw new CommandError(`${result.message} in ${file}`);
        }
        throw new UsageError(result.message);
      }
      if (values.out) writeFileSync(values.out, result.body);
      else process.stdout.write(result.body);
      const written = values.out ? `, written to ${values.out}` : '';
      const { undecided, disputed } = result.counts;
      process.stderr.write(`${result.fileName}: ${undecided} undecided, ${disputed} disputed edit(s)${written}\n`);
      return 0;
    });
  },
};
