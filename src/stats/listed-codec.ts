// An article part's listed numbers as article_stats.listed stores them: positional JSON, scores kept as their inputs.
// Every start parses one of these per article (100,000 at the largest corpora), so what it carries is what start-up
// costs: arrays instead of keyed objects, and no field that can be computed again exactly from the others.
import { type MqmScore, type SeverityCounts, scoreWith, scoringModels } from '../metrics/mqm-models.ts';
import type { DecisionCounts } from '../review/resolve.ts';
import { severities } from '../review/taxonomy.ts';
import type { ArticleStats } from './aggregate.ts';
import type { AcceptedCorrection } from './corrections.ts';
import type { ListedPart } from './totals.ts';

/** The layout below; a text of another layout (or none) is not decoded, and its part is then read whole. */
const layout = 2;

/** `keys` when they name every key of T: a field added to T fails to compile here rather than go missing on disk. */
const everyKeyOf =
  <T>() =>
  <const K extends readonly (keyof T)[]>(keys: K & ([Exclude<keyof T, K[number]>] extends [never] ? unknown : never)) =>
    keys;

const decisionKeys = everyKeyOf<DecisionCounts>()(['accepted', 'rejected', 'amended', 'disputed', 'undecided']);
const severityKeys = everyKeyOf<SeverityCounts>()(
  severities.map((s) => s.id) as ['neutral', 'minor', 'major', 'critical'],
);

// A model's score as stored: what scoreWith computes it from (the article's words and segments are stored once).
type StoredScore = [penalty: number, ...counts: number[]] | null;

type Stored = [
  layout: number,
  version: number,
  id: string,
  title: string | null,
  words: number,
  edits: number,
  decided: number,
  decisions: number[],
  errorsTotal: number,
  byCategory: Record<string, number>,
  bySeverity: Record<string, number>,
  hter: [score: number, edits: number, refLength: number],
  segments: number,
  scores: Record<string, StoredScore>,
  published: string | null,
  // (MT text, correction, count) after one another.
  accepted: (string | number)[],
];

/** The text article_stats.listed keeps for `part`, computed under statistics version `version`. */
export function encodeListed(part: ListedPart, version: number): string {
  const { stats } = part;
  const scores: Record<string, StoredScore> = {};
  for (const [model, score] of Object.entries(stats.scores)) {
    scores[model] = score && [score.penalty, ...severityKeys.map((key) => score.counts[key])];
  }
  const stored: Stored = [
    layout,
    version,
    stats.id,
    stats.title,
    stats.words,
    stats.edits,
    stats.decided,
    decisionKeys.map((key) => stats.decisions[key]),
    stats.errors.total,
    stats.errors.byCategory,
    stats.errors.bySeverity,
    [stats.hter.score, stats.hter.edits, stats.hter.refLength],
    stats.segments,
    scores,
    part.published,
    part.accepted.flatMap((c) => [c.mtText, c.correctedText, c.count]),
  ];
  return JSON.stringify(stored);
}

const modelsById = new Map(scoringModels.map((model) => [model.id, model]));

// A stored score's severity counts (after its penalty), in severityKeys' order.
const countsOf = (score: number[]): SeverityCounts => ({
  neutral: score[1] as number,
  minor: score[2] as number,
  major: score[3] as number,
  critical: score[4] as number,
});

/** Whether `text` is listed numbers this code stores, computed under `version` (without decoding them). */
export function isCurrentListed(text: string | null, version: number): boolean {
  return text?.startsWith(`[${layout},${version},`) ?? false;
}

/**
 * The listed numbers `text` holds, or undefined when it holds none this code reads: another layout, another
 * statistics version, a model it does not know, or not what it wrote.
 */
export function decodeListed(text: string, version: number): ListedPart | undefined {
  if (!isCurrentListed(text, version)) return undefined;
  let stored: Stored;
  try {
    stored = JSON.parse(text) as Stored;
  } catch {
    return undefined;
  }
  if (!Array.isArray(stored) || stored.length !== 16) return undefined;
  const [, , id, title, words, edits, decided, decisions, total, byCategory, bySeverity, hter, segments] = stored;
  const scores: Record<string, MqmScore | null> = {};
  const storedScores = stored[13];
  for (const modelId in storedScores) {
    const model = modelsById.get(modelId);
    if (!model) return undefined;
    const score = storedScores[modelId];
    scores[modelId] = score ? scoreWith(model, { penalty: score[0], counts: countsOf(score) }, words, segments) : null;
  }
  const stats: ArticleStats = {
    id,
    title,
    words,
    edits,
    decided,
    // As articleStats computes it, so the same number.
    reviewedShare: edits > 0 ? decided / edits : 1,
    decisions: {
      accepted: decisions[0] as number,
      rejected: decisions[1] as number,
      amended: decisions[2] as number,
      disputed: decisions[3] as number,
      undecided: decisions[4] as number,
    },
    errors: { total, byCategory, bySeverity },
    hter: { score: hter[0], edits: hter[1], refLength: hter[2] },
    segments,
    scores,
  };
  const flat = stored[15];
  const accepted: AcceptedCorrection[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    accepted.push({
      mtText: flat[i] as string,
      correctedText: flat[i + 1] as string,
      count: flat[i + 2] as number,
    });
  }
  return { stats, published: stored[14], accepted };
}
