// Each reviewer's activity on an article, kept by a trigger on every verdict: the same as counting the whole verdict
// history (the review page's counts, and the per-reviewer statistics' spans), whatever mix of batches, retries, refusals, adjudications and retractions made it, and after the migration
// that fills it from a history recorded before it existed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityOf } from '../../src/review/activity.ts';
import { importArticle } from '../../src/store/articles.ts';
import { NotFoundError } from '../../src/store/errors.ts';
import { openStore } from '../../src/store/open-store.ts';
import { toVerdictRecord } from '../../src/store/outcomes.ts';
import { retractVerdict } from '../../src/store/retractions.ts';
import { type ReviewerArticleSpan, reviewerArticleSpans } from '../../src/store/reviewer-figures.ts';
import type { Store } from '../../src/store/sql.ts';
import { listVerdicts, reviewerActivity } from '../../src/store/verdict-reads.ts';
import { recordAllIn, recordVerdictBatch, type VerdictInput } from '../../src/store/verdicts.ts';
import { sqliteConnection, testEngine } from '../support/test-store.ts';
import { addReviewer, makeEdit, openTestStoreAt, seedArticle, seedEdits } from './helpers.ts';

const articles = [seedArticle.id, 'second'];

// Reviewers by their place: alice, bob, or (2) one the store does not know.
const input = fc.record({
  editId: fc.constantFrom('e-byline', 'e-sergey', 'e-marker', 'e2-byline', 'e2-sergey', 'e-missing'),
  reviewer: fc.constantFrom(0, 1, 2),
  kind: fc.constantFrom('verdict' as const, 'verdict' as const, 'adjudication' as const),
  decision: fc.constantFrom('accept' as const, 'reject' as const, 'amend' as const),
  // A severity the CHECK constraint refuses: its verdict is refused, and counted nowhere.
  severity: fc.constantFrom(null, 'minor', 'minor', 'bogus' as 'minor'),
  amendedText: fc.constantFrom('Sergei', 'By'),
  clientRequestId: fc.constantFrom(null, null, 'r1', 'r2', 'r3'),
});

// What happens to the store, step by step: a batch (through the one-call path where the engine has one, or the guarded
// statements), or a retraction of a reviewer's verdict on an edit.
const step = fc.oneof(
  fc.record({ batch: fc.array(input, { minLength: 1, maxLength: 6 }), guarded: fc.boolean() }),
  fc.record({ retract: fc.constantFrom('e-byline', 'e-sergey', 'e2-byline'), reviewer: fc.constantFrom(0, 1) }),
);

async function reviewedStore() {
  const at = await openTestStoreAt();
  await importArticle(at.store, seedArticle, seedEdits);
  await importArticle(at.store, { ...seedArticle, id: 'second' }, [
    makeEdit('e2-byline', 0, 'Of:', 'By'),
    makeEdit('e2-sergey', 20, 'Sergey', 'Sergei'),
  ]);
  const reviewerIds = [(await addReviewer(at.store, 'alice')).id, (await addReviewer(at.store, 'bob')).id];
  return { ...at, reviewerIds };
}

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

async function apply(db: Store, reviewerIds: readonly number[], steps: readonly Step[]) {
  const idOf = (reviewer: number) => reviewerIds[reviewer] ?? 999;
  for (const s of steps) {
    if ('batch' in s) {
      const batch: VerdictInput[] = s.batch.map(({ reviewer, ...v }) => ({ ...v, reviewerId: idOf(reviewer) }));
      if (s.guarded) await db.transaction((tx) => recordAllIn(tx, batch));
      else await recordVerdictBatch(db, batch);
    } else {
      // Nothing to retract is refused (NotFoundError): that is not what this test is about; any other error is.
      await retractVerdict(db, s.retract, idOf(s.reviewer), 'verdict').catch((error: unknown) => {
        if (!(error instanceof NotFoundError)) throw error;
      });
    }
  }
}

/**
 * Each article's activity as the store keeps it, and as counted from its whole verdict history; and the spans of the
 * per-reviewer statistics (verdicts and adjudications per reviewer and article), kept and counted.
 */
async function keptAndCounted(db: Store) {
  const kept = [];
  const counted = [];
  const countedSpans: ReviewerArticleSpan[] = [];
  for (const id of articles) {
    kept.push(await reviewerActivity(db, id));
    const history = await listVerdicts(db, id);
    counted.push(activityOf(history.filter((v) => v.kind === 'verdict').map(toVerdictRecord)));
    const byReviewer = new Map<number, typeof history>();
    for (const v of history) byReviewer.set(v.reviewerId, [...(byReviewer.get(v.reviewerId) ?? []), v]);
    for (const [reviewerId, given] of byReviewer) {
      const times = given.filter((v) => v.kind === 'verdict').map((v) => v.createdAt);
      times.sort();
      countedSpans.push({
        reviewerId,
        articleId: id,
        verdicts: times.length,
        adjudications: given.length - times.length,
        firstAt: times[0] ?? null,
        lastAt: times.at(-1) ?? null,
      });
    }
  }
  const order = (a: ReviewerArticleSpan, b: ReviewerArticleSpan) =>
    a.articleId.localeCompare(b.articleId) || a.reviewerId - b.reviewerId;
  const spans = (await reviewerArticleSpans(db, articles)).sort(order);
  return { kept, counted, spans, countedSpans: countedSpans.sort(order) };
}

describe('reviewer activity', () => {
  it('is kept as counting the whole history would count it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const { store, reviewerIds, remove } = await reviewedStore();
        try {
          await apply(store, reviewerIds, steps);
          const { kept, counted, spans, countedSpans } = await keptAndCounted(store);
          expect(kept).toEqual(counted);
          expect(spans).toEqual(countedSpans);
        } finally {
          await remove();
        }
      }),
      { numRuns: 25 },
    );
  });

  it('is filled from the history recorded before it was kept', async () => {
    const { store, location, reviewerIds, remove } = await reviewedStore();
    try {
      const [alice, bob] = reviewerIds as [number, number];
      // The store as it was before the activity was kept: no tables, no trigger, the schema version before.
      if (testEngine === 'postgres') {
        await store.run('DROP TRIGGER verdicts_counted_in_activity ON verdicts');
        await store.run('DROP FUNCTION count_reviewer_activity()');
        await store.run('DROP TABLE reviewer_edits, reviewer_activity');
        await store.run('DELETE FROM schema_migrations WHERE version = 13');
      } else {
        const connection = sqliteConnection(store);
        connection.exec(
          'DROP TRIGGER verdicts_counted_in_activity; DROP TABLE reviewer_edits; DROP TABLE reviewer_activity',
        );
        connection.pragma('user_version = 17');
      }
      await recordVerdictBatch(store, [
        { editId: 'e-byline', reviewerId: alice, decision: 'accept' },
        { editId: 'e-byline', reviewerId: alice, decision: 'amend', amendedText: 'By' },
        { editId: 'e-sergey', reviewerId: alice, decision: 'reject' },
        { editId: 'e2-byline', reviewerId: bob, decision: 'accept' },
        { editId: 'e-sergey', reviewerId: bob, kind: 'adjudication', decision: 'accept' },
      ]);
      await store.close();
      const reopened = await openStore(location);
      try {
        const { kept, counted, spans, countedSpans } = await keptAndCounted(reopened);
        expect(kept).toEqual(counted);
        expect(spans).toEqual(countedSpans);
        // bob only adjudicated on the first article: a span there, no activity.
        expect(spans.find((span) => span.articleId === seedArticle.id && span.reviewerId === bob)).toMatchObject({
          verdicts: 0,
          adjudications: 1,
          firstAt: null,
        });
        expect(kept[0]?.map((a) => [a.reviewer, a.verdicts, a.edits, a.accept, a.reject, a.amend])).toEqual([
          ['alice', 3, 2, 1, 1, 1],
        ]);
        expect(kept[1]?.map((a) => [a.reviewer, a.verdicts, a.edits])).toEqual([['bob', 1, 1]]);
        // And kept from then on.
        await recordVerdictBatch(reopened, [{ editId: 'e-marker', reviewerId: alice, decision: 'accept' }]);
        const after = await keptAndCounted(reopened);
        expect(after.kept).toEqual(after.counted);
        expect(after.spans).toEqual(after.countedSpans);
        expect(after.kept[0]?.[0]?.edits).toBe(3);
      } finally {
        await reopened.close();
      }
    } finally {
      await remove();
    }
  });
});
