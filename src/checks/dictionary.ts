// The English dictionary (nspell + dictionary-en), built lazily once, with cached look-ups.
import dictionary from 'dictionary-en';
import nspell from 'nspell';

// Building the speller parses ~50,000 entries and takes a few hundred milliseconds: do it on first use only,
// and remember every answer, since news texts repeat their words.
let speller: ReturnType<typeof nspell> | undefined;
const correctCache = new Map<string, boolean>();
const suggestCache = new Map<string, string | null>();

function getSpeller(): ReturnType<typeof nspell> {
  speller ??= nspell(dictionary as unknown as { aff: Buffer; dic: Buffer });
  return speller;
}

/** True when the dictionary accepts `word` as written (a capitalised form of a common word counts). */
export function isKnownWord(word: string): boolean {
  let known = correctCache.get(word);
  if (known === undefined) {
    known = getSpeller().correct(word);
    correctCache.set(word, known);
  }
  return known;
}

/** True when the dictionary lists `word` itself as an entry, e.g. "Weber" or "Greens": a proper noun when capitalised. */
export function isDictionaryEntry(word: string): boolean {
  return (getSpeller() as unknown as { data: Record<string, unknown> }).data[word] !== undefined;
}

/** The dictionary's best replacement for a misspelled word, or null when it has none (slow: cached). */
export function bestSuggestion(word: string): string | null {
  let best = suggestCache.get(word);
  if (best === undefined) {
    best = getSpeller().suggest(word)[0] ?? null;
    suggestCache.set(word, best);
  }
  return best;
}
