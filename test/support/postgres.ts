// PostgreSQL for the tests: vitest's globalSetup finds or starts a server, test files get its URL and fresh databases.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { findPostgresBin, startPostgresCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the run's PostgreSQL server; '' when there is none and its tests are skipped. */
    pgUrl: string;
    /** Why the PostgreSQL tests are skipped; '' when they run. */
    pgSkipReason: string;
  }
}

/** The variable naming a PostgreSQL server to test against instead of starting one. */
export const serverVariable = 'MT_REVIEW_TEST_PG';

async function checkServer(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`${serverVariable}: cannot connect (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * vitest globalSetup: the server named by MT_REVIEW_TEST_PG, else a throwaway cluster for the run (stopped by the
 * returned teardown, and by the cluster's watchdog if the run dies), else none: the PostgreSQL tests are skipped,
 * and under CI=true that fails the run instead.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env[serverVariable];
  if (given) {
    await checkServer(given);
    console.log(`PostgreSQL tests: against the server in ${serverVariable}`);
    project.provide('pgUrl', given);
    project.provide('pgSkipReason', '');
    return undefined;
  }
  const bin = findPostgresBin();
  if (!bin) {
    const reason = `no PostgreSQL binaries (initdb, pg_ctl) found and ${serverVariable} is not set`;
    if (process.env.CI === 'true') throw new Error(`PostgreSQL tests must run under CI=true, but ${reason}`);
    console.log(`PostgreSQL tests SKIPPED: ${reason} (apt-get install postgresql, or set ${serverVariable})`);
    project.provide('pgUrl', '');
    project.provide('pgSkipReason', reason);
    return undefined;
  }
  const started = performance.now();
  const cluster = await startPostgresCluster(bin);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`PostgreSQL tests: a throwaway ${cluster.description} cluster, started in ${seconds} s`);
  project.provide('pgUrl', cluster.url);
  project.provide('pgSkipReason', '');
  return cluster.stop;
}

/** A database made for one test file; `drop` removes it (also when connections to it are still open). */
export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function asSuperuser(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates a fresh, empty database on the server at `serverUrl`, named after `label` plus a random suffix. */
export async function createDatabase(serverUrl: string, label: string): Promise<TestDatabase> {
  if (!/^[a-z0-9_]{1,30}$/.test(label)) throw new Error(`database label "${label}": use 1-30 of a-z, 0-9 and _`);
  const name = `mt_review_test_${label}_${randomBytes(4).toString('hex')}`;
  await asSuperuser(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => asSuperuser(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
