// LISTEN/NOTIFY across two pools (two app instances): delivery, transactions, a lost connection, close.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { StoreError } from '../../../src/store/errors.ts';
import { type PostgresDatabase, query, transaction } from '../../../src/store/postgres/connection.ts';
import { listen, notify } from '../../../src/store/postgres/listen.ts';
import { type OpenTestDatabase, openTestDatabase, pgUrl } from './helpers.ts';

let test: OpenTestDatabase;
let instanceA: PostgresDatabase;
let instanceB: PostgresDatabase;

// The sessions of this database that listen: what a lost or closed listener leaves behind.
const listeningBackends = async () =>
  (
    await query<{ pid: number }>(
      instanceB,
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'",
    )
  ).rows.map((row) => row.pid);

describe.runIf(pgUrl)('listen and notify (PostgreSQL)', () => {
  beforeAll(async () => {
    test = await openTestDatabase('listen');
    instanceA = test.database;
    instanceB = await test.openAnother();
  });

  afterAll(async () => {
    await test?.close();
  });

  it('delivers a payload notified by one instance to a listener of the other, on its channel only', async () => {
    const heard: string[] = [];
    const listener = await listen(instanceA, 'article:seed', (payload) => heard.push(payload));
    try {
      await notify(instanceB, 'article:other', 'not for us');
      await notify(instanceB, 'article:seed', '{"revision":7}');
      await vi.waitFor(() => expect(heard).toEqual(['{"revision":7}']));
    } finally {
      await listener.close();
    }
  });

  it('delivers a notify inside a transaction at its commit, and never one that is rolled back', async () => {
    const heard: string[] = [];
    const listener = await listen(instanceA, 'verdicts', (payload) => heard.push(payload));
    try {
      await transaction(instanceB, async (client) => {
        await notify(client, 'verdicts', 'rolled back');
        throw new Error('undo');
      }).catch(() => undefined);
      await transaction(instanceB, async (client) => {
        await notify(client, 'verdicts', 'committed');
        // Still inside the transaction: the listener has heard nothing yet.
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(heard).toEqual([]);
      });
      await vi.waitFor(() => expect(heard).toEqual(['committed']));
    } finally {
      await listener.close();
    }
  });

  it('listens again after its connection is killed, and says so, so the caller can refresh', async () => {
    const heard: string[] = [];
    let reconnects = 0;
    const listener = await listen(instanceA, 'live', (payload) => heard.push(payload), {
      retryDelayMs: 20,
      onReconnect: () => reconnects++,
    });
    try {
      const [pid] = await listeningBackends();
      await query(instanceB, 'SELECT pg_terminate_backend($1)', [pid]);
      await vi.waitFor(() => expect(reconnects).toBe(1), { timeout: 10_000 });
      expect(await listeningBackends()).not.toContain(pid);
      await notify(instanceB, 'live', 'after the loss');
      await vi.waitFor(() => expect(heard).toEqual(['after the loss']));
    } finally {
      await listener.close();
    }
  });

  it('leaves no listening connection behind once closed', async () => {
    const listener = await listen(instanceA, 'closing', () => undefined);
    expect(await listeningBackends()).toHaveLength(1);
    await listener.close();
    await vi.waitFor(async () => expect(await listeningBackends()).toEqual([]));
  });

  it('fails in one line naming the URL when its connection cannot be made', async () => {
    const url = 'postgres://postgres@127.0.0.1:1/postgres';
    const unreachable = { ...instanceA, clientConfig: { ...instanceA.clientConfig, connectionString: url } };
    const error = await listen(unreachable, 'live', () => undefined).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'unreadable' });
    expect((error as Error).message).toBe(
      `${instanceA.label}: cannot connect to PostgreSQL (connect ECONNREFUSED 127.0.0.1:1)`,
    );
  });

  it('refuses a channel name LISTEN would truncate, as pg_notify would then never reach it', async () => {
    const long = 'x'.repeat(64);
    await expect(listen(instanceA, long, () => undefined)).rejects.toBeInstanceOf(StoreError);
    await expect(notify(instanceA, long, '')).rejects.toThrow('must be 1-63 bytes long');
  });
});
