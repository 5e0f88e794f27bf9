// The text_revisions table: one row each time an import changed an article's texts (append-only), read as a history.
import type { Sql } from './sql.ts';

/** How a revision came in: a corpus folder, the API, an upload in the browser, the New-article page, a JSONL file. */
export type RevisionVia = 'corpus' | 'api' | 'upload' | 'browser' | 'jsonl';

/** One revision of an article's texts: sizes in UTF-8 bytes; edit counts are what the import did to the edits. */
export interface TextRevision {
  number: number;
  via: RevisionVia;
  /** The reviewer who sent it (API, browser), or null (the command line, the server's start). */
  by: string | null;
  contentHash: string;
  mtBytes: number;
  correctedBytes: number | null;
  sourceBytes: number | null;
  added: number;
  staled: number;
  revived: number;
  /** Edits that had verdicts and turned stale with this revision (their verdicts are kept). */
  reviewedStaled: number;
  createdAt: string;
}

/** What the import passes in to record a revision. */
export interface RevisionRecord {
  articleId: string;
  via: RevisionVia;
  reviewerId: number | null;
  contentHash: string;
  texts: { mt: string; corrected: string | null; source: string | null };
  sync: { added: number; staled: number; revived: number };
  reviewedStaled: number;
  now: string;
}

const bytes = (text: string | null) => (text === null ? null : Buffer.byteLength(text, 'utf8'));

/** Appends the article's next revision; run inside the import's transaction. */
export async function recordTextRevision(tx: Sql, record: RevisionRecord): Promise<number> {
  const last = await tx.get<{ number: number | null }>(
    'SELECT max(number) AS number FROM text_revisions WHERE article_id = :articleId',
    { articleId: record.articleId },
  );
  const number = Number(last?.number ?? 0) + 1;
  await tx.run(
    `INSERT INTO text_revisions (article_id, number, via, reviewer_id, content_hash, mt_bytes, corrected_bytes,
       source_bytes, added, staled, revived, reviewed_staled, created_at)
     VALUES (:articleId, :number, :via, :reviewerId, :contentHash, :mtBytes, :correctedBytes, :sourceBytes, :added,
       :staled, :revived, :reviewedStaled, :now)`,
    {
      articleId: record.articleId,
      number,
      via: record.via,
      reviewerId: record.reviewerId,
      contentHash: record.contentHash,
      mtBytes: Buffer.byteLength(record.texts.mt, 'utf8'),
      correctedBytes: bytes(record.texts.corrected),
      sourceBytes: bytes(record.texts.source),
      ...record.sync,
      reviewedStaled: record.reviewedStaled,
      now: record.now,
    },
  );
  return number;
}

/** The most revisions one page lists. */
export const maxRevisionPage = 100;

const columns = `r.number, r.via, rv.name AS "by", r.content_hash AS "contentHash", r.mt_bytes AS "mtBytes",
  r.corrected_bytes AS "correctedBytes", r.source_bytes AS "sourceBytes", r.added, r.staled, r.revived,
  r.reviewed_staled AS "reviewedStaled", r.created_at AS "createdAt"`;

/** An article's revisions, newest first, `limit` of them before revision `before` (keyset paging). */
export async function listTextRevisions(
  db: Sql,
  articleId: string,
  page: { limit: number; before?: number },
): Promise<TextRevision[]> {
  const rows = await db.all<TextRevision>(
    `SELECT ${columns} FROM text_revisions r LEFT JOIN reviewers rv ON rv.id = r.reviewer_id
     WHERE r.article_id = :articleId AND r.number < :before ORDER BY r.number DESC LIMIT :limit`,
    { articleId, before: page.before ?? 2 ** 31 - 1, limit: Math.min(page.limit, maxRevisionPage) },
  );
  return rows.map((row) => ({ ...row, number: Number(row.number) }));
}

/**
 * The latest revision that turned edits with verdicts stale, if any: the review page says the text changed under
 * the verdicts given.
 */
export function latestTextChangeUnderVerdicts(db: Sql, articleId: string): Promise<TextRevision | undefined> {
  return db.get<TextRevision>(
    `SELECT ${columns} FROM text_revisions r LEFT JOIN reviewers rv ON rv.id = r.reviewer_id
     WHERE r.article_id = :articleId AND r.number > 1 AND r.reviewed_staled > 0 ORDER BY r.number DESC LIMIT 1`,
    { articleId },
  );
}
