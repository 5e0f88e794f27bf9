// The round-trip law of the edit engine, checked over generated text pairs with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyVerdicts, type Decision, type Edit, extractEdits, tokenize } from '../../src/diff/index.ts';
import { articlePair, paragraph, random, vocabulary } from './generate-pairs.ts';

const known = new Set(vocabulary);

function decide(edits: Edit[], pick: (i: number) => boolean): Map<string, Decision> {
  return new Map(edits.map((e, i) => [e.id, { decision: pick(i) ? 'accept' : 'reject' } as Decision]));
}

/** Spacing faults a partial application could cause: doubled spaces, glued words, spaces at paragraph edges. */
function spacingFaults(text: string): string[] {
  const faults: string[] = [];
  if (/ {2}/.test(text)) faults.push('double space');
  if (/\n{3}/.test(text)) faults.push('triple line break');
  if (/^\s|\s$/.test(text) && text.trim() !== '') faults.push('space at the text edge');
  if (/ \n|\n /.test(text)) faults.push('space at a paragraph edge');
  for (const token of tokenize(text)) {
    if (/^\p{L}/u.test(token) && !known.has(token)) faults.push(`glued word "${token}"`);
  }
  return faults;
}

const pairs = fc.record({
  seed: fc.integer(),
  paragraphs: fc.integer({ min: 0, max: 8 }),
  words: fc.integer({ min: 1, max: 30 }),
  rate: fc.double({ min: 0, max: 0.6, noNaN: true }),
});

describe('extractEdits and applyVerdicts (property)', () => {
  it('applying all edits to the MT gives the corrected text exactly', () => {
    fc.assert(
      fc.property(pairs, ({ seed, paragraphs, words, rate }) => {
        const { mt, corrected } = articlePair(seed, paragraphs, words, rate);
        const edits = extractEdits(mt, corrected);
        expect(applyVerdicts(mt, edits, new Map(), 'keep-correction')).toBe(corrected);
        expect(
          applyVerdicts(
            mt,
            edits,
            decide(edits, () => true),
            'keep-mt',
          ),
        ).toBe(corrected);
      }),
      { numRuns: 400 },
    );
  });

  it('applying no edit gives the MT exactly', () => {
    fc.assert(
      fc.property(pairs, ({ seed, paragraphs, words, rate }) => {
        const { mt, corrected } = articlePair(seed, paragraphs, words, rate);
        const edits = extractEdits(mt, corrected);
        expect(applyVerdicts(mt, edits, new Map(), 'keep-mt')).toBe(mt);
        expect(
          applyVerdicts(
            mt,
            edits,
            decide(edits, () => false),
            'keep-correction',
          ),
        ).toBe(mt);
      }),
      { numRuns: 400 },
    );
  });

  it('applying any subset leaves no doubled or lost spaces around the edits', () => {
    fc.assert(
      fc.property(pairs, fc.integer(), ({ seed, paragraphs, words, rate }, subsetSeed) => {
        const { mt, corrected } = articlePair(seed, paragraphs, words, rate);
        const edits = extractEdits(mt, corrected);
        const coin = random(subsetSeed);
        const text = applyVerdicts(
          mt,
          edits,
          decide(edits, () => coin() < 0.5),
          'keep-mt',
        );
        expect(spacingFaults(text)).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });

  it('holds for unrelated texts too, and edits never overlap', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (seed, m, c) => {
        const rand = random(seed);
        const mt = Array.from({ length: m }, () => paragraph(rand, 1 + Math.floor(rand() * 20))).join('\n\n');
        const corrected = Array.from({ length: c }, () => paragraph(rand, 1 + Math.floor(rand() * 20))).join('\n\n');
        const edits = extractEdits(mt, corrected);
        for (let i = 1; i < edits.length; i++) {
          expect(edits[i]?.mtStart).toBeGreaterThanOrEqual(edits[i - 1]?.mtEnd as number);
        }
        expect(applyVerdicts(mt, edits, new Map(), 'keep-correction')).toBe(corrected);
        expect(applyVerdicts(mt, edits, new Map(), 'keep-mt')).toBe(mt);
      }),
      { numRuns: 300 },
    );
  });

  it('holds for arbitrary strings, whitespace and Unicode included', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        (mt, corrected) => {
          const edits = extractEdits(mt, corrected);
          expect(applyVerdicts(mt, edits, new Map(), 'keep-correction')).toBe(corrected);
          expect(applyVerdicts(mt, edits, new Map(), 'keep-mt')).toBe(mt);
        },
      ),
      { numRuns: 500 },
    );
  });
});
