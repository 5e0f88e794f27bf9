// The statistics of the store, kept up to date incrementally: an article's part is recomputed only when it changed.
import { loadArticleReview } from '../export/load-review.ts';
import { articleRevisions, type Store } from '../store/index.ts';
import type { Statistics } from './aggregate.ts';
import { type ArticlePart, articlePart } from './statistics.ts';
import { StatsTotals } from './totals.ts';

/** What is kept per database: each article's part at the revision it was computed at, and their running totals. */
interface Kept {
  parts: Map<string, { revision: number; part: ArticlePart }>;
  totals: StatsTotals;
}

const keptByStore = new WeakMap<Store, Kept>();

/**
 * The statistics of all articles in the store. Revisions (kept by triggers) say which articles changed since the
 * last call: only those are read and recomputed, their old part taken out of the totals and the new one put in.
 * A verdict thus costs one article's work, not the corpus's.
 */
export function loadStatistics(db: Store): Statistics {
  let kept = keptByStore.get(db);
  if (!kept) {
    kept = { parts: new Map(), totals: new StatsTotals() };
    keptByStore.set(db, kept);
  }
  const { parts, totals } = kept;
  const revisions = articleRevisions(db);
  const present = new Set<string>();
  for (const { id, revision } of revisions) {
    present.add(id);
    const old = parts.get(id);
    if (old?.revision === revision) continue;
    if (old) totals.apply(old.part, -1);
    const review = loadArticleReview(db, id);
    if (!review) continue;
    const part = articlePart(review);
    totals.apply(part, 1);
    parts.set(id, { revision, part });
  }
  for (const [id, old] of parts) {
    if (present.has(id)) continue;
    totals.apply(old.part, -1);
    parts.delete(id);
  }
  // articleRevisions comes in the order the page shows (newest publication first).
  return totals.statistics(revisions.flatMap(({ id }) => parts.get(id)?.part.stats ?? []));
}
