// Generates MT / corrected text pairs for the property tests and the benchmark: real-looking words, seeded edits.

const consonants = 'bdfgklmnprstvwz';
const vowels = 'aeiou';

/**
 * Two-syllable made-up words (1,125 of them): no two glued together make another, so a lost space always shows as
 * an unknown word; drawn with a skew towards the first ones, as real text repeats its common words.
 */
export const vocabulary = [...consonants].flatMap((c1) =>
  [...vowels].flatMap((v1) => [...consonants.slice(0, 3)].flatMap((c2) => [...vowels].map((v2) => c1 + v1 + c2 + v2))),
);

const suffixes = ['', '', '', '', ',', '.', '*', ':'];

/** A small deterministic PRNG (mulberry32), so a failing case is reproducible from its seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

function word(rand: () => number): string {
  return (vocabulary[Math.floor(rand() ** 3 * vocabulary.length)] as string) + pick(rand, suffixes);
}

/** A paragraph of `words` words. */
export function paragraph(rand: () => number, words: number): string {
  return Array.from({ length: words }, () => word(rand)).join(' ');
}

/** The corrected version of a paragraph: about `rate` of its words replaced, deleted, followed by an insertion. */
export function editParagraph(rand: () => number, text: string, rate: number): string {
  const out: string[] = [];
  for (const token of text.split(' ')) {
    const roll = rand();
    if (roll >= rate) out.push(token);
    else if (roll < rate * 0.4) out.push(word(rand));
    else if (roll < rate * 0.6) continue;
    else if (roll < rate * 0.8) out.push(token, word(rand));
    else out.push(token.replace(/[,.*:]$/, ''));
  }
  if (out.length === 0) out.push(word(rand));
  return out.join(' ');
}

/** An article pair: `paragraphs` paragraphs of `wordsPerParagraph` words, edited at `rate`, some paragraphs removed or added. */
export function articlePair(
  seed: number,
  paragraphs: number,
  wordsPerParagraph: number,
  rate: number,
): { mt: string; corrected: string } {
  const rand = random(seed);
  const mt: string[] = [];
  const corrected: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const text = paragraph(rand, 1 + Math.floor(rand() * wordsPerParagraph * 2));
    mt.push(text);
    const roll = rand();
    if (roll < rate) continue;
    corrected.push(editParagraph(rand, text, rate));
    if (roll > 1 - rate) corrected.push(paragraph(rand, 1 + Math.floor(rand() * wordsPerParagraph)));
  }
  return { mt: mt.join('\n\n'), corrected: corrected.join('\n\n') };
}
