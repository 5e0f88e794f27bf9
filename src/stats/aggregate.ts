// Review statistics of articles (pure): counts, errors, HTER and MQM scores per article, and their corpus totals.

import type { PairAgreement, ReviewerStats } from '../metrics/agreement.ts';
import { articleHter } from '../metrics/hter.ts';
import {
  type MqmScore,
  type ScorableError,
  type ScoringModel,
  scoreWith,
  scoringModels,
  weighErrors,
} from '../metrics/mqm-models.ts';
import type { TerScore } from '../metrics/ter.ts';
import type { ArticleReview } from '../review/article-review.ts';
import type { EditProblem } from '../review/integrity.ts';
import { issueLabel } from '../review/labels.ts';
import { paragraphUnits } from '../review/paragraph-units.ts';
import {
  type DecisionCounts,
  type Resolution,
  type ResolvedEdit,
  resolveReview,
  standingDecision,
} from '../review/resolve.ts';
import type { Severity } from '../review/taxonomy.ts';
import { wmtCategoryOf, wmtSeverityOf } from '../review/wmt-labels.ts';
import type { CheckStats, RecurringCorrection } from './corrections.ts';

/** Errors counted: an error is a current edit whose outcome stands (agreed or adjudicated) as accept or amend. */
export interface ErrorCounts {
  total: number;
  /** By the outcome's category (else the check's suggestion, as the exports label it); or `uncategorized`. */
  byCategory: Record<string, number>;
  /** By the outcome's severity; `unrated` when it has none (scored as minor). */
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

/** An article left out of the statistics because its review cannot be computed, and why. */
export interface NeedsAttention {
  id: string;
  title: string | null;
  problems: EditProblem[];
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
  /** Articles left out of every figure above because their review cannot be computed (see NeedsAttention). */
  attention: NeedsAttention[];
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

function errorsOf(edits: readonly ResolvedEdit[]): ErrorRecord[] {
  return edits
    .filter((e) => {
      const decision = standingDecision(e.outcome);
      return decision === 'accept' || decision === 'amend';
    })
    .map((e) => {
      const label = issueLabel(e.edit, e.outcome);
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
export function articleStats(
  review: ArticleReview,
  models: readonly ScoringModel[] = scoringModels,
  resolution: Resolution = resolveReview(review),
): ArticleStats {
  const words = countWords(review.mt);
  const errors = errorsOf(resolution.edits);
  const { counts } = resolution;
  const edits = resolution.edits.length;
  // Decided: an outcome stands (agreed or adjudicated); disputed edits are counted apart, in `decisions`.
  const decided = counts.accepted + counts.rejected + counts.amended;
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
    hter: articleHter(review.mt, resolution),
    segments,
    scores,
  };
}
