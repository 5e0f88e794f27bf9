// The article_stats table: each article's statistics part as JSON, at the revision it was computed for (with the part
// of it the statistics list, apart); and stats_checkpoint, the totals that only whole parts give, for a quick start.
import type { Sql } from './sql.ts';

/** One stored part: the article, the revision (article_revisions) it was computed at, and the part's JSON. */
export interface StoredPart {
  id: string;
  revision: number;
  part: string;
  /**
   * The start of its listed numbers, enough to tell their layout and version; null when stored by an mt-review from
   * before they were kept apart. (Read only with the parts' pages; not the whole of them, which the part holds.)
   */
  listedHead?: string | null;
}

/**
 * Up to `limit` stored parts after article id `after`, in id order: read in pages, so that loading the parts of a
 * large corpus never holds the event loop for long.
 */
export async function storedPartsPage(db: Sql, after: string, limit: number): Promise<StoredPart[]> {
  const rows = await db.all<StoredPart>(
    `SELECT article_id AS id, revision, part, substr(listed, 1, 32) AS "listedHead" FROM article_stats
     WHERE article_id > :after ORDER BY article_id LIMIT :limit`,
    { after, limit },
  );
  // PostgreSQL returns bigint as a string.
  for (const row of rows) row.revision = Number(row.revision);
  return rows;
}

/** One stored part's listed numbers (null when stored by an mt-review that did not keep them apart). */
export interface StoredListedPart {
  id: string;
  revision: number;
  listed: string | null;
}

/** Up to `limit` stored parts' listed numbers after article id `after`, in id order (a page, as storedPartsPage). */
export async function storedListedPage(db: Sql, after: string, limit: number): Promise<StoredListedPart[]> {
  const rows = await db.all<StoredListedPart>(
    `SELECT article_id AS id, revision, listed FROM article_stats WHERE article_id > :after ORDER BY article_id
     LIMIT :limit`,
    { after, limit },
  );
  for (const row of rows) row.revision = Number(row.revision);
  return rows;
}

/** Keeps an article's part at `revision`, and apart from it the numbers the statistics list (`listed`). */
export async function storePart(db: Sql, id: string, revision: number, part: string, listed: string): Promise<void> {
  await db.run(
    `INSERT INTO article_stats (article_id, revision, part, listed) VALUES (:id, :revision, :part, :listed)
     ON CONFLICT (article_id) DO UPDATE SET revision = excluded.revision, part = excluded.part,
       listed = excluded.listed`,
    { id, revision, part, listed },
  );
}

/** Adds the listed numbers to a part stored without them, if it is still the one at `revision`. */
export async function storeListed(db: Sql, id: string, revision: number, listed: string): Promise<void> {
  await db.run('UPDATE article_stats SET listed = :listed WHERE article_id = :id AND revision = :revision', {
    id,
    revision,
    listed,
  });
}

/** The stored checkpoint of the statistics: the version of its writer and its JSON; undefined when none. */
export async function storedCheckpoint(db: Sql): Promise<{ version: number; body: string } | undefined> {
  const row = await db.get<{ version: number; body: string }>('SELECT version, body FROM stats_checkpoint');
  return row && { version: Number(row.version), body: row.body };
}

/** Replaces the checkpoint of the statistics (there is one row at most). */
export async function storeCheckpoint(db: Sql, version: number, body: string): Promise<void> {
  await db.run(
    `INSERT INTO stats_checkpoint (id, version, body) VALUES (1, :version, :body)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, body = excluded.body`,
    { version, body },
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
