// article_revisions on PostgreSQL: every write to an article, its edits or its verdicts moves its revision on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresDatabase, query, transaction } from '../../../src/store/postgres/connection.ts';
import {
  at,
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
let db: PostgresDatabase;
let reviewerId: number;

describe.runIf(pgUrl)('article_revisions (PostgreSQL triggers)', () => {
  beforeAll(async () => {
    test = await openTestDatabase('revisions');
    db = test.database;
    reviewerId = await insertReviewer(db, 'anna');
  });

  afterAll(async () => {
    await test?.close();
  });

  it('starts at 1 when an article is inserted', async () => {
    await insertArticle(db, 'first');
    expect(await revisionOf(db, 'first')).toBe(1);
  });

  it('moves on with each update of the article, its edits inserted or updated, and its verdicts', async () => {
    await insertArticle(db, 'busy');
    const seen = [await revisionOf(db, 'busy')];
    await query(db, "UPDATE articles SET title = 'Lavrov in China' WHERE id = 'busy'");
    seen.push(await revisionOf(db, 'busy'));
    await insertEdit(db, 'busy-1', 'busy');
    seen.push(await revisionOf(db, 'busy'));
    await query(db, "UPDATE edits SET status = 'stale' WHERE id = 'busy-1'");
    seen.push(await revisionOf(db, 'busy'));
    await insertVerdict(db, { editId: 'busy-1', articleId: 'busy', reviewerId });
    seen.push(await revisionOf(db, 'busy'));
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('moves an upserted article on (INSERT ... ON CONFLICT DO UPDATE), as a re-import writes it', async () => {
    await insertArticle(db, 'reimported');
    await query(
      db,
      `INSERT INTO articles (id, mt, content_hash, imported_at, updated_at) VALUES ('reimported', 'new', 'h2', $1, $1)
       ON CONFLICT (id) DO UPDATE SET mt = excluded.mt, content_hash = excluded.content_hash`,
      [at],
    );
    expect(await revisionOf(db, 'reimported')).toBe(2);
  });

  it('moves only the articles a statement touched, each once however many of its rows it wrote', async () => {
    await insertArticle(db, 'left');
    await insertArticle(db, 'right');
    await insertArticle(db, 'untouched');
    await transaction(db, async (client) => {
      await insertEdit(client, 'left-1', 'left');
      await insertEdit(client, 'right-1', 'right');
      await insertEdit(client, 'right-2', 'right', 1);
    });
    await query(db, "UPDATE edits SET status = 'stale' WHERE article_id IN ('left', 'right')");
    expect(await revisionOf(db, 'left')).toBe(3);
    expect(await revisionOf(db, 'right')).toBe(4);
    expect(await revisionOf(db, 'untouched')).toBe(1);
  });

  it('leaves the revision alone when a write is rolled back', async () => {
    await insertArticle(db, 'undone');
    await transaction(db, async (client) => {
      await insertEdit(client, 'undone-1', 'undone');
      throw new Error('changed my mind');
    }).catch(() => undefined);
    expect(await revisionOf(db, 'undone')).toBe(1);
  });
});
