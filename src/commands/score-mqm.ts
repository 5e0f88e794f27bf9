// `mt-review score-mqm FILE.tsv [--model M] [--json]`: MQM scores of a WMT MQM ratings file, per segment and system.
import { CorpusFileError, readArticleText } from '../corpus/read-text.ts';
import { findScoringModel, type MqmScore, scoringModels } from '../metrics/mqm-models.ts';
import { type MqmFileScores, scoreWmtMqmText } from '../metrics/score-mqm-file.ts';
import { WmtTsvError } from '../metrics/wmt-tsv.ts';
import { type Command, CommandError, parseCommandArgs, UsageError } from './args.ts';

const modelIds = scoringModels.map((model) => model.id);

const usage = `Usage: mt-review score-mqm FILE.tsv [--model ${modelIds.join('|')}] [--json]

Scores span-level MQM ratings in the WMT layout (system doc doc_id seg_id rater source target category severity,
the error span marked <v>...</v>): each system's segment, averaged over its raters, and each system.
  --model wmt      Google/WMT weights: Major 5, Minor 1, minor punctuation 0.1, Non-translation 25 (default);
                   lower is better; a system's score is the mean of its segment scores
  --model mqm2     MQM 2.0 calibrated score (threshold 90, tolerance 10 points per 1000 words); higher is better
  --model matecat  MateCat points per 1000 words (Minor 0.5, Major 2); fails above 20
  --json           {"model","systems":[...],"segments":[{"system","segId","raters","score","penalty","words","counts",...}]}`;

// The full published WMT files are tens of MiB, well past the corpus limit for one article.
const maxMqmFileBytes = 512 * 1024 * 1024;

async function readRatings(path: string): Promise<string> {
  try {
    return await readArticleText(path, { maxBytes: maxMqmFileBytes });
  } catch (error) {
    if (error instanceof CorpusFileError) throw new CommandError(error.message);
    throw error;
  }
}

const formatScore = (value: number) => value.toFixed(3);
const formatCounts = ({ counts }: MqmScore) => `${counts.critical}/${counts.major}/${counts.minor}/${counts.neutral}`;
const formatPass = (score: MqmScore) => (score.pass === undefined ? '' : score.pass ? '\tpass' : '\tfail');

function formatHuman(scores: MqmFileScores, label: string): string {
  const systems = scores.systems.map(
    (system) =>
      `${system.system}\t${formatScore(system.score)}\t${system.segments}\t${formatCounts(system)}${formatPass(system)}`,
  );
  const segments = scores.segments.map(
    (segment) =>
      `${segment.system}\t${segment.segId}\t${formatScore(segment.score)}\t${segment.raters}\t${formatCounts(segment)}${formatPass(segment)}`,
  );
  return [
    `${label}: ${scores.systems.length} systems, ${scores.segments.length} segments`,
    '',
    'system\tscore\tsegments\tcritical/major/minor/neutral',
    ...systems,
    '',
    'system\tseg_id\tscore\traters\tcritical/major/minor/neutral',
    ...segments,
    '',
  ].join('\n');
}

export const command: Command = {
  summary: 'MQM scores of a WMT MQM ratings file, per segment and per system',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      model: { type: 'string', default: 'wmt' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError(`expected one FILE.tsv, got ${positionals.length}`);
    const model = findScoringModel(values.model);
    if (!model) throw new UsageError(`unknown model "${values.model}" (expected ${modelIds.join(', ')})`);
    const path = positionals[0] as string;
    let scores: MqmFileScores;
    try {
      scores = scoreWmtMqmText(await readRatings(path), path, model);
    } catch (error) {
      if (error instanceof WmtTsvError) throw new CommandError(error.message);
      throw error;
    }
    const output = values.json ? `${JSON.stringify(scores)}\n` : formatHuman(scores, model.label);
    process.stdout.write(output);
    return 0;
  },
};
