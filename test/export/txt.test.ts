// Tests for the plain-text export: the resolved text alone, the undecided count beside it.
import { describe, expect, it } from 'vitest';
import { renderTxt } from '../../src/export/txt.ts';
import { resolveReview } from '../../src/review/resolve.ts';
import { nastyReview, seedReview } from './fixtures.ts';

describe('renderTxt', () => {
  it('returns the corrected text as the verdicts stand and the undecided count apart from it', () => {
    const review = nastyReview();
    const out = renderTxt(review, { policy: 'keep-mt' });
    expect(out.body).toBe(resolveReview(review, 'keep-mt').text);
    expect(out.undecided).toBe(1);
    expect(out.body).not.toMatch(/undecided/i);
  });

  it('applies the undecided policy both ways on the seed', () => {
    const review = seedReview();
    const undecided = review.edits.length - 8;
    const correction = renderTxt(review, { policy: 'keep-correction' });
    const mt = renderTxt(review, { policy: 'keep-mt' });
    expect(correction.undecided).toBe(undecided);
    expect(mt.undecided).toBe(undecided);
    expect(correction.body).not.toBe(mt.body);
    expect(correction.body).toContain('visited China');
    expect(correction.body).not.toContain('Home page politics');
  });
});
