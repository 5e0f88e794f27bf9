// What the statistics page and /api/stats show of a large corpus (pure): a page of articles, top and bottom, and
// distributions instead of a row or bar per article, so that an answer stays small whatever the corpus's size.
import type { ScoringModel } from '../metrics/mqm-models.ts';
import type { ArticleStats, Statistics } from './aggregate.ts';

/** The orders the article list can be read in: publication (as stored), the model's score, HTER. */
export const articleSorts = ['newest', 'best', 'worst', 'hter'] as const;
export type ArticleSort = (typeof articleSorts)[number];

/** One bar of a distribution: its label, its value, and optionally the text shown for it (default: the value). */
export interface Bar {
  label: string;
  value: number;
  text?: string;
}

/** Articles per page unless asked otherwise, and at most. */
export const defaultPerPage = 50;
export const maxPerPage = 500;
/** Recurring corrections shown, and article ids listed per correction. */
export const recurringShown = 100;
export const recurringArticlesShown = 20;

/** Which articles to show: a page of a sort, scores read with one model. */
export interface ArticlePaging {
  page: number;
  perPage: number;
  sort: ArticleSort;
  model: string;
}

/** One page of the article list, and where it stands. */
export interface ArticlePage {
  page: number;
  perPage: number;
  pages: number;
  total: number;
  sort: ArticleSort;
  articles: ArticleStats[];
}

const reviewed = (a: ArticleStats) => a.decided > 0;

/** The order of `sort` (not newest); by score, reviewed articles first (an unreviewed one scores on paper). */
function articleOrder(sort: Exclude<ArticleSort, 'newest'>, model: ScoringModel) {
  const score = (a: ArticleStats) => a.scores[model.id]?.score ?? 0;
  const better = model.higherIsBetter ? -1 : 1;
  const key: (a: ArticleStats, b: ArticleStats) => number =
    sort === 'hter'
      ? (a, b) => b.hter.score - a.hter.score
      : sort === 'best'
        ? (a, b) => better * (score(a) - score(b))
        : (a, b) => -better * (score(a) - score(b));
  // The id as the last key, so that pages never overlap or skip an article between requests.
  return (a: ArticleStats, b: ArticleStats) =>
    Number(reviewed(b)) - Number(reviewed(a)) || key(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * What is derived from one snapshot of the statistics (sorted lists, extremes, distributions), made once: a snapshot
 * is shared by every request until a part changes, and never modified.
 */
const derived = new WeakMap<Statistics, Map<string, unknown>>();

function once<T>(stats: Statistics, key: string, make: () => T): T {
  let made = derived.get(stats);
  if (!made) {
    made = new Map();
    derived.set(stats, made);
  }
  if (!made.has(key)) made.set(key, make());
  return made.get(key) as T;
}

/** The articles in `sort` order; by score, reviewed articles only come first (an unreviewed one scores on paper). */
export function sortedArticles(stats: Statistics, sort: ArticleSort, model: ScoringModel): readonly ArticleStats[] {
  if (sort === 'newest') return stats.articles;
  return once(stats, `sorted ${sort} ${model.id}`, () => [...stats.articles].sort(articleOrder(sort, model)));
}

/** One page of the articles (a page past the last is empty). */
export function articlePage(stats: Statistics, paging: ArticlePaging, model: ScoringModel): ArticlePage {
  const sorted = sortedArticles(stats, paging.sort, model);
  const from = (paging.page - 1) * paging.perPage;
  return {
    page: paging.page,
    perPage: paging.perPage,
    pages: Math.max(1, Math.ceil(sorted.length / paging.perPage)),
    total: sorted.length,
    sort: paging.sort,
    articles: sorted.slice(from, from + paging.perPage),
  };
}

/** The reviewed articles and their scores under `model`, in the snapshot's order: read once per snapshot. */
function reviewedScores(stats: Statistics, model: ScoringModel): { articles: ArticleStats[]; scores: number[] } {
  return once(stats, `reviewed ${model.id}`, () => {
    const articles: ArticleStats[] = [];
    const scores: number[] = [];
    for (const a of stats.articles) {
      if (!reviewed(a)) continue;
      articles.push(a);
      scores.push(a.scores[model.id]?.score ?? 0);
    }
    return { articles, scores };
  });
}

/**
 * The first `count` articles in the order of `keys` (ascending), then of ids (ascending, or descending when `idSign`
 * is -1), in that order: one pass over numbers read once, no sort of them all.
 */
function firstByKey(
  articles: readonly ArticleStats[],
  keys: readonly number[],
  count: number,
  idSign: 1 | -1,
): ArticleStats[] {
  const first: number[] = [];
  const before = (i: number, j: number) => {
    const byKey = (keys[i] as number) - (keys[j] as number);
    if (byKey) return byKey < 0;
    const [a, b] = [(articles[i] as ArticleStats).id, (articles[j] as ArticleStats).id];
    return idSign > 0 ? a < b : a > b;
  };
  for (let i = 0; i < articles.length; i++) {
    if (first.length === count && !before(i, first[count - 1] as number)) continue;
    let at = first.length;
    while (at > 0 && before(i, first[at - 1] as number)) at--;
    first.splice(at, 0, i);
    if (first.length > count) first.pop();
  }
  return first.map((i) => articles[i] as ArticleStats);
}

/** The best and the worst `count` reviewed articles by the model's score (as the ends of the 'best' order). */
export function topAndBottom(
  stats: Statistics,
  model: ScoringModel,
  count = 5,
): { best: ArticleStats[]; worst: ArticleStats[] } {
  return once(stats, `extremes ${model.id} ${count}`, () => {
    const { articles, scores } = reviewedScores(stats, model);
    // The 'best' order: better score first (the sign of the model's direction), then id; the worst are its end,
    // read backwards: the first in the reverse order, ids descending.
    const better = model.higherIsBetter ? -1 : 1;
    return {
      best: firstByKey(
        articles,
        scores.map((score) => better * score),
        count,
        1,
      ),
      worst: firstByKey(
        articles,
        scores.map((score) => -better * score),
        count,
        -1,
      ),
    };
  });
}

/** Counts of `values` in `buckets` equal bins from the lowest to the highest value, as chart bars. */
export function histogram(values: readonly number[], buckets = 10, digits = 1): Bar[] {
  if (values.length === 0) return [];
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  if (low === high) return [{ label: low.toFixed(digits), value: values.length }];
  const width = (high - low) / buckets;
  const counts = new Array<number>(buckets).fill(0);
  for (const v of values) {
    const bin = Math.min(buckets - 1, Math.floor((v - low) / width));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts.map((value, i) => ({
    label: `${(low + i * width).toFixed(digits)} to ${(low + (i + 1) * width).toFixed(digits)}`,
    value,
  }));
}

/** The distribution of reviewed articles' scores under `model`. */
export function scoreDistribution(stats: Statistics, model: ScoringModel): Bar[] {
  return once(stats, `scores ${model.id}`, () => histogram(reviewedScores(stats, model).scores));
}

/** The distribution of articles' HTER. */
export function hterDistribution(stats: Statistics): Bar[] {
  return once(stats, 'hter', () => histogram(stats.articles.map((a) => a.hter.score)));
}

/**
 * The statistics as /api/stats and `mt-review stats --json` answer them: every field of Statistics, with `articles`
 * one page (`articlesPage` says which), and the most frequent recurring corrections, each naming its first articles.
 */
export function statsAnswer(stats: Statistics, paging: ArticlePaging, model: ScoringModel) {
  const { articles, ...where } = articlePage(stats, paging, model);
  const recurring = stats.recurring.slice(0, recurringShown).map((r) => ({
    ...r,
    articles: r.articles.slice(0, recurringArticlesShown),
    articleCount: r.articles.length,
  }));
  return { ...stats, articles, articlesPage: where, recurring, recurringTotal: stats.recurring.length };
}
