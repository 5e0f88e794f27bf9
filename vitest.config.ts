// Test runner settings: one pool of forks so native better-sqlite3 and Chromium tests stay isolated; the globalSetup
// gives the PostgreSQL tests a server (test/support/postgres.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['test/support/postgres.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
