// One export request, as the HTTP route and the CLI both make it: format and policy checked, the review rendered.
import type { UndecidedPolicy } from './diff/index.ts';
import { type ExportFormat, type ExportOutput, exportFormats, findExportFormat } from './export/formats.ts';
import { UnresolvableReviewError } from './review/integrity.ts';
import { articleStats } from './stats/aggregate.ts';
import { loadArticleReview } from './store/article-review.ts';
import type { Sql } from './store/index.ts';

/** A finished export: what to send or save, and how many edits nobody decided. */
export interface ExportResult extends ExportOutput {
  format: ExportFormat;
  fileName: string;
}

/** Why an export cannot be made: the article or the format is unknown, or the policy is. */
export type ExportProblem = {
  problem: 'unknown-article' | 'unknown-format' | 'unknown-policy' | 'unresolvable-article' | 'not-approved';
  message: string;
};

const policies: UndecidedPolicy[] = ['keep-correction', 'keep-mt'];

/**
 * Renders article `id` in `formatId`; undecided and disputed edits follow `policy` (default: keep the correction).
 * With `approvedOnly` (the final text for publishing), an article a lead has not approved is refused.
 */
export async function runExport(
  db: Sql,
  id: string,
  formatId: string,
  policy = 'keep-correction',
  options: { approvedOnly?: boolean } = {},
): Promise<ExportResult | ExportProblem> {
  const format = findExportFormat(formatId);
  if (!format) {
    return {
      problem: 'unknown-format',
      message: `unknown format "${formatId}": use one of ${exportFormats.map((f) => f.id).join(', ')}`,
    };
  }
  if (!policies.includes(policy as UndecidedPolicy)) {
    return { problem: 'unknown-policy', message: `unknown policy "${policy}": use keep-correction or keep-mt` };
  }
  const review = await loadArticleReview(db, id, { history: format.history });
  if (!review) return { problem: 'unknown-article', message: `no article "${id}"` };
  if (options.approvedOnly && !review.team?.approval) {
    return { problem: 'not-approved', message: `article "${id}" is not approved: only approved articles are final` };
  }
  try {
    // The JSON export carries the article's quality figures too, as the statistics page computes them.
    const scores = format.id === 'json' ? scoresOf(articleStats(review)) : undefined;
    const output = format.render(review, { policy: policy as UndecidedPolicy, scores });
    return { ...output, format, fileName: `${id}.${format.extension}` };
  } catch (error) {
    if (!(error instanceof UnresolvableReviewError)) throw error;
    return { problem: 'unresolvable-article', message: `${error.message}; open the article's page to repair it` };
  }
}

function scoresOf(stats: ReturnType<typeof articleStats>) {
  return { words: stats.words, hter: stats.hter, errors: stats.errors, models: stats.scores };
}
