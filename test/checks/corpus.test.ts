// Tests for the corpus-consistency check.
import { describe, expect, it } from 'vitest';
import { corpusNameVariant, corpusNameVariants } from '../../src/checks/corpus.ts';

const corpus = [
  { id: 'a', text: 'Kyrylo Budanov said so. Budanov expects attacks.' },
  { id: 'b', text: 'Military intelligence chief Kyrylo Budanov warned.' },
  { id: 'c', text: 'Budanow spoke on television.' },
];

describe('corpus-name-variant', () => {
  it('flags a spelling that the rest of the corpus writes another way', () => {
    const found = corpusNameVariant.run(corpus[2]?.text ?? '', { corpus, articleId: 'c' });
    expect(found.map((f) => [f.text, f.suggestion])).toEqual([['Budanow', 'Budanov']]);
  });
  it('finds nothing without a corpus, and nothing on the majority spelling', () => {
    expect(corpusNameVariant.run('Budanow spoke.')).toEqual([]);
    expect(corpusNameVariant.run(corpus[0]?.text ?? '', { corpus, articleId: 'a' })).toEqual([]);
  });
});

describe('corpusNameVariants', () => {
  it('reports each spelling with its count and articles', () => {
    const [variant] = corpusNameVariants(corpus);
    expect(variant?.canonical).toBe('Budanov');
    expect(variant?.spellings).toEqual([
      { spelling: 'Budanov', count: 3, articles: ['a', 'b'] },
      { spelling: 'Budanow', count: 1, articles: ['c'] },
    ]);
  });
});
