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

function keptFor(db: Store): Kept {
  let kept = keptByStore.get(db);
  if (!kept) {
    kept = { parts: new Map(), totals: new StatsTotals(), order: [] };
    keptByStore.set(db, kept);
  }
  return kept;
}

/** Brings one article's part up to its revision; true when its place in the order may have changed. */
function refresh(db: Store, kept: Kept, id: string, revision: number): boolean {
  const old = kept.parts.get(id);
  if (old?.revision === revision) return false;
  if (old) kept.totals.apply(old.part, -1);
  const review = loadArticleReview(db, id);
  if (!review) return false;
  const part = articlePart(review);
  kept.totals.apply(part, 1);
  kept.parts.set(id, { revision, part });
  return old?.part.published !== part.published;
}

/**
 * The statistics of all articles in the store. Revisions (kept by triggers) say which articles changed since the
 * last call: only those are read and recomputed, their old part taken out of the totals and the new one put in.
 * A verdict thus costs one article's work, not the corpus's.
 */
export function loadStatistics(db: Store): Statistics {
  const kept = keptFor(db);
  const revisions = articleRevisions(db);
  const present = new Set<string>();
  let reorder = false;
  for (const { id, revision } of revisions) {
    present.add(id);
    reorder = refresh(db, kept, id, revision) || reorder;
  }
  for (const [id, old] of kept.parts) {
    if (present.has(id)) continue;
    kept.totals.apply(old.part, -1);
    kept.parts.delete(id);
    reorder = true;
  }
  // Sorting thousands of articles on every call would cost more than the rest: only a new date or article does it.
  if (reorder) kept.order = showOrder(kept.parts);
  return kept.totals.statistics(kept.order.flatMap((id) => kept.parts.get(id)?.part.stats ?? []));
}

/**
 * Computes every article's part in the background, a few articles per turn of the event loop, so that the first
 * statistics request after a start does not wait for the whole corpus and requests meanwhile are served.
 */
export async function warmStatistics(db: Store, articlesPerTurn = 20): Promise<number> {
  const kept = keptFor(db);
  const revisions = articleRevisions(db);
  for (let i = 0; i < revisions.length; i += articlesPerTurn) {
    for (const { id, revision } of revisions.slice(i, i + articlesPerTurn)) refresh(db, kept, id, revision);
    await new Promise((resolve) => setImmediate(resolve));
  }
  kept.order = showOrder(kept.parts);
  return revisions.length;
}
