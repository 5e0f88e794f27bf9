// extractEdits on real texts: the seed's corrections one edit each, and the fixture corpus's edge cases.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyVerdicts, extractEdits } from '../../src/diff/index.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const fixture = (name: string) => ({
  mt: read(`test/fixtures/corpus/${name}/mt.txt`),
  corrected: read(`test/fixtures/corpus/${name}/corrected.txt`),
});
const pairsOf = (mt: string, corrected: string) => extractEdits(mt, corrected).map((e) => [e.mtText, e.correctedText]);

describe('extractEdits on the seed article', () => {
  const mt = read('corpus/lavrov-in-china/mt.txt');
  const corrected = read('corpus/lavrov-in-china/corrected.txt');
  const edits = extractEdits(mt, corrected);

  it('lists every correction of the seed as its own edit', () => {
    expect(edits.map((e) => [e.mtText, e.correctedText])).toEqual([
      ['Home page politics\n\n', ''],
      ['Of:', 'By'],
      ['split\n\n', ''],
      ['paid a visit', 'visited China'],
      ['*', ''],
      [' China*', ''],
      ['reports the German Press Agency', 'the German Press Agency reports'],
      ['*', ''],
      ['Russia* to provide', 'to provide Russia with'],
      ['Sergei', 'Sergey'],
      ['IMago', 'Imago'],
      ['', ':'],
      ['president', 'President'],
      ['Wladimir', 'Vladimir'],
      ['*', ''],
      ['*', ''],
      ['use ', ''],
      ['relationships', 'relationship'],
      ['conversation', 'talks'],
      ['responded to', 'addressed'],
      [' (marv)', ''],
      [' *fr.de is an offer from IPPEN.MEDIA.', ''],
    ]);
  });

  it('gives offsets that index the MT and the corrected text', () => {
    for (const edit of edits) {
      expect(mt.slice(edit.mtStart, edit.mtEnd)).toBe(edit.mtText);
      expect(corrected.slice(edit.correctedStart, edit.correctedEnd)).toBe(edit.correctedText);
    }
  });

  it('gives the same ids on every run, and different ids to different articles', () => {
    expect(extractEdits(mt, corrected).map((e) => e.id)).toEqual(edits.map((e) => e.id));
    expect(new Set(edits.map((e) => e.id)).size).toBe(edits.length);
    const salted = extractEdits(mt, corrected, { salt: 'another-article' });
    expect(salted.some((e, i) => e.id === edits[i]?.id)).toBe(false);
  });

  it('keeps the ids of untouched edits when another paragraph changes', () => {
    const changedElsewhere = corrected.replace('So far, China', 'Until now, China');
    const ids = new Set(extractEdits(mt, changedElsewhere).map((e) => e.id));
    expect(edits.filter((e) => !ids.has(e.id))).toEqual([]);
  });

  it('gives context from the edit’s own paragraph and its paragraph index', () => {
    const sergei = edits.find((e) => e.mtText === 'Sergei');
    expect(sergei?.contextBefore).toBe('Russian Foreign Minister ');
    expect(sergei?.contextAfter.startsWith(' Lavrov and his Chinese')).toBe(true);
    expect(sergei?.paragraph).toBe(9);
  });
});

describe('extractEdits on edge cases', () => {
  it('makes a removed paragraph one edit with its separator', () => {
    const { mt, corrected } = fixture('removed-paragraph');
    expect(pairsOf(mt, corrected)).toEqual([['split\n\n', '']]);
  });

  it('makes an added paragraph one edit', () => {
    const { mt, corrected } = fixture('added-paragraph');
    const edits = extractEdits(mt, corrected);
    expect(edits.filter((e) => e.mtText === '' && e.correctedText.includes('\n\n'))).toHaveLength(1);
    expect(applyVerdicts(mt, edits, new Map(), 'keep-correction')).toBe(corrected);
  });

  it('makes a fully rewritten paragraph one replacement, not a deletion plus an insertion', () => {
    const { mt, corrected } = fixture('rewritten-paragraph');
    const edits = extractEdits(mt, corrected);
    const whole = edits.filter((e) => e.mtText.length > 60 && e.correctedText.length > 60);
    expect(whole.length).toBeGreaterThanOrEqual(1);
    expect(applyVerdicts(mt, edits, new Map(), 'keep-correction')).toBe(corrected);
  });

  it('finds nothing in an unchanged article', () => {
    const { mt, corrected } = fixture('unchanged');
    expect(extractEdits(mt, corrected)).toEqual([]);
  });

  it('keeps Unicode quotes and dashes intact and offsets in string units', () => {
    const { mt, corrected } = fixture('unicode-quotes-dashes');
    const edits = extractEdits(mt, corrected);
    expect(edits.length).toBeGreaterThan(0);
    for (const edit of edits) expect(mt.slice(edit.mtStart, edit.mtEnd)).toBe(edit.mtText);
    expect(applyVerdicts(mt, edits, new Map(), 'keep-correction')).toBe(corrected);
  });

  it('splits neighbouring one-word fixes but keeps a rephrasing whole', () => {
    expect(pairsOf('said president Wladimir Putin.', 'said President Vladimir Putin.')).toEqual([
      ['president', 'President'],
      ['Wladimir', 'Vladimir'],
    ]);
    expect(pairsOf('Lavrov paid a visit for the first time.', 'Lavrov visited China for the first time.')).toEqual([
      ['paid a visit', 'visited China'],
    ]);
  });

  it('makes a word moved a few places (German word order) one edit', () => {
    expect(pairsOf('landed in Huangshan, reports the agency.', 'landed in Huangshan, the agency reports.')).toEqual([
      ['reports the agency', 'the agency reports'],
    ]);
  });

  it('treats a trailing newline difference as its own whitespace edit', () => {
    expect(pairsOf('One.\n\nTwo.\n', 'One.\n\nTwo.')).toEqual([['\n', '']]);
  });

  it('gives a coarse, valid edit list for two unrelated long texts in bounded time', () => {
    const words = (seed: number) =>
      Array.from({ length: 6000 }, (_, i) => `w${(i * seed) % 997}`)
        .join(' ')
        .replace(/(w\d+ ){50}/g, '$&\n\n');
    const mt = words(7);
    const corrected = words(13);
    const started = performance.now();
    const edits = extractEdits(mt, corrected);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(applyVerdicts(mt, edits, new Map(), 'keep-correction')).toBe(corrected);
    expect(applyVerdicts(mt, edits, new Map(), 'keep-mt')).toBe(mt);
  });
});
