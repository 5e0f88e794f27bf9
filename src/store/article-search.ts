// Full-text search of articles (title and MT): a query's words, and the condition each engine's index answers.
import type { EngineKind } from './sql.ts';

/** At most this many words of a query are searched for. */
export const maxSearchTerms = 8;

/**
 * The words of a search query, lower-cased: runs of letters and digits. Every word must occur in the article's title
 * or text, as a word or the start of one ("lavr" finds "Lavrov"). Both engines split the indexed text at the same
 * places for words of letters and digits; they may differ inside tokens such as URLs, e-mail addresses or numbers
 * with signs, and a PostgreSQL database without a locale does not lower-case letters outside ASCII.
 */
export function searchTerms(query: string): string[] {
  return (
    query
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, maxSearchTerms);
}

/**
 * The SQL condition on `a` (articles) that keeps the articles matching every term, and its `:search` parameter:
 * FTS5's MATCH on SQLite (each term a quoted prefix), the GIN-indexed tsvector on PostgreSQL. The tsvector
 * expression is the index's own (schema.ts, version 5: why the punctuation becomes spaces), or PostgreSQL would scan
 * every text.
 */
export function searchCondition(engine: EngineKind, terms: readonly string[]): { sql: string; search: string } {
  if (engine === 'postgres') {
    return {
      sql: `to_tsvector('simple', translate(coalesce(a.title, '') || ' ' || left(a.mt, 200000), '<>&/.@_+=~#%-:',
        '              ')) @@ to_tsquery('simple', :search)`,
      search: terms.map((term) => `${term}:*`).join(' & '),
    };
  }
  return {
    sql: `a.id IN (SELECT k.article_id FROM article_search_keys k
      WHERE k.key IN (SELECT rowid FROM article_search WHERE article_search MATCH :search))`,
    search: terms.map((term) => `"${term}"*`).join(' '),
  };
}
