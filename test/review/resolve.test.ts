// Tests for resolving a review: the text as the outcomes stand, counts (disputed apart) and spans.
import { describe, expect, it } from 'vitest';
import { applyVerdicts } from '../../src/diff/index.ts';
import { resolveReview } from '../../src/review/resolve.ts';
import { NASTY_CORRECTED, NASTY_MT, nastyIds, nastyReview, seedReview, verdict } from '../export/fixtures.ts';

describe('resolveReview', () => {
  it('applies agreed accepts and amendments, keeps the MT of rejected and (keep-mt) disputed ones, ignores stale edits', () => {
    const resolution = resolveReview(nastyReview(), 'keep-mt');
    expect(resolution.text).toBe(
      "Title: “Quotes\" & <script>alert('x')</script>\n\n" +
        'Tab\there &amp; ]]> end. Emoji 🎉🎉✨ and ctrl\u0001char in China*.\n\n' +
        '# Not a heading\n- not a list\n1. not ordered\n> not quote <b>\n',
    );
    expect(resolution.text).not.toContain('STALE');
    expect(resolution.stale.map((edit) => edit.id)).toEqual(['stale-1']);
  });

  it('resolves undecided edits by the policy, both ways, and counts them', () => {
    const review = nastyReview();
    const correction = resolveReview(review, 'keep-correction');
    const mt = resolveReview(review, 'keep-mt');
    expect(correction.text).toContain('in China.');
    expect(mt.text).toContain('in China*.');
    // Bob accepted the closing quote, the nasty reviewer rejected it: a dispute, undecided for the text.
    expect(correction.counts).toEqual({ accepted: 3, rejected: 0, amended: 1, disputed: 1, undecided: 1 });
    const { close } = nastyIds(review);
    expect(correction.edits.find((e) => e.edit.id === close)?.outcome.state).toBe('disputed');
    expect(mt.counts).toEqual(correction.counts);
    expect(resolveReview(review).policy).toBe('keep-correction');
  });

  it('gives every edit the span of what it left in the text', () => {
    for (const policy of ['keep-correction', 'keep-mt'] as const) {
      const resolution = resolveReview(nastyReview(), policy);
      for (const { edit, outcome, start, end } of resolution.edits) {
        const left = resolution.text.slice(start, end);
        const decision = outcome.state === 'agreed' ? outcome.decision : null;
        if (decision === 'reject' || (!decision && policy === 'keep-mt')) expect(left).toBe(edit.mtText);
        else if (decision === 'amend') expect(left).toBe(outcome.amendedText);
        else expect(left).toBe(edit.correctedText);
      }
    }
  });

  it('gives the post-edit when every edit is accepted and the MT when every one is rejected', () => {
    const review = seedReview();
    const accepted = review.edits.map((edit) => verdict(edit.id, { decision: 'accept' }));
    const rejected = review.edits.map((edit) => verdict(edit.id, { decision: 'reject' }));
    expect(resolveReview({ ...review, verdicts: accepted }).text).toBe(review.corrected);
    expect(resolveReview({ ...review, verdicts: rejected }).text).toBe(review.mt);
    expect(resolveReview({ ...review, verdicts: [] }, 'keep-mt').text).toBe(review.mt);
  });

  it('agrees with applyVerdicts on the current edits', () => {
    const review = nastyReview();
    const current = review.edits.filter((edit) => edit.status === 'current');
    const expected = applyVerdicts(NASTY_MT, current, new Map(), 'keep-correction');
    expect(expected).toBe(NASTY_CORRECTED);
    expect(resolveReview({ ...review, verdicts: [] }).text).toBe(NASTY_CORRECTED);
  });
});
