// The settings table: values every instance of the server must share, such as the secret that signs sessions.
import type { Sql } from './sql.ts';

/**
 * The value of `key`, made by `make` and kept when there is none yet. Two servers starting at once on one database
 * agree: the first insert wins and both read it back.
 */
export async function ensureSetting(db: Sql, key: string, make: () => string): Promise<string> {
  await db.run('INSERT INTO settings (key, value) VALUES (:key, :value) ON CONFLICT (key) DO NOTHING', {
    key,
    value: make(),
  });
  return (
    (await db.get<{ value: string }>('SELECT value FROM settings WHERE key = :key', { key })) as { value: string }
  ).value;
}
