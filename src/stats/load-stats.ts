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
  /** Article ids in the order shown: newest publication first, undated last, then by id (as listArticles). */
  order: string[];
}

function showOrder(parts: Kept['parts']): string[] {
  const published = (id: string) => parts.get(id)?.part.published ?? null;
  return [...parts.keys()].sort((a, b) => {
    const [pa, pb] = [published(a), published(b)];
    if ((pa === null) !== (pb === null)) return pa === null ? 1 : -1;
    if (pa !== pb) return (pa ?? '') < (pb ?? '') ? 1 : -1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
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
    kept = { parts: new Map(), totals: new StatsTotals(), order: [] };
    keptByStore.set(db, kept);
  }
  const { parts, totals } = kept;
  const revisions = articleRevisions(db);
  const present = new Set<string>();
  let reorder = false;
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
    reorder ||= old?.part.published !== part.published;
  }
  for (const [id, old] of parts) {
    if (present.has(id)) continue;
    totals.apply(old.part, -1);
    parts.delete(id);
    reorder = true;
  }
  // Sorting thousands of articles on every call would cost more than the rest: only a new date or article does it.
  if (reorder) kept.order = showOrder(parts);
  return totals.statistics(kept.order.flatMap((id) => parts.get(id)?.part.stats ?? []));
}
