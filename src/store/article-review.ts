// Reads one article's review from the store in the shape every export, the review page and the API share.

import type { ArticleReview, VerdictRecord } from '../review/article-review.ts';
import {
  currentVerdicts,
  getArticle,
  listEdits,
  listVerdicts,
  reviewerActivity,
  type Sql,
  type StoredVerdict,
} from './index.ts';

/** What to read besides the article and its edits: the whole verdict history, or (default) each reviewer's latest. */
export interface LoadOptions {
  history?: boolean;
}

const toRecord = (v: StoredVerdict): VerdictRecord => ({
  id: v.id,
  editId: v.editId,
  reviewer: v.reviewerName,
  decision: v.decision,
  category: v.category,
  severity: v.severity,
  note: v.note,
  amendedText: v.amendedText,
  createdAt: v.createdAt,
});

/**
 * The article with all its edits (stale ones too) and its verdicts; undefined when unknown. Only each reviewer's
 * latest verdict per edit unless the history is asked for: a page must not cost more as the history grows.
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
  return {
    id: article.id,
    meta: Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined)),
    mt: article.mt,
    corrected: article.corrected,
    source: article.source,
    edits: (await listEdits(db, id, { includeStale: true })).map((edit) => ({
      ...edit,
      message: edit.suggestedMessage,
    })),
    verdicts: (await (options.history ? listVerdicts(db, id) : currentVerdicts(db, id))).map(toRecord),
    activity: await reviewerActivity(db, id),
  };
}
