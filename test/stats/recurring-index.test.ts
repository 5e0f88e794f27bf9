// RecurringIndex: after any sequence of parts added and taken back, its list equals one sorted from scratch.
import { describe, expect, it } from 'vitest';
import type { AcceptedCorrection, RecurringCorrection } from '../../src/stats/corrections.ts';
import { RecurringIndex, recurringOrder } from '../../src/stats/recurring-index.ts';
import { random } from '../diff/generate-pairs.ts';

/** The recurring corrections of `parts` (article → its corrections), computed from scratch. */
function naive(parts: Map<string, AcceptedCorrection[]>): RecurringCorrection[] {
  const byKey = new Map<string, { mtText: string; correctedText: string; byArticle: Map<string, number> }>();
  for (const [article, corrections] of parts) {
    for (const c of corrections) {
      const key = `${c.mtText}\u0000${c.correctedText}`;
      const entry = byKey.get(key) ?? { mtText: c.mtText, correctedText: c.correctedText, byArticle: new Map() };
      entry.byArticle.set(article, (entry.byArticle.get(article) ?? 0) + c.count);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()]
    .filter((e) => e.byArticle.size >= 2)
    .map((e) => ({
      mtText: e.mtText,
      correctedText: e.correctedText,
      count: [...e.byArticle.values()].reduce((a, b) => a + b, 0),
      articles: [...e.byArticle.keys()].sort(),
    }))
    .sort(recurringOrder);
}

describe('RecurringIndex', () => {
  it('keeps the recurring corrections as a fresh computation would list them, through many swaps', () => {
    const rand = random(11);
    const texts = ['the', 'a', 'an', '', 'of', 'The', 'in', 'on', 'at', 'by', 'to', 'for'];
    const corrections = (): AcceptedCorrection[] => {
      const seen = new Map<string, AcceptedCorrection>();
      for (let n = Math.floor(rand() * 8); n > 0; n--) {
        const c = {
          mtText: texts[Math.floor(rand() * texts.length)] as string,
          correctedText: texts[Math.floor(rand() * texts.length)] as string,
          count: 1 + Math.floor(rand() * 3),
        };
        seen.set(`${c.mtText}\u0000${c.correctedText}`, c);
      }
      return [...seen.values()];
    };
    const index = new RecurringIndex();
    const parts = new Map<string, AcceptedCorrection[]>();
    const shown: { list: RecurringCorrection[]; copy: RecurringCorrection[] }[] = [];
    // A start (many parts at once: the list sorted anew), then single articles swapped, added and removed, read
    // now and then (the list changed item by item).
    for (let i = 0; i < 400; i++) {
      const article = `article-${Math.floor(rand() * 120)}`;
      const old = parts.get(article);
      if (old) for (const c of old) index.apply(article, c, -1);
      if (rand() < 0.15) parts.delete(article);
      else {
        const next = corrections();
        parts.set(article, next);
        for (const c of next) index.apply(article, c, 1);
      }
      if (i === 99 || (i > 99 && (i > 300 || i % 10 === 0))) {
        const list = index.recurring();
        expect(list).toEqual(naive(parts));
        shown.push({ list, copy: structuredClone(list) });
      }
    }
    // A list once read is never changed afterwards: a snapshot served meanwhile stays as it was.
    for (const { list, copy } of shown) expect(list).toEqual(copy);
  });
});
