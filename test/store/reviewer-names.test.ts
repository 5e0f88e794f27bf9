// Tests of reviewer names: the UTS #39 skeleton, the look-alike comparison (with mixed-script names), the rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLookAlike, normalizeReviewerName, reviewerNameProblem, skeleton } from '../../src/store/reviewer-names.ts';

// Cyrillic and Greek letters that confusables.txt maps to a Latin one.
const homoglyphs: Record<string, string[]> = {
  a: ['\u0430', '\u03B1'],
  c: ['\u0441'],
  e: ['\u0435'],
  o: ['\u043E', '\u03BF'],
  p: ['\u0440', '\u03C1'],
  x: ['\u0445'],
  y: ['\u0443'],
  A: ['\u0410', '\u0391'],
  B: ['\u0412', '\u0392'],
  H: ['\u041D', '\u0397'],
  K: ['\u041A', '\u039A'],
  M: ['\u041C', '\u039C'],
  T: ['\u0422', '\u03A4'],
};

describe('skeleton', () => {
  it('maps the standard example and look-alike letters of other scripts to one string', () => {
    expect(skeleton('𝔭𝒶ỿ𝕡𝕒ℓ')).toBe(skeleton('paypal'));
    expect(skeleton('b\u043Ess')).toBe('boss');
    expect(skeleton('\u0441\u043E\u0441\u043E')).toBe('coco');
  });

  it('ignores default-ignorable characters and the form of composition', () => {
    expect(skeleton('bo\u00ADss')).toBe(skeleton('boss'));
    expect(skeleton('b\u200Boss')).toBe(skeleton('boss'));
    expect(skeleton('J\u00FCrgen')).toBe(skeleton('Ju\u0308rgen'));
  });

  it('keeps letters apart that do not look alike', () => {
    expect(skeleton('Jürgen')).not.toBe(skeleton('Jurgen'));
    expect(skeleton('boss')).not.toBe(skeleton('bass'));
  });
});

describe('findLookAlike', () => {
  it('finds a name in any case, and the look-alikes the tests of createReviewer rely on', () => {
    expect(findLookAlike('BOSS', ['anna', 'boss'])).toBe('boss');
    expect(findLookAlike('b\u041Ess', ['boss'])).toBe('boss');
    expect(findLookAlike('lan', ['Ian'])).toBe('Ian');
    expect(findLookAlike('b0b', ['bob'])).toBe('bob');
    expect(findLookAlike('anna', ['bob', 'Ian'])).toBeUndefined();
  });

  it('finds any name with some of its letters swapped for Cyrillic or Greek look-alikes (mixed-script names)', () => {
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABHKMT0123456789');
    const swapped = fc
      .tuple(fc.array(letter, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { minLength: 12, maxLength: 12 }))
      .map(([letters, picks]) => {
        const name = letters.join('');
        const lookAlike = letters.map((c, i) => {
          const options = homoglyphs[c];
          const pick = picks[i] ?? 0;
          return options && pick % 3 !== 0 ? (options[pick % options.length] as string) : c;
        });
        return { name, lookAlike: lookAlike.join('') };
      });
    fc.assert(
      fc.property(swapped, ({ name, lookAlike }) => {
        expect(findLookAlike(lookAlike, ['someone-else', name])).toBe(name);
      }),
    );
  });

  it('always finds a name itself, whatever its characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), (name) => {
        expect(findLookAlike(name, [name])).toBe(name);
      }),
    );
  });
});

describe('reviewerNameProblem', () => {
  it('allows letters of one script, digits, ".", "_" and "-", up to 40 characters', () => {
    for (const name of ['anna', 'Jürgen', 'Влад', 'Ελένη', '李小龍', 'o.brien_2', 'a'.repeat(40)]) {
      expect(reviewerNameProblem(normalizeReviewerName(name))).toBeUndefined();
    }
  });

  it('names what is wrong: characters outside the rule, or Latin, Greek and Cyrillic letters mixed', () => {
    expect(reviewerNameProblem('anna lena')).toMatch(/must be 1-40 letters/);
    expect(reviewerNameProblem('a'.repeat(41))).toMatch(/must be 1-40 letters/);
    expect(reviewerNameProblem('b\u043Ess')).toBe('reviewer name "b\u043Ess" mixes Latin and Cyrillic letters');
    expect(reviewerNameProblem('\u0391nna')).toBe('reviewer name "\u0391nna" mixes Latin and Greek letters');
  });
});

describe('normalizeReviewerName', () => {
  it('is NFKC: compatibility characters become the plain ones', () => {
    expect(normalizeReviewerName('ｂｏｓｓ')).toBe('boss');
    expect(normalizeReviewerName('ﬁona')).toBe('fiona');
    expect(normalizeReviewerName('Ju\u0308rgen')).toBe('J\u00FCrgen');
  });
});
