// Reads every article's review from the store and aggregates the statistics the page, API and CLI show.
import { loadArticleReview } from '../export/load-review.ts';
import type { ArticleReview } from '../export/types.ts';
import { listArticles, type Store } from '../store/index.ts';
import { aggregate, type Statistics } from './aggregate.ts';

/** The statistics of all articles in the store (loads every review; incremental counts come later). */
export function loadStatistics(db: Store): Statistics {
  const reviews = listArticles(db)
    .map((article) => loadArticleReview(db, article.id))
    .filter((review): review is ArticleReview => review !== undefined);
  return aggregate(reviews);
}
