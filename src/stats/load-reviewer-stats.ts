// The per-reviewer statistics of a store and one page of its per-article table; the aggregates kept until it changes.

import type { PairAgreement } from '../metrics/agreement.ts';
import { type ArticleStatus, articleStatus } from '../review/article-status.ts';
import {
  articleCount,
  articleReviewPage,
  reviewChangeMark,
  reviewerArticleSpans,
  reviewerDirectory,
  reviewerOutcomeCounts,
  reviewerPairCounts,
  type Store,
} from '../store/index.ts';
import {
  type ArticleReviewerTime,
  type ReviewerFigures,
  type ReviewerFiguresInput,
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

type Aggregates = Omit<ReviewerFiguresInput, 'reviewers'>;

// Per store: the aggregates at a change mark (see reviewChangeMark), or the read of them in progress.
const kept = new WeakMap<Store, { mark: string; aggregates: Promise<Aggregates> }>();

/**
 * The grouped rows of all verdicts, read again only when some article's review changed since the last read: three
 * grouped scans cost seconds at a million verdicts, the mark a scan of one row per article.
 */
async function aggregatesOf(db: Store): Promise<Aggregates> {
  const mark = await reviewChangeMark(db);
  const old = kept.get(db);
  if (old?.mark === mark) return old.aggregates;
  const aggregates = (async () => ({
    spans: await reviewerArticleSpans(db),
    outcomes: await reviewerOutcomeCounts(db),
    pairs: await reviewerPairCounts(db),
  }))();
  kept.set(db, { mark, aggregates });
  aggregates.catch(() => {
    if (kept.get(db)?.aggregates === aggregates) kept.delete(db);
  });
  return aggregates;
}

/** Every reviewer's figures and pair, and the articles after `after` (by id), at most `limit`. */
export async function loadReviewerStats(
  db: Store,
  page: { after?: string; limit?: number } = {},
): Promise<ReviewerStatsPage> {
  const limit = Math.min(Math.max(1, page.limit ?? defaultArticlePage), maxArticlePage);
  const stats = reviewerStatistics({ reviewers: await reviewerDirectory(db), ...(await aggregatesOf(db)) });
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
