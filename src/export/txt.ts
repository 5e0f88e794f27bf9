// Plain-text export: the corrected text as the verdicts stand, nothing else in the body.

import type { ArticleReview } from '../review/article-review.ts';
import { type DecisionCounts, type Resolution, resolveReview } from '../review/resolve.ts';
import type { ExportOptions } from './options.ts';

/** A plain-text export: the body, and how many edits were undecided (for a header, never inside the text). */
export interface TextExport {
  body: string;
  undecided: number;
  counts: DecisionCounts;
}

/** The corrected text of a review, with undecided edits resolved by `options.policy`. */
export function renderTxt(review: ArticleReview, options: ExportOptions = {}): TextExport {
  return formatTxt(resolveReview(review, options.policy));
}

/** The plain-text export of an already resolved review: the text exactly as resolved. */
export function formatTxt(resolution: Resolution): TextExport {
  return { body: resolution.text, undecided: resolution.counts.undecided, counts: resolution.counts };
}
