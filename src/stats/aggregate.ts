// Review statistics (pure): per article and corpus counts, errors, HTER, MQM scores, reviewers, checks, recurrences.
import { issueLabel } from '../export/labels.ts';
import { wmtCategoryOf, wmtSeverityOf } from '../export/mqm-categories.ts';
import { paragraphUnits } from '../export/paragraph-units.ts';
import { type DecisionCounts, type ResolvedEdit, resolveReview } from '../export/resolve.ts';
import type { ArticleReview } from '../export/types.ts';
import type { Severity } from '../review/taxonomy.ts';
import {
  currentPerReviewer,
  type PairAgreement,
  type ReviewerStats,
  reviewerAgreement,
  reviewerStats,
} from './agreement.ts';
import {
  emptyCounts,
  type MqmScore,
  type ScorableError,
  type ScoringModel,
  type SeverityCounts,
  scorePenalty,
  scoringModels,
  weighErrors,
} from './mqm-models.ts';
import { sentenceTer, type TerScore } from './ter.ts';

/** Errors counted: an error is a current edit whose standing verdict is accept or amend. */
export interface ErrorCounts {
  total: number;
  /** By the standing verdict's category (else the check's suggestion, as the exports label it); or `uncategorized`. */
  byCategory: Record<string, number>;
  /** By the standing verdict's severity; `unrated` when it has none (scored as minor). */
  bySeverity: Record<string, number>;
}

/** The numbers of one article, or (without id and title) of the corpus. */
export interface ArticleStats {
  id: string;
  title: string | null;
  /** Whitespace-separated tokens of the MT. */
  words: number;
  /** Current edits (stale ones are not counted). */
  edits: number;
  decided: number;
  /** decided / edits; 1 for an article without edits. */
  reviewedShare: number;
  decisions: DecisionCounts;
  errors: ErrorCounts;
  /** TER of the MT against the corrected text as the verdicts stand (undecided edits keep the correction). */
  hter: TerScore;
  /** Paragraphs rated (WMT's segments): every MT paragraph once any edit is decided, as the `mqm` export writes. */
  segments: number;
  /** One score per model id; null where the model cannot score (no words). Each carries its raw counts. WMT's
   * score is the mean over the rated segments of their points (`penalty` stays the total), as score-mqm has it. */
  scores: Record<string, MqmScore | null>;
}

/** The corpus totals: the article numbers summed, HTER pooled (total edits / total reference length). */
export type CorpusStats = Omit<ArticleStats, 'id' | 'title'> & { articles: number };

/** How often a check's suggestions (edits of origin `check:<id>`) were taken: precision = (accept+amend) / decided. */
export interface CheckStats {
  check: string;
  edits: number;
  accepted: number;
  amended: number;
  rejected: number;
  undecided: number;
  precision: number | null;
}

/** The same MT text corrected to the same text, accepted, in two or more articles. */
export interface RecurringCorrection {
  mtText: string;
  correctedText: string;
  count: number;
  articles: string[];
}

/** Everything the statistics page, `/api/stats` and `mt-review stats --json` show. */
export interface Statistics {
  models: { id: string; label: string; higherIsBetter: boolean }[];
  corpus: CorpusStats;
  articles: ArticleStats[];
  reviewers: ReviewerStats[];
  agreement: PairAgreement[];
  checks: CheckStats[];
  recurring: RecurringCorrection[];
}

interface ErrorRecord {
  category: string | null;
  severity: Severity | null;
}

/** Whitespace-separated tokens of a text. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => token !== '').length;
}

const bump = (record: Record<string, number>, key: string, by = 1) => {
  record[key] = (record[key] ?? 0) + by;
};

/** An error as a model reads it: WMT through the WMT category/severity mapping, the others in our taxonomy. */
function scorable(model: ScoringModel, error: ErrorRecord): ScorableError {
  if (model.id === 'wmt') {
    const severity = wmtSeverityOf(error.severity).toLowerCase() as Severity;
    return { category: wmtCategoryOf(error.category), severity };
  }
  return { category: error.category ?? 'other/other', severity: error.severity ?? 'minor' };
}

function scoreWith(
  model: ScoringModel,
  weighed: { penalty: number; counts: SeverityCounts },
  words: number,
  segments: number,
): MqmScore | null {
  if (!(words > 0) && model.scale.kind !== 'points') return null;
  const score = scorePenalty(model, weighed.penalty, words, weighed.counts);
  if (model.systemScore === 'mean-of-segments') score.score = segments > 0 ? weighed.penalty / segments : 0;
  return score;
}

function errorsOf(edits: readonly ResolvedEdit[]): ErrorRecord[] {
  return edits
    .filter((e) => e.verdict && e.verdict.decision !== 'reject')
    .map((e) => {
      const label = issueLabel(e.edit, e.verdict);
      return { category: label.categoryId, severity: label.severity };
    });
}

function countErrors(errors: readonly ErrorRecord[]): ErrorCounts {
  const counts: ErrorCounts = { total: errors.length, byCategory: {}, bySeverity: {} };
  for (const error of errors) {
    bump(counts.byCategory, error.category ?? 'uncategorized');
    bump(counts.bySeverity, error.severity ?? 'unrated');
  }
  return counts;
}

/** The statistics of one article's review. */
export function articleStats(review: ArticleReview, models: readonly ScoringModel[] = scoringModels): ArticleStats {
  const resolution = resolveReview(review);
  const words = countWords(review.mt);
  const errors = errorsOf(resolution.edits);
  const { counts } = resolution;
  const edits = resolution.edits.length;
  const decided = edits - counts.undecided;
  const segments = decided > 0 ? paragraphUnits(review, resolution).length : 0;
  const scores: Record<string, MqmScore | null> = {};
  for (const model of models) {
    const weighed = weighErrors(
      model,
      errors.map((error) => scorable(model, error)),
    );
    scores[model.id] = scoreWith(model, weighed, words, segments);
  }
  return {
    id: review.id,
    title: review.meta.title ?? null,
    words,
    edits,
    decided,
    reviewedShare: edits > 0 ? decided / edits : 1,
    decisions: { ...counts },
    errors: countErrors(errors),
    hter: sentenceTer(review.mt, [resolution.text]),
    segments,
    scores,
  };
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, value] of Object.entries(from)) bump(into, key, value);
}

/** The corpus totals over article statistics; scores pooled over all words (WMT: the mean over all rated segments). */
export function corpusStats(articles: readonly ArticleStats[], models = scoringModels): CorpusStats {
  const total: CorpusStats = {
    articles: articles.length,
    ...{ words: 0, edits: 0, decided: 0, reviewedShare: 1, segments: 0 },
    decisions: { accepted: 0, rejected: 0, amended: 0, undecided: 0 },
    errors: { total: 0, byCategory: {}, bySeverity: {} },
    hter: { score: 0, edits: 0, refLength: 0 },
    scores: {},
  };
  for (const a of articles) {
    Object.assign(total, {
      words: total.words + a.words,
      edits: total.edits + a.edits,
      decided: total.decided + a.decided,
      segments: total.segments + a.segments,
    });
    addCounts(total.decisions as unknown as Record<string, number>, a.decisions as unknown as Record<string, number>);
    total.errors.total += a.errors.total;
    addCounts(total.errors.byCategory, a.errors.byCategory);
    addCounts(total.errors.bySeverity, a.errors.bySeverity);
    total.hter.edits += a.hter.edits;
    total.hter.refLength += a.hter.refLength;
  }
  total.reviewedShare = total.edits > 0 ? total.decided / total.edits : 1;
  const { edits, refLength } = total.hter;
  total.hter.score = 100 * (refLength > 0 ? edits / refLength : edits > 0 ? 1 : 0);
  for (const model of models) total.scores[model.id] = pooledScore(model, articles, total.words, total.segments);
  return total;
}

function pooledScore(model: ScoringModel, articles: readonly ArticleStats[], words: number, segments: number) {
  const weighed = { penalty: 0, counts: emptyCounts() };
  for (const score of articles.map((a) => a.scores[model.id])) {
    if (!score) continue;
    weighed.penalty += score.penalty;
    addCounts(weighed.counts, score.counts);
  }
  return scoreWith(model, weighed, words, segments);
}

/** Statistics of a set of reviews: articles, corpus, reviewers, agreement, checks and recurring corrections. */
export function aggregate(reviews: readonly ArticleReview[], models = scoringModels): Statistics {
  const articles = reviews.map((review) => articleStats(review, models));
  return {
    models: models.map(({ id, label, higherIsBetter }) => ({ id, label, higherIsBetter })),
    corpus: corpusStats(articles, models),
    articles,
    reviewers: reviewerStats(reviews),
    agreement: reviewerAgreement(reviews.flatMap((review) => currentPerReviewer(review.verdicts))),
    checks: checkStats(reviews),
    recurring: recurringCorrections(reviews),
  };
}

/**
 * Per check, the standing decisions on the edits it found (origin `check:<id>`) or explains (a post-edit edit it
 * labelled), and its precision; sorted by id.
 */
export function checkStats(reviews: readonly ArticleReview[]): CheckStats[] {
  const byCheck = new Map<string, CheckStats>();
  for (const review of reviews) {
    for (const { edit, verdict } of resolveReview(review).edits) {
      const check = edit.checkId ?? (edit.origin.startsWith('check:') ? edit.origin.slice('check:'.length) : null);
      if (!check) continue;
      const stats = byCheck.get(check) ?? {
        ...{ check, edits: 0, accepted: 0, amended: 0, rejected: 0, undecided: 0 },
        precision: null,
      };
      stats.edits++;
      const decision = verdict?.decision;
      stats[
        decision === 'accept' ? 'accepted' : decision === 'amend' ? 'amended' : decision ? 'rejected' : 'undecided'
      ]++;
      const decided = stats.accepted + stats.amended + stats.rejected;
      stats.precision = decided > 0 ? (stats.accepted + stats.amended) / decided : null;
      byCheck.set(check, stats);
    }
  }
  return [...byCheck.values()].sort((a, b) => a.check.localeCompare(b.check));
}

/** Accepted corrections of the same MT text to the same text in two or more articles, most frequent first. */
export function recurringCorrections(reviews: readonly ArticleReview[]): RecurringCorrection[] {
  const byKey = new Map<string, RecurringCorrection>();
  for (const review of reviews) {
    for (const { edit, verdict } of resolveReview(review).edits) {
      if (verdict?.decision !== 'accept') continue;
      const key = JSON.stringify([edit.mtText, edit.correctedText]);
      const entry = byKey.get(key) ?? {
        mtText: edit.mtText,
        correctedText: edit.correctedText,
        count: 0,
        articles: [],
      };
      entry.count++;
      if (!entry.articles.includes(review.id)) entry.articles.push(review.id);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()]
    .filter((entry) => entry.articles.length >= 2)
    .sort((a, b) => b.count - a.count || a.mtText.localeCompare(b.mtText));
}
