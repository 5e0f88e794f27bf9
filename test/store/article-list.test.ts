// Tests of the article list in the store: its cursors, search kept in step with the articles, the index it uses.
import { describe, expect, it } from 'vitest';
import { archiveArticle, unarchivedArticleRevisions } from '../../src/store/article-archive.ts';
import { listArticlePage } from '../../src/store/article-list.ts';
import { decodeCursor, encodeCursor, type ListOrdering } from '../../src/store/article-list-order.ts';
import { searchCondition, searchTerms } from '../../src/store/article-search.ts';
import { importArticle } from '../../src/store/articles.ts';
import { openTestStore, seedArticle, seedEdits } from './helpers.ts';

const byDate: ListOrdering = { sort: 'date', date: 'published', order: 'desc', mineFirst: false };

describe('list cursors', () => {
  it('carry the key values of a row back, for the same ordering only', () => {
    const cursor = encodeCursor(byDate, ['2024-01-02', 'some-id']);
    expect(cursor).toMatch(/^[\w-]+$/);
    expect(decodeCursor(byDate, cursor)).toEqual(['2024-01-02', 'some-id']);
    expect(decodeCursor({ ...byDate, order: 'asc' }, cursor)).toBeUndefined();
    expect(decodeCursor({ ...byDate, mineFirst: true }, cursor)).toBeUndefined();
  });

  it('refuses values of the wrong type or number, and anything that is not base64url JSON', () => {
    const progress: ListOrdering = { ...byDate, sort: 'progress' };
    expect(decodeCursor(progress, encodeCursor(progress, ['500', 'id']))).toBeUndefined();
    expect(decodeCursor(progress, encodeCursor(progress, [500, 'id']))).toEqual([500, 'id']);
    expect(decodeCursor(byDate, encodeCursor(byDate, ['2024-01-02']))).toBeUndefined();
    for (const bad of ['', 'not json', '!!', Buffer.from('{"a":1}').toString('base64url'), 'x'.repeat(3000)]) {
      expect(decodeCursor(byDate, bad)).toBeUndefined();
    }
  });
});

describe('searchTerms', () => {
  it('keeps words of letters and digits, lower-cased, at most eight', () => {
    expect(searchTerms('Lavrov\'s "China" OR -x* 3:1')).toEqual(['lavrov', 's', 'china', 'or', 'x', '3', '1']);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
    expect(searchTerms('*** ---')).toEqual([]);
  });
});

describe('listArticlePage search and archive', () => {
  const query = (search: string) =>
    ({ ...byDate, viewerId: 0, limit: 10, filters: { archived: 'all', search: searchTerms(search) } }) as const;

  it('finds an article by its new title after a re-import, and no longer by the old one', async () => {
    const db = await openTestStore();
    await importArticle(db, { ...seedArticle, meta: { title: 'Zeppelin landing' } }, seedEdits);
    expect((await listArticlePage(db, query('zeppelin'))).articles.map((a) => a.id)).toEqual([seedArticle.id]);
    await importArticle(db, { ...seedArticle, meta: { title: 'Airship landing' } }, seedEdits);
    expect((await listArticlePage(db, query('zeppelin'))).total).toBe(0);
    expect((await listArticlePage(db, query('airship'))).total).toBe(1);
    await db.close();
  });

  it('leaves an archived article out of the revisions the statistics are made of', async () => {
    const db = await openTestStore();
    await importArticle(db, seedArticle, seedEdits);
    expect(await unarchivedArticleRevisions(db)).toHaveLength(1);
    expect(await archiveArticle(db, seedArticle.id, null)).toBe(true);
    expect(await unarchivedArticleRevisions(db)).toEqual([]);
    await db.close();
  });

  it('answers a search on PostgreSQL from the GIN index (the query repeats its expression exactly)', async () => {
    const db = await openTestStore();
    if (db.engine !== 'postgres') return db.close();
    await importArticle(db, seedArticle, seedEdits);
    const plan = await db.transaction(async (tx) => {
      await tx.run('SET LOCAL enable_seqscan = off');
      const { sql } = searchCondition('postgres', ['x']);
      return tx.all<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT a.id FROM articles a WHERE ${sql}`, { search: 'x:*' });
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('articles_search');
    await db.close();
  });
});
