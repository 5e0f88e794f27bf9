// JSON export: the article, its edits with their outcomes, the whole verdict history, the team review, the text.

import { type ArticleReview, unsetTeamReview } from '../review/article-review.ts';
import { undecidedOutcome } from '../review/outcome.ts';
import { type Resolution, resolveReview } from '../review/resolve.ts';
import { disputedIds } from './md.ts';
import type { ExportOptions } from './options.ts';

/** Version of the JSON layout; raised when a field changes meaning or disappears. */
// 2: each edit carries its `outcome` (team review) instead of `standingVerdictId`; `team` and `disputed` added.
export const JSON_EXPORT_VERSION = 2;

/** The review as pretty-printed JSON (resolved once with the options' undecided policy). */
export function renderJson(review: ArticleReview, options: ExportOptions = {}): string {
  return formatJson(review, resolveReview(review, options.policy), options);
}

/**
 * The review as JSON: everything the other formats are made from, so a script can rebuild any of them. Offsets in
 * `edits` index `article.mt` (and `article.corrected`); `resolvedStart`/`resolvedEnd` index `text`.
 */
export function formatJson(review: ArticleReview, resolution: Resolution, options: ExportOptions = {}): string {
  const spans = new Map(resolution.edits.map((resolved) => [resolved.edit.id, resolved]));
  const document = {
    format: 'mt-review-export',
    version: JSON_EXPORT_VERSION,
    article: { id: review.id, meta: review.meta, mt: review.mt, corrected: review.corrected, source: review.source },
    policy: resolution.policy,
    counts: resolution.counts,
    // The edits whose reviewers disagree and no lead has adjudicated: undecided for the text, named here.
    disputed: disputedIds(resolution),
    text: resolution.text,
    team: review.team ?? unsetTeamReview,
    edits: review.edits.map((edit) => ({
      ...edit,
      outcome: resolution.outcomes.get(edit.id) ?? undecidedOutcome,
      resolvedStart: spans.get(edit.id)?.start ?? null,
      resolvedEnd: spans.get(edit.id)?.end ?? null,
    })),
    verdicts: review.verdicts,
    ...(options.scores === undefined ? {} : { scores: options.scores }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
