// Unit tests of the per-reviewer statistics computed from the store's grouped rows.
import { describe, expect, it } from 'vitest';
import { cohensKappa } from '../../src/metrics/agreement.ts';
import { median, pairAgreement, reviewerStatistics } from '../../src/stats/reviewer-stats.ts';

const reviewers = [
  { id: 1, name: 'zoe', role: 'reviewer' },
  { id: 2, name: 'ann', role: 'reviewer' },
  { id: 3, name: 'lea', role: 'lead' },
];
const span = (reviewerId: number, articleId: string, verdicts: number, first: string, last: string) => ({
  reviewerId,
  articleId,
  verdicts,
  adjudications: 0,
  firstAt: `2026-01-01T${first}.000Z`,
  lastAt: `2026-01-01T${last}.000Z`,
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones; null for none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });
});

describe('reviewerStatistics', () => {
  const stats = reviewerStatistics({
    reviewers,
    spans: [
      span(1, 'a', 3, '10:00:00', '10:02:00'),
      span(1, 'b', 1, '11:00:00', '11:00:00'),
      span(1, 'c', 5, '12:00:00', '12:10:00'),
      span(2, 'a', 2, '10:00:30', '10:01:00'),
      { reviewerId: 3, articleId: 'a', verdicts: 0, adjudications: 2, firstAt: null, lastAt: null },
    ],
    outcomes: [
      // Rows of several articles add up.
      { articleId: 'a', reviewerId: 1, state: 'agreed', upheld: null, n: 4 },
      { articleId: 'c', reviewerId: 1, state: 'agreed', upheld: null, n: 2 },
      { articleId: 'a', reviewerId: 1, state: 'adjudicated', upheld: 1, n: 2 },
      { articleId: 'a', reviewerId: 1, state: 'adjudicated', upheld: 0, n: 2 },
      { articleId: 'a', reviewerId: 1, state: 'disputed', upheld: null, n: 4 },
      { articleId: 'a', reviewerId: 2, state: 'disputed', upheld: null, n: 1 },
    ],
    pairs: [],
  });

  it('counts verdicts, articles and adjudications given, by name', () => {
    expect(stats.reviewers.map((r) => [r.reviewer, r.role, r.verdicts, r.articles, r.adjudications])).toEqual([
      ['ann', 'reviewer', 2, 1, 0],
      ['lea', 'lead', 0, 0, 2],
      ['zoe', 'reviewer', 9, 3, 0],
    ]);
  });

  it('shares out agreement with the outcome over agreed and adjudicated edits, disputed ones left out', () => {
    const zoe = stats.reviewers.find((r) => r.reviewer === 'zoe');
    expect(zoe?.outcomes).toEqual({ agreed: 6, upheld: 2, overruled: 2, disputed: 4 });
    expect(zoe?.agreement).toEqual({ stood: 8, counted: 10, share: 0.8 });
    // Only disputed edits: nothing stood or fell, so there is no share.
    expect(stats.reviewers.find((r) => r.reviewer === 'ann')?.agreement).toEqual({ stood: 0, counted: 0, share: null });
  });

  it('takes the median of first-to-last times over the articles a reviewer gave verdicts on', () => {
    expect(stats.reviewers.find((r) => r.reviewer === 'zoe')?.reviewTime).toEqual({ articles: 3, medianSeconds: 120 });
    expect(stats.reviewers.find((r) => r.reviewer === 'lea')?.reviewTime).toEqual({
      articles: 0,
      medianSeconds: null,
    });
    expect(stats.byArticle.get('a')?.map((r) => [r.reviewer, r.seconds])).toEqual([
      ['ann', 30],
      ['lea', null],
      ['zoe', 120],
    ]);
  });
});

describe('pairAgreement', () => {
  const names = new Map(reviewers.map((r) => [r.id, r.name]));
  const nameOf = (id: number) => names.get(id) as string;
  const row = (decisionA: string, decisionB: string, n: number) => ({
    articleId: `article-${n}`,
    a: 1,
    b: 2,
    decisionA: decisionA as 'accept',
    decisionB: decisionB as 'accept',
    n,
    categoryCompared: n,
    categoryAgreed: decisionA === decisionB ? n : 0,
    severityCompared: 0,
    severityAgreed: 0,
  });

  it('names the pair in sorted order, turning its cells round, and gives the kappa of the pairs of decisions', () => {
    // Reviewer 1 (zoe) against 2 (ann): named ann and zoe, so ann's decisions come first.
    const [pair] = pairAgreement(
      [row('accept', 'accept', 3), row('accept', 'reject', 1), row('reject', 'reject', 2)],
      nameOf,
    );
    expect(pair?.reviewers).toEqual(['ann', 'zoe']);
    expect(pair?.edits).toBe(6);
    expect(pair?.decision).toEqual({ compared: 6, agreed: 5, observed: 5 / 6 });
    expect(pair?.category).toEqual({ compared: 6, agreed: 5, observed: 5 / 6 });
    expect(pair?.severity.observed).toBeNull();
    const labels: [string, string][] = [
      ...Array<[string, string]>(3).fill(['accept', 'accept']),
      ['reject', 'accept'],
      ...Array<[string, string]>(2).fill(['reject', 'reject']),
    ];
    expect(pair?.kappa).toBeCloseTo(cohensKappa(labels) as number, 12);
  });
});
