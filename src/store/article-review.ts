// Reads one article's review from the store in the shape the review page, the statistics and the exports share.
import type { ArticleReview } from '../review/article-review.ts';
import { getArticle } from './articles.ts';
import { listEdits } from './edits.ts';
import { toVerdictRecord } from './outcomes.ts';
import type { Sql } from './sql.ts';
import { teamReviewOf } from './team-review.ts';
import { currentVerdicts, listVerdicts, reviewerActivity } from './verdict-reads.ts';

/** What to read besides the article and its edits: the whole verdict history, or (default) the current verdicts. */
export interface LoadOptions {
  history?: boolean;
}

/**
 * The article with all its edits (stale ones too), its verdicts and adjudications, and its team review; undefined
 * when unknown. Only the current verdicts unless the history is asked for: a page must not cost more as the
 * history grows.
 */
export async function loadArticleReview(
  db: Sql,
  id: string,
  options: LoadOptions = {},
): Promise<ArticleReview | undefined> {
  const article = await getArticle(db, id);
  if (!article) return undefined;
  const meta = {
    title: article.title ?? undefined,
    url: article.url ?? undefined,
    published: article.published ?? undefined,
    publisher: article.publisher ?? undefined,
    author: article.author ?? undefined,
    sourceLang: article.sourceLang ?? undefined,
    targetLang: article.targetLang ?? undefined,
  };
  const review: ArticleReview = {
    id: article.id,
    meta: Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined)),
    mt: article.mt,
    corrected: article.corrected,
    source: article.source,
    edits: (await listEdits(db, id, { includeStale: true })).map((edit) => ({
      ...edit,
      message: edit.suggestedMessage,
    })),
    verdicts: (await (options.history ? listVerdicts(db, id) : currentVerdicts(db, id))).map(toVerdictRecord),
    activity: await reviewerActivity(db, id),
  };
  const team = await teamReviewOf(db, id);
  return team ? { ...review, team } : review;
}
