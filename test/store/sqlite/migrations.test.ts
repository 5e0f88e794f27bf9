// Tests of SQLite migrations 5 and 6 on a database written by schema version 4: roles from is_admin, name keys, the
// ids and every reference to a reviewer kept, sessions and tokens still working.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { findReviewerByApiToken } from '../../../src/store/api-tokens.ts';
import { importArticle } from '../../../src/store/articles.ts';
import { findReviewerByName, getReviewer, listReviewers } from '../../../src/store/reviewers.ts';
import { findSessionReviewer } from '../../../src/store/sessions.ts';
import { migrations } from '../../../src/store/sqlite/migrations.ts';
import { hashToken } from '../../../src/store/values.ts';
import { listVerdicts } from '../../../src/store/verdict-reads.ts';
import { seedArticle, seedEdits } from '../helpers.ts';
import { openSqlite, tempFolder } from './files.ts';

const hour = 3_600_000;

/** A database file at schema version 4 with two reviewers (one admin), a session, a token and a verdict. */
function version4Database(): string {
  const file = join(tempFolder(), 'v4.db');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  for (const migration of migrations.filter((m) => m.version <= 4)) db.exec(migration.sql);
  db.pragma('user_version = 4');
  const insert = db.prepare(
    'INSERT INTO reviewers (id, name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  insert.run(7, 'Root', 'scrypt$x', 1, '2024-01-01T00:00:00.000Z');
  insert.run(9, 'anna', 'scrypt$y', 0, '2024-01-02T00:00:00.000Z');
  const now = Date.now();
  db.prepare('INSERT INTO sessions VALUES (?, 9, ?, ?)').run(
    hashToken('old-session'),
    new Date(now - hour).toISOString(),
    new Date(now + 24 * hour).toISOString(),
  );
  db.prepare("INSERT INTO api_tokens (token_hash, reviewer_id, label, created_at) VALUES (?, 9, 'ci', ?)").run(
    hashToken('mtr_old-token'),
    new Date(now).toISOString(),
  );
  db.close();
  return file;
}

describe('migrations 5 and later on a version 4 database', () => {
  it('turns is_admin into roles, keeping the ids, drops the flag, and keys names ignoring case', async () => {
    const db = openSqlite(version4Database());
    expect(db.connection.pragma('user_version', { simple: true })).toBe(migrations.at(-1)?.version);
    expect((await listReviewers(db)).map((r) => [r.id, r.name, r.role, r.disabledAt])).toEqual([
      [9, 'anna', 'reviewer', null],
      [7, 'Root', 'admin', null],
    ]);
    const columns = (db.connection.prepare('PRAGMA table_info(reviewers)').all() as { name: string }[]).map(
      (c) => c.name,
    );
    expect(columns).not.toContain('is_admin');
    expect(columns).toEqual(expect.arrayContaining(['role', 'disabled_at', 'name_key']));
    expect((await findReviewerByName(db, 'ROOT'))?.id).toBe(7);
  });

  it('keeps sessions and API tokens working, with the session idle since it began', async () => {
    const db = openSqlite(version4Database());
    const anna = await getReviewer(db, 9);
    // Started an hour ago: idle for longer than half an hour, not for longer than 12 hours.
    expect(await findSessionReviewer(db, 'old-session', hour / 2)).toBeUndefined();
    expect(await findSessionReviewer(db, 'old-session')).toEqual(anna);
    expect(await findReviewerByApiToken(db, 'mtr_old-token')).toEqual(anna);
  });

  it('leaves the foreign keys whole and enforced: a verdict by a migrated reviewer, no row for a missing one', async () => {
    const db = openSqlite(version4Database());
    expect(db.connection.pragma('foreign_key_check')).toEqual([]);
    await importArticle(db, seedArticle, seedEdits);
    await db.run(
      `INSERT INTO verdicts (edit_id, article_id, reviewer_id, decision, created_at)
       VALUES ('e-byline', :articleId, 9, 'accept', :at)`,
      { articleId: seedArticle.id, at: new Date().toISOString() },
    );
    expect((await listVerdicts(db, seedArticle.id)).map((v) => v.reviewerName)).toEqual(['anna']);
    await expect(db.run("INSERT INTO sessions VALUES ('x', 42, 'a', 'b', 'c')")).rejects.toMatchObject({
      kind: 'not-found',
    });
  });
});
