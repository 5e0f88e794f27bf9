// Whether an article's stored edits can be resolved at all: the check every reader runs before applying verdicts.
import { spanProblem } from '../diff/index.ts';
import type { ArticleReview } from './article-review.ts';

/** One reason an article's review cannot be resolved, naming the edit at fault. */
export interface EditProblem {
  editId: string;
  mtText: string;
  message: string;
  /** For an overlap: the edit before it that it overlaps. */
  overlaps?: string;
}

/**
 * Thrown when an article's current edits cannot apply to its MT (overlapping spans, a span outside the text). It
 * concerns one article only: readers of many articles catch it and set that article aside.
 */
export class UnresolvableReviewError extends Error {
  readonly articleId: string;
  readonly problems: EditProblem[];

  constructor(articleId: string, problems: EditProblem[]) {
    super(
      `article ${articleId} cannot be resolved: ${problems.map((p) => `edit ${p.editId}: ${p.message}`).join('; ')}`,
    );
    this.name = 'UnresolvableReviewError';
    this.articleId = articleId;
    this.problems = problems;
  }
}

/**
 * What stops the review's current edits from applying, in the order the resolution applies them (MT offset, then as
 * stored): a span outside the MT or no longer matching it, or an edit starting before the one before it ends.
 */
export function reviewProblems(review: Pick<ArticleReview, 'mt' | 'edits'>): EditProblem[] {
  const problems: EditProblem[] = [];
  let previous: ArticleReview['edits'][number] | undefined;
  for (const edit of review.edits) {
    if (edit.status !== 'current') continue;
    const problem = spanProblem(review.mt, edit);
    if (problem) {
      problems.push({ editId: edit.id, mtText: edit.mtText, message: problem });
      continue;
    }
    if (previous && edit.mtStart < previous.mtEnd) {
      problems.push({
        editId: edit.id,
        mtText: edit.mtText,
        message: `its span ${edit.mtStart}-${edit.mtEnd} overlaps edit ${previous.id} ("${previous.mtText}")`,
        overlaps: previous.id,
      });
      continue;
    }
    previous = edit;
  }
  return problems;
}
