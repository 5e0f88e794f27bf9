// The import_keys table: the key each article was last imported under, so that a restart skips unchanged articles.
import type { Sql } from './sql.ts';

/** Every article's import key, by id: one scan, read before anything is computed. */
export async function importKeys(db: Sql): Promise<Map<string, string>> {
  const rows = await db.all<{ id: string; key: string }>('SELECT article_id AS id, import_key AS key FROM import_keys');
  return new Map(rows.map((row) => [row.id, row.key]));
}

/** Records the key an article's stored edits were computed under. */
export async function setImportKey(db: Sql, articleId: string, key: string): Promise<void> {
  await db.run(
    `INSERT INTO import_keys (article_id, import_key) VALUES (:articleId, :key)
     ON CONFLICT (article_id) DO UPDATE SET import_key = excluded.import_key`,
    { articleId, key },
  );
}

/** Forgets an article's key: its edits no longer follow from its files alone (a reviewer typed its correction). */
export async function clearImportKey(db: Sql, articleId: string): Promise<void> {
  await db.run('DELETE FROM import_keys WHERE article_id = :articleId', { articleId });
}
