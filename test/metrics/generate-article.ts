// Generates long articles for the HTER test and benchmark: paragraphs of varied sentences, a few percent post-edited.
import { random, vocabulary } from '../diff/generate-pairs.ts';

const endings = ['.', '.', '.', '.', '?', '!', '."', '.”', ':'];

/** A long MT article and its post-edit: about `words` words, `editRate` of them edited. */
export interface GeneratedArticle {
  mt: string;
  corrected: string;
}

type Rand = () => number;

const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const word = (rand: Rand) => vocabulary[Math.floor(rand() ** 3 * vocabulary.length)] as string;

// A sentence of 3-40 words (now and then a run-on of up to 200), capitalised, commas inside, and an ending.
function sentence(rand: Rand): string[] {
  const length = rand() < 0.02 ? 60 + Math.floor(rand() * 140) : 3 + Math.floor(rand() * 38);
  const words = Array.from({ length }, (_, i) => (i > 0 && rand() < 0.08 ? `${word(rand)},` : word(rand)));
  const first = words[0] as string;
  words[0] = (first[0] as string).toUpperCase() + first.slice(1);
  words[length - 1] += pick(rand, endings);
  return words;
}

// The post-edit of a sentence: substitutions, deletions, insertions and a moved block of 1-3 words, at `rate`.
function postEdit(rand: Rand, words: readonly string[], rate: number): string[] {
  const out: string[] = [];
  for (const token of words) {
    const roll = rand();
    if (roll >= rate) out.push(token);
    else if (roll < rate * 0.4) out.push(word(rand));
    else if (roll < rate * 0.55) continue;
    else if (roll < rate * 0.75) out.push(token, word(rand));
    else out.push(token.toLowerCase());
  }
  if (out.length > 6 && rand() < rate * 4) {
    const block = out.splice(1 + Math.floor(rand() * (out.length - 4)), 1 + Math.floor(rand() * 3));
    out.splice(Math.floor(rand() * out.length), 0, ...block);
  }
  return out;
}

/**
 * An article of about `words` words in paragraphs of 1-8 sentences (a few of them one long list without a sentence
 * end), and its post-edit with about `editRate` of the words changed; deterministic for a seed.
 */
export function generateArticle(seed: number, words: number, editRate = 0.03): GeneratedArticle {
  const rand = random(seed);
  const mt: string[] = [];
  const corrected: string[] = [];
  let count = 0;
  while (count < words) {
    const mtSentences: string[] = [];
    const correctedSentences: string[] = [];
    const list = rand() < 0.01;
    for (let s = list ? 0 : Math.floor(rand() * 8); s >= 0; s--) {
      const tokens = list ? Array.from({ length: 300 }, () => word(rand)) : sentence(rand);
      count += tokens.length;
      mtSentences.push(tokens.join(' '));
      correctedSentences.push(postEdit(rand, tokens, editRate).join(' '));
    }
    mt.push(mtSentences.join(' '));
    corrected.push(correctedSentences.filter((text) => text !== '').join(' '));
  }
  return { mt: mt.join('\n\n'), corrected: corrected.join('\n\n') };
}
