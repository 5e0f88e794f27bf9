// The shape of an article as read from the corpus folder, before any diffing.

/** Metadata from `article.json`; every field optional in the file. */
export interface ArticleMeta {
  title?: string;
  url?: string;
  published?: string;
  publisher?: string;
  author?: string;
  sourceLang?: string;
  targetLang?: string;
}

/** One article folder, validated and read: text is UTF-8 with the BOM removed and CRLF turned into LF. */
export interface LoadedArticle {
  /** The folder name: a slug (lowercase letters, digits, hyphens). */
  id: string;
  dir: string;
  meta: ArticleMeta;
  mt: string;
  corrected?: string;
  source?: string;
}

/** A problem with one file of one article: names the file and says what is wrong. */
export interface CorpusProblem {
  articleId: string;
  file: string;
  message: string;
}
