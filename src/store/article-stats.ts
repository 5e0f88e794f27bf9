// The article_stats table: each article's statistics part as JSON, at the revision it was computed for.
import type { Sql } from './sql.ts';

/** One stored part: the article, the revision (article_revisions) it was computed at, and the part's JSON. */
export interface StoredPart {
  id: string;
  revision: number;
  part: string;
}

/**
 * Up to `limit` stored parts after article id `after`, in id order: read in pages, so that loading the parts of a
 * large corpus never holds the event loop for long.
 */
export async function storedPartsPage(db: Sql, after: string, limit: number): Promise<StoredPart[]> {
  const rows = await db.all<StoredPart>(
    `SELECT article_id AS id, revision, part FROM article_stats WHERE article_id > :after ORDER BY article_id
     LIMIT :limit`,
    { after, limit },
  );
  // PostgreSQL returns bigint as a string.
  for (const row of rows) row.revision = Number(row.revision);
  return rows;
}

/** Keeps an article's part at `revision`. */
export async function storePart(db: Sql, id: string, revision: number, part: string): Promise<void> {
  await db.run(
    `INSERT INTO article_stats (article_id, revision, part) VALUES (:id, :revision, :part)
     ON CONFLICT (article_id) DO UPDATE SET revision = excluded.revision, part = excluded.part`,
    { id, revision, part },
  );
}

/** An article's stored part, or undefined when none is stored. */
export async function storedPart(db: Sql, id: string): Promise<StoredPart | undefined> {
  const row = await db.get<StoredPart>(
    'SELECT article_id AS id, revision, part FROM article_stats WHERE article_id = :id',
    { id },
  );
  if (row) row.revision = Number(row.revision);
  return row;
}
