// JSON export: the article, its edits with their standing verdicts, the full verdict history, the resolved text.

import type { ArticleReview } from '../review/article-review.ts';
import { type Resolution, resolveReview } from '../review/resolve.ts';
import type { ExportOptions } from './options.ts';

/** Version of the JSON layout; raised when a field changes meaning or disappears. */
export const JSON_EXPORT_VERSION = 1;

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
    text: resolution.text,
    edits: review.edits.map((edit) => ({
      ...edit,
      standingVerdictId: resolution.standing.get(edit.id)?.id ?? null,
      resolvedStart: spans.get(edit.id)?.start ?? null,
      resolvedEnd: spans.get(edit.id)?.end ?? null,
    })),
    verdicts: review.verdicts,
    ...(options.scores === undefined ? {} : { scores: options.scores }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
