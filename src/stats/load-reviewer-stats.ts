// The per-reviewer statistics of a store and one page of its per-article table.

import type { PairAgreement } from '../metrics/agreement.ts';
import { type ArticleStatus, articleStatus } from '../review/article-status.ts';
import { articleCount, articleReviewPage, reviewerDirectory, type Store } from '../store/index.ts';
import { reviewerAggregates } from './reviewer-parts.ts';
import {
  type ArticleReviewerTime,
  type ReviewerFigures,
  type ReviewerStatistics,
  reviewerStatistics,
} from './reviewer-stats.ts';

/** The most articles one page of the per-article table carries, and the default. */
export const maxArticlePage = 200;
export const defaultArticlePage = 50;

/** One row of the per-article table. */
export interface ArticleReviewRowStats {
  id: string;
  title: string | null;
  status: ArticleStatus;
  edits: number;
  outcomes: { undecided: number; agreed: number; disputed: number; adjudicated: number };
  assignees: string[];
  /** Who gave verdicts (or adjudications) on it, with their time from first to last verdict. */
  reviewers: ArticleReviewerTime[];
}

/** What /api/stats/reviewers answers: every reviewer and pair, and one page of articles. */
export interface ReviewerStatsPage {
  reviewers: ReviewerFigures[];
  pairs: PairAgreement[];
  articles: ArticleReviewRowStats[];
  /** The page's place: the id it starts after, its size, the id to ask the next page after (null: the last). */
  page: { after: string | null; limit: number; nextAfter: string | null; total: number };
}

// Per store: the figures computed from all parts, kept while no part changed and the accounts are the same.
const computedByStore = new WeakMap<Store, { key: string; stats: ReviewerStatistics }>();

async function computed(db: Store): Promise<ReviewerStatistics> {
  const reviewers = await reviewerDirectory(db);
  const aggregates = await reviewerAggregates(db);
  const key = `${aggregates.generation}\u0000${reviewers.map((r) => `${r.id}:${r.name}:${r.role}`).join('\u0000')}`;
  const kept = computedByStore.get(db);
  if (kept?.key === key) return kept.stats;
  const stats = reviewerStatistics({ reviewers, ...aggregates.rows() });
  computedByStore.set(db, { key, stats });
  return stats;
}

/** Every reviewer's figures and pair, and the articles after `after` (by id), at most `limit`. */
export async function loadReviewerStats(
  db: Store,
  page: { after?: string; limit?: number } = {},
): Promise<ReviewerStatsPage> {
  const limit = Math.min(Math.max(1, page.limit ?? defaultArticlePage), maxArticlePage);
  const stats = await computed(db);
  // One more than the page, to know whether another follows.
  const rows = await articleReviewPage(db, { after: page.after, limit: limit + 1 });
  const shown = rows.slice(0, limit);
  const articles = shown.map((row) => ({
    id: row.id,
    title: row.title,
    status: articleStatus(row),
    edits: row.edits,
    outcomes: { undecided: row.undecided, agreed: row.agreed, disputed: row.disputed, adjudicated: row.adjudicated },
    assignees: row.assignees,
    reviewers: stats.byArticle.get(row.id) ?? [],
  }));
  return {
    reviewers: stats.reviewers,
    pairs: stats.pairs,
    articles,
    page: {
      after: page.after ?? null,
      limit,
      nextAfter: rows.length > limit ? (shown.at(-1)?.id ?? null) : null,
      total: await articleCount(db),
    },
  };
}
