// Test runner settings: one pool of forks so native better-sqlite3 and Chromium tests stay isolated. Two projects:
// every test on SQLite, and the store's and the HTTP tests again on PostgreSQL (MT_REVIEW_TEST_ENGINE, read by
// test/support/test-store.ts), whose globalSetup finds or starts a server (test/support/postgres.ts). Without one
// (and outside CI) the postgres project runs only the test that says why the PostgreSQL tests were skipped.
import { defineConfig } from 'vitest/config';
import { findPostgresBin } from './test/support/postgres-cluster.ts';

const withPostgres = Boolean(process.env.MT_REVIEW_TEST_PG) || process.env.CI === 'true' || Boolean(findPostgresBin());

// What only SQLite has: its files, pragmas and migration history, and a full disk faked with max_page_count.
const sqliteOnly = ['test/store/sqlite/**', 'test/http/disk-full.test.ts'];
// What PostgreSQL alone has: its schema, connection and LISTEN/NOTIFY, tested on the server itself.
const postgresOnly = ['test/store/postgres/**/*.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'], exclude: postgresOnly } },
      {
        extends: true,
        test: {
          name: 'postgres',
          globalSetup: ['test/support/postgres.ts'],
          include: withPostgres
            ? [...postgresOnly, 'test/store/*.test.ts', 'test/http/**/*.test.ts', 'test/stats/load-stats.test.ts']
            : ['test/store/postgres/server.test.ts'],
          exclude: sqliteOnly,
          env: { MT_REVIEW_TEST_ENGINE: 'postgres' },
        },
      },
    ],
  },
});
