// TER against sacrebleu's published vectors, plus the properties of shifts, references and options they rely on.
import { describe, expect, it } from 'vitest';
import { corpusTer, sentenceTer } from '../../src/stats/ter.ts';
import { tokenizeForTer } from '../../src/stats/ter-tokenize.ts';
import { terVectors } from '../support/ter-vectors.ts';

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
});
