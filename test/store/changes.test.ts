// The store's change feed, on both engines: a committed change of an article is told to its listeners, once, with
// the new revision; a rolled-back one never; other articles' listeners hear nothing.
import { describe, expect, it, vi } from 'vitest';
import { articleVersion, importArticle } from '../../src/store/articles.ts';
import type { ArticleChange } from '../../src/store/changes.ts';
import { recordVerdict } from '../../src/store/verdicts.ts';
import { addReviewer, openTestStore, seedArticle, seedEdits } from './helpers.ts';

async function seeded() {
  const db = await openTestStore();
  await importArticle(db, seedArticle, seedEdits);
  const alice = await addReviewer(db, 'alice');
  return { db, alice };
}

describe('store.changes', () => {
  it('tells a listener of the article each committed change with its revision, and nothing after unsubscribe', async () => {
    const { db, alice } = await seeded();
    const heard: ArticleChange[] = [];
    const unsubscribe = await db.changes.subscribe(seedArticle.id, (change) => heard.push(change));
    expect(db.changes.listeners).toBe(1);
    await recordVerdict(db, { editId: 'e-sergey', reviewerId: alice.id, decision: 'accept' });
    const revision = Number(await articleVersion(db, seedArticle.id));
    await vi.waitFor(() => expect(heard).toEqual([{ articleId: seedArticle.id, revision }]));
    unsubscribe();
    expect(db.changes.listeners).toBe(0);
    await recordVerdict(db, { editId: 'e-sergey', reviewerId: alice.id, decision: 'reject' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toHaveLength(1);
  });

  it('tells nothing of a transaction that rolled back, nor of another article', async () => {
    const { db, alice } = await seeded();
    const heard: ArticleChange[] = [];
    await db.changes.subscribe(seedArticle.id, (change) => heard.push(change));
    const other: ArticleChange[] = [];
    await db.changes.subscribe('another-article', (change) => other.push(change));
    await expect(
      db.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO verdicts (edit_id, article_id, reviewer_id, decision, created_at)
           VALUES ('e-sergey', :article, :reviewer, 'accept', '2026-01-02T03:04:05.678Z')`,
          { article: seedArticle.id, reviewer: alice.id },
        );
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual([]);
    await recordVerdict(db, { editId: 'e-sergey', reviewerId: alice.id, decision: 'accept' });
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect(other).toEqual([]);
    await db.close();
    expect(db.changes.listeners).toBe(0);
  });
});
