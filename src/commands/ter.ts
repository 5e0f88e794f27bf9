// `mt-review ter --hyp FILE --ref FILE [--ref FILE2]`: corpus TER of line-parallel files, as sacrebleu computes it.
import { CorpusFileError, readArticleText } from '../corpus/read-text.ts';
import { corpusTer } from '../metrics/ter.ts';
import { type Command, CommandError, parseCommandArgs, UsageError } from './args.ts';

const usage = `Usage: mt-review ter --hyp FILE --ref FILE [--ref FILE2 ...] [--case-sensitive] [--normalized] [--no-punct] [--json]

Translation Edit Rate of the hypothesis lines against the line-parallel reference lines, as sacrebleu computes it:
total edits (insertions, deletions, substitutions, block shifts) over total average reference length, x 100.
An empty line is a segment (an empty hypothesis or reference); files end with or without a final newline.
  --ref FILE        a reference file; repeat for several references (the closest one counts per line)
  --case-sensitive  count case differences as errors (by default both sides are lowercased)
  --normalized      tercom normalisation: split punctuation off words, unescape XML entities
  --no-punct        remove the characters . , ? : ; ! " ( ) before scoring
  --json            {"score","edits","refLength"}`;

// TER corpora run to hundreds of thousands of lines, far beyond the corpus limit for one article.
const maxTerFileBytes = 512 * 1024 * 1024;

async function readLines(path: string): Promise<string[]> {
  let text: string;
  try {
    // An empty line is a segment (an empty hypothesis or reference), so a file of empty lines is not empty.
    text = await readArticleText(path, { maxBytes: maxTerFileBytes, allowBlank: true });
  } catch (error) {
    if (error instanceof CorpusFileError) throw new CommandError(error.message);
    throw error;
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function checkLineCounts(hypPath: string, hypotheses: string[], refPaths: string[], references: string[][]): void {
  for (const [index, lines] of references.entries()) {
    if (lines.length !== hypotheses.length) {
      throw new CommandError(
        `${hypPath} has ${hypotheses.length} lines but ${refPaths[index]} has ${lines.length}: the files must be line-parallel`,
      );
    }
  }
}

const formatNumber = (value: number) => String(Number(value.toFixed(2)));

export const command: Command = {
  summary: 'TER of a hypothesis file against reference files, as sacrebleu computes it',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      hyp: { type: 'string' },
      ref: { type: 'string', multiple: true },
      'case-sensitive': { type: 'boolean' },
      normalized: { type: 'boolean' },
      'no-punct': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const hypPath = values.hyp;
    const refPaths = values.ref ?? [];
    if (hypPath === undefined) throw new UsageError('missing --hyp FILE');
    if (refPaths.length === 0) throw new UsageError('missing --ref FILE');
    const hypotheses = await readLines(hypPath);
    const references = await Promise.all(refPaths.map(readLines));
    if (hypotheses.length === 0) throw new CommandError(`${hypPath}: no lines to score`);
    checkLineCounts(hypPath, hypotheses, refPaths, references);
    const options = {
      caseSensitive: values['case-sensitive'] === true,
      normalized: values.normalized === true,
      noPunct: values['no-punct'] === true,
    };
    const result = corpusTer(hypotheses, references, options);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      const { score, edits, refLength } = result;
      process.stdout.write(
        `TER = ${score.toFixed(2)} (${edits} edit${edits === 1 ? '' : 's'}, ${formatNumber(refLength)} reference words)\n`,
      );
    }
    return 0;
  },
};
