// The import_keys table: the key each article was last imported under, so that a restart skips unchanged articles,
// and the names its MT contributes to the corpus name index, so that a restart need not find them again.
import type { Sql, Store } from './sql.ts';

/** What an article was last imported under. */
export interface StoredImportKey {
  /** See src/import-key.ts: equal keys mean the same edits. */
  key: string;
  /** The MT's hash under the engine that found its names; `names` holds for an MT of this key. */
  namesKey: string;
  /** JSON: each name spelling the MT writes, and how often. */
  names: string;
  /**
   * What the article's files looked like, under the engine, when `key` was computed for them (filesKey in
   * src/import-key.ts), or null when that cannot be trusted: equal at the next import, the files are not read.
   */
  filesKey?: string | null;
  /** The hash of the names context `key` was computed with (contextKey in src/import-key.ts). */
  contextKey?: string | null;
}

/** Every article's import key, by id: one scan, read before anything is computed. */
export async function importKeys(db: Sql): Promise<Map<string, StoredImportKey>> {
  const rows = await db.all<StoredImportKey & { id: string }>(
    `SELECT article_id AS id, import_key AS key, names_key AS "namesKey", names, files_key AS "filesKey",
       context_key AS "contextKey" FROM import_keys`,
  );
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}

/** Records the key an article's stored edits were computed under, and its names. */
export async function setImportKey(db: Sql, articleId: string, stored: StoredImportKey): Promise<void> {
  await db.run(
    `INSERT INTO import_keys (article_id, import_key, names_key, names, files_key, context_key)
     VALUES (:articleId, :key, :namesKey, :names, :filesKey, :contextKey)
     ON CONFLICT (article_id) DO UPDATE SET import_key = excluded.import_key, names_key = excluded.names_key,
       names = excluded.names, files_key = excluded.files_key, context_key = excluded.context_key`,
    { articleId, ...stored, filesKey: stored.filesKey ?? null, contextKey: stored.contextKey ?? null },
  );
}

/**
 * Records the files key of articles whose import key was found unchanged by reading their files (a file touched, not
 * changed; or files too fresh to trust before), so that the next import need not read them.
 */
export async function setFilesKeys(
  db: Store,
  keys: readonly { articleId: string; filesKey: string; contextKey: string }[],
): Promise<void> {
  if (keys.length === 0) return;
  await db.transaction(async (tx) => {
    for (const key of keys) {
      await tx.run(
        'UPDATE import_keys SET files_key = :filesKey, context_key = :contextKey WHERE article_id = :articleId',
        key,
      );
    }
  });
}

/** Forgets an article's key: its edits no longer follow from its files alone (a reviewer typed its correction). */
export async function clearImportKey(db: Sql, articleId: string): Promise<void> {
  await db.run('DELETE FROM import_keys WHERE article_id = :articleId', { articleId });
}
