// TER against sacrebleu's published vectors, plus the properties of shifts, references and options they rely on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusTer, sentenceTer } from '../../src/metrics/ter.ts';
import * as band from '../../src/metrics/ter-edit-distance.ts';
import { isTerWhitespace, terWhitespace, tokenizeForTer } from '../../src/metrics/ter-tokenize.ts';
import { terVectors } from '../support/ter-vectors.ts';
import * as full from './ter-full-grid.ts';

describe('corpusTer on sacrebleu vectors', () => {
  it('loads all the vectors', () => {
    expect(terVectors.length).toBe(13);
  });

  it.each(terVectors.map((vector) => [vector.id, vector] as const))('reproduces case %i', (_id, vector) => {
    const result = corpusTer(vector.hyp, vector.refs, vector.options);
    expect(Math.abs(result.score - vector.score)).toBeLessThan(1e-3);
    if (vector.edits !== undefined) expect(result.edits).toBe(vector.edits);
    if (vector.refLength !== undefined) expect(result.refLength).toBeCloseTo(vector.refLength, 9);
  });
});

describe('sentenceTer', () => {
  it('counts a moved block as one shift', () => {
    expect(sentenceTer('d e f g h a b c', ['a b c d e f g h'])).toEqual({ score: 12.5, edits: 1, refLength: 8 });
  });

  it('counts two separate block moves as two shifts', () => {
    expect(sentenceTer('c d a b g h e f', ['a b c d e f g h']).edits).toBe(2);
  });

  const words = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`).join(' ');

  it('moves blocks of at most ten words', () => {
    const swap = (size: number) =>
      sentenceTer(`${words('b', size)} ${words('a', size)}`, [`${words('a', size)} ${words('b', size)}`]);
    expect(swap(10).edits).toBe(1);
    expect(swap(12).edits).toBe(2);
  });

  it('moves a word by at most fifty positions', () => {
    expect(sentenceTer(`${words('w', 50)} x`, [`x ${words('w', 50)}`]).edits).toBe(1);
    expect(sentenceTer(`${words('w', 55)} x`, [`x ${words('w', 55)}`]).edits).toBe(2);
  });

  it('uses the closest reference for edits and the mean reference length', () => {
    const result = sentenceTer('a b c', ['a b c d e', 'a x c']);
    expect(result.edits).toBe(1);
    expect(result.refLength).toBe(4);
  });

  it('ignores an empty reference when the line has another one', () => {
    const result = sentenceTer('a b', ['', 'a b c']);
    expect(result).toMatchObject({ edits: 1, refLength: 3 });
    expect(result.score).toBeCloseTo(33.333, 3);
  });

  it('rejects a call without references', () => {
    expect(() => sentenceTer('a', [])).toThrow(/at least one reference/);
  });
});

describe('corpusTer', () => {
  it('divides total edits by total reference length', () => {
    const result = corpusTer(['a b', 'c d e f'], [['a x', 'c d e f g h']]);
    expect(result).toEqual({ score: 37.5, edits: 3, refLength: 8 });
  });

  it('names the reference stream whose length differs', () => {
    expect(() => corpusTer(['a', 'b'], [['a', 'b'], ['a']])).toThrow(/reference stream 2 has 1 lines/);
  });
});

describe('tokenizeForTer', () => {
  it('splits on whitespace only and lowercases by default', () => {
    expect(tokenizeForTer('  The Cat,\tsat.  ')).toEqual(['the', 'cat,', 'sat.']);
  });

  it('splits punctuation and unescapes entities when normalized', () => {
    expect(tokenizeForTer('Tom&apos;s &quot;3.5&quot; cats, dogs.', { normalized: true, caseSensitive: true })).toEqual(
      ['Tom', '&', 'apos', ';', 's', '"', '3.5', '"', 'cats', ',', 'dogs', '.'],
    );
  });

  it('removes punctuation with noPunct', () => {
    expect(tokenizeForTer('"Yes," (she) said: no!', { noPunct: true })).toEqual(['yes', 'she', 'said', 'no']);
  });

  it('knows the separators by character code exactly as the separator pattern does', () => {
    const pattern = new RegExp(`^${terWhitespace.source}$`);
    const differing: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isTerWhitespace(code) !== pattern.test(String.fromCharCode(code))) differing.push(code);
    }
    expect(differing).toEqual([]);
  });
});

/** What the shift search calls on a grid module, over that module's own grid type. */
interface GridModule<Grid> {
  createDistanceGrid(hypothesisLength: number, reference: Int32Array): Grid;
  measureHypothesis(grid: Grid, hypothesis: Int32Array, unchangedPrefix?: number): number;
  measureCandidate(grid: Grid, candidate: Int32Array, sharedPrefix: number): number;
  alignCurrent(grid: Grid): band.Alignment;
}

interface Move {
  start: number;
  length: number;
  target: number;
  adopt: boolean;
}

// A block of `words` moved elsewhere, as a shift candidate; it shares its first min(start, target) words.
function moveBlock(words: readonly number[], { start, length, target }: Move): { moved: number[]; shared: number } {
  const from = start % words.length;
  const block = words.slice(from, from + 1 + (length % 10));
  const rest = [...words.slice(0, from), ...words.slice(from + block.length)];
  const to = target % (rest.length + 1);
  return { moved: [...rest.slice(0, to), ...block, ...rest.slice(to)], shared: Math.min(from, to) };
}

// What the shift search reads from a grid: every distance, and the alignment after each measured hypothesis.
function trace<Grid>(
  grid: GridModule<Grid>,
  hypothesis: readonly number[],
  reference: readonly number[],
  moves: readonly Move[],
) {
  const m = reference.length;
  const g = grid.createDistanceGrid(hypothesis.length, Int32Array.from(reference));
  const seen: number[][] = [];
  const align = () => {
    const a = grid.alignCurrent(g);
    seen.push([...a.hypothesisPositionOfReference.subarray(0, m)]);
    seen.push([...a.hypothesisErrorsBefore.subarray(0, hypothesis.length + 1)]);
    seen.push([...a.referenceErrorsBefore.subarray(0, m + 1)]);
  };
  let current = [...hypothesis];
  seen.push([grid.measureHypothesis(g, Int32Array.from(current))]);
  align();
  for (const move of moves) {
    if (current.length === 0) break;
    const { moved, shared } = moveBlock(current, move);
    seen.push([grid.measureCandidate(g, Int32Array.from(moved), shared)]);
    if (!move.adopt) continue;
    seen.push([grid.measureHypothesis(g, Int32Array.from(moved), shared)]);
    align();
    current = moved;
  }
  return seen;
}

// Word ids from a small vocabulary (so that words repeat and blocks match), of any length up to `maxLength`.
const wordList = (vocabulary: number, maxLength: number) =>
  fc
    .integer({ min: 0, max: maxLength })
    .chain((length) => fc.array(fc.integer({ min: 0, max: vocabulary - 1 }), { minLength: length, maxLength: length }));
const move = fc.record({ start: fc.nat(), length: fc.nat(), target: fc.nat(), adopt: fc.boolean() });

describe('the band-only edit-distance grid', () => {
  it('gives the distances and alignments of the full grid on any hypothesis, reference and shifts', () => {
    const lengths = fc.constantFrom(12, 80, 160);
    const pairs = fc
      .tuple(fc.integer({ min: 1, max: 12 }), lengths, lengths)
      .chain(([vocabulary, hyp, ref]) =>
        fc.tuple(wordList(vocabulary, hyp), wordList(vocabulary, ref), fc.array(move, { maxLength: 12 })),
      );
    fc.assert(
      fc.property(pairs, ([hypothesis, reference, moves]) => {
        expect(trace(band, hypothesis, reference, moves)).toEqual(trace(full, hypothesis, reference, moves));
      }),
      { numRuns: 600 },
    );
  });

  it('gives the results of the full grid on very unequal lengths, where sacrebleu widens the beam', () => {
    const pairs = fc.tuple(wordList(4, 3), wordList(4, 400), fc.array(move, { maxLength: 4 }));
    fc.assert(
      fc.property(pairs, ([hypothesis, reference, moves]) => {
        expect(trace(band, hypothesis, reference, moves)).toEqual(trace(full, hypothesis, reference, moves));
        expect(trace(band, reference, hypothesis, moves)).toEqual(trace(full, reference, hypothesis, moves));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps its reusable buffers bounded after a sentence of 40,000 words', () => {
    const reference = Array.from({ length: 40_000 }, (_, i) => `w${i}`);
    const hypothesis = [...reference];
    hypothesis[20_000] = 'changed';
    expect(sentenceTer(hypothesis.join(' '), [reference.join(' ')]).edits).toBe(1);
    expect(band.retainedGridCells()).toBeLessThanOrEqual(2 ** 20);
  });
});
