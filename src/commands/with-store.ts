// Opens the database a command works on (a store error becomes a CommandError naming it) and closes it afterwards.
import { existsSync } from 'node:fs';
import { defaults } from '../config.ts';
// From their own files, not the store's index: a command loads only the store modules it uses (each costs startup).
import { StoreError } from '../store/errors.ts';
import { isPostgresUrl, openStore } from '../store/open-store.ts';
import type { Store } from '../store/sql.ts';
import { describeWriteFailure } from '../store/sqlite/open.ts';
import { CommandError } from './args.ts';

/**
 * Runs `work` on the store at `file` (a SQLite file or a postgres:// URL; default: DATABASE_URL, else
 * data/mt-review.db). With `mustExist`, a missing SQLite file is an error rather than a new empty database: reading
 * commands should not create one by a typo in --db.
 */
export async function withStore<T>(
  file: string | undefined,
  work: (db: Store, file: string) => T | Promise<T>,
  options: { mustExist?: boolean } = {},
): Promise<T> {
  const path = file ?? defaults.dbFile;
  if (options.mustExist && !isPostgresUrl(path) && !existsSync(path))
    throw new CommandError(`no database at ${path} (run mt-review import first)`);
  let db: Store;
  try {
    db = await openStore(path);
  } catch (error) {
    if (error instanceof StoreError) throw new CommandError(error.message);
    throw error;
  }
  const where = db.location;
  try {
    return await work(db, where);
  } catch (error) {
    if (error instanceof StoreError) throw new CommandError(error.message);
    // A disk that filled up or a file that turned read-only during the work: one line naming the file.
    const failure = describeWriteFailure(error, where);
    if (failure) throw new CommandError(failure.message);
    throw error;
  } finally {
    await db.close();
  }
}
