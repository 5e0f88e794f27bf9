// The statistics as a sum of per-article parts: each article's part is computed once per revision and kept.

import {
  currentPerReviewer,
  type PairCells,
  pairCells,
  type ReviewerStats,
  reviewerStats,
} from '../metrics/agreement.ts';
import { type ScoringModel, scoringModels } from '../metrics/mqm-models.ts';
import type { ArticleReview } from '../review/article-review.ts';
import { resolveReview } from '../review/resolve.ts';
import { type ArticleStats, articleStats, type Statistics } from './aggregate.ts';
import { type AcceptedCorrection, acceptedCorrections, type CheckStats, checkCounts } from './corrections.ts';
import { StatsTotals } from './totals.ts';

/** What one article contributes: every part additive, so the corpus is their sum and a change touches one part. */
export interface ArticlePart {
  stats: ArticleStats;
  /** For the order articles are shown in (newest publication first). */
  published: string | null;
  reviewers: ReviewerStats[];
  pairs: PairCells[];
  checks: CheckStats[];
  accepted: AcceptedCorrection[];
}

/** One article's part of the statistics (its review resolved once). */
export function articlePart(review: ArticleReview, models: readonly ScoringModel[] = scoringModels): ArticlePart {
  const resolution = resolveReview(review);
  return {
    stats: articleStats(review, models, resolution),
    published: review.meta.published ?? null,
    reviewers: reviewerStats([review]),
    pairs: pairCells(currentPerReviewer(review.verdicts)),
    checks: checkCounts(resolution),
    accepted: acceptedCorrections(resolution),
  };
}

/** The statistics from the articles' parts, in the given article order. */
export function combineParts(
  parts: readonly ArticlePart[],
  models: readonly ScoringModel[] = scoringModels,
): Statistics {
  const totals = new StatsTotals();
  for (const part of parts) totals.apply(part, 1);
  return totals.statistics(
    parts.map((part) => part.stats),
    models,
  );
}

/** Statistics of a set of reviews: articles, corpus, reviewers, agreement, checks and recurring corrections. */
export function aggregate(
  reviews: readonly ArticleReview[],
  models: readonly ScoringModel[] = scoringModels,
): Statistics {
  return combineParts(
    reviews.map((review) => articlePart(review, models)),
    models,
  );
}
