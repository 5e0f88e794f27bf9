// A PostgreSQL transaction's first statement goes with its BEGIN, its values written in as literals: hostile values
// must come back as they went, and behave as bound ones do (typed where they stand, NUL refused alike).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.ts';
import { type OpenTestDatabase, openTestDatabase, pgUrl } from './helpers.ts';

const failure = (promise: Promise<unknown>) => promise.then(() => undefined).catch((error: unknown) => error);

// Strings a literal could be broken by: quotes, backslashes, parameter and placeholder lookalikes, statement ends.
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc
    .array(
      fc.constantFrom(
        "'",
        "''",
        '\\',
        "\\'",
        '$1',
        '$$',
        ':v',
        '::text',
        ';',
        '--',
        '/*',
        "E'",
        '"',
        '\n',
        'é',
        '𝄞',
        'x',
      ),
      {
        maxLength: 12,
      },
    )
    .map((parts) => parts.join('')),
);

describe.runIf(pgUrl)('a transaction’s first statement on PostgreSQL', () => {
  let test: OpenTestDatabase;
  let store: PostgresStore;
  // A server that reads backslashes in '...' as escapes (standard_conforming_strings off, as before PostgreSQL 9.1).
  let oldStrings: PostgresStore;

  beforeAll(async () => {
    test = await openTestDatabase('first_statement');
    store = await PostgresStore.open(test.url);
    const url = new URL(test.url);
    url.searchParams.set('options', '-c standard_conforming_strings=off');
    oldStrings = await PostgresStore.open(url.toString());
    await store.run('CREATE TABLE probe (id integer PRIMARY KEY, body text NOT NULL)');
  });
  afterAll(async () => {
    await store?.close();
    await oldStrings?.close();
    await test?.close();
  });

  it('reads and writes hostile strings as they went, numbers and nulls typed where they stand (property)', async () => {
    expect(await oldStrings.get('SHOW standard_conforming_strings')).toEqual({ standard_conforming_strings: 'off' });
    let id = 0;
    await fc.assert(
      fc.asyncProperty(hostile, fc.integer({ min: -1000, max: 1000 }), fc.boolean(), async (value, number, old) => {
        const db = old ? oldStrings : store;
        id++;
        const read = await db.transaction((tx) =>
          tx.get<{ v: string; n: number; none: string | null }>(
            'SELECT CAST(:v AS text) AS v, CAST(:n AS INTEGER) + 1 AS n, CAST(:none AS text) AS none',
            { v: value, n: number, none: null },
          ),
        );
        expect(read).toEqual({ v: value, n: number + 1, none: null });
        await db.transaction(async (tx) => {
          await tx.run('INSERT INTO probe (id, body) VALUES (:id, :body)', { id, body: value });
          await tx.run('UPDATE probe SET body = body || :more WHERE id = :id', { id, more: value });
        });
        const stored = await db.get<{ body: string }>('SELECT body FROM probe WHERE id = :id', { id });
        expect(stored?.body).toBe(value + value);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a string with NUL as a bound value is refused, and writes nothing', async () => {
    const bound = await failure(store.get('SELECT CAST(:v AS text) AS v', { v: 'a\u0000b' }));
    const first = await failure(
      store.transaction((tx) => tx.run('INSERT INTO probe (id, body) VALUES (:id, :v)', { id: -1, v: 'a\u0000b' })),
    );
    expect(bound).toBeInstanceOf(Error);
    expect((first as Error).message).toBe((bound as Error).message);
    expect(await store.get('SELECT id FROM probe WHERE id = -1')).toBeUndefined();
  });

  it('rolls back the whole transaction when its first statement fails, and the connection serves the next', async () => {
    const error = await failure(
      store.transaction((tx) => tx.run('INSERT INTO probe (id, body) VALUES (:id, NULL)', { id: -2 })),
    );
    expect((error as Error).message).toMatch(/null value|not-null/i);
    const ids = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.transaction(async (tx) => {
          await tx.run('INSERT INTO probe (id, body) VALUES (:id, :body)', { id: 10_000 + i, body: 'ok' });
          return (await tx.get<{ n: number }>('SELECT count(*) AS n FROM probe WHERE id >= 10000'))?.n;
        }),
      ),
    );
    expect(ids.every((n) => typeof n === 'number' && n >= 1)).toBe(true);
    expect(await store.get<{ n: number }>('SELECT count(*) AS n FROM probe WHERE id >= 10000')).toEqual({ n: 12 });
  });
});
