// Generates MT / corrected text pairs for the property tests and the benchmark: real-looking words, seeded edits.

/** Words of which no two glued together make another, so a lost space always shows as an unknown word. */
export const vocabulary =
  'the minister said talks between Russia China would continue after meeting foreign ministry statement war support military economic partnership world order security interests dialogue Europe summit visit capital press agency reported Monday Tuesday Wednesday government troops border peace crisis relations cooperation president counterpart video phrase future'.split(
    ' ',
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
  return pick(rand, vocabulary) + pick(rand, suffixes);
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
