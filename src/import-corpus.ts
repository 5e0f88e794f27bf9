// Corpus folder → edits → store: what `serve` runs at start and `import` runs on demand.

import { basename } from 'node:path';
import { loadHouseStyle } from './checks/house-style.ts';
import { CorpusNameIndex, contextText, type NameIndexViewData, nameCounts } from './checks/name-index.ts';
import type { LabelledEdit } from './checks/suggestions.ts';
import type { CorpusText } from './checks/types.ts';
import type { ArticleInput } from './corpus/article-input.ts';
import { articleFileFacts } from './corpus/file-facts.ts';
import { listArticleDirs, loadArticle, loadArticles } from './corpus/load-corpus.ts';
import { slugCandidates, slugify } from './corpus/slug.ts';
import type { CorpusProblem, LoadedArticle } from './corpus/types.ts';
import { articleEdits } from './import/article-edits.ts';
import { type EditPool, PoolOnDemand } from './import/edit-pool.ts';
import { inOrder } from './import/in-order.ts';
import { contextKey, ENGINE_VERSION, engineKey, filesKey, importKey, namesKey } from './import-key.ts';
import {
  ConflictError,
  getArticle,
  type ImportOptions,
  type ImportResult,
  importArticle,
  importArticleIn,
  importKeys,
  NotFoundError,
  type Sql,
  type Store,
  type StoredImportKey,
  type SyncResult,
  sameContent,
  setCorrectedText,
  setFilesKeys,
} from './store/index.ts';

/** The outcome of importing a corpus: per article what happened, and the problems of the articles left out. */
export interface CorpusImport {
  imported: { id: string; result: ImportResult }[];
  problems: CorpusProblem[];
  /** Articles whose edits were computed (checks and diff run); the others were skipped by their import key. */
  computed: number;
  /** Article folders read; the others were found unchanged by their files' facts, without reading them. */
  read: number;
}

/** How a corpus import may differ from the default: tests pass another engine version to see it recompute. */
export interface CorpusImportOptions {
  engineVersion?: number;
  /** How long files must have been left alone for their facts to be trusted (SETTLE_MS); tests pass less. */
  settleMs?: number;
  /**
   * Worker threads computing names and edits: 0 computes in-process, n uses n threads however few articles there are.
   * Default: one per core when enough articles need computing (edit-pool.ts), else in-process.
   */
  workers?: number;
  /** Article folders read at a time (READ_CHUNK): tests pass fewer, to import a small corpus in several chunks. */
  readChunk?: number;
}

/**
 * The edits of an article. With a post-edit (corrected.txt, or the text a reviewer typed in the browser): its
 * edits, labelled by the checks that explain them, plus what the checks found that it missed. Without one: the
 * checks' suggestions, decided like any edit.
 */
export async function editsFor(
  db: Sql,
  article: LoadedArticle,
  corpus: readonly CorpusText[] = [],
  nameIndex?: CorpusNameIndex,
): Promise<LabelledEdit[]> {
  const corrected = article.corrected ?? (await getArticle(db, article.id))?.corrected ?? undefined;
  return articleEdits(article, corrected, corpus, nameIndex);
}

/** Imports one loaded article (idempotent: an unchanged article writes nothing). */
export async function importLoadedArticle(
  db: Store,
  article: LoadedArticle,
  corpus: readonly CorpusText[] = [],
  options: ImportOptions = {},
): Promise<ImportResult> {
  return importArticle(db, article, await editsFor(db, article, corpus), options);
}

/** An article sent as JSON, imported: its id, and what the import did. */
export interface InputImport {
  id: string;
  result: ImportResult;
}

// Slug candidates tried before giving up: a title shared by this many articles is a sender's bug, not news.
const MAX_SLUG_TRIES = 1000;

/**
 * Imports an article sent as JSON (the API, a JSONL line, the New-article page) through the same path as a folder.
 * `replace` (PUT) updates the article with that id, as a re-import of its folder would. Otherwise it creates: an id
 * given must be free or hold the same content (then nothing changes: a re-post is idempotent), else a
 * ConflictError; without an id, the title's slug (or the MT's first words') is used, made unique with -2, -3...,
 * and a candidate that already holds the same content is that article again.
 */
export async function importArticleInput(
  db: Store,
  input: ArticleInput,
  options: ImportOptions & { replace?: boolean } = {},
): Promise<InputImport> {
  const article = (id: string): LoadedArticle => {
    const loaded: LoadedArticle = { id, dir: '', meta: input.meta, mt: input.mt };
    if (input.corrected !== undefined) loaded.corrected = input.corrected;
    if (input.source !== undefined) loaded.source = input.source;
    return loaded;
  };
  const { replace, ...importOptions } = options;
  if (input.id !== undefined) {
    const result = await importLoadedArticle(db, article(input.id), [], { ...importOptions, create: !replace });
    return { id: input.id, result };
  }
  const base = slugify(input.meta.title ?? '') || slugify(input.mt.slice(0, 200)) || 'article';
  let tries = 0;
  for (const id of slugCandidates(base)) {
    if (++tries > MAX_SLUG_TRIES) break;
    const existing = await getArticle(db, id);
    if (existing && !sameContent(existing, article(id))) continue;
    try {
      return { id, result: await importLoadedArticle(db, article(id), [], { ...importOptions, create: true }) };
    } catch (error) {
      // Taken by another request between the look and the import: the next candidate.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new ConflictError(`${MAX_SLUG_TRIES} articles already have ids made from ${JSON.stringify(base)}; send an id`);
}

/**
 * Saves the corrected text a reviewer typed for an article without corrected.txt. Its edits are those an import of
 * the same text would make (the post-edit's, labelled by the checks, and the checks' findings clear of it), so the
 * checks' suggestions it overrides turn stale instead of overlapping it.
 */
export async function saveTypedCorrection(
  db: Store,
  articleId: string,
  corrected: string,
  reviewerId: number,
): Promise<SyncResult> {
  const stored = await getArticle(db, articleId);
  if (!stored) throw new NotFoundError(`no article with id ${articleId}`);
  const article: LoadedArticle = { id: stored.id, dir: '', meta: {}, mt: stored.mt, corrected };
  return setCorrectedText(db, articleId, corrected, await editsFor(db, article), reviewerId);
}

/**
 * Loads every article folder under `corpusDir` and imports the good ones; one bad article stops no other. An article
 * whose import key (its files, the engine version, what the corpus check reads about its names) matches the stored
 * one is skipped before anything is computed. Its files are not even read when their facts (inode, size, times) and
 * its names context are those stored with the key: a restart on an unchanged corpus lists and stats files, no more.
 */
export async function importCorpus(
  db: Store,
  corpusDir: string,
  options: CorpusImportOptions = {},
): Promise<CorpusImport> {
  // Worker threads compute names and edits when enough articles need them: ended however the import ends, since
  // live threads keep the process from exiting.
  const pool = new PoolOnDemand(options.workers);
  try {
    return await importWith(db, corpusDir, options, pool);
  } finally {
    await pool.close();
  }
}

async function importWith(
  db: Store,
  corpusDir: string,
  options: CorpusImportOptions,
  pool: PoolOnDemand,
): Promise<CorpusImport> {
  const run = new CorpusImportRun(db, options, pool, await importKeys(db));
  const { unread, toRead } = run.sortByFacts(await listArticleDirs(corpusDir));
  const readDirs = await run.readNames(unread, toRead);
  // An unread article whose names context moved (another article now spells one of its names otherwise) is read:
  // its key decides, as for any article. Its names are those stored, so the index stays as it is.
  const moved = run.contextMoved(unread);
  for (const [id, dir] of moved) {
    unread.delete(id);
    readDirs.set(id, dir);
  }
  for (const id of unread.keys()) run.results.set(id, { ...unchanged });
  const computed = await run.computeEdits([...readDirs].sort(([a], [b]) => compareIds(a, b)).map(([, dir]) => dir));
  await setFilesKeys(db, run.settled);
  const problems = run.problems.sort((a, b) => compareIds(a.articleId, b.articleId));
  const imported = [...run.results].map(([id, result]) => ({ id, result })).sort((a, b) => compareIds(a.id, b.id));
  return { imported, problems, computed, read: toRead.length + moved.length };
}

const unchanged: ImportResult = { status: 'unchanged', added: 0, staled: 0, revived: 0 };

/** An article whose edits are computed: its files, the post-edit typed for it, and the keys stored with them. */
interface Job {
  article: LoadedArticle;
  corrected: string | undefined;
  keys: StoredImportKey;
  /** Its view of the name index, as its key read it (what a worker's corpus check reads). */
  view: NameIndexViewData;
}

/**
 * One import of a corpus folder, in two passes over its article folders, a chunk at a time: the names of every
 * article read first, then each article read again to compute its edits, once every name is known. Only each
 * article's names key is kept between the passes, so memory holds a chunk of texts, never the corpus.
 */
class CorpusImportRun {
  readonly results = new Map<string, ImportResult>();
  readonly problems: CorpusProblem[] = [];
  /** Articles read but unchanged, whose files' facts spare the next import reading them. */
  readonly settled: { articleId: string; filesKey: string; contextKey: string }[] = [];
  private readonly db: Store;
  private readonly pool: PoolOnDemand;
  private readonly stored: Map<string, StoredImportKey>;
  private readonly settleMs: number | undefined;
  private readonly readChunk: number;
  private readonly style = loadHouseStyle();
  private readonly engine: string;
  /** One index, read by every article's corpus check and by its key. */
  private readonly nameIndex: CorpusNameIndex;
  private readonly factsOf = new Map<string, string | undefined>();
  /** The names key of each article read (of its MT as first read: the names in the index are that MT's). */
  private readonly namesKeys = new Map<string, string>();
  /** Articles whose edits are computed, waiting to be written in one transaction. */
  private batch: { article: LoadedArticle; edits: LabelledEdit[]; keys: StoredImportKey }[] = [];
  private batchStart = performance.now();

  constructor(db: Store, options: CorpusImportOptions, pool: PoolOnDemand, stored: Map<string, StoredImportKey>) {
    this.db = db;
    this.pool = pool;
    this.stored = stored;
    this.settleMs = options.settleMs;
    this.readChunk = Math.max(1, options.readChunk ?? READ_CHUNK);
    this.engine = engineKey(options.engineVersion ?? ENGINE_VERSION);
    this.nameIndex = new CorpusNameIndex(this.style);
  }

  /**
   * Articles whose files are as they were when their key was computed (by id, their folders): their stored names
   * hold, their files are not read unless their names context moved. The others, to read. The facts are taken
   * before any read, so a write after them shows next time.
   */
  sortByFacts(dirs: readonly string[]): { unread: Map<string, string>; toRead: string[] } {
    const unread = new Map<string, string>();
    const toRead: string[] = [];
    for (const dir of dirs) {
      const id = basename(dir);
      const facts = articleFileFacts(dir, this.settleMs);
      this.factsOf.set(id, facts);
      const before = this.stored.get(id);
      if (facts !== undefined && before?.filesKey && before.filesKey === filesKey(facts, this.engine)) {
        unread.set(id, dir);
      } else toRead.push(dir);
    }
    return { unread, toRead };
  }

  /**
   * The first pass: every article's names into the index, those unread from their stored names, those read found
   * in their MT (an MT unchanged under the same engine brings the names stored with it: finding them costs
   * milliseconds an article). Returns the folders of the articles read, by id.
   */
  async readNames(unread: ReadonlyMap<string, string>, toRead: readonly string[]): Promise<Map<string, string>> {
    for (const id of unread.keys()) this.nameIndex.addNames(id, storedNames(this.stored.get(id)));
    const readDirs = new Map<string, string>();
    for (let from = 0; from < toRead.length; from += this.readChunk) {
      const chunk = toRead.slice(from, from + this.readChunk);
      const loaded = await loadArticles(chunk);
      this.problems.push(...loaded.problems);
      for (const article of loaded.articles) {
        this.namesKeys.set(article.id, namesKey(article.mt, this.engine));
        readDirs.set(article.id, article.dir);
      }
      const known = (article: LoadedArticle) =>
        this.stored.get(article.id)?.namesKey === this.namesKeys.get(article.id);
      // Threads when the names of many articles are to be found (a first import: every article read).
      const fresh = loaded.articles.filter((article) => !known(article)).length;
      const namesPool = fresh > 0 ? this.pool.for(projected(fresh, chunk.length, toRead.length)) : undefined;
      await inOrder(
        loaded.articles,
        windowOf(namesPool),
        (article) => {
          if (known(article)) return storedNames(this.stored.get(article.id));
          return namesPool ? namesPool.names(article.mt) : nameCounts(article.mt, this.style);
        },
        (article, names) => this.nameIndex.addNames(article.id, names),
      );
    }
    return readDirs;
  }

  /** The unread articles whose names context is no longer the one stored with their key. */
  contextMoved(unread: ReadonlyMap<string, string>): [string, string][] {
    return [...unread].filter(([id]) => this.stored.get(id)?.contextKey !== contextKey(this.nameIndex.contextOf(id)));
  }

  /**
   * The second pass, over `dirs` in id order: each article read (again) decides by its key whether its edits are
   * computed; they are written a batch per commit. Returns how many were computed.
   */
  async computeEdits(dirs: readonly string[]): Promise<number> {
    let computed = 0;
    for (let from = 0; from < dirs.length; from += this.readChunk) {
      const chunk = dirs.slice(from, from + this.readChunk);
      const loaded = await loadArticles(chunk);
      // Changed between the two reads (or a moved article that no longer loads): left out as any bad article is.
      this.problems.push(...loaded.problems);
      const jobs: Job[] = [];
      for (const article of loaded.articles) {
        // A moved article's names were not read in the first pass: its MT is as stored, or its key tells otherwise.
        if (!this.namesKeys.has(article.id)) this.namesKeys.set(article.id, namesKey(article.mt, this.engine));
        const job = await this.jobOf(article);
        if (job) jobs.push(job);
      }
      const editsPool = jobs.length > 0 ? this.pool.for(projected(jobs.length, chunk.length, dirs.length)) : undefined;
      await inOrder(
        jobs,
        windowOf(editsPool),
        ({ article, corrected, view }) =>
          // The name index stands for the rest of the corpus: the corpus check reads it (a worker: the article's view).
          editsPool
            ? editsPool.edits(article.id, article.mt, corrected, view)
            : articleEdits(article, corrected, [], this.nameIndex),
        async ({ article, keys }, edits) => {
          this.batch.push({ article, edits, keys });
          if (this.batch.length >= maxBatch || performance.now() - this.batchStart >= maxBatchMs) await this.flush();
        },
      );
      computed += jobs.length;
    }
    await this.flush();
    return computed;
  }

  /**
   * The job of an article read: its keys, and the post-edit a reviewer typed for one without corrected.txt (read
   * here, so the computation needs no store and can run in a worker). None when its key is the one stored.
   */
  private async jobOf(article: LoadedArticle): Promise<Job | undefined> {
    // The article's view of the name index: its key reads it as text, a worker's corpus check as it is.
    const view = this.nameIndex.viewOf(article.id);
    const context = contextText(view);
    const key = importKey(article, this.engine, context);
    const before = this.stored.get(article.id);
    const facts = this.factsOf.get(article.id);
    const files = facts === undefined ? null : filesKey(facts, this.engine);
    if (before?.key === key) {
      this.results.set(article.id, { ...unchanged });
      // Read but unchanged (a file touched, or too fresh to trust before): its facts spare the next import the read.
      const names = before.namesKey === this.namesKeys.get(article.id);
      const contextHash = contextKey(context);
      if (files !== null && names && (before.filesKey !== files || before.contextKey !== contextHash)) {
        this.settled.push({ articleId: article.id, filesKey: files, contextKey: contextHash });
      }
      return undefined;
    }
    const corrected = article.corrected ?? (await getArticle(this.db, article.id))?.corrected ?? undefined;
    const keys = {
      key,
      namesKey: this.namesKeys.get(article.id) as string,
      names: JSON.stringify([...(this.nameIndex.namesOf(article.id) ?? [])]),
      filesKey: files,
      contextKey: contextKey(context),
    };
    return { article, corrected, keys, view };
  }

  /**
   * Writes the batch in one transaction. Edits are computed outside any transaction and written a batch per commit:
   * a commit waits for the disk, which costs more than the writes themselves; the write lock is held only meanwhile.
   */
  private async flush(): Promise<void> {
    const writing = this.batch;
    this.batch = [];
    this.batchStart = performance.now();
    if (writing.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const { article, edits, keys } of writing) {
        this.results.set(article.id, await importArticleIn(tx, article, edits, { importKey: keys }));
      }
    });
  }
}

/**
 * How many articles a pass computes if the rest is like this chunk (`inChunk` of its `chunkSize` to compute, `total`
 * in the pass): what decides whether threads pay off, before the pass has read the rest.
 */
function projected(inChunk: number, chunkSize: number, total: number): number {
  return Math.ceil((inChunk / chunkSize) * total);
}

// Article folders read at a time: the texts of this many articles (and the jobs in flight) are what the import holds.
const READ_CHUNK = 500;

// Jobs in flight: the main thread takes no results while it writes a batch, so the workers keep a batch's worth of
// jobs (and a few each) to compute meanwhile; bounded, so memory is too.
function windowOf(pool: EditPool | undefined): number {
  return pool ? maxBatch + pool.size * 4 : 1;
}

// Articles written per commit at most, and the longest their edits are computed before they are written.
const maxBatch = 50;
const maxBatchMs = 500;

// The names an import key was stored with (spelling → count).
function storedNames(stored: StoredImportKey | undefined): Map<string, number> {
  return new Map(JSON.parse(stored?.names ?? '[]') as [string, number][]);
}

// Plain code-unit order, as the loader sorts articles.
function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Imports one article folder. */
export async function importArticleFolder(db: Store, dir: string): Promise<CorpusImport> {
  const loaded = await loadArticle(dir);
  if ('problems' in loaded) return { imported: [], problems: loaded.problems, computed: 0, read: 1 };
  const result = await importLoadedArticle(db, loaded.article);
  return { imported: [{ id: loaded.article.id, result }], problems: [], computed: 1, read: 1 };
}
