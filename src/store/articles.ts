// The articles table: idempotent import from the corpus, the reviewer's corrected text, the article list.
import { createHash } from 'node:crypto';
import { articleFields } from '../corpus/article-fields.ts';
import type { LoadedArticle } from '../corpus/types.ts';
import { type SyncResult, syncEdits } from './edit-sync.ts';
import type { ImportedEdit } from './edits.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { clearImportKey, type StoredImportKey, setImportKey } from './import-keys.ts';
import type { Sql, Store } from './sql.ts';
import { assertOpen } from './team-review.ts';
import { type RevisionVia, recordTextRevision } from './text-revisions.ts';
import { nowIso } from './values.ts';
import { queueArticleWebhook } from './webhook-outbox.ts';

/** Who wrote the corrected text: the corpus file `corrected.txt`, or a reviewer in the browser. */
export type CorrectedOrigin = 'file' | 'reviewer';

/** An article as stored. Absent metadata and texts are null. */
export interface StoredArticle {
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  publisher: string | null;
  author: string | null;
  sourceLang: string | null;
  targetLang: string | null;
  mt: string;
  corrected: string | null;
  correctedOrigin: CorrectedOrigin | null;
  correctedBy: number | null;
  source: string | null;
  contentHash: string;
  importedAt: string;
  updatedAt: string;
}

/** One line of the article list: `edits` counts current edits, `reviewed` those with at least one current verdict. */
export interface ArticleSummary {
  id: string;
  title: string | null;
  publisher: string | null;
  published: string | null;
  edits: number;
  reviewed: number;
}

/** What an import did: the article was new, unchanged (nothing written) or updated, and what happened to edits. */
export interface ImportResult extends SyncResult {
  status: 'new' | 'unchanged' | 'updated';
  /** The text revision the import recorded (absent when unchanged). */
  revision?: number;
}

/** How an import came in, for the article's history of revisions; `create` refuses to change another article. */
export interface ImportOptions {
  via?: RevisionVia;
  reviewerId?: number | null;
  /**
   * Only create: an existing article with other texts or metadata is a ConflictError (POST with an id taken); the
   * same texts go through (an unchanged re-post, or new edits from a newer check set).
   */
  create?: boolean;
  /** The corpus import's key for this article (see import-key.ts); without one, any key kept is forgotten. */
  importKey?: StoredImportKey;
}

/** True when the stored article has these texts and this metadata (a correction typed in the browser aside). */
export function sameContent(stored: StoredArticle, article: LoadedArticle): boolean {
  const { meta } = article;
  const correctedMatches =
    stored.correctedOrigin === 'reviewer'
      ? article.corrected === undefined
      : stored.corrected === (article.corrected ?? null);
  return (
    stored.mt === article.mt &&
    correctedMatches &&
    stored.source === (article.source ?? null) &&
    stored.title === (meta.title ?? null) &&
    stored.url === (meta.url ?? null) &&
    stored.published === (meta.published ?? null) &&
    stored.publisher === (meta.publisher ?? null) &&
    stored.author === (meta.author ?? null) &&
    stored.sourceLang === (meta.sourceLang ?? null) &&
    stored.targetLang === (meta.targetLang ?? null)
  );
}

/** A fingerprint of everything an import would write: texts, metadata and the edits computed from them. */
export function contentHash(article: LoadedArticle, edits: readonly ImportedEdit[]): string {
  // The edits are part of it so that a newer diff engine or check set re-imports an article whose files did not change.
  const fingerprint = [...articleFields(article), edits];
  return createHash('sha256').update(JSON.stringify(fingerprint)).digest('hex');
}

/**
 * Imports an article and its edits. Unchanged content writes nothing. Otherwise the article row is updated, new edits
 * inserted, known ones kept with their verdicts, and edits no longer produced turned stale (never deleted).
 * `importKey` (see src/import-key.ts) is recorded with them, so that the next import of the same files skips the
 * article before computing anything; without one the article's key is forgotten.
 */
export function importArticle(
  store: Store,
  article: LoadedArticle,
  edits: readonly ImportedEdit[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  return store.transaction((tx) => importArticleIn(tx, article, edits, options));
}

/**
 * {@link importArticle} inside a transaction the caller holds: a corpus import writes several articles per commit
 * (a commit waits for the disk, milliseconds an article on its own).
 */
export async function importArticleIn(
  tx: Sql,
  article: LoadedArticle,
  edits: readonly ImportedEdit[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const hash = contentHash(article, edits);
  const existing = await getArticle(tx, article.id);
  const { importKey } = options;
  // The key a corpus import skips an unchanged article by: kept with its content, forgotten for any other import.
  const keep = () =>
    importKey === undefined ? clearImportKey(tx, article.id) : setImportKey(tx, article.id, importKey);
  if (existing?.contentHash === hash) {
    await keep();
    return { status: 'unchanged', added: 0, staled: 0, revived: 0 };
  }
  if (options.create && existing && !sameContent(existing, article)) {
    throw new ConflictError(
      `article ${article.id} exists with other content; PUT /api/articles/${article.id} changes it`,
    );
  }
  const reviewed = existing ? await reviewedEditIds(tx, article.id) : [];
  // An article without corrected.txt may have been post-edited in the browser: the file saying nothing about the
  // correction must not wipe that work.
  const keepReviewer = article.corrected === undefined && existing?.correctedOrigin === 'reviewer';
  const now = nowIso();
  await writeArticle(tx, article, hash, now, keepReviewer ? existing : undefined);
  // With the reviewer's text kept, the post-edit edits belong to it; a caller that diffed only the files passes
  // none, and they stay. A caller that diffed against the kept text passes them, and they are synchronised.
  const ownsPostEdit = !keepReviewer || edits.some((edit) => edit.origin === 'post-edit');
  const sync = await syncEdits(tx, article.id, edits, {
    mt: article.mt,
    inScope: (origin) => origin !== 'post-edit' || ownsPostEdit,
    createdBy: null,
    now,
  });
  const revision = await recordTextRevision(tx, {
    articleId: article.id,
    via: options.via ?? 'corpus',
    reviewerId: options.reviewerId ?? null,
    contentHash: hash,
    texts: {
      mt: article.mt,
      corrected: keepReviewer ? (existing?.corrected ?? null) : (article.corrected ?? null),
      source: article.source ?? null,
    },
    sync,
    reviewedStaled: await countStale(tx, reviewed),
    now,
  });
  await keep();
  await queueArticleWebhook(tx, article.id, existing ? 'article.revised' : 'article.created');
  return { status: existing ? 'updated' : 'new', ...sync, revision };
}

// The article's current edits that have a current verdict: those that turn stale are the verdicts the text moved from.
async function reviewedEditIds(tx: Sql, articleId: string): Promise<string[]> {
  const rows = await tx.all<{ id: string }>(
    `SELECT e.id FROM edits e WHERE e.article_id = :articleId AND e.status = 'current'
       AND EXISTS (SELECT 1 FROM current_verdicts cv WHERE cv.edit_id = e.id)`,
    { articleId },
  );
  return rows.map((row) => row.id);
}

async function countStale(tx: Sql, ids: readonly string[]): Promise<number> {
  let stale = 0;
  for (const id of ids) {
    const row = await tx.get<{ status: string }>('SELECT status FROM edits WHERE id = :id', { id });
    if (row?.status === 'stale') stale++;
  }
  return stale;
}

async function writeArticle(
  tx: Sql,
  article: LoadedArticle,
  hash: string,
  now: string,
  kept?: StoredArticle,
): Promise<void> {
  const { meta } = article;
  await tx.run(
    `INSERT INTO articles (id, title, url, published, publisher, author, source_lang, target_lang, mt, corrected,
       corrected_origin, corrected_by, source, content_hash, imported_at, updated_at)
     VALUES (:id, :title, :url, :published, :publisher, :author, :sourceLang, :targetLang, :mt, :corrected,
       :correctedOrigin, :correctedBy, :source, :contentHash, :now, :now)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, url = excluded.url, published = excluded.published,
       publisher = excluded.publisher, author = excluded.author, source_lang = excluded.source_lang,
       target_lang = excluded.target_lang, mt = excluded.mt, corrected = excluded.corrected,
       corrected_origin = excluded.corrected_origin, corrected_by = excluded.corrected_by, source = excluded.source,
       content_hash = excluded.content_hash, updated_at = excluded.updated_at`,
    {
      id: article.id,
      title: meta.title ?? null,
      url: meta.url ?? null,
      published: meta.published ?? null,
      publisher: meta.publisher ?? null,
      author: meta.author ?? null,
      sourceLang: meta.sourceLang ?? null,
      targetLang: meta.targetLang ?? null,
      mt: article.mt,
      corrected: kept ? kept.corrected : (article.corrected ?? null),
      correctedOrigin: kept ? 'reviewer' : article.corrected === undefined ? null : 'file',
      correctedBy: kept ? kept.correctedBy : null,
      source: article.source ?? null,
      contentHash: hash,
      now,
    },
  );
}

/**
 * Saves the corrected text a reviewer typed for an article without corrected.txt, with the edits computed for it as
 * an import of that text would compute them (the post-edit's, and the checks' suggestions clear of it): edits that
 * remain keep their verdicts, the others turn stale, so the checks' suggestions it overrides no longer apply.
 */
export function setCorrectedText(
  store: Store,
  articleId: string,
  corrected: string,
  edits: readonly ImportedEdit[],
  reviewerId: number,
): Promise<SyncResult> {
  return store.transaction(async (tx): Promise<SyncResult> => {
    const article = await getArticle(tx, articleId);
    if (!article) throw new NotFoundError(`no article with id ${articleId}`);
    await assertOpen(tx, articleId);
    if (article.correctedOrigin === 'file') {
      throw new ConflictError(`article ${articleId} has a corrected.txt; its corrected text is edited in the file`);
    }
    const now = nowIso();
    // Its edits now follow from the typed text, computed without the corpus: the next import recomputes it.
    await clearImportKey(tx, articleId);
    await tx.run(
      `UPDATE articles SET corrected = :corrected, corrected_origin = 'reviewer', corrected_by = :reviewerId,
         updated_at = :now WHERE id = :articleId`,
      { corrected, reviewerId, now, articleId },
    );
    return syncEdits(tx, articleId, edits, {
      mt: article.mt,
      inScope: () => true,
      createdBy: reviewerId,
      now,
    });
  });
}

/** The article with this id, or undefined. */
export function getArticle(db: Sql, id: string): Promise<StoredArticle | undefined> {
  return db.get<StoredArticle>(
    `SELECT id, title, url, published, publisher, author, source_lang AS "sourceLang", target_lang AS "targetLang", mt,
       corrected, corrected_origin AS "correctedOrigin", corrected_by AS "correctedBy", source,
       content_hash AS "contentHash", imported_at AS "importedAt", updated_at AS "updatedAt"
     FROM articles WHERE id = :id`,
    { id },
  );
}

/** Every article, newest publication first, with its number of current edits and of reviewed ones. */
export function listArticles(db: Sql): Promise<ArticleSummary[]> {
  return db.all<ArticleSummary>(
    `SELECT a.id, a.title, a.publisher, a.published,
       (SELECT count(*) FROM edits e WHERE e.article_id = a.id AND e.status = 'current') AS edits,
       (SELECT count(*) FROM edits e WHERE e.article_id = a.id AND e.status = 'current'
          AND EXISTS (SELECT 1 FROM current_verdicts cv WHERE cv.edit_id = e.id)) AS reviewed
     FROM articles a
     ORDER BY a.published IS NULL, a.published DESC, a.id`,
  );
}

/**
 * A counter that grows whenever anything about the article changes (its text, its edits, a new verdict), or
 * undefined for an unknown article; kept by triggers, read with one primary-key lookup, so pages and statistics
 * can be cached against it.
 */
export async function articleVersion(db: Sql, id: string): Promise<string | undefined> {
  const row = await db.get<{ revision: number }>('SELECT revision FROM article_revisions WHERE article_id = :id', {
    id,
  });
  return row ? String(row.revision) : undefined;
}

/** Every article's revision (see articleVersion), by id: one scan of a small table, for caches of derived data. */
export async function articleRevisions(db: Sql): Promise<{ id: string; revision: number }[]> {
  const rows = await db.all<{ id: string; revision: number }>(
    'SELECT article_id AS id, revision FROM article_revisions',
  );
  // PostgreSQL returns bigint as a string.
  for (const row of rows) row.revision = Number(row.revision);
  return rows;
}
