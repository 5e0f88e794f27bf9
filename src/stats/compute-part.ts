// One article's statistics part, computed from its review as stored; or, when the review cannot be resolved, why.
import { type EditProblem, UnresolvableReviewError } from '../review/integrity.ts';
import { loadArticleReview } from '../store/article-review.ts';
import type { Store } from '../store/sql.ts';
import type { NeedsAttention } from './aggregate.ts';
import { type ArticlePart, articlePart } from './statistics.ts';

/** A part, or the article set aside under "needs attention"; undefined when the article is gone. */
export type ComputedPart = { part: ArticlePart } | { attention: NeedsAttention } | undefined;

/** Why one article's part could not be made: its edits' problems, or (a bug) the error, which is logged once. */
function problemsOf(id: string, error: unknown): EditProblem[] {
  if (error instanceof UnresolvableReviewError) return error.problems;
  console.error(`mt-review: statistics of article ${id} failed:`, error);
  return [{ editId: '', mtText: '', message: `its statistics could not be computed (${String(error)})` }];
}

/** Computes the part of article `id` as the store holds it now. */
export async function computePart(db: Store, id: string): Promise<ComputedPart> {
  const review = await loadArticleReview(db, id);
  if (!review) return undefined;
  try {
    return { part: articlePart(review) };
  } catch (error) {
    return { attention: { id, title: review.meta.title ?? null, problems: problemsOf(id, error) } };
  }
}
