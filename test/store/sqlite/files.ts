// Test helpers for the SQLite engine's own tests: database files in temp folders, opened and closed per test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';

const folders: string[] = [];
const stores: SqliteStore[] = [];

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test. */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'mt-review-sqlite-'));
  folders.push(folder);
  return folder;
}

/** Opens the SQLite file (a new one in a temp folder unless given), closed after the test. */
export function openSqlite(file = join(tempFolder(), 'test.db')): SqliteStore {
  const store = SqliteStore.open(file);
  stores.push(store);
  return store;
}
