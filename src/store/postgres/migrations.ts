// The PostgreSQL schema as an ordered list of migrations, tracked in schema_migrations and run at open.
import type { PoolClient } from 'pg';
import { StoreError } from '../errors.ts';
import { type PostgresDatabase, transaction } from './connection.ts';
import {
  articleListV5,
  bulkReviewV7,
  derivedV3,
  filesKeysV9,
  liveChangesV6,
  reviewerActivityV13,
  revisionChangesV10,
  schemaV1,
  statsCheckpointV11,
  teamReviewV2,
  textRevisionsV4,
  verdictBatchV12,
} from './schema.ts';
import { webhooksV8 } from './webhooks-schema.ts';

/** One step of the schema; the database is at `version` once `sql` has run. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/**
 * Every migration, oldest first; append only, never edit one that has shipped. A history of its own: version 1 is
 * the whole schema as SQLite has it after its version 7, not a replay of SQLite's steps.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description:
      'articles, edits, append-only verdicts, current verdicts, reviewers with roles, sessions, sign-in links, ' +
      'api tokens, article revisions',
    sql: schemaV1,
  },
  {
    version: 2,
    description: 'team review: adjudications, retractions, edit outcomes, article review state, assignments, events',
    sql: teamReviewV2,
  },
  {
    version: 3,
    description: 'import_keys and article_stats: what a restart needs to recompute nothing unchanged',
    sql: derivedV3,
  },
  {
    version: 4,
    description: "text_revisions: every change of an article's texts, when, how, by whom, and its effect on edits",
    sql: textRevisionsV4,
  },
  {
    version: 5,
    description: 'the article list: archived articles, a publisher index, full-text search of titles and texts (GIN)',
    sql: articleListV5,
  },
  {
    version: 6,
    description: 'live updates: every revision bump notifies mtr_article_changes with the article and its revision',
    sql: liveChangesV6,
  },
  {
    version: 7,
    description: 'bulk review: edits.group_key (indexed), bulk actions and the verdicts each recorded',
    sql: bulkReviewV7,
  },
  {
    version: 8,
    description: 'webhooks: hooks, an outbox of article events, deliveries with their attempts, announced statuses',
    sql: webhooksV8,
  },
  {
    version: 9,
    description: 'import_keys.files_key: a restart skips unchanged articles by their file facts, without reading them',
    sql: filesKeysV9,
  },
  {
    version: 10,
    description: 'article_revisions.changed (indexed): which articles changed since a moment, read without a scan',
    sql: revisionChangesV10,
  },
  {
    version: 11,
    description: 'article_stats.listed and stats_checkpoint: statistics read at start without parsing every part',
    sql: statsCheckpointV11,
  },
  {
    version: 12,
    description: 'record_verdict_batch: a batch of verdicts, their current rows and their outcome inputs in one call',
    sql: verdictBatchV12,
  },
  {
    version: 13,
    description:
      "reviewer_activity and reviewer_edits: a reviewer's counts on an article kept by a trigger, not counted",
    sql: reviewerActivityV13,
  },
];

/** The schema version this code writes. */
export const schemaVersion = migrations.at(-1)?.version ?? 0;

const createTracking = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  description text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

// The key of the advisory lock that serialises migrations: "mt-revie" in ASCII, a constant no other code takes.
const migrationLock = '7886978816784361829';

async function currentVersion(client: PoolClient): Promise<number> {
  const result = await client.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM schema_migrations',
  );
  return result.rows[0]?.version ?? 0;
}

async function apply(client: PoolClient, migration: Migration, label: string): Promise<void> {
  try {
    await client.query(migration.sql);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError('unreadable', `${label}: migration ${migration.version} failed (${reason})`, { cause: error });
  }
  await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [
    migration.version,
    migration.description,
  ]);
}

/**
 * Brings the database up to `schemaVersion` in one transaction and returns the versions it applied (none when it was
 * there already). The transaction holds an advisory lock first, so instances starting together take turns: the
 * first migrates, the others then find nothing to do. A database newer than this code is refused.
 */
export async function migrate(database: PostgresDatabase): Promise<number[]> {
  return transaction(database, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [migrationLock]);
    await client.query(createTracking);
    const current = await currentVersion(client);
    if (current > schemaVersion) {
      throw new StoreError(
        'too-new',
        `${database.label}: the database has schema version ${current}, newer than this mt-review knows ` +
          `(${schemaVersion}); upgrade mt-review to open it`,
      );
    }
    const pending = migrations.filter((migration) => migration.version > current);
    for (const migration of pending) await apply(client, migration, database.label);
    return pending.map((migration) => migration.version);
  });
}
