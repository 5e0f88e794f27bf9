// The PostgreSQL migrations on a real server: once, again, from two instances at once, refused when too new.
import { afterEach, describe, expect, it } from 'vitest';
import { closePostgres, openPostgres, query } from '../../../src/store/postgres/connection.ts';
import { migrate, migrations, schemaVersion } from '../../../src/store/postgres/migrations.ts';
import { type OpenTestDatabase, openTestDatabase, pgUrl } from './helpers.ts';

const expectedTables = [
  'api_tokens',
  'article_events',
  'article_review',
  'article_revisions',
  'article_stats',
  'articles',
  'assignments',
  'bulk_action_verdicts',
  'bulk_actions',
  'current_adjudications',
  'current_verdicts',
  'edit_outcomes',
  'edits',
  'import_keys',
  'retractions',
  'reviewer_activity',
  'reviewer_edits',
  'reviewers',
  'schema_migrations',
  'sessions',
  'settings',
  'sign_in_links',
  'stats_checkpoint',
  'text_revisions',
  'verdicts',
  'webhook_article_status',
  'webhook_deliveries',
  'webhook_events',
  'webhooks',
];

let opened: OpenTestDatabase | undefined;

afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

async function freshDatabase(label: string): Promise<OpenTestDatabase> {
  opened = await openTestDatabase(label, { migrate: false });
  return opened;
}

async function tablesOf(test: OpenTestDatabase): Promise<string[]> {
  const result = await query<{ name: string }>(
    test.database,
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
  );
  return result.rows.map((row) => row.name);
}

async function migrationRows(test: OpenTestDatabase): Promise<{ version: number; description: string }[]> {
  const result = await query<{ version: number; description: string }>(
    test.database,
    'SELECT version, description FROM schema_migrations ORDER BY version',
  );
  return result.rows;
}

// The URL with a password: under trust authentication (the test cluster) it is accepted and ignored.
function withPassword(url: string): { url: string; secret: string } {
  const parsed = new URL(url);
  if (!parsed.password) parsed.password = 'hunter2-secret';
  return { url: parsed.toString(), secret: decodeURIComponent(parsed.password) };
}

describe.runIf(pgUrl)('migrate (PostgreSQL)', () => {
  it('creates every table on an empty database and records each version once', async () => {
    const test = await freshDatabase('migrate_once');
    const versions = migrations.map((m) => m.version);
    expect(await migrate(test.database)).toEqual(versions);
    expect(await tablesOf(test)).toEqual(expectedTables);
    const rows = await migrationRows(test);
    expect(rows.map((row) => row.version)).toEqual(versions);
    expect(versions.at(-1)).toBe(schemaVersion);
    expect(rows[0]?.description).toMatch(/append-only verdicts/);
  });

  it('does nothing the second time: the schema and its records stay as they were', async () => {
    const test = await freshDatabase('migrate_twice');
    await migrate(test.database);
    const before = await migrationRows(test);
    expect(await migrate(test.database)).toEqual([]);
    expect(await migrationRows(test)).toEqual(before);
    expect(await tablesOf(test)).toEqual(expectedTables);
  });

  it('applies once when two instances start at the same moment, and neither fails', async () => {
    const test = await freshDatabase('migrate_racing');
    const second = await test.openAnother();
    const results = await Promise.all([migrate(test.database), migrate(second), migrate(test.database)]);
    expect(results.flat()).toEqual(migrations.map((m) => m.version));
    expect(await migrationRows(test)).toHaveLength(migrations.length);
  });

  it('refuses a database newer than the code, naming the URL without its password', async () => {
    const test = await freshDatabase('migrate_too_new');
    await migrate(test.database);
    await query(test.database, "INSERT INTO schema_migrations (version, description) VALUES (99, 'from the future')");
    const { url, secret } = withPassword(test.url);
    const withSecret = await openPostgres(url);
    try {
      const error = await migrate(withSecret).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'StoreError', kind: 'too-new' });
      const message = (error as Error).message;
      expect(message).toContain(`schema version 99, newer than this mt-review knows (${schemaVersion})`);
      expect(message).toContain(new URL(test.url).pathname);
      expect(message).toContain(':***@');
      expect(message).not.toContain(secret);
    } finally {
      await closePostgres(withSecret);
    }
  });

  it('rolls back all of a failed migration and names the database and the version', async () => {
    const test = await freshDatabase('migrate_clash');
    await query(test.database, 'CREATE TABLE edits (id integer)');
    const error = await migrate(test.database).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'unreadable' });
    expect((error as Error).message).toMatch(/^postgres.*: migration 1 failed \(relation "edits" already exists\)$/);
    expect(await tablesOf(test)).toEqual(['edits']);
  });
});
