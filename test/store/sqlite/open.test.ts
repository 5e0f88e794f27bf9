// Tests of opening a SQLite store: pragmas on every open, durability across reopen, migrations, unreadable files.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../../src/store/articles.ts';
import { StoreError } from '../../../src/store/errors.ts';
import { schemaVersion } from '../../../src/store/sqlite/migrations.ts';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { listVerdicts } from '../../../src/store/verdict-reads.ts';
import { recordVerdict } from '../../../src/store/verdicts.ts';
import { addReviewer, seedArticle, seedEdits } from '../helpers.ts';
import { openSqlite, tempFolder } from './files.ts';

describe('SqliteStore.open', () => {
  it('creates the parent folder of the database file', () => {
    const file = join(tempFolder(), 'nested', 'deeper', 'mt-review.db');
    openSqlite(file);
    expect(existsSync(file)).toBe(true);
  });

  it('keeps an acknowledged verdict across close and reopen, with WAL and synchronous=FULL again', async () => {
    const file = join(tempFolder(), 'durable.db');
    const db = openSqlite(file);
    await importArticle(db, seedArticle, seedEdits);
    const alice = await addReviewer(db);
    await recordVerdict(db, { editId: 'e-sergey', reviewerId: alice.id, decision: 'accept', severity: 'minor' });
    await db.close();

    const reopened = openSqlite(file);
    const pragma = (name: string) => reopened.connection.pragma(name, { simple: true });
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('synchronous')).toBe(2);
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('busy_timeout')).toBeGreaterThan(0);
    const history = await listVerdicts(reopened, seedArticle.id);
    expect(history.map((verdict) => [verdict.editId, verdict.reviewerName, verdict.decision])).toEqual([
      ['e-sergey', 'alice', 'accept'],
    ]);
  });

  it('runs the migrations once: a second open leaves user_version and the schema as they were', async () => {
    const file = join(tempFolder(), 'twice.db');
    const first = openSqlite(file);
    const schemaOf = (store: SqliteStore) =>
      store.connection.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
    const schema = schemaOf(first);
    expect(first.connection.pragma('user_version', { simple: true })).toBe(schemaVersion);
    await first.close();

    const second = openSqlite(file);
    expect(second.connection.pragma('user_version', { simple: true })).toBe(schemaVersion);
    expect(schemaOf(second)).toEqual(schema);
    expect(second.connection.prepare('SELECT total_changes() AS n').get()).toEqual({ n: 0 });
  });

  it('refuses a database written by a newer schema, naming the file and both versions', async () => {
    const file = join(tempFolder(), 'newer.db');
    const db = openSqlite(file);
    db.connection.pragma(`user_version = ${schemaVersion + 1}`);
    await db.close();
    expect(() => SqliteStore.open(file)).toThrowError(StoreError);
    expect(() => SqliteStore.open(file)).toThrowError(`${file}: the database has schema version ${schemaVersion + 1}`);
  });

  it('says that a file which is not SQLite cannot be opened, naming it', () => {
    const file = join(tempFolder(), 'notes.db');
    writeFileSync(file, 'These are my notes, not a database. '.repeat(40));
    let thrown: unknown;
    try {
      SqliteStore.open(file);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StoreError);
    expect((thrown as StoreError).kind).toBe('unreadable');
    expect((thrown as StoreError).message).toBe(
      `${file}: cannot be opened as an mt-review database (file is not a database)`,
    );
  });

  it('accepts :memory: for quick experiments', async () => {
    const db = SqliteStore.open(':memory:');
    expect(db.connection.pragma('user_version', { simple: true })).toBe(schemaVersion);
    await db.close();
  });
});
