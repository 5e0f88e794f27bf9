// Tests for the JSON export: it parses, and holds the article, edits, the whole verdict history and the resolved text.
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/export/json.ts';
import { resolveReview } from '../../src/review/resolve.ts';
import { NASTY_NOTE, NASTY_REVIEWER, nastyIds, nastyReview } from './fixtures.ts';

describe('renderJson', () => {
  it('parses back to the article, every verdict with reviewer and time, the resolved text and counts', () => {
    const review = nastyReview(true);
    const parsed = JSON.parse(renderJson(review, { policy: 'keep-mt' }));
    expect(parsed.article).toEqual({
      id: review.id,
      meta: review.meta,
      mt: review.mt,
      corrected: review.corrected,
      source: review.source,
    });
    expect(parsed.verdicts).toEqual(review.verdicts);
    expect(parsed.verdicts[0]).toMatchObject({ reviewer: NASTY_REVIEWER, note: NASTY_NOTE });
    expect(parsed.text).toBe(resolveReview(review, 'keep-mt').text);
    expect(parsed.counts).toEqual({ accepted: 3, rejected: 0, amended: 1, disputed: 1, undecided: 1 });
    // The closing quote: Bob accepted, the nasty reviewer rejected; named as disputed.
    expect(parsed.disputed).toEqual([nastyIds(review).close]);
    expect(parsed.team).toEqual({ mode: 'blind', assignees: [], approval: null });
    expect(parsed.policy).toBe('keep-mt');
    expect(parsed.scores).toBeUndefined();
  });

  it('gives each edit its outcome and its span in the text; a stale edit has none', () => {
    const review = nastyReview();
    const parsed = JSON.parse(renderJson(review, { policy: 'keep-mt' }));
    const byId = new Map(parsed.edits.map((edit: { id: string }) => [edit.id, edit]));
    const close = byId.get(nastyIds(review).close as string) as Record<string, unknown>;
    expect(close.outcome).toMatchObject({ state: 'disputed', decision: null, by: ['Bob', NASTY_REVIEWER] });
    // Disputed is undecided for the text: with keep-mt the MT's straight quote stays.
    expect(parsed.text.slice(close.resolvedStart, close.resolvedEnd)).toBe('"');
    const open = byId.get(nastyIds(review).open as string) as Record<string, unknown>;
    expect(open.outcome).toMatchObject({ state: 'agreed', decision: 'accept', by: [NASTY_REVIEWER] });
    expect(byId.get('stale-1')).toMatchObject({ status: 'stale', resolvedStart: null });
  });

  it('passes scores through when given', () => {
    const parsed = JSON.parse(renderJson(nastyReview(), { scores: { wmt: -5.1 } }));
    expect(parsed.scores).toEqual({ wmt: -5.1 });
  });
});
