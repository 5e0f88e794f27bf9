// The run's PostgreSQL server: there and durable, or its absence shown as a skipped test that says why.
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';

const pgUrl = inject('pgUrl');
const skipReason = inject('pgSkipReason');

describe('the PostgreSQL test server', () => {
  if (skipReason) it.skip(`is missing, so every PostgreSQL test is skipped: ${skipReason}`, () => {});

  it.runIf(pgUrl)('accepts connections and commits durably (fsync and synchronous_commit on)', async () => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      const fsync = await client.query<{ fsync: string }>('SHOW fsync');
      const synchronousCommit = await client.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
      expect(fsync.rows[0]?.fsync).toBe('on');
      expect(synchronousCommit.rows[0]?.synchronous_commit).toBe('on');
    } finally {
      await client.end();
    }
  });
});
