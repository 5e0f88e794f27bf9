// Two app instances (two pools) writing at the same moment: the database, not a read-then-write, keeps the rules.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConflictError } from '../../../src/store/errors.ts';
import { type PostgresDatabase, query, transaction } from '../../../src/store/postgres/connection.ts';
import {
  insertArticle,
  insertEdit,
  insertReviewer,
  insertVerdict,
  type OpenTestDatabase,
  openTestDatabase,
  pgUrl,
  revisionOf,
} from './helpers.ts';

let test: OpenTestDatabase;
let instanceA: PostgresDatabase;
let instanceB: PostgresDatabase;
let reviewerId: number;

const verdictsWithRequest = async (clientRequestId: string) =>
  (
    await query<{ n: number }>(instanceA, 'SELECT count(*) AS n FROM verdicts WHERE client_request_id = $1', [
      clientRequestId,
    ])
  ).rows[0]?.n;

/** A promise and the function that resolves it. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { promise, fire };
}

// How many sessions of this database wait for a lock: the proof that the second insert really overlaps the first.
const waitingForLock = async () =>
  (
    await query<{ n: number }>(
      instanceA,
      "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    )
  ).rows[0]?.n;

describe.runIf(pgUrl)('two instances on one PostgreSQL', () => {
  beforeAll(async () => {
    test = await openTestDatabase('concurrency');
    instanceA = test.database;
    instanceB = await test.openAnother();
    reviewerId = await insertReviewer(instanceA, 'anna');
    await insertArticle(instanceA, 'seed');
    await insertEdit(instanceA, 'edit-1', 'seed');
  });

  afterAll(async () => {
    await test?.close();
  });

  it('record a repeated client request id once when the second insert comes before the first commits', async () => {
    const verdict = { editId: 'edit-1', articleId: 'seed', reviewerId, clientRequestId: 'raced-1' };
    const inserted = signal();
    const release = signal();
    const first = transaction(instanceA, async (client) => {
      await insertVerdict(client, verdict);
      inserted.fire();
      await release.promise;
    });
    await inserted.promise;
    const second = transaction(instanceB, (client) => insertVerdict(client, verdict));
    const secondOutcome = second.then(
      () => 'recorded',
      (error: unknown) => error,
    );
    await vi.waitFor(async () => expect(await waitingForLock()).toBe(1), { timeout: 10_000 });
    release.fire();
    await first;
    const outcome = await secondOutcome;
    expect(outcome).toBeInstanceOf(ConflictError);
    expect(outcome).toMatchObject({ cause: { constraint: 'verdicts_request_once' } });
    expect(await verdictsWithRequest('raced-1')).toBe(1);
  });

  it('record it once out of many simultaneous tries across both instances', async () => {
    const verdict = { editId: 'edit-1', articleId: 'seed', reviewerId, clientRequestId: 'raced-2' };
    const tries = Array.from({ length: 8 }, (_, n) => insertVerdict(n % 2 ? instanceA : instanceB, verdict));
    const outcomes = await Promise.allSettled(tries);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(ConflictError);
    }
    expect(await verdictsWithRequest('raced-2')).toBe(1);
  });

  it('count every verdict of a concurrent burst in the revision, losing none', async () => {
    const before = (await revisionOf(instanceA, 'seed')) as number;
    const burst = Array.from({ length: 20 }, (_, n) =>
      insertVerdict(n % 2 ? instanceA : instanceB, { editId: 'edit-1', articleId: 'seed', reviewerId }),
    );
    await Promise.all(burst);
    expect(await revisionOf(instanceA, 'seed')).toBe(before + 20);
  });
});
