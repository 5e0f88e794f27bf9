// An article's texts and metadata as a list in a fixed order: what its fingerprints (import key, content hash) hash.
import type { LoadedArticle } from './types.ts';

/** Fields listed one by one, so that key order in article.json cannot change a fingerprint. */
export function articleFields(article: LoadedArticle): unknown[] {
  const { meta } = article;
  return [
    article.mt,
    article.corrected ?? null,
    article.source ?? null,
    [meta.title, meta.url, meta.published, meta.publisher, meta.author, meta.sourceLang, meta.targetLang],
  ];
}
