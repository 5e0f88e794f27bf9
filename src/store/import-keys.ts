// The import_keys table: the key each article was last imported under, so that a restart skips unchanged articles,
// and the names its MT contributes to the corpus name index, so that a restart need not find them again.
import type { Sql } from './sql.ts';

/** What an article was last imported under. */
export interface StoredImportKey {
  /** See src/import-key.ts: equal keys mean the same edits. */
  key: string;
  /** The MT's hash under the engine that found its names; `names` holds for an MT of this key. */
  namesKey: string;
  /** JSON: each name spelling the MT writes, and how often. */
  names: string;
}

/** Every article's import key, by id: one scan, read before anything is computed. */
export async function importKeys(db: Sql): Promise<Map<string, StoredImportKey>> {
  const rows = await db.all<StoredImportKey & { id: string }>(
    `SELECT article_id AS id, import_key AS key, names_key AS "namesKey", names FROM import_keys`,
  );
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}

/** Records the key an article's stored edits were computed under, and its names. */
export async function setImportKey(db: Sql, articleId: string, stored: StoredImportKey): Promise<void> {
  await db.run(
    `INSERT INTO import_keys (article_id, import_key, names_key, names) VALUES (:articleId, :key, :namesKey, :names)
     ON CONFLICT (article_id) DO UPDATE SET import_key = excluded.import_key, names_key = excluded.names_key,
       names = excluded.names`,
    { articleId, ...stored },
  );
}

/** Forgets an article's key: its edits no longer follow from its files alone (a reviewer typed its correction). */
export async function clearImportKey(db: Sql, articleId: string): Promise<void> {
  await db.run('DELETE FROM import_keys WHERE article_id = :articleId', { articleId });
}
