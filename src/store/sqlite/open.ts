// Opening a SQLite file: the folder, the pragmas that make an acknowledged write durable, the migrations.
import { accessSync, constants, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import { migrate } from './migrations.ts';

/** How long a statement waits for another connection's write lock before failing with SQLITE_BUSY. */
const busyTimeoutMs = 5000;

// SQLite's answers when the file is there but is not (or no longer) a database.
const unreadableCodes = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN']);

/** Opens (creating if needed) the database at `file`, sets its pragmas and brings its schema up to date. */
export function openSqliteFile(file: string): Database.Database {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory) prepareFolder(file);
  // What SQLite creates beside the file in WAL mode; removed again if this open fails for want of write access.
  const sidecars = inMemory ? [] : [`${file}-wal`, `${file}-shm`].filter((path) => !existsSync(path));
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: busyTimeoutMs });
    configure(db);
    migrate(db, file);
    return db;
  } catch (error) {
    db?.close();
    const described = describeOpenError(error, file);
    if (described instanceof StoreError && described.kind === 'unwritable') {
      for (const path of sidecars) rmSync(path, { force: true });
    }
    throw described;
  }
}

/**
 * Creates the folder, then checks that the file, its -wal and -shm, and (when SQLite has to create one of them) the
 * folder can be written: SQLite would otherwise open the file read-only, leave -wal and -shm behind, and fail
 * later at the first write with "attempt to write a readonly database".
 */
function prepareFolder(file: string): void {
  const folder = dirname(file);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new StoreError('unwritable', `${file}: cannot create its folder ${folder} (${reasonOf(error)})`);
  }
  const sidecars = [`${file}-wal`, `${file}-shm`];
  const checks: [string, string, string][] = [
    [file, 'the database file is read-only', 'mt-review writes every change to it'],
    ...sidecars.map((path): [string, string, string] => [path, `${path} is read-only`, 'SQLite writes to it']),
  ];
  if (![file, ...sidecars].every(existsSync)) {
    checks.push([folder, `its folder ${folder} is read-only`, 'SQLite creates the -wal and -shm files there']);
  }
  for (const [path, problem, why] of checks) {
    if (!existsSync(path)) continue;
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      throw new StoreError('unwritable', `${file}: ${problem} (${reasonOf(error)}): ${why}`);
    }
  }
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // better-sqlite3 is built with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so a WAL database comes back at NORMAL, where the
  // last commits can be lost in a power cut. FULL syncs the WAL on every commit: an acknowledged verdict is on disk.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
}

const errnoWords: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
};
const reasonOf = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${errnoWords[code] ?? 'error'}, ${code}` : (error as Error).message;
};

/**
 * A failure to write the database (a full disk, a read-only file or file system, an I/O error) as one sentence
 * naming the file; undefined for any other error.
 */
export function describeWriteFailure(error: unknown, file: string): StoreError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  const reason = `${code}: ${(error as Error).message}`;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return new StoreError('unwritable', `${file}: the disk is full (${reason}); nothing was saved`, { cause: error });
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES')
    return new StoreError('unwritable', `${file}: the database is read-only (${reason})`, { cause: error });
  if (code.startsWith('SQLITE_IOERR'))
    return new StoreError('unwritable', `${file}: the database could not be written (${reason})`, { cause: error });
  return undefined;
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
  return describeWriteFailure(error, file) ?? error;
}
