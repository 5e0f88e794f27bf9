// Part-of-speech tags from compromise (MIT), loaded on first use and only asked about the few sentences a rule picks.
import { createRequire } from 'node:module';

/** A word of a tagged sentence: its text and compromise's tags ("Verb", "PastTense", "ProperNoun", ...). */
export interface TaggedTerm {
  text: string;
  tags: ReadonlySet<string>;
  /** Punctuation and space after the word (", " after "Berlin," in "In Berlin, the ..."). */
  post: string;
}

type Nlp = (text: string) => {
  json(options?: object): Array<{ terms: Array<{ text: string; tags: string[]; post: string }> }>;
};

// Tagging costs about 0.1 ms a word: never the whole text, only sentences a cheap pattern found first.
let nlp: Nlp | undefined;
const cache = new Map<string, TaggedTerm[]>();

/** The sentence's words with their tags (compromise's CommonJS build, required on first use). */
export function tagSentence(sentence: string): TaggedTerm[] {
  let terms = cache.get(sentence);
  if (!terms) {
    nlp ??= createRequire(import.meta.url)('compromise') as Nlp;
    terms = nlp(sentence)
      .json()
      .flatMap((s) => s.terms)
      .map((t) => ({ text: t.text, tags: new Set(t.tags), post: t.post }));
    if (cache.size > 5000) cache.clear();
    cache.set(sentence, terms);
  }
  return terms;
}

/** The sentence of `text` around `offset`: from after the last sentence end to the next one (or the line's end). */
export function sentenceAround(text: string, offset: number): { start: number; text: string } {
  let start = offset;
  while (start > 0 && !/[.!?\n]/.test(text[start - 1] as string)) start--;
  let end = offset;
  while (end < text.length && !/[.!?\n]/.test(text[end] as string)) end++;
  const raw = text.slice(start, Math.min(text.length, end + 1));
  const lead = raw.length - raw.trimStart().length;
  return { start: start + lead, text: raw.trim() };
}
