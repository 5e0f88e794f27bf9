// Corpus folder → edits → store: what `serve` runs at start and `import` runs on demand.
import { loadArticle, loadCorpus } from './corpus/load-corpus.ts';
import type { CorpusProblem, LoadedArticle } from './corpus/types.ts';
import { extractEdits } from './diff/index.ts';
import { getArticle, type ImportResult, importArticle, type Store } from './store/index.ts';

/** The outcome of importing a corpus: per article what happened, and the problems of the articles left out. */
export interface CorpusImport {
  imported: { id: string; result: ImportResult }[];
  problems: CorpusProblem[];
}

/** The post-edit edits of an article: against corrected.txt, or against the text a reviewer typed in the browser. */
export function editsFor(db: Store, article: LoadedArticle) {
  const corrected = article.corrected ?? getArticle(db, article.id)?.corrected ?? undefined;
  return corrected === undefined ? [] : extractEdits(article.mt, corrected, { salt: article.id });
}

/** Imports one loaded article (idempotent: an unchanged article writes nothing). */
export function importLoadedArticle(db: Store, article: LoadedArticle): ImportResult {
  return importArticle(db, article, editsFor(db, article));
}

/** Loads every article folder under `corpusDir` and imports the good ones; one bad article stops no other. */
export async function importCorpus(db: Store, corpusDir: string): Promise<CorpusImport> {
  const { articles, problems } = await loadCorpus(corpusDir);
  const imported = articles.map((article) => ({ id: article.id, result: importLoadedArticle(db, article) }));
  return { imported, problems };
}

/** Imports one article folder. */
export async function importArticleFolder(db: Store, dir: string): Promise<CorpusImport> {
  const loaded = await loadArticle(dir);
  if ('problems' in loaded) return { imported: [], problems: loaded.problems };
  return { imported: [{ id: loaded.article.id, result: importLoadedArticle(db, loaded.article) }], problems: [] };
}
