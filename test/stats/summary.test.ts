// The statistics summary: the best and worst articles picked in one pass equal the ends of the full sort.
import { describe, expect, it } from 'vitest';
import { scoringModels } from '../../src/metrics/mqm-models.ts';
import type { ArticleStats, Statistics } from '../../src/stats/aggregate.ts';
import { sortedArticles, topAndBottom } from '../../src/stats/summary.ts';
import { random } from '../diff/generate-pairs.ts';

/** Articles with the few fields the orders read: scores of few distinct values (ties), some not reviewed. */
function statistics(count: number, seed: number): Statistics {
  const rand = random(seed);
  const articles = Array.from({ length: count }, (_, i) => {
    const scores = Object.fromEntries(
      scoringModels.map((m) => [m.id, rand() < 0.1 ? null : { score: Math.floor(rand() * 8) - 3 }]),
    );
    return { id: `a-${i}`, decided: rand() < 0.7 ? 1 : 0, hter: { score: rand() * 10 }, scores };
  }) as unknown as ArticleStats[];
  return { articles } as Statistics;
}

describe('topAndBottom', () => {
  it('picks the ends of the articles sorted best first, reviewed articles only', () => {
    for (const [count, seed] of [
      [0, 1],
      [3, 2],
      [9, 3],
      [400, 4],
    ] as const) {
      for (const model of scoringModels) {
        const stats = statistics(count, seed);
        const sorted = sortedArticles(stats, 'best', model).filter((a) => a.decided > 0);
        expect(topAndBottom(stats, model)).toEqual({ best: sorted.slice(0, 5), worst: sorted.slice(-5).reverse() });
        // Asked again of the same snapshot: the same answer, made once.
        expect(topAndBottom(stats, model)).toBe(topAndBottom(stats, model));
      }
    }
  });
});
