// What one reviewer may see of an article (pure): blind review hides the others' word on an edit until one's own.
import type { ArticleReview } from './article-review.ts';

/**
 * The review as `reviewer` sees it. In blind review (the default) other reviewers' verdicts and a lead's
 * adjudication on an edit show only once `reviewer` has a verdict of their own standing on it, so that nobody
 * anchors on a colleague's first pass; in open review everything shows. A lead sees everything: callers decide
 * who gets the full review.
 */
export function reviewerView(review: ArticleReview, reviewer: string): ArticleReview {
  if (review.team?.mode === 'open') return review;
  const decided = new Set(
    review.verdicts
      .filter((v) => v.reviewer === reviewer && v.kind !== 'adjudication' && !v.retractedAt)
      .map((v) => v.editId),
  );
  return { ...review, verdicts: review.verdicts.filter((v) => v.reviewer === reviewer || decided.has(v.editId)) };
}
