// The review page's filters (undecided only, origin, check, category): read from the query and applied to edits.
// views/static/review/filters.js applies the same rules in the browser; this is what the page shows without JavaScript.
import { findCheck } from '../checks/registry.ts';
import { findCategory } from '../review/taxonomy.ts';
import { categoryLabel, checkLabel } from './labels.ts';
import type { EditView } from './view-models.ts';

/** Where an edit came from, as the filter groups it: every check's suggestion is `check`. */
export type OriginGroup = 'post-edit' | 'check' | 'reviewer';

/** The origins the filter offers, with their labels. */
export const originGroups: readonly { id: OriginGroup; label: string }[] = [
  { id: 'post-edit', label: 'Post-edit' },
  { id: 'check', label: 'Check' },
  { id: 'reviewer', label: 'Reviewer' },
];

/** The category filter's value for an edit without one. */
export const noCategory = 'none';

/** What the page is filtered by; null is "any". */
export interface ReviewFilter {
  undecided: boolean;
  origin: OriginGroup | null;
  check: string | null;
  category: string | null;
}

/** A value a filter offers: an id, its label, and how many of the article's edits have it. */
export interface FilterOption {
  id: string;
  label: string;
  count: number;
}

/** The origin group of an edit's origin (`post-edit`, `check:<id>`, `reviewer`). */
export function originGroup(origin: string): OriginGroup {
  if (origin.startsWith('check:')) return 'check';
  return origin === 'reviewer' ? 'reviewer' : 'post-edit';
}

/** The check that found or explains an edit, if any. */
export function checkOf(view: EditView): string | null {
  if (view.edit.checkId) return view.edit.checkId;
  return view.edit.origin.startsWith('check:') ? view.edit.origin.slice('check:'.length) : null;
}

/** The category an edit shows: its outcome's, else the one a check suggested, else none. */
export function categoryOf(view: EditView): string | null {
  return view.outcome.category ?? view.edit.suggestedCategory ?? null;
}

function options(edits: readonly EditView[], idOf: (e: EditView) => string | null, label: (id: string) => string) {
  const counts = new Map<string, number>();
  for (const e of edits) {
    const id = idOf(e);
    if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts]
    .map(([id, count]) => ({ id, label: label(id), count }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The checks and categories the article's edits have (and the one chosen): what the filters offer. */
export function filterOptions(edits: readonly EditView[], filter: ReviewFilter) {
  const categoryName = (id: string) => (id === noCategory ? 'No category' : categoryLabel(id));
  const withChosen = (list: FilterOption[], chosen: string | null, label: (id: string) => string) =>
    chosen === null || list.some((o) => o.id === chosen)
      ? list
      : [...list, { id: chosen, label: label(chosen), count: 0 }];
  return {
    checks: withChosen(options(edits, checkOf, checkLabel), filter.check, checkLabel),
    categories: withChosen(
      options(edits, (e) => categoryOf(e) ?? noCategory, categoryName),
      filter.category,
      categoryName,
    ),
  };
}

/**
 * The filter named by the query. A value that names no origin, check or category is ignored, as an unknown `?edit=`
 * is: the page cache keeps one page per filter, so a request must not make a page of its own by naming anything.
 */
export function readReviewFilter(query: Record<string, unknown>): ReviewFilter {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  const origin = originGroups.find((o) => o.id === query.origin)?.id ?? null;
  const check = text(query.check);
  const category = text(query.category);
  return {
    undecided: query.undecided === '1',
    origin,
    check: check !== null && findCheck(check) ? check : null,
    category: category !== null && (category === noCategory || findCategory(category)) ? category : null,
  };
}

/** True when the filter leaves anything out. */
export function isFiltered(filter: ReviewFilter): boolean {
  return filter.undecided || filter.origin !== null || filter.check !== null || filter.category !== null;
}

/** A short key naming the filter, '' when nothing is filtered (the page cache's variant). */
export function filterKey(filter: ReviewFilter): string {
  return isFiltered(filter) ? JSON.stringify(filter) : '';
}

/** True when the edit passes every filter. */
export function passesFilter(view: EditView, filter: ReviewFilter): boolean {
  if (filter.undecided && view.state !== 'undecided') return false;
  if (filter.origin !== null && originGroup(view.edit.origin) !== filter.origin) return false;
  if (filter.check !== null && checkOf(view) !== filter.check) return false;
  return filter.category === null || (categoryOf(view) ?? noCategory) === filter.category;
}

/** The filter as query parameters ('' when nothing is filtered), for links that keep it. */
export function filterQuery(filter: ReviewFilter): string {
  const entries = Object.entries({
    undecided: filter.undecided ? '1' : null,
    origin: filter.origin,
    check: filter.check,
    category: filter.category,
  }).filter((entry): entry is [string, string] => entry[1] !== null);
  return new URLSearchParams(entries).toString();
}
