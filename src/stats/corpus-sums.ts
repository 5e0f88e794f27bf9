// Corpus totals as running sums of article statistics: articles go in with +1 and out with -1.

import {
  emptyCounts,
  type MqmScore,
  type ScoringModel,
  type SeverityCounts,
  scoreWith,
  scoringModels,
} from '../metrics/mqm-models.ts';
import type { DecisionCounts } from '../review/resolve.ts';
import type { ArticleStats, CorpusStats } from './aggregate.ts';

/** Running sums of article statistics: add an article with +1, take it back with -1; the corpus is read from them. */
export interface CorpusSums {
  articles: number;
  words: number;
  edits: number;
  decided: number;
  segments: number;
  decisions: Record<string, number>;
  errors: { total: number; byCategory: Record<string, number>; bySeverity: Record<string, number> };
  hter: { edits: number; refLength: number };
  /** Per model: the summed penalty and severity counts of the articles it scored. */
  weighed: Record<string, { penalty: number; counts: SeverityCounts }>;
}

/** Sums of no article. */
export function emptySums(): CorpusSums {
  return {
    ...{ articles: 0, words: 0, edits: 0, decided: 0, segments: 0 },
    decisions: { accepted: 0, rejected: 0, amended: 0, disputed: 0, undecided: 0 },
    errors: { total: 0, byCategory: {}, bySeverity: {} },
    hter: { edits: 0, refLength: 0 },
    weighed: {},
  };
}

/** Adds (sign 1) or takes back (sign -1) one article's numbers; keys that fall to zero are removed. */
export function addToSums(sums: CorpusSums, a: ArticleStats, sign: 1 | -1): void {
  for (const key of ['words', 'edits', 'decided', 'segments'] as const) sums[key] += sign * a[key];
  sums.articles += sign;
  addSigned(sums.decisions, a.decisions as unknown as Record<string, number>, sign, false);
  sums.errors.total += sign * a.errors.total;
  addSigned(sums.errors.byCategory, a.errors.byCategory, sign, true);
  addSigned(sums.errors.bySeverity, a.errors.bySeverity, sign, true);
  sums.hter.edits += sign * a.hter.edits;
  sums.hter.refLength += sign * a.hter.refLength;
  for (const [model, score] of Object.entries(a.scores)) {
    if (!score) continue;
    const weighed = sums.weighed[model] ?? { penalty: 0, counts: emptyCounts() };
    sums.weighed[model] = weighed;
    weighed.penalty += sign * score.penalty;
    addSigned(weighed.counts, score.counts, sign, false);
  }
}

function addSigned(into: Record<string, number>, from: Record<string, number>, sign: 1 | -1, dropZero: boolean): void {
  for (const [key, value] of Object.entries(from)) {
    const next = (into[key] ?? 0) + sign * value;
    if (dropZero && next === 0) delete into[key];
    else into[key] = next;
  }
}

/** Sums added and taken back drift by float rounding (0.1 weights): what is shown is rounded well below display. */
const settle = (value: number) => Math.round(value * 1e9) / 1e9;

/** The corpus totals from running sums; scores pooled over all words (WMT: the mean over all rated segments). */
export function corpusFromSums(sums: CorpusSums, models: readonly ScoringModel[] = scoringModels): CorpusStats {
  const { edits, refLength } = sums.hter;
  const scores: Record<string, MqmScore | null> = {};
  for (const model of models) {
    const weighed = sums.weighed[model.id] ?? { penalty: 0, counts: emptyCounts() };
    scores[model.id] = scoreWith(model, { ...weighed, penalty: settle(weighed.penalty) }, sums.words, sums.segments);
  }
  return {
    articles: sums.articles,
    ...{ words: sums.words, edits: sums.edits, decided: sums.decided, segments: sums.segments },
    reviewedShare: sums.edits > 0 ? sums.decided / sums.edits : 1,
    decisions: { ...(sums.decisions as unknown as DecisionCounts) },
    errors: {
      total: sums.errors.total,
      byCategory: { ...sums.errors.byCategory },
      bySeverity: { ...sums.errors.bySeverity },
    },
    hter: { score: 100 * (refLength > 0 ? edits / refLength : edits > 0 ? 1 : 0), edits, refLength },
    scores,
  };
}

/** The corpus totals over article statistics. */
export function corpusStats(
  articles: readonly ArticleStats[],
  models: readonly ScoringModel[] = scoringModels,
): CorpusStats {
  const sums = emptySums();
  for (const article of articles) addToSums(sums, article, 1);
  return corpusFromSums(sums, models);
}
