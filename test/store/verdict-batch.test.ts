// Property test of recording verdicts in a batch (one statement for many): the same answers and the same stored review
// as recording them one at a time, in order, whatever mix of retries, unknown edits, adjudications and values the
// database refuses it holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../src/store/articles.ts';
import type { Store } from '../../src/store/sql.ts';
import {
  type BatchOutcome,
  recordAllIn,
  recordVerdict,
  recordVerdictBatch,
  type VerdictInput,
} from '../../src/store/verdicts.ts';
import { addReviewer, makeEdit, openTestStore, seedArticle, seedEdits } from './helpers.ts';

const input = (reviewerIds: number[]) =>
  fc.record({
    editId: fc.constantFrom('e-byline', 'e-sergey', 'e-marker', 'e2-byline', 'e2-sergey', 'e-missing'),
    reviewerId: fc.constantFrom(...reviewerIds, 999),
    kind: fc.constantFrom('verdict' as const, 'verdict' as const, 'adjudication' as const),
    decision: fc.constantFrom('accept' as const, 'reject' as const, 'amend' as const),
    category: fc.constantFrom(null, 'accuracy/mistranslation'),
    // A severity the CHECK constraint refuses: the statement for the whole batch fails, and only this one may.
    severity: fc.constantFrom(null, 'minor', 'minor', 'minor', 'bogus' as 'minor'),
    amendedText: fc.constantFrom('Sergei', 'By'),
    clientRequestId: fc.constantFrom(null, null, 'r1', 'r2', 'r3'),
  });

async function reviewedStore(): Promise<{ db: Store; reviewerIds: number[] }> {
  const db = await openTestStore();
  await importArticle(db, seedArticle, seedEdits);
  // A second article: a batch touches several, whose counts and statuses are kept together.
  await importArticle(db, { ...seedArticle, id: 'second' }, [
    makeEdit('e2-byline', 0, 'Of:', 'By'),
    makeEdit('e2-sergey', 20, 'Sergey', 'Sergei'),
  ]);
  const ids = [(await addReviewer(db, 'alice')).id, (await addReviewer(db, 'bob')).id];
  return { db, reviewerIds: ids };
}

// An answer without what differs between two stores by design: ids and times.
function answer(outcome: BatchOutcome) {
  if ('error' in outcome) {
    const error = outcome.error as Error;
    // PostgreSQL names the failing row, whose id and time differ between the stores.
    return { error: error.constructor.name, message: error.message.replace(/: Failing row contains .*$/, '') };
  }
  const { id: _id, createdAt: _at, ...verdict } = outcome.recorded.verdict;
  return { duplicate: outcome.recorded.duplicate, verdict };
}

// The stored review, with verdict ids replaced by their rank (each store numbers its own).
async function storedReview(db: Store) {
  const verdicts = await db.all<{ id: number }>(
    `SELECT id, edit_id, reviewer_id, kind, decision, category, severity, amended_text, client_request_id
     FROM verdicts ORDER BY id`,
  );
  const rank = new Map(verdicts.map((v, i) => [v.id, i]));
  const ranked = <Row extends { verdict_id: number }>(rows: Row[]) =>
    rows.map((row) => ({ ...row, verdict_id: rank.get(row.verdict_id) }));
  return {
    verdicts: verdicts.map(({ id, ...rest }) => ({ rank: rank.get(id), ...rest })),
    current: ranked(
      await db.all<{ verdict_id: number }>('SELECT * FROM current_verdicts ORDER BY edit_id, reviewer_id'),
    ),
    adjudications: ranked(await db.all<{ verdict_id: number }>('SELECT * FROM current_adjudications ORDER BY edit_id')),
    outcomes: await db.all('SELECT * FROM edit_outcomes ORDER BY edit_id'),
    counts: await db.all(
      'SELECT article_id, edits, undecided, agreed, disputed, adjudicated FROM article_review ORDER BY article_id',
    ),
    // The status last announced to webhooks (the events between may differ: a batch announces only its end).
    statuses: await db.all('SELECT article_id, status FROM webhook_article_status ORDER BY article_id'),
  };
}

describe('recordVerdictBatch', () => {
  it('answers and stores as recording the same verdicts one at a time would', async () => {
    const batched = await reviewedStore();
    const single = await reviewedStore();
    expect(single.reviewerIds).toEqual(batched.reviewerIds);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(input(batched.reviewerIds), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 }),
        async (batches) => {
          // Request ids are unique per run, so that one run's retries do not meet another's verdicts.
          const run = Math.random().toString(36).slice(2);
          const inputs = batches.map((batch) =>
            batch.map(
              (v): VerdictInput => ({ ...v, clientRequestId: v.clientRequestId && `${run}-${v.clientRequestId}` }),
            ),
          );
          const together: BatchOutcome[] = [];
          for (const batch of inputs) together.push(...(await recordVerdictBatch(batched.db, batch)));
          const oneByOne: BatchOutcome[] = [];
          for (const v of inputs.flat()) {
            oneByOne.push(
              await recordVerdict(single.db, v).then(
                (recorded) => ({ recorded }),
                (error: unknown) => ({ error }),
              ),
            );
          }
          expect(together.map(answer)).toEqual(oneByOne.map(answer));
          expect(await storedReview(batched.db)).toEqual(await storedReview(single.db));
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  // On PostgreSQL a batch goes in one call to a function of the schema (migration 12) unless a value is refused; the
  // statement-by-statement path (guarded, as after a refusal) must store and answer the same.
  it('answers and stores alike through its one-call path and its statement-by-statement path', async () => {
    const oneCall = await reviewedStore();
    const stepwise = await reviewedStore();
    await fc.assert(
      fc.asyncProperty(fc.array(input(oneCall.reviewerIds), { minLength: 1, maxLength: 12 }), async (batch) => {
        const run = Math.random().toString(36).slice(2);
        const inputs = batch.map(
          (v): VerdictInput => ({ ...v, severity: v.severity === ('bogus' as 'minor') ? 'major' : v.severity }),
        );
        const unique = inputs.map((v) => ({
          ...v,
          clientRequestId: v.clientRequestId && `${run}-${v.clientRequestId}`,
        }));
        const fast = await recordVerdictBatch(oneCall.db, unique);
        const slow = await stepwise.db.transaction((tx) => recordAllIn(tx, unique));
        expect(fast.map(answer)).toEqual(slow.map(answer));
        expect(await storedReview(oneCall.db)).toEqual(await storedReview(stepwise.db));
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
