// Opening the database: the folder, the pragmas that make an acknowledged write durable, the migrations.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from './errors.ts';
import { migrate } from './migrations.ts';

/** An open mt-review database (a better-sqlite3 connection). */
export type Store = Database.Database;

/** How long a statement waits for another connection's write lock before failing with SQLITE_BUSY. */
const busyTimeoutMs = 5000;

// SQLite's answers when the file is there but is not (or no longer) a database.
const unreadableCodes = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN']);

/** Opens (creating if needed) the database at `file`, sets its pragmas and brings its schema up to date. */
export function openStore(file: string): Store {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory) mkdirSync(dirname(file), { recursive: true });
  let db: Store | undefined;
  try {
    db = new Database(file, { timeout: busyTimeoutMs });
    configure(db);
    migrate(db, file);
    return db;
  } catch (error) {
    db?.close();
    throw describeOpenError(error, file);
  }
}

function configure(db: Store): void {
  db.pragma('journal_mode = WAL');
  // better-sqlite3 is built with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so a WAL database comes back at NORMAL, where the
  // last commits can be lost in a power cut. FULL syncs the WAL on every commit: an acknowledged verdict is on disk.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
}

// A damaged or foreign file should read as one sentence naming the file, not as a native stack trace.
function describeOpenError(error: unknown, file: string): unknown {
  if (error instanceof StoreError) return error;
  const code = error instanceof Database.SqliteError ? error.code : undefined;
  if (code && unreadableCodes.has(code)) {
    const reason = error instanceof Error ? error.message : String(error);
    return new StoreError('unreadable', `${file}: cannot be opened as an mt-review database (${reason})`, {
      cause: error,
    });
  }
  return error;
}
