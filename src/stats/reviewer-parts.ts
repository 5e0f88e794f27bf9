// Each article's part of the per-reviewer aggregates, kept against its revision: a change re-reads that article only.
import {
  type ArticleScope,
  articleRevisions,
  type ReviewerArticleSpan,
  type ReviewerOutcomeCount,
  type ReviewerPairCount,
  reviewerArticleSpans,
  reviewerOutcomeCounts,
  reviewerPairCounts,
  type Store,
} from '../store/index.ts';
import type { ReviewerFiguresInput } from './reviewer-stats.ts';

/** One article's grouped rows at the revision they were read at. */
interface Part {
  revision: number;
  spans: ReviewerArticleSpan[];
  outcomes: ReviewerOutcomeCount[];
  pairs: ReviewerPairCount[];
}

interface Kept {
  parts: Map<string, Part>;
  /** Grows whenever a part changes, so that what is computed from all parts can be kept against it. */
  generation: number;
  /** The refresh in progress: refreshes take turns, so two never read the same articles at once. */
  turn: Promise<unknown>;
}

const keptByStore = new WeakMap<Store, Kept>();

// A batch of changed articles read in one grouped query each: bound parameters stay far below any engine's limit.
const batchSize = 500;

// Above this many changed articles, one grouped scan of everything beats reading them in batches.
const wholeScanFrom = 2_000;

function groupByArticle<T extends { articleId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.articleId) ?? [];
    list.push(row);
    map.set(row.articleId, list);
  }
  return map;
}

/** Reads the parts of `scope` (undefined: every article) and keeps them at the revisions given. */
async function readParts(db: Store, kept: Kept, scope: ArticleScope, revisions: Map<string, number>): Promise<void> {
  const spans = groupByArticle(await reviewerArticleSpans(db, scope));
  const outcomes = groupByArticle(await reviewerOutcomeCounts(db, scope));
  const pairs = groupByArticle(await reviewerPairCounts(db, scope));
  for (const id of scope ?? revisions.keys()) {
    const revision = revisions.get(id);
    if (revision === undefined) continue;
    kept.parts.set(id, {
      revision,
      spans: spans.get(id) ?? [],
      outcomes: outcomes.get(id) ?? [],
      pairs: pairs.get(id) ?? [],
    });
  }
}

/**
 * Brings the kept parts up to the articles' revisions (kept by triggers on verdicts, retractions, edits and review
 * settings): the changed articles are read again, a batch of them per grouped query; on a first call (or after many
 * changes) every article in one grouped scan. A part read after its revision was is merely read again next time.
 */
async function refresh(db: Store, kept: Kept): Promise<void> {
  const revisions = new Map((await articleRevisions(db)).map(({ id, revision }) => [id, revision]));
  for (const id of kept.parts.keys()) {
    if (revisions.has(id)) continue;
    kept.parts.delete(id);
    kept.generation++;
  }
  const changed = [...revisions].filter(([id, revision]) => kept.parts.get(id)?.revision !== revision);
  if (changed.length === 0) return;
  kept.generation++;
  if (changed.length >= wholeScanFrom) {
    kept.parts.clear();
    await readParts(db, kept, undefined, revisions);
    return;
  }
  for (let i = 0; i < changed.length; i += batchSize) {
    await readParts(
      db,
      kept,
      changed.slice(i, i + batchSize).map(([id]) => id),
      revisions,
    );
  }
}

/** Every article's grouped rows, up to date, and their generation (the same while nothing changed). */
export interface Aggregates {
  generation: number;
  rows: () => Omit<ReviewerFiguresInput, 'reviewers'>;
}

/** Every article's grouped rows, up to date: what reviewerStatistics computes the figures from (names aside). */
export function reviewerAggregates(db: Store): Promise<Aggregates> {
  let kept = keptByStore.get(db);
  if (!kept) {
    kept = { parts: new Map(), generation: 0, turn: Promise.resolve() };
    keptByStore.set(db, kept);
  }
  const state = kept;
  const work = async () => {
    await refresh(db, state);
    const parts = [...state.parts.values()];
    const rows = () => ({
      spans: parts.flatMap((p) => p.spans),
      outcomes: parts.flatMap((p) => p.outcomes),
      pairs: parts.flatMap((p) => p.pairs),
    });
    return { generation: state.generation, rows };
  };
  const result = state.turn.then(work, work);
  state.turn = result.catch(() => undefined);
  return result;
}
