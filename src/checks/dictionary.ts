// The English dictionaries (nspell + dictionary-en, dictionary-en-gb for British forms), built lazily, cached look-ups.
import dictionary from 'dictionary-en';
import britishDictionary from 'dictionary-en-gb';
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

/** True when the word is two known words written together ("bodycams", "livestream"), as English compounds are. */
export function isClosedCompound(word: string): boolean {
  for (let cut = 4; cut <= word.length - 3; cut++) {
    if (isKnownWord(word.slice(0, cut)) && isKnownWord(word.slice(cut))) return true;
  }
  return false;
}

let britishSpeller: ReturnType<typeof nspell> | undefined;
const britishCache = new Map<string, boolean>();
// Words both dictionaries miss that English news uses.
const supplement = new Set([
  'exclave',
  'exclaves',
  'renewables',
  'livestreams',
  'dashcam',
  'dashcams',
  'bodycam',
  'mille',
]);

/**
 * True when American or British English knows `word` ("programme", "onwards"). The British dictionary is built on
 * the first word the American one rejects (half a second once), so texts without such words never pay for it.
 */
export function isEnglishWord(word: string): boolean {
  if (isKnownWord(word) || supplement.has(word)) return true;
  let known = britishCache.get(word);
  if (known === undefined) {
    britishSpeller ??= nspell(britishDictionary as unknown as { aff: Buffer; dic: Buffer });
    known = britishSpeller.correct(word);
    britishCache.set(word, known);
  }
  return known;
}

/** True when the dictionary lists `word` itself as an entry, e.g. "Weber" or "Greens": a proper noun when capitalised. */
export function isDictionaryEntry(word: string): boolean {
  return (getSpeller() as unknown as { data: Record<string, unknown> }).data[word] !== undefined;
}

/**
 * The dictionary's replacement for a misspelled word when one typing slip explains it ("recieved" → "received"), or
 * null: a word further from every suggestion is an abbreviation, a name or a coined word, and the dictionary's
 * nearest entry would be a rarer word ("dpa" → "dopa"). Slow: cached.
 */
export function bestSuggestion(word: string): string | null {
  let best = suggestCache.get(word);
  if (best === undefined) {
    best = closest(word, getSpeller().suggest(word));
    suggestCache.set(word, best);
  }
  return best;
}

/**
 * Edit distance with the weights of typing slips: a swapped pair costs 0.5, a dropped letter put back 0.7, a letter
 * too many 0.8, a wrong letter 1 ("recieved" is nearer "received" than "relieved", "slighty" nearer "slightly"
 * than "slight" or "slights": omissions are the commonest typo).
 */
function typoDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i * 0.8];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j * 0.7);
        continue;
      }
      const above = rows[i - 1] as number[];
      const same = a[i - 1] === b[j - 1];
      let cost = Math.min(
        (above[j] as number) + 0.8,
        (row[j - 1] as number) + 0.7,
        (above[j - 1] as number) + (same ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        cost = Math.min(cost, ((rows[i - 2] as number[])[j - 2] as number) + 0.5);
      }
      row.push(cost);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** The suggestion nearest by typing slips; the speller's own order among equals. */
function closest(word: string, suggestions: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const suggestion of suggestions.slice(0, 8)) {
    const distance = typoDistance(word.toLowerCase(), suggestion.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [suggestion, distance];
  }
  return bestDistance <= 1 && word.length >= 5 ? best : null;
}
