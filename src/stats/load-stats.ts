// The statistics of the store, kept up to date incrementally: an article's part is recomputed only when it changed.
import { type EditProblem, UnresolvableReviewError } from '../review/integrity.ts';
import { loadArticleReview } from '../store/article-review.ts';
// Archived articles are left out here, where the parts are gathered: an archived article's part is taken out of the
// totals as if it were gone, and comes back when it is unarchived.
import { type Store, unarchivedArticleRevisions } from '../store/index.ts';
import type { NeedsAttention, Statistics } from './aggregate.ts';
import { type ArticlePart, articlePart } from './statistics.ts';
import { StatsTotals } from './totals.ts';

/** What is kept per database: each article's part at the revision it was computed at, and their running totals. */
interface Kept {
  parts: Map<string, { revision: number; part: ArticlePart }>;
  totals: StatsTotals;
  /** Article ids in the order shown: newest publication first, undated last, then by id (as listArticles). */
  order: string[];
  /** Articles whose review cannot be computed at their revision: left out of the totals, listed apart. */
  attention: Map<string, { revision: number; entry: NeedsAttention }>;
  /** The refresh in progress: refreshes take turns, or two of them would take the same old part out twice. */
  turn: Promise<unknown>;
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
    kept = { parts: new Map(), totals: new StatsTotals(), order: [], attention: new Map(), turn: Promise.resolve() };
    keptByStore.set(db, kept);
  }
  return kept;
}

/** Why one article's part could not be made: its edits' problems, or (a bug) the error, which is logged once. */
function problemsOf(id: string, error: unknown): EditProblem[] {
  if (error instanceof UnresolvableReviewError) return error.problems;
  console.error(`mt-review: statistics of article ${id} failed:`, error);
  return [{ editId: '', mtText: '', message: `its statistics could not be computed (${String(error)})` }];
}

/**
 * Brings one article's part up to its revision; true when the shown order may have changed. An article whose review
 * cannot be computed is set aside under "needs attention", so that it never takes the corpus's statistics down.
 */
async function refresh(db: Store, kept: Kept, id: string, revision: number): Promise<boolean> {
  const old = kept.parts.get(id);
  if (old?.revision === revision || kept.attention.get(id)?.revision === revision) return false;
  if (old) kept.totals.apply(old.part, -1);
  kept.parts.delete(id);
  kept.attention.delete(id);
  const review = await loadArticleReview(db, id);
  if (!review) return old !== undefined;
  try {
    const part = articlePart(review);
    kept.totals.apply(part, 1);
    kept.parts.set(id, { revision, part });
    return old?.part.published !== part.published;
  } catch (error) {
    kept.attention.set(id, {
      revision,
      entry: { id, title: review.meta.title ?? null, problems: problemsOf(id, error) },
    });
    return old !== undefined;
  }
}

/**
 * The statistics of all articles in the store. Revisions (kept by triggers) say which articles changed since the
 * last call: only those are read and recomputed, their old part taken out of the totals and the new one put in.
 * A verdict thus costs one article's work, not the corpus's.
 */
export function loadStatistics(db: Store): Promise<Statistics> {
  const kept = keptFor(db);
  return inTurn(kept, () => refreshAll(db, kept));
}

/** Runs `work` once the refresh before it has finished. */
function inTurn<T>(kept: Kept, work: () => Promise<T>): Promise<T> {
  const result = kept.turn.then(work, work);
  kept.turn = result.catch(() => undefined);
  return result;
}

async function refreshAll(db: Store, kept: Kept): Promise<Statistics> {
  const revisions = await unarchivedArticleRevisions(db);
  const present = new Set<string>();
  let reorder = false;
  for (const { id, revision } of revisions) {
    present.add(id);
    reorder = (await refresh(db, kept, id, revision)) || reorder;
  }
  for (const [id, old] of kept.parts) {
    if (present.has(id)) continue;
    kept.totals.apply(old.part, -1);
    kept.parts.delete(id);
    reorder = true;
  }
  for (const id of kept.attention.keys()) if (!present.has(id)) kept.attention.delete(id);
  // Sorting thousands of articles on every call would cost more than the rest: only a new date or article does it.
  if (reorder) kept.order = showOrder(kept.parts);
  const attention = [...kept.attention.values()].map((a) => a.entry).sort((a, b) => (a.id < b.id ? -1 : 1));
  const articles = kept.order.flatMap((id) => kept.parts.get(id)?.part.stats ?? []);
  return kept.totals.statistics(articles, undefined, attention);
}

/**
 * Computes every article's part in the background, a few articles per turn of the event loop, so that the first
 * statistics request after a start does not wait for the whole corpus and requests meanwhile are served.
 */
export async function warmStatistics(db: Store, articlesPerTurn = 20): Promise<number> {
  const kept = keptFor(db);
  const revisions = await unarchivedArticleRevisions(db);
  for (let i = 0; i < revisions.length; i += articlesPerTurn) {
    await inTurn(kept, async () => {
      for (const { id, revision } of revisions.slice(i, i + articlesPerTurn)) await refresh(db, kept, id, revision);
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
  await inTurn(kept, async () => {
    kept.order = showOrder(kept.parts);
  });
  return revisions.length;
}
