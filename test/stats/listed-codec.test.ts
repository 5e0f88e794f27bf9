// The stored form of an article's listed numbers: decoding what was encoded gives back the same numbers, every score
// included (computed again from its inputs), and a text of another layout or version is not decoded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCorpus } from '../../src/import-corpus.ts';
import { scoreWith, scoringModels } from '../../src/metrics/mqm-models.ts';
import type { ArticleStats } from '../../src/stats/aggregate.ts';
import { decodeListed, encodeListed, isCurrentListed } from '../../src/stats/listed-codec.ts';
import { articlePart } from '../../src/stats/statistics.ts';
import type { ListedPart } from '../../src/stats/totals.ts';
import { loadArticleReview } from '../../src/store/article-review.ts';
import { createReviewer, listEdits, recordVerdict } from '../../src/store/index.ts';
import { createTestStore } from '../support/test-store.ts';

const count = fc.nat({ max: 5000 });
const counts = fc.record({ neutral: count, minor: count, major: count, critical: count });
const tally = fc.dictionary(fc.string({ maxLength: 30 }), fc.integer({ min: 1, max: 500 }), { maxKeys: 6 });

/** Listed numbers as a part has them: each model's score computed from its penalty and counts, as articleStats does. */
const listedPart: fc.Arbitrary<ListedPart> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 40 }),
    title: fc.option(fc.string({ maxLength: 80 })),
    words: fc.nat({ max: 400_000 }),
    edits: count,
    decided: count,
    decisions: fc.record({ accepted: count, rejected: count, amended: count, disputed: count, undecided: count }),
    total: count,
    byCategory: tally,
    bySeverity: tally,
    hter: fc.record({ score: fc.double({ min: 0, max: 500, noNaN: true }), edits: count, refLength: count }),
    segments: fc.nat({ max: 2000 }),
    weighed: fc.array(fc.record({ penalty: fc.double({ min: 0, max: 1e5, noNaN: true }), counts }), {
      minLength: scoringModels.length,
      maxLength: scoringModels.length,
    }),
    published: fc.option(fc.constantFrom('2026-01-01', '2025-12-31T08:00:00Z')),
    accepted: fc.array(
      fc.record({ mtText: fc.string(), correctedText: fc.string(), count: fc.integer({ min: 1, max: 99 }) }),
      { maxLength: 12 },
    ),
  })
  .map((g) => {
    const stats: ArticleStats = {
      id: g.id,
      title: g.title,
      words: g.words,
      edits: g.edits,
      decided: g.decided,
      reviewedShare: g.edits > 0 ? g.decided / g.edits : 1,
      decisions: g.decisions,
      errors: { total: g.total, byCategory: g.byCategory, bySeverity: g.bySeverity },
      hter: g.hter,
      segments: g.segments,
      scores: Object.fromEntries(
        scoringModels.map((model, i) => [model.id, scoreWith(model, g.weighed[i] as never, g.words, g.segments)]),
      ),
    };
    return { stats, published: g.published, accepted: g.accepted };
  });

describe('listed numbers as stored', () => {
  it('decode what was encoded to the same numbers (property)', () => {
    fc.assert(
      fc.property(listedPart, (part) => {
        expect(decodeListed(encodeListed(part, 7), 7)).toEqual(part);
      }),
      { numRuns: 300 },
    );
  });

  it('decode the listed numbers of a reviewed article to the part computed from its review', async () => {
    const test = await createTestStore();
    try {
      const db = test.store;
      await importCorpus(db, 'corpus');
      const anna = await createReviewer(db, 'anna', 'a long passphrase');
      const edits = await listEdits(db, 'lavrov-in-china');
      const decisions = ['accept', 'amend', 'reject'] as const;
      const severities = ['minor', 'major', 'critical', 'neutral'] as const;
      for (const [i, edit] of edits.slice(0, 12).entries()) {
        await recordVerdict(db, {
          editId: edit.id,
          reviewerId: anna.id,
          decision: decisions[i % 3] as (typeof decisions)[number],
          amendedText: 'amended',
          category: i % 2 ? 'accuracy/mistranslation' : 'design/page-furniture',
          severity: severities[i % 4] as (typeof severities)[number],
        });
      }
      const review = await loadArticleReview(db, 'lavrov-in-china');
      if (!review) throw new Error('the seed was not imported');
      const part = articlePart(review);
      expect(part.stats.errors.total).toBeGreaterThan(0);
      expect(part.accepted.length).toBeGreaterThan(0);
      const { stats, published, accepted } = part;
      expect(decodeListed(encodeListed(part, 1), 1)).toEqual({ stats, published, accepted });
    } finally {
      await test.remove();
    }
  });

  it('leave a text of another layout, version or shape undecoded', () => {
    const part = fc.sample(listedPart, { numRuns: 1, seed: 42 })[0] as ListedPart;
    const text = encodeListed(part, 3);
    expect(isCurrentListed(text, 3)).toBe(true);
    expect(decodeListed(text, 4)).toBeUndefined();
    expect(isCurrentListed(null, 3)).toBe(false);
    // The layout before this one: keyed JSON with a version field.
    expect(decodeListed(JSON.stringify({ version: 3, ...part }), 3)).toBeUndefined();
    expect(decodeListed(`[2,3,`, 3)).toBeUndefined();
    expect(decodeListed(`[2,3,"only an id"]`, 3)).toBeUndefined();
    const unknownModel = JSON.parse(text);
    unknownModel[13] = { 'no-such-model': [1, 0, 1, 0, 0] };
    expect(decodeListed(JSON.stringify(unknownModel), 3)).toBeUndefined();
  });
});
