// Tests for the German lexicon: compounds split into known parts, common nouns, names and English words told apart.
import { describe, expect, it } from 'vitest';
import { germanKind } from '../../src/checks/german-lexicon.ts';

const kinds = (words: string[]) => words.map((word) => [word, germanKind(word)]);

describe('germanKind', () => {
  it('splits compounds the word lists do not hold, with linking elements and verb stems', () => {
    const compounds = ['Kurzarbeit', 'Gaspreisbremse', 'Arbeitsmarktreform', 'Hundehütte', 'Heizkostenzuschuss'];
    expect(kinds(compounds)).toEqual(compounds.map((word) => [word, 'compound']));
  });
  it('reads listed words as common nouns on evidence: everyday German, a plural, a noun prefix, an agent noun', () => {
    const nouns = ['Ampel', 'Kitas', 'Unfall', 'Raser'];
    expect(kinds(nouns)).toEqual(nouns.map((word) => [word, 'noun']));
  });
  it('never calls a listed word a free-standing compound: it may name a place', () => {
    for (const word of ['Wiesbaden', 'Kaiserslautern']) expect(germanKind(word)).not.toBe('compound');
  });
  it('does not split surnames and leaves listed names without noun evidence as names', () => {
    expect(germanKind('Zimmermann')).toBe('name');
    expect(germanKind('Neckar')).toBe('name');
  });
  it('leaves English compounds and British spellings to English', () => {
    expect(kinds(['Livestream', 'Smartwatch', 'Programmes'])).toEqual([
      ['Livestream', null],
      ['Smartwatch', null],
      ['Programmes', null],
    ]);
  });
  it('links with -e-, -n-, -en-, -er- only where they make a plural of the part before', () => {
    // "Hunde" is a word (Hund-e-hütte); "Salate" is no word of the lists, so "Salat-e-tasse" is no compound.
    expect(germanKind('Hundehütte')).toBe('compound');
    expect(germanKind('Salattasse')).toBe('compound');
    expect(germanKind('Salatetasse')).toBeNull();
  });
  it('reads lowercase words as words, and short or unknown words as nothing German', () => {
    expect(germanKind('arbeit')).toBe('word');
    expect(germanKind('Zug')).toBeNull();
    expect(germanKind('Qwxyzt')).toBeNull();
  });
});
