// Tests of what the error handler answers for an error, and of the log that writes one line per kind per interval.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, StoreError } from '../../src/store/index.ts';
import { answerFor } from '../../src/web/error-answers.ts';
import { ThrottledLog } from '../../src/web/throttled-log.ts';

describe('answerFor', () => {
  it('maps store errors by kind, and never shows a 5xx store message (it names the database file)', () => {
    expect(answerFor(new NotFoundError('no article with id x'))).toMatchObject({ status: 404 });
    expect(answerFor(new ConflictError('taken'))).toMatchObject({ status: 409, message: 'taken' });
    const unwritable = answerFor(new StoreError('unwritable', '/srv/mt-review/data.db: the disk is full'));
    expect(unwritable).toMatchObject({ status: 503, operational: true });
    expect(unwritable.message).not.toContain('/srv');
  });

  it('answers disk and database failures with 503 and a reason, busy and full ones with Retry-After', () => {
    const full = answerFor(new Database.SqliteError('database or disk is full', 'SQLITE_FULL'));
    expect(full).toMatchObject({ status: 503, kind: 'SQLITE_FULL', operational: true });
    expect(full.message).toMatch(/disk is full/);
    expect(full.retryAfter).toBeGreaterThan(0);
    expect(answerFor(new Database.SqliteError('database is locked', 'SQLITE_BUSY')).retryAfter).toBeGreaterThan(0);
    expect(answerFor(new Database.SqliteError('readonly', 'SQLITE_READONLY_DBMOVED'))).toMatchObject({ status: 503 });
    const enospc = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    expect(answerFor(enospc)).toMatchObject({ status: 503, kind: 'ENOSPC' });
  });

  it('answers a malformed %-escape with 400 and anything unknown with a 500 that says nothing of it', () => {
    let uriError: unknown;
    try {
      decodeURIComponent('%E0%A4%A');
    } catch (error) {
      uriError = error;
    }
    expect(answerFor(uriError)).toMatchObject({ status: 400, fields: [{ field: 'url' }] });
    const bug = answerFor(new TypeError("Cannot read properties of undefined (reading 'x') at /srv/app.ts:3"));
    expect(bug).toMatchObject({ status: 500, message: 'something went wrong on our side', operational: false });
    expect(answerFor('a thrown string')).toMatchObject({ status: 500 });
  });
});

describe('ThrottledLog', () => {
  it('writes the first failure of a kind, counts the rest for the interval, then says how many it left out', () => {
    const lines: string[] = [];
    let now = 0;
    const log = new ThrottledLog(
      (line) => lines.push(line),
      60_000,
      () => now,
    );
    for (let i = 0; i < 100; i++) log.report('SQLITE_FULL', () => `full ${i}`);
    log.report('SQLITE_BUSY', () => 'busy');
    expect(lines).toEqual(['full 0', 'busy']);
    now = 60_000;
    log.report('SQLITE_FULL', () => 'full again');
    expect(lines.at(-1)).toBe('full again (99 more of this kind in the last 60 s)');
    now = 120_000;
    log.report('SQLITE_FULL', () => 'and again');
    expect(lines.at(-1)).toBe('and again');
  });
});
