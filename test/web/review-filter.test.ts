// Tests of the review page's filters as the server reads them: only values that name something, and back to a query.
import { describe, expect, it } from 'vitest';
import { filterKey, filterQuery, isFiltered, readReviewFilter } from '../../src/web/review-filter.ts';

describe('readReviewFilter', () => {
  it('reads an origin, a check of the registry, a category of the taxonomy and undecided=1', () => {
    const filter = readReviewFilter({
      undecided: '1',
      origin: 'check',
      check: 'breadcrumb',
      category: 'design/link-residue',
    });
    expect(filter).toEqual({ undecided: true, origin: 'check', check: 'breadcrumb', category: 'design/link-residue' });
    expect(isFiltered(filter)).toBe(true);
    expect(readReviewFilter(Object.fromEntries(new URLSearchParams(filterQuery(filter))))).toEqual(filter);
  });

  it('ignores values that name nothing, arrays and other types, so a request cannot invent a page variant', () => {
    for (const query of [
      { origin: 'robot' },
      { check: 'no-such-check' },
      { category: 'made/up' },
      { undecided: 'true' },
      { check: ['breadcrumb', 'byline-label'] },
      { category: { id: 'design/link-residue' } },
      { origin: '' },
    ]) {
      const filter = readReviewFilter(query);
      expect(isFiltered(filter), JSON.stringify(query)).toBe(false);
      expect(filterKey(filter)).toBe('');
      expect(filterQuery(filter)).toBe('');
    }
  });

  it('accepts "none" as the category of edits without one', () => {
    expect(readReviewFilter({ category: 'none' }).category).toBe('none');
  });
});
