// Set-based statements over thousands of rows (a bulk action's 5,000 edits, in as many articles): sliced within the
// engines' limits on bound parameters, with the same result as small batches.
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../src/store/articles.ts';
import { maxBulkEdits } from '../../src/store/bulk-actions.ts';
import { refreshArticlesCounts } from '../../src/store/outcomes.ts';
import { recordVerdictBatch, type VerdictInput } from '../../src/store/verdicts.ts';
import { addReviewer, makeEdit, openTestStore, seedArticle } from './helpers.ts';

describe('a batch as large as a bulk action', () => {
  it('records a verdict on each of 5,000 edits in one batch, and keeps their outcomes and counts', async () => {
    const db = await openTestStore();
    const words = maxBulkEdits;
    const mt = 'w '.repeat(words).trimEnd();
    const edits = Array.from({ length: words }, (_, i) => makeEdit(`big-${i}`, 2 * i, 'w', 'x'));
    await importArticle(db, { ...seedArticle, id: 'big', mt, corrected: 'x '.repeat(words).trimEnd() }, edits);
    const anna = await addReviewer(db, 'anna');
    const inputs: VerdictInput[] = edits.map((edit) => ({ editId: edit.id, reviewerId: anna.id, decision: 'accept' }));
    const outcomes = await recordVerdictBatch(db, inputs);
    expect(outcomes.filter((outcome) => 'recorded' in outcome)).toHaveLength(words);
    const current = await db.get<{ n: number }>('SELECT count(*) AS n FROM current_verdicts');
    expect(Number(current?.n)).toBe(words);
    const counts = await db.get<{ edits: number; agreed: number; undecided: number }>(
      `SELECT edits, agreed, undecided FROM article_review WHERE article_id = 'big'`,
    );
    expect(counts).toEqual({ edits: words, agreed: words, undecided: 0 });
    // Thousands of articles recounted at once (none of them here but one): no statement binds them all.
    const many = [...Array.from({ length: words }, (_, i) => `article-${i}`), 'big'];
    await db.transaction((tx) => refreshArticlesCounts(tx, many));
    expect(await db.get('SELECT edits, agreed FROM article_review WHERE article_id = :id', { id: 'big' })).toEqual({
      edits: words,
      agreed: words,
    });
  }, 60_000);
});
