// Opening the store a location names: a `postgres://` URL opens PostgreSQL, anything else is a SQLite file.

import { keepGroupKeys } from './group-keys.ts';
import { keepOutcomes } from './outcomes.ts';
import type { Store } from './sql.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';

/** True when `location` names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Opens the store at `location` (creating the SQLite file or the PostgreSQL schema when new) and brings its schema
 * up to date; a problem is one StoreError naming the location.
 */
export async function openStore(location: string): Promise<Store> {
  // node-postgres is loaded only when asked for: a command on a SQLite file starts without it (a fifth of a second).
  const store = isPostgresUrl(location)
    ? await (await import('./postgres/postgres-store.ts')).PostgresStore.open(location)
    : SqliteStore.open(location);
  try {
    await keepOutcomes(store);
    await keepGroupKeys(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
