// Loading article folders and whole corpus folders: each article validated alone, its problems collected, not thrown.
import type { Dirent, Stats } from 'node:fs';
import { lstatSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArticleJson } from './article-json.ts';
import { CorpusFileError, type ReadTextOptions, readArticleText, SYMLINK_REFUSED } from './read-text.ts';
import type { ArticleMeta, CorpusProblem, LoadedArticle } from './types.ts';

/** What an article id (its folder name) must look like: lowercase words of letters and digits joined by hyphens. */
export const ARTICLE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The longest article id: ids go into URLs and file names. */
export const MAX_ARTICLE_ID_LENGTH = 100;

/** Options for loading: the size limit per file (see {@link ReadTextOptions}). */
export type LoadOptions = ReadTextOptions;

/** An article loaded, or every problem that kept it from loading. */
export type LoadArticleResult = { article: LoadedArticle } | { problems: CorpusProblem[] };

/** The articles of a corpus folder (sorted by id) and the problems of those that did not load. */
export interface LoadedCorpus {
  articles: LoadedArticle[];
  problems: CorpusProblem[];
}

/** Formats a problem for stderr as `<file>: <message>`. */
export function formatProblem(problem: CorpusProblem): string {
  return `${problem.file}: ${problem.message}`;
}

/** Tells why a folder name is not a valid article id, or undefined when it is one. */
export function articleIdProblem(id: string): string | undefined {
  if (id.length > MAX_ARTICLE_ID_LENGTH) {
    return `article id is ${id.length} characters long, over the limit of ${MAX_ARTICLE_ID_LENGTH}`;
  }
  if (!ARTICLE_ID_PATTERN.test(id)) {
    return `article id ${JSON.stringify(id)} is not a slug (lowercase letters and digits, words joined by single hyphens)`;
  }
  return undefined;
}

/**
 * Loads one article folder (its name is the id): mt.txt is required; corrected.txt, source.txt, article.json are
 * optional. Every problem is reported at once, so that one pass fixes the folder. Symbolic links (the folder or
 * any of its files) are refused: one planted in the corpus would import and serve a file from outside it.
 */
export async function loadArticle(dir: string, options: LoadOptions = {}): Promise<LoadArticleResult> {
  const id = basename(dir);
  const folder = folderEntry(dir, 'article folder', false);
  if (typeof folder === 'string') return { problems: [{ articleId: id, file: dir, message: folder }] };
  const problems: CorpusProblem[] = [];
  const idProblem = articleIdProblem(id);
  if (idProblem) problems.push({ articleId: id, file: dir, message: idProblem });
  // One file after another (articles load in parallel): problems then come out in the same order every run.
  const read = (name: string) => readOptional(id, join(dir, name), { ...options, refuseLinks: true }, problems);
  const before = problems.length;
  const mt = await read('mt.txt');
  // Absent, not merely unreadable (that problem is already recorded).
  if (mt === undefined && problems.length === before) {
    problems.push({ articleId: id, file: join(dir, 'mt.txt'), message: 'mt.txt is missing' });
  }
  const corrected = await read('corrected.txt');
  const source = await read('source.txt');
  const metaText = await read('article.json');
  const meta = metaText === undefined ? {} : parseMeta(id, join(dir, 'article.json'), metaText, problems);
  if (replacedSince(dir, folder)) problems.push({ articleId: id, file: dir, message: FOLDER_REPLACED });
  if (problems.length > 0 || mt === undefined) return { problems };
  const article: LoadedArticle = { id, dir, meta, mt };
  if (corrected !== undefined) article.corrected = corrected;
  if (source !== undefined) article.source = source;
  return { article };
}

/**
 * Loads every article folder in `corpusDir` (files and dot-entries are skipped); a bad article becomes problems and
 * never stops the others. Throws a {@link CorpusFileError} only when the corpus folder itself cannot be read.
 */
export async function loadCorpus(corpusDir: string, options: LoadOptions = {}): Promise<LoadedCorpus> {
  return loadArticles(await listArticleDirs(corpusDir), options);
}

/** Loads the given article folders (as {@link loadCorpus} does the whole corpus): articles sorted by id, problems. */
export async function loadArticles(dirs: readonly string[], options: LoadOptions = {}): Promise<LoadedCorpus> {
  const results = await Promise.all(dirs.map((dir) => loadArticle(dir, options)));
  const articles: LoadedArticle[] = [];
  const problems: CorpusProblem[] = [];
  for (const result of results) {
    if ('article' in result) articles.push(result.article);
    else problems.push(...result.problems);
  }
  articles.sort((a, b) => compareIds(a.id, b.id));
  return { articles, problems };
}

/**
 * The article folders of a corpus folder, sorted by id (files and dot-entries skipped; links to folders listed, for
 * loadArticle to refuse). Throws a {@link CorpusFileError} when the corpus folder itself cannot be read.
 */
export async function listArticleDirs(corpusDir: string): Promise<string[]> {
  // The corpus folder itself may be a link (the operator chose it); the article folders in it may not.
  const corpusFolder = folderEntry(corpusDir, 'corpus folder', true);
  if (typeof corpusFolder === 'string') throw new CorpusFileError(corpusDir, corpusFolder);
  let entries: Dirent[];
  try {
    entries = await readdir(corpusDir, { withFileTypes: true });
  } catch (error) {
    throw new CorpusFileError(corpusDir, `cannot list the corpus folder: ${(error as Error).message}`);
  }
  const dirs: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    // A link to a folder is listed, so that loadArticle reports it refused instead of it vanishing without a word.
    if (entry.isDirectory() || (entry.isSymbolicLink() && isFolder(join(corpusDir, entry.name)))) {
      dirs.push(join(corpusDir, entry.name));
    }
  }
  // Sorted here too, so problems come out in a stable order (by article) whatever order readdir gives.
  return dirs.sort((a, b) => compareIds(basename(a), basename(b)));
}

// Reads an optional file: undefined when it is absent; any other failure is recorded as a problem of the article.
async function readOptional(
  id: string,
  path: string,
  options: LoadOptions,
  problems: CorpusProblem[],
): Promise<string | undefined> {
  try {
    return await readArticleText(path, options);
  } catch (error) {
    if (error instanceof CorpusFileError && error.code === 'ENOENT') return undefined;
    const message = error instanceof CorpusFileError ? error.reason : String(error);
    problems.push({ articleId: id, file: path, message });
    return undefined;
  }
}

function parseMeta(id: string, path: string, text: string, problems: CorpusProblem[]): ArticleMeta {
  const parsed = parseArticleJson(text);
  if ('meta' in parsed) return parsed.meta;
  for (const message of parsed.errors) problems.push({ articleId: id, file: path, message });
  return {};
}

const FOLDER_REPLACED = 'the folder was replaced while it was read: refused (load it again)';

// The folder's entry, or why it cannot be used ("corpus folder not found", "not a folder"). Without `follow`, a
// symbolic link is refused instead of followed (lstat). Synchronous, as the reads are (see read-text.ts).
function folderEntry(dir: string, kind: string, follow: boolean): Stats | string {
  try {
    const info = follow ? statSync(dir) : lstatSync(dir);
    if (info.isSymbolicLink()) return SYMLINK_REFUSED;
    return info.isDirectory() ? info : `not a folder (the ${kind} must be a directory)`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `${kind} not found` : `cannot open the ${kind}: ${(error as Error).message}`;
  }
}

// The files are opened by path, each refusing a link itself (O_NOFOLLOW); the folder on that path could still be
// swapped for a link between the lstat above and the opens. Seeing the same folder entry afterwards closes that gap
// but for a swap and a swap back in between, which no single check of a path can rule out.
function replacedSince(dir: string, before: Stats): boolean {
  let after: Stats | undefined;
  try {
    after = lstatSync(dir);
  } catch {
    return true;
  }
  return after.isSymbolicLink() || after.ino !== before.ino || after.dev !== before.dev;
}

function isFolder(path: string): boolean {
  return typeof folderEntry(path, 'folder', true) !== 'string';
}

// Plain code-unit order, not localeCompare: the same order on every machine and locale.
function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
