// Tests of opening the store: pragmas on every open, durability across reopen, migrations, unreadable files.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../src/store/articles.ts';
import { openStore } from '../../src/store/db.ts';
import { StoreError } from '../../src/store/errors.ts';
import { schemaVersion } from '../../src/store/migrations.ts';
import { listVerdicts, recordVerdict } from '../../src/store/verdicts.ts';
import { addReviewer, openTestStore, seedArticle, seedEdits, tempFolder } from './helpers.ts';

describe('openStore', () => {
  it('creates the parent folder of the database file', () => {
    const file = join(tempFolder(), 'nested', 'deeper', 'mt-review.db');
    openTestStore(file);
    expect(existsSync(file)).toBe(true);
  });

  it('keeps an acknowledged verdict across close and reopen, with WAL and synchronous=FULL again', async () => {
    const file = join(tempFolder(), 'durable.db');
    const db = openTestStore(file);
    importArticle(db, seedArticle, seedEdits);
    const alice = await addReviewer(db);
    recordVerdict(db, { editId: 'e-sergey', reviewerId: alice.id, decision: 'accept', severity: 'minor' });
    db.close();

    const reopened = openTestStore(file);
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(reopened.pragma('synchronous', { simple: true })).toBe(2);
    expect(reopened.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(reopened.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    const history = listVerdicts(reopened, seedArticle.id);
    expect(history.map((verdict) => [verdict.editId, verdict.reviewerName, verdict.decision])).toEqual([
      ['e-sergey', 'alice', 'accept'],
    ]);
  });

  it('runs the migrations once: a second open leaves user_version and the schema as they were', () => {
    const file = join(tempFolder(), 'twice.db');
    const first = openTestStore(file);
    const schema = first.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
    expect(first.pragma('user_version', { simple: true })).toBe(schemaVersion);
    first.close();

    const second = openTestStore(file);
    expect(second.pragma('user_version', { simple: true })).toBe(schemaVersion);
    expect(second.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all()).toEqual(schema);
    expect(second.prepare('SELECT total_changes() AS n').get()).toEqual({ n: 0 });
  });

  it('refuses a database written by a newer schema, naming the file and both versions', () => {
    const file = join(tempFolder(), 'newer.db');
    const db = openTestStore(file);
    db.pragma(`user_version = ${schemaVersion + 1}`);
    db.close();
    expect(() => openStore(file)).toThrowError(StoreError);
    expect(() => openStore(file)).toThrowError(`${file}: the database has schema version ${schemaVersion + 1}`);
  });

  it('says that a file which is not SQLite cannot be opened, naming it', () => {
    const file = join(tempFolder(), 'notes.db');
    writeFileSync(file, 'These are my notes, not a database. '.repeat(40));
    let thrown: unknown;
    try {
      openStore(file);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StoreError);
    expect((thrown as StoreError).kind).toBe('unreadable');
    expect((thrown as StoreError).message).toBe(
      `${file}: cannot be opened as an mt-review database (file is not a database)`,
    );
  });

  it('accepts :memory: for quick experiments', () => {
    const db = openStore(':memory:');
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion);
    db.close();
  });
});
