// Reads one article's review from the store in the shape every export, the review page and the API share.
import { getArticle, listEdits, listVerdicts, type Store } from '../store/index.ts';
import type { ArticleReview } from './types.ts';

/** The article with all its edits (stale ones too) and its whole verdict history; undefined when unknown. */
export function loadArticleReview(db: Store, id: string): ArticleReview | undefined {
  const article = getArticle(db, id);
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
    edits: listEdits(db, id, { includeStale: true }).map((edit) => ({ ...edit, message: edit.suggestedMessage })),
    verdicts: listVerdicts(db, id).map((v) => ({
      id: v.id,
      editId: v.editId,
      reviewer: v.reviewerName,
      decision: v.decision,
      category: v.category,
      severity: v.severity,
      note: v.note,
      amendedText: v.amendedText,
      createdAt: v.createdAt,
    })),
  };
}
