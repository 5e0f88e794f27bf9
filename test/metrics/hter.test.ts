// Tests of the article HTER: segments cut alike in the MT and the corrected text, pooled as corpus TER; a long article.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractEdits } from '../../src/diff/index.ts';
import {
  type AlignedSpan,
  alignSegments,
  articleHter,
  resolvedSpans,
  segmentWordLimit,
} from '../../src/metrics/hter.ts';
import { corpusTer, sentenceTer } from '../../src/metrics/ter.ts';
import { terWhitespace, tokenizeForTer } from '../../src/metrics/ter-tokenize.ts';
import type { ArticleReview, VerdictRecord } from '../../src/review/article-review.ts';
import { resolveReview } from '../../src/review/resolve.ts';
import { articleStats, countWords } from '../../src/stats/aggregate.ts';
import { generateArticle } from './generate-article.ts';

/** Spans and resolved text of edits given as [mtStart, mtEnd, replacement], in MT order. */
function applySpans(mt: string, edits: readonly [number, number, string][]) {
  const spans: AlignedSpan[] = [];
  let resolved = '';
  let at = 0;
  for (const [mtStart, mtEnd, replacement] of edits) {
    resolved += mt.slice(at, mtStart);
    spans.push({ mtStart, mtEnd, start: resolved.length, end: resolved.length + replacement.length });
    resolved += replacement;
    at = mtEnd;
  }
  return { spans, resolved: resolved + mt.slice(at) };
}

const hypothesesOf = (mt: string, edits: [number, number, string][] = [], limit?: number) => {
  const { spans, resolved } = applySpans(mt, edits);
  return alignSegments(mt, resolved, spans, limit);
};

describe('alignSegments', () => {
  it('cuts at paragraph breaks, the blank line staying with the paragraph before', () => {
    expect(hypothesesOf('One two.\n\nThree four.\n\nFive.').hypotheses).toEqual([
      'One two.\n\n',
      'Three four.\n\n',
      'Five.',
    ]);
  });

  it('cuts a long paragraph at sentence ends, as many sentences a segment as the limit allows', () => {
    const mt = 'One two three. Four five? Six seven eight! Nine.';
    expect(hypothesesOf(mt, [], 5).hypotheses).toEqual(['One two three. Four five? ', 'Six seven eight! Nine.']);
  });

  it('takes a period before a lower-case word for an abbreviation, not a sentence end', () => {
    const mt = 'The U.S. officials met. Then they left the room quietly.';
    expect(hypothesesOf(mt, [], 3).hypotheses).toEqual([
      'The U.S. officials ',
      'met. ',
      'Then they left ',
      'the room quietly.',
    ]);
  });

  it('cuts a sentence longer than the limit at spaces', () => {
    expect(hypothesesOf('a b c d e f g', [], 3).hypotheses).toEqual(['a b c ', 'd e f ', 'g']);
  });

  it('never cuts inside an edit or at its ends, and cuts the corrected text at the same places', () => {
    const mt = 'a b c d e f g';
    const segments = hypothesesOf(mt, [[4, 7, 'x y z w']], 3);
    expect(segments.hypotheses).toEqual(['a b', ' c d ', 'e f g']);
    expect(segments.references).toEqual(['a b', ' x y z w ', 'e f g']);
  });

  it('keeps two paragraphs together when an edit joins them', () => {
    const mt = 'One two.\n\nThree four.\n\nFive.';
    const segments = hypothesesOf(mt, [[8, 10, ' ']]);
    expect(segments.hypotheses).toEqual(['One two.\n\nThree four.\n\n', 'Five.']);
    expect(segments.references).toEqual(['One two. Three four.\n\n', 'Five.']);
  });

  it('gives one segment for an empty MT', () => {
    expect(hypothesesOf('', [[0, 0, 'New text.']])).toEqual({ hypotheses: [''], references: ['New text.'] });
  });
});

const pieces = ['a', 'b', 'Cd.', 'e?', 'F', 'g,', ' ', ' ', ' ', '  ', '\n', '\n\n', '\t', '\u00a0'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60, size: 'max' }).map((parts) => parts.join(''));

// An MT, disjoint edits on it in MT order (insertions, deletions, replacements; touching or not), and a limit.
const cases = fc
  .tuple(text, fc.integer({ min: 1, max: 8 }))
  .chain(([mt, limit]) =>
    fc.tuple(
      fc.constant(mt),
      fc.array(fc.integer({ min: 0, max: mt.length }), { maxLength: 12, size: 'max' }),
      fc.array(text, { minLength: 6, maxLength: 6 }),
      fc.constant(limit),
    ),
  )
  .map(([mt, offsets, replacements, limit]) => {
    const sorted = [...offsets].sort((a, b) => a - b);
    const edits: [number, number, string][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      edits.push([sorted[i] as number, sorted[i + 1] as number, replacements[(i / 2) % 6] as string]);
    }
    return { mt, edits, limit, ...applySpans(mt, edits) };
  });

const words = (segment: string) => tokenizeForTer(segment, { caseSensitive: true });
const isSeparator = (char: string | undefined) =>
  char !== undefined && new RegExp(`^${terWhitespace.source}$`).test(char);

describe('alignSegments (property)', () => {
  it('gives segments that concatenate to the MT and to the resolved text, without splitting a word', () => {
    fc.assert(
      fc.property(cases, ({ mt, resolved, spans, limit }) => {
        const { hypotheses, references } = alignSegments(mt, resolved, spans, limit);
        expect(hypotheses.join('')).toBe(mt);
        expect(references.join('')).toBe(resolved);
        expect(hypotheses.flatMap(words)).toEqual(words(mt));
        expect(references.flatMap(words)).toEqual(words(resolved));
      }),
      { numRuns: 1000 },
    );
  });

  it('pairs each MT segment with its corrected counterpart: the edits inside it applied', () => {
    fc.assert(
      fc.property(cases, ({ mt, resolved, spans, edits, limit }) => {
        const { hypotheses, references } = alignSegments(mt, resolved, spans, limit);
        let start = 0;
        for (const [index, hypothesis] of hypotheses.entries()) {
          const end = start + hypothesis.length;
          const inside = edits.filter(([from, to]) => from >= start && to <= end);
          const local = inside.map(([from, to, text]): [number, number, string] => [from - start, to - start, text]);
          expect(applySpans(hypothesis, local).resolved).toBe(references[index]);
          // No edit reaches across a cut, nor touches it.
          expect(edits.some(([from, to]) => from <= end && to >= end && end < mt.length && end > 0)).toBe(false);
          start = end;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps every segment within the limit unless no cut point (a space outside every edit) lies inside it', () => {
    fc.assert(
      fc.property(cases, ({ mt, resolved, spans, limit }) => {
        const { hypotheses, references } = alignSegments(mt, resolved, spans, limit);
        let start = 0;
        for (const [index, hypothesis] of hypotheses.entries()) {
          const end = start + hypothesis.length;
          if (Math.max(words(hypothesis).length, words(references[index] as string).length) > limit) {
            for (let at = start + 1; at < end; at++) {
              const wordsAround = words(mt.slice(start, at)).length > 0 && words(mt.slice(at, end)).length > 0;
              const atSpace = isSeparator(mt[at - 1]) || isSeparator(mt[at]);
              const outsideEdits = spans.every((span) => at < span.mtStart || at > span.mtEnd);
              expect(wordsAround && atSpace && outsideEdits).toBe(false);
            }
          }
          start = end;
        }
      }),
      { numRuns: 1000 },
    );
  });
});

let nextVerdict = 1;
const verdictOn = (editId: string, decision: VerdictRecord['decision']): VerdictRecord => ({
  ...{ id: nextVerdict++, editId, reviewer: 'ann', decision, category: null, severity: null, note: null },
  ...{ amendedText: decision === 'amend' ? 'amended words' : null, createdAt: '2024-05-01T10:00:00.000Z' },
});

/** A generated article reviewed: every edit decided by `decide` (undefined: left undecided). */
function reviewOf(mt: string, corrected: string, decide: (index: number) => VerdictRecord['decision'] | undefined) {
  const edits = extractEdits(mt, corrected, { salt: 'long' }).map((edit) => ({ ...edit, status: 'current' as const }));
  const verdicts = edits.flatMap((edit, index) => {
    const decision = decide(index);
    return decision ? [verdictOn(edit.id, decision)] : [];
  });
  const review: ArticleReview = {
    id: 'long',
    meta: { title: 'Long' },
    mt,
    corrected,
    source: null,
    edits,
    verdicts,
    activity: [],
  };
  return review;
}

describe('articleHter', () => {
  it('is the corpus TER of the aligned segments, over every word of the corrected text', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 50, max: 1500 }), (seed, length) => {
        const { mt, corrected } = generateArticle(seed, length, 0.05);
        const decisions = ['accept', 'reject', 'amend', undefined] as const;
        const resolution = resolveReview(reviewOf(mt, corrected, (index) => decisions[(index + seed) % 4]));
        const { hypotheses, references } = alignSegments(mt, resolution.text, resolvedSpans(resolution));
        const hter = articleHter(mt, resolution);
        expect(hter).toEqual(corpusTer(hypotheses, [references]));
        expect(hter.refLength).toBe(words(resolution.text).length);
      }),
      { numRuns: 40 },
    );
  });

  it('equals the TER of the whole text for a paragraph within the limit', () => {
    const mt = 'the minister paid a visit for the first time since almost five weeks ago china .';
    const corrected = 'the minister visited china for the first time in almost five weeks .';
    const resolution = resolveReview(reviewOf(mt, corrected, () => 'accept'));
    expect(articleHter(mt, resolution)).toEqual(sentenceTer(mt, [corrected]));
  });
});

describe('articleStats on a 70,000-word article', () => {
  const { mt, corrected } = generateArticle(70, 70_000, 0.03);
  const decisions = ['accept', 'accept', 'reject', 'amend', undefined] as const;
  const review = reviewOf(mt, corrected, (index) => decisions[index % 5]);

  it('computes the HTER per segment, pooled over the whole corrected text', () => {
    const stats = articleStats(review);
    const resolution = resolveReview(review);
    expect(stats.words).toBe(countWords(mt));
    expect(stats.words).toBeGreaterThanOrEqual(70_000);
    expect(stats.edits).toBeGreaterThan(1000);
    expect(stats.hter.refLength).toBe(words(resolution.text).length);
    expect(stats.hter.score).toBeGreaterThan(0.5);
    expect(stats.hter.score).toBeLessThan(10);
    const { hypotheses, references } = alignSegments(mt, resolution.text, resolvedSpans(resolution));
    expect(hypotheses.length).toBeGreaterThan(70_000 / segmentWordLimit);
    expect(stats.hter).toEqual(corpusTer(hypotheses, [references]));
  });

  it('gives HTER 0 when every edit is rejected', () => {
    const rejected = articleStats({ ...review, verdicts: review.edits.map((edit) => verdictOn(edit.id, 'reject')) });
    expect(rejected.hter).toEqual({ score: 0, edits: 0, refLength: words(mt).length });
  });
});
