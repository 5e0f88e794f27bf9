// Tests of migration 5 on a database written by schema version 4: roles from is_admin, the ids and every reference
// to a reviewer kept, sessions and tokens still working.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { findReviewerByApiToken } from '../../src/store/api-tokens.ts';
import { importArticle } from '../../src/store/articles.ts';
import { migrations } from '../../src/store/migrations.ts';
import { getReviewer, listReviewers } from '../../src/store/reviewers.ts';
import { findSessionReviewer } from '../../src/store/sessions.ts';
import { hashToken } from '../../src/store/statements.ts';
import { listVerdicts } from '../../src/store/verdicts.ts';
import { openTestStore, seedArticle, seedEdits, tempFolder } from './helpers.ts';

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
  insert.run(7, 'root', 'scrypt$x', 1, '2024-01-01T00:00:00.000Z');
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

describe('migration 5', () => {
  it('turns is_admin into roles, keeping the ids, and drops the flag', () => {
    const db = openTestStore(version4Database());
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(listReviewers(db).map((r) => [r.id, r.name, r.role, r.disabledAt])).toEqual([
      [9, 'anna', 'reviewer', null],
      [7, 'root', 'admin', null],
    ]);
    const columns = (db.prepare('PRAGMA table_info(reviewers)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('is_admin');
    expect(columns).toEqual(expect.arrayContaining(['role', 'disabled_at']));
  });

  it('keeps sessions and API tokens working, with the session idle since it began', () => {
    const db = openTestStore(version4Database());
    const anna = getReviewer(db, 9);
    // Started an hour ago: idle for longer than half an hour, not for longer than 12 hours.
    expect(findSessionReviewer(db, 'old-session', hour / 2)).toBeUndefined();
    expect(findSessionReviewer(db, 'old-session')).toEqual(anna);
    expect(findReviewerByApiToken(db, 'mtr_old-token')).toEqual(anna);
  });

  it('leaves the foreign keys whole and enforced: a verdict by a migrated reviewer, no row for a missing one', () => {
    const db = openTestStore(version4Database());
    expect(db.pragma('foreign_key_check')).toEqual([]);
    importArticle(db, seedArticle, seedEdits);
    db.prepare(
      "INSERT INTO verdicts (edit_id, article_id, reviewer_id, decision, created_at) VALUES ('e-byline', ?, 9, 'accept', ?)",
    ).run(seedArticle.id, new Date().toISOString());
    expect(listVerdicts(db, seedArticle.id).map((v) => v.reviewerName)).toEqual(['anna']);
    expect(() => db.prepare("INSERT INTO sessions VALUES ('x', 42, 'a', 'b', 'c')").run()).toThrowError(/FOREIGN KEY/);
  });
});
