// Capitalised-noun check: common words capitalised in mid-sentence, the German way or as a link's first word.
import { isDictionaryEntry, isKnownWord } from './dictionary.ts';
import { capitalisedLoanwords, germanNouns } from './german-words.ts';
import { finding, isCapitalised, nonEmptyLines, opensSentence, type Word, withoutPossessive, words } from './text.ts';
import type { Check } from './types.ts';

// Words English news capitalises on their own: titles and institutions ("the Chancellor"), brands ("on Telegram").
const institutionWords = new Set(
  (
    'Government Chancellor President Minister Ministry Party State States Court Office League Cup Champions Council ' +
    'Commission Committee Assembly Cabinet Army Navy Prime Premier Mayor Governor Secretary Chairman Department Agency ' +
    'Bureau Authority Prosecutor Republic Kingdom Empire Embassy Foundation Institute University Club Group Prize ' +
    'Telegram Signal Threads Meta Apple Shell Target Visa Continental Amazon Bild Welt Spiegel Stern Focus'
  ).split(' '),
);

/** Ranges of short quotations ("“Just and Democratic World Order”"): titles and slogans keep their capitals. */
function shortQuotes(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(/[“"„«»‘]([^”"“«»\n]{1,60})[”"“«»’]/gu)) {
    if (match[1] && match[1].split(/\s+/).length <= 8) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

// "Ministry of Defense", "Department for Education", "Bank of England": capitals joined by a small word.
const nameConnectors = /^\s+(?:of|for|of the|for the|on|de|del|du|and)\s+$/;

/** Capitalised words that stand next to another capitalised word somewhere: parts of names ("Left Party"). */
function namePartWords(text: string, list: readonly Word[]): Set<string> {
  const parts = new Set<string>();
  const add = (word: Word) => parts.add(withoutPossessive(word.text));
  for (let i = 1; i < list.length; i++) {
    const b = list[i] as Word;
    // The capitalised word before: the previous one, or the one before a connector ("Ministry of Defense").
    const previous = list[i - 1];
    const before = previous && isCapitalised(previous.text) ? previous : list[i - 2];
    if (!before || !isCapitalised(b.text) || !isCapitalised(before.text)) continue;
    const gap = text.slice(before.end, b.start);
    // "The Fans": a common word opening the sentence makes no name of what follows.
    if (opensSentence(text, before.start) && isKnownWord(before.text.toLowerCase())) continue;
    if (/^[\s-]*$/.test(gap) || nameConnectors.test(gap)) {
      add(before);
      add(b);
    }
  }
  return parts;
}

/** A headline or label line: short, no sentence punctuation at the end; title case is normal there. */
function headlineRanges(text: string): Array<[number, number]> {
  return nonEmptyLines(text)
    .filter((line) => !/[.!?…:;][”"’)]*$/.test(line.text) || line.text.split(/\s+/).length <= 3)
    .map((line) => [line.start, line.end]);
}

const within = (ranges: Array<[number, number]>, offset: number) => ranges.some(([s, e]) => offset >= s && offset < e);

/** The mid-sentence capitalised common words of `text` ("Increase" in "the Increase truck toll"). */
function capitalisedCommonWords(text: string): Word[] {
  const list = words(text);
  const names = namePartWords(text, list);
  const skip = [...shortQuotes(text), ...headlineRanges(text)];
  const found: Word[] = [];
  for (const word of list) {
    if (!isCapitalised(word.text)) continue;
    const bare = withoutPossessive(word.text);
    if (bare.length < 3 || /\p{Lu}/u.test(bare.slice(1)) || names.has(bare) || institutionWords.has(bare)) continue;
    // German nouns are the german-word check's; loanwords keep the capital English often gives them.
    if (germanNouns.has(bare) || capitalisedLoanwords.has(bare)) continue;
    if (!isKnownWord(bare.toLowerCase()) || isDictionaryEntry(bare) || opensSentence(text, word.start)) continue;
    // The range test is the costly one: last.
    if (!within(skip, word.start)) found.push({ ...word, end: word.start + bare.length, text: bare });
  }
  return found;
}

/** A common noun capitalised in mid-sentence, the German way or as a link's first word ("the Increase truck toll"). */
export const capitalisedNoun: Check = {
  id: 'capitalised-noun',
  name: 'Capitalised common noun',
  description: 'A common word capitalised in mid-sentence, as German capitalises nouns ("the Increase truck toll").',
  family: 'capitalisation',
  category: 'linguistic/spelling',
  run(text) {
    const candidates = capitalisedCommonWords(text);
    // Counted over the whole text, headlines and quotes included: "Patriot" in the headline and in the text.
    const counts = new Map<string, number>();
    const wanted = new Set(candidates.map((word) => word.text));
    for (const word of words(text)) {
      const bare = withoutPossessive(word.text);
      if (wanted.has(bare)) counts.set(bare, (counts.get(bare) ?? 0) + 1);
    }
    // Capitalised every time and never written small: a nickname or brand ("the Lions"), not a slip.
    const lowercase = new Set(words(text).map((word) => word.text));
    const consistent = (word: string) => (counts.get(word) ?? 0) > 1 && !lowercase.has(word.toLowerCase());
    return candidates
      .filter((word) => !consistent(word.text))
      .map((word) => {
        const lower = word.text.toLowerCase();
        const fields = {
          check: 'capitalised-noun',
          start: word.start,
          end: word.end,
          suggestion: lower,
          category: 'linguistic/spelling',
          confidence: 0.8,
        };
        return finding(
          text,
          fields,
          'minor',
          `"${word.text}" is a common word capitalised mid-sentence (German noun casing): "${lower}".`,
        );
      });
  },
};
