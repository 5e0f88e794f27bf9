// The store a test runs on: a fresh SQLite file, or (in the run's postgres project) a fresh PostgreSQL database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineKind, Store } from '../../src/store/index.ts';
import { openStore } from '../../src/store/index.ts';
import { PostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { createDatabase, type TestDatabase } from './postgres.ts';

/** The engine this run's project tests: `MT_REVIEW_TEST_ENGINE=postgres` in the postgres project, else SQLite. */
export const testEngine: EngineKind = process.env.MT_REVIEW_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** A store made for a test, and where it lives: reopen `location` to get the same data in a new store. */
export interface TestStore {
  store: Store;
  location: string;
  /** A temp folder the test may use beside the store (removed with it). */
  folder: string;
  /** Closes the store (if open) and removes its data. */
  remove(): Promise<void>;
}

// PostgreSQL databases of this test file: created when none is free (CREATE DATABASE takes a second), emptied for
// reuse once the store on it is removed, dropped after the file.
const databases: TestDatabase[] = [];
const free: TestDatabase[] = [];

// Vitest's hooks only under vitest: the benchmarks start the same test server outside it (on SQLite).
const vitest = process.env.VITEST ? await import('vitest') : undefined;
vitest?.afterAll(async () => {
  for (const database of databases.splice(0)) await database.drop();
  free.splice(0);
});

// Every table but the schema's own bookkeeping, emptied between tests: one database per test file, a clean one per
// store. The append-only triggers would refuse the TRUNCATE, so it runs as a replica, which fires no triggers.
const tables = [
  'bulk_action_verdicts',
  'bulk_actions',
  'text_revisions',
  'webhook_deliveries',
  'webhook_events',
  'webhook_article_status',
  'webhooks',
  'import_keys',
  'article_stats',
  'stats_checkpoint',
  'article_events',
  'assignments',
  'article_review',
  'edit_outcomes',
  'current_adjudications',
  'retractions',
  'current_verdicts',
  'reviewer_edits',
  'reviewer_activity',
  'verdicts',
  'edits',
  'article_revisions',
  'articles',
  'sessions',
  'sign_in_links',
  'api_tokens',
  'reviewers',
  'settings',
];

async function freshPostgres(): Promise<TestDatabase> {
  const reused = free.pop();
  if (reused) {
    const store = await PostgresStore.open(reused.url);
    await store.transaction(async (tx) => {
      await tx.run("SET LOCAL session_replication_role = 'replica'");
      await tx.run(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`);
    });
    await store.close();
    return reused;
  }
  const url = vitest?.inject('pgUrl');
  if (!url) throw new Error(`the postgres project needs a PostgreSQL server: ${vitest?.inject('pgSkipReason')}`);
  const database = await createDatabase(url, 'store');
  databases.push(database);
  return database;
}

/** A new, empty store on this run's engine (its folder for any files the test needs). */
export async function createTestStore(): Promise<TestStore> {
  const folder = mkdtempSync(join(tmpdir(), 'mt-review-test-'));
  const database = testEngine === 'postgres' ? await freshPostgres() : undefined;
  const location = database ? database.url : join(folder, 'mt-review.db');
  const store = await openStore(location);
  let removed = false;
  return {
    store,
    location,
    folder,
    async remove() {
      if (removed) return;
      removed = true;
      if (store.open) await store.close();
      rmSync(folder, { recursive: true, force: true });
      if (database) free.push(database);
    },
  };
}

/** The better-sqlite3 connection of a SQLite store, for tests of SQLite itself (pragmas); throws on PostgreSQL. */
export function sqliteConnection(store: Store): SqliteStore['connection'] {
  if (!(store instanceof SqliteStore)) throw new Error('this test needs a SQLite store');
  return store.connection;
}
